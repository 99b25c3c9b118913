import { statSync } from "node:fs";

/**
 * The corpus of LWKD weeks and release-note picks is not part of the repository (see README, "How
 * well it does"): a folder that is not there is one line on stderr and exit 2, not a stack trace.
 * `usage` is the command with DIR in it ("npm run eval -- DIR"). Returns null after saying so.
 */
export function corpusDir(dir: string, usage: string, write: (line: string) => void = (line) => process.stderr.write(line)): string | null {
  let problem: string | null = null;
  try {
    if (!statSync(dir).isDirectory()) problem = "not a folder";
  } catch (error) {
    problem = (error as NodeJS.ErrnoException).code ?? "unreadable";
  }
  if (problem === null) return dir;
  const script = usage.split(" ").slice(0, 3).join(" ");
  write(`${script}: no corpus folder at ${dir} (${problem}); the corpus is not in the repository, give the folder that holds it: ${usage}\n`);
  process.exitCode = 2;
  return null;
}
