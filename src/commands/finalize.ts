import { readFile } from "node:fs/promises";
import { loadConfig } from "../config/load-config.js";
import { FailureError, readProblem, UsageError } from "../errors.js";
import { utf8TextOf } from "../byte-order-mark.js";
import { lintPost } from "../lint/lint-post.js";
import { type Logger, PREFIX } from "../logger.js";
import type { ToolComment } from "../markdown/tool-comments.js";
import { loadParsers } from "../parsers.js";
import { finalizePost } from "../write/finalize-post.js";
import { checkOutputPath, writeOutputFile } from "../write/write-output.js";
import { formatProblems } from "./lint.js";

export interface FinalizeOptions {
  file: string;
  /** `-` prints the finalized post on stdout and leaves the file alone; nothing else is accepted. */
  output?: string;
  /** Finalize a post that `lint` still finds problems with. */
  force: boolean;
  config?: string;
}

export interface FinalizeEnvironment {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  logger: Logger;
  /** Where k8s-weekly.config.json is looked for. */
  cwd: string;
}

/** Posts are a few kilobytes; anything this large is not one. */
const MAX_POST_BYTES = 5 * 1024 * 1024;

/**
 * Turns a draft into the post that gets published: removes the tool's markers and notes, lints
 * the result, and replaces the file atomically, only if it still holds what was read. While lint
 * finds problems (a TODO(editor) left, an empty hand-written section...), they are listed on
 * stderr with the draft's line numbers and nothing is written (exit 1), unless `force`.
 */
export async function runFinalize(options: FinalizeOptions, environment: FinalizeEnvironment): Promise<void> {
  const { file } = options;
  const { logger } = environment;
  if (options.output !== undefined && options.output !== "-") {
    throw new UsageError(`-o ${options.output}: finalize rewrites ${file} in place, or prints the result with -o - (stdout); copy the file first to keep the draft`);
  }
  const toStdout = options.output === "-";
  const config = await loadConfig(options.config, environment.cwd);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if (file === "-") throw new UsageError("finalize -: reads no stdin, since it rewrites its file in place; give the draft's file");
    throw new UsageError(`finalize ${file}: ${readProblem(error)}; give a draft written by k8s-weekly`);
  }
  if (bytes.length > MAX_POST_BYTES) throw new UsageError(`finalize ${file}: larger than 5 MB, not an LWKD post; give the draft's file`);
  // Replacing a device or a folder, or a file in a folder that cannot be written, fails now.
  if (!toStdout) checkOutputPath(file, true, "finalize");
  // Every byte but the tool's is kept: text that is not UTF-8 would not survive decoding.
  const text = utf8TextOf(bytes, `finalize ${file}`);

  await loadParsers();
  const finalized = finalizePost(text);
  const problems = lintPost(finalized.text, config.titleDateFormat ? { titleDateFormat: config.titleDateFormat } : {}).map((problem) => ({
    ...problem,
    line: finalized.sourceLine[problem.line - 1] ?? problem.line,
  }));
  // A post with nothing of the tool's left (finalized already, or written by hand) is not finalized: said once.
  const nothing = finalized.removed.length === 0;
  const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  if (problems.length > 0) {
    // stderr, where every line of the tool's carries its prefix; lint prints the same lines on stdout.
    environment.stderr(formatProblems(file, problems).replace(/^(?=.)/gm, PREFIX));
    if (!options.force) {
      throw new FailureError(
        nothing
          ? `finalize ${file}: the post is not finished (${count} above), and has no k8s-weekly markers or notes to remove; the file was left as it is: finish it`
          : `finalize ${file}: the post is not finished (${count} above); the file was left as it is: finish it, or add --force`,
      );
    }
    if (nothing) {
      logger.warn(`finalize ${file}: has no k8s-weekly markers or notes, so nothing was finalized; ${toStdout ? "printed as it is" : "the file was left as it is"}, with ${count} (above)`);
    } else {
      logger.warn(`finalize ${file}: finalized with ${count} left (--force)`);
    }
  }
  if (nothing && problems.length === 0) logger.info(`finalize ${file}: has no k8s-weekly markers or notes; ${toStdout ? "printed as it is" : "the file was left as it is"}`);
  if (toStdout) {
    environment.stdout(finalized.text);
    return;
  }
  if (nothing) return;
  await writeOutputFile(file, finalized.text, { force: true, flag: "finalize", expected: bytes });
  logger.info(`finalized ${file}: removed ${describeRemoved(finalized.removed)}`);
}

function describeRemoved(removed: readonly ToolComment[]): string {
  const markers = removed.filter((comment) => comment.kind === "marker").length;
  const notes = removed.filter((comment) => comment.kind === "note").map((comment) => comment.name);
  const parts = [
    ...(markers > 0 ? [`${markers} marker${markers === 1 ? "" : "s"}`] : []),
    ...(notes.length > 0 ? [`the note${notes.length === 1 ? "" : "s"} ${notes.map((name) => `"${name}"`).join(", ")}`] : []),
  ];
  return parts.join(" and ");
}
