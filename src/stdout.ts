import { readFileSync, readlinkSync } from "node:fs";
import { errnoWords, FailureError } from "./errors.js";

/** What a command writes on stdout, and another way to get it when stdout cannot take it. */
interface StdoutUse {
  what: string;
  instead?: string;
}

// Only draft has -o FILE: the others can only be redirected.
// A Map: a command name is looked up, and no name may find Object.prototype's members.
const USES: ReadonlyMap<string, StdoutUse> = new Map([
  ["draft", { what: "the draft", instead: "write the draft with -o FILE" }],
  // Not "leave out -o -": that rewrites the draft and drops the markers --update needs.
  ["finalize", { what: "the post" }],
  ["lint", { what: "lint's report" }],
  ["week", { what: "the week" }],
]);
const HELP: StdoutUse = { what: "the help" };

export interface ProcessStdout {
  write: (text: string) => void;
  /** The command about to run (`draft`), so that a failure suggests a fix that it has. */
  setCommand: (name: string) => void;
}

/**
 * The real process's stdout, failing the way every other output problem does: one line, exit 1.
 * A reader that stopped reading (EPIPE, `| head`) is the reader's choice and is left to bin/.
 */
export function processStdout(): ProcessStdout {
  // Help and --version are printed before any command runs.
  let use = HELP;
  process.stdout.prependListener("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") return;
    // Asynchronous (after main returned): no caller is left to report it, so report and exit here.
    const fix = use.instead === undefined ? "redirect it elsewhere" : use.instead;
    process.stderr.write(`k8s-weekly: cannot write ${use.what} to stdout (${errnoWords(error)}); free some space or ${fix}\n`);
    process.exit(1);
  });
  let checked = false;
  return {
    write: (text) => {
      if (!checked && stdoutClosed()) {
        const fix = use.instead === undefined ? "" : `, or ${use.instead}`;
        throw new FailureError(`stdout is closed, so ${use.what} would be lost; redirect it to a file${fix}`);
      }
      checked = true;
      process.stdout.write(text);
    },
    setCommand: (name) => {
      use = USES.get(name) ?? HELP;
    },
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
