import { readFile } from "node:fs/promises";
import { loadConfig } from "../config/load-config.js";
import { errnoWords, readProblem, UsageError } from "../errors.js";
import { lintPost, type LintProblem } from "../lint/lint-post.js";
import { loadParsers } from "../parsers.js";
import { utf8TextOf } from "../byte-order-mark.js";

export interface LintOptions {
  /** Accept what a draft in progress still has: TODO(editor), the tool's notes and markers, empty hand-written sections. */
  draft: boolean;
  config?: string;
}

export interface LintIo {
  stdout: (text: string) => void;
  /** The whole of stdin, for the file `-`. */
  readStdin: () => Promise<Buffer>;
  /** Where k8s-weekly.config.json is looked for. */
  cwd: string;
}

/** How `-` is named in the problems printed. */
export const STDIN_NAME = "<stdin>";

/** Posts are a few kilobytes; anything this large is not one, and is not parsed. */
const MAX_POST_BYTES = 5 * 1024 * 1024;

/**
 * Prints one line per problem (`FILE:LINE: message`), then a summary line (`2 files, 3 problems`),
 * and returns the exit code: 0 clean, 1 problems. Every file is read before any is checked: one
 * that cannot be read, or a bad config, is a usage error (exit 2) and nothing is printed.
 */
export async function runLint(files: readonly string[], options: LintOptions, io: LintIo): Promise<number> {
  if (files.filter((file) => file === "-").length > 1) throw new UsageError("lint: - (stdin) can be given only once");
  const config = await loadConfig(options.config, io.cwd);
  const posts: Array<{ name: string; text: string }> = [];
  for (const file of files) posts.push({ name: file === "-" ? STDIN_NAME : file, text: await readPost(file, io) });
  await loadParsers();
  let shown = 0;
  let accepted = 0;
  for (const post of posts) {
    for (const problem of lintPost(post.text, config.titleDateFormat ? { titleDateFormat: config.titleDateFormat } : {})) {
      if (options.draft && problem.unfinished) {
        accepted += 1;
        continue;
      }
      io.stdout(formatProblems(post.name, [problem]));
      shown += 1;
    }
  }
  io.stdout(`${lintSummary(posts.length, shown, accepted)}\n`);
  return shown > 0 ? 1 : 0;
}

/** `2 files, 3 problems`, and what `--draft` let through. */
export function lintSummary(files: number, problems: number, accepted = 0): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const draft = accepted > 0 ? ` (${count(accepted, "unfinished part")} accepted by --draft)` : "";
  return `${count(files, "file")}, ${count(problems, "problem")}${draft}`;
}

/** The problems as `lint` prints them, for another command that lints (finalize). */
export function formatProblems(name: string, problems: readonly LintProblem[]): string {
  return problems.map((problem) => `${name}:${problem.line}: ${problem.message}\n`).join("");
}

async function readPost(file: string, io: LintIo): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = file === "-" ? await io.readStdin() : await readFile(file);
  } catch (error) {
    throw new UsageError(file === "-" ? `lint - (stdin): cannot read stdin (${errnoWords(error)}); give an LWKD post` : `lint ${file}: ${readProblem(error)}; give an LWKD post`);
  }
  if (bytes.length > MAX_POST_BYTES) throw new UsageError(`lint ${file}: larger than 5 MB, not an LWKD post; give the post's file`);
  return utf8TextOf(bytes, `lint ${file === "-" ? "- (stdin)" : file}`);
}
