import { UsageError } from "./errors.js";

/** An option that takes a value: a date, a file, a folder, a name. */
export interface ValueOption {
  long: string;
  short?: string;
  /** How messages name it: the long name, but `-o` for --output, as everywhere else. */
  name?: string;
  /** What it needs, as in "--week needs a date". */
  needs: string;
  /** How to give it, as in "(--week YYYY-MM-DD)". */
  usage: string;
  /** The one value that starts with "-" and is meant: `-` for stdout or stdin. */
  dash?: boolean;
}

export const WEEK: ValueOption = { long: "--week", short: "-w", needs: "a date", usage: "--week YYYY-MM-DD" };
export const THROUGH: ValueOption = { long: "--through", needs: "a date", usage: "--through YYYY-MM-DD" };
export const DATE: ValueOption = { long: "--date", needs: "a date", usage: "--date YYYY-MM-DD" };
export const PREVIOUS: ValueOption = { long: "--previous", needs: "a file or folder", usage: "--previous FILE" };
export const OUTPUT: ValueOption = { long: "--output", short: "-o", name: "-o", needs: "a file name", usage: "-o FILE, or -o - for stdout", dash: true };
export const UPDATE: ValueOption = { long: "--update", short: "-u", needs: "a file", usage: "--update FILE" };
export const INPUT: ValueOption = { long: "--input", needs: "a file", usage: "--input FILE, or --input - for stdin", dash: true };
export const CONFIG: ValueOption = { long: "--config", short: "-c", needs: "a file", usage: "--config FILE" };
export const TEMPLATE: ValueOption = { long: "--template", needs: "a file", usage: "--template FILE" };
export const PARTIALS: ValueOption = { long: "--partials", needs: "a folder", usage: "--partials DIR" };
export const TOKEN: ValueOption = { long: "--token", needs: "a token", usage: "--token TOKEN" };
export const REPO: ValueOption = { long: "--repo", short: "-r", needs: "a repository", usage: "--repo OWNER/NAME" };
/** finalize's -o, which takes `-` alone. */
export const FINALIZE_OUTPUT: ValueOption = { long: "--output", short: "-o", name: "-o", needs: "a value", usage: "-o -, which prints the post on stdout", dash: true };

/**
 * An option's value that is surely not one: commander takes the word after an option as its
 * value even when it is a flag (`--week --offline` is the week "--offline"), and the rest of a
 * short option after `=` (`-w=2021-07-04` is the week "=2021-07-04"). No date, path, token or
 * repository the tool takes starts with either; a file whose name does is `./-NAME`. An empty
 * value (`-c ''`, often an unset variable) would read as no option at all, and the run would
 * quietly use the default instead.
 */
export function checkOptionValue(option: ValueOption, value: string | undefined): void {
  if (value === undefined) return;
  const name = option.name ?? option.long;
  if (value === "") throw new UsageError(`${name} '': give ${option.needs} (${option.usage})`);
  const rest = value.slice(1);
  if ((value.startsWith("-") && !(option.dash === true && value === "-")) || value === "=") {
    throw new UsageError(`${name} needs ${option.needs} (${option.usage})`);
  }
  if (value.startsWith("=")) {
    throw new UsageError(
      option.short !== undefined
        ? `${option.short}=${rest}: a short option takes its value after a space; write ${option.short} ${rest} or ${option.long}=${rest}`
        : `${option.long} "${value}": write ${option.long} ${rest} or ${option.long}=${rest}`,
    );
  }
}

/** The option's value once checked, as a parser of commander's: the check runs as the option is read. */
export function checked(option: ValueOption): (value: string) => string {
  return (value) => {
    checkOptionValue(option, value);
    return value;
  };
}
