import { readFile } from "node:fs/promises";
import { UsageError } from "../errors.js";
import { lintPost } from "../lint/lint-post.js";
import { loadParsers } from "../parsers.js";

/** Prints one line per problem and returns the exit code: 0 clean, 1 problems. */
export async function runLint(path: string, stdout: (text: string) => void): Promise<number> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`lint ${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"}); give an LWKD post`);
  }
  await loadParsers();
  const problems = lintPost(text);
  for (const problem of problems) stdout(`${path}:${problem.line}: ${problem.message}\n`);
  return problems.length > 0 ? 1 : 0;
}
