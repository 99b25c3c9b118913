import { readFileSync, readlinkSync } from "node:fs";
import { FailureError } from "./errors.js";

/**
 * The real process's stdout, failing the way every other output problem does: one line, exit 1.
 * A reader that stopped reading (EPIPE, `| head`) is the reader's choice and is left to bin/.
 */
export function processStdout(): (text: string) => void {
  process.stdout.prependListener("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") return;
    // Asynchronous (after main returned): no caller is left to report it, so report and exit here.
    process.stderr.write(`k8s-weekly: cannot write the draft to stdout (${error.code ?? error.message}); free some space or write it with -o FILE\n`);
    process.exit(1);
  });
  let checked = false;
  return (text) => {
    if (!checked && stdoutClosed()) {
      throw new FailureError("stdout is closed, so the output would be lost; redirect it to a file, or write the draft with -o FILE");
    }
    checked = true;
    process.stdout.write(text);
  };
}

/**
 * Node opens /dev/null read-write in place of a closed stdout (`>&-`), where a shell's
 * `> /dev/null` opens it write-only: only the first is a draft silently lost. Linux only.
 */
function stdoutClosed(): boolean {
  try {
    if (readlinkSync("/proc/self/fd/1") !== "/dev/null") return false;
    const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync("/proc/self/fdinfo/1", "utf8"))?.[1];
    // O_ACCMODE is 3, O_RDWR 2.
    return flags !== undefined && (Number.parseInt(flags, 8) & 3) === 2;
  } catch {
    return false;
  }
}
