/** Bad flags, dates, files or templates: the user can fix the command line. Exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly exitCode = 2;
}

/** Network, GitHub, cache or rendering failures. Exit code 1. */
export class FailureError extends Error {
  override readonly name = "FailureError";
  readonly exitCode = 1;
}

/** Node's errno codes in the words a message gives them; a code not here is rare, and stays a code (EIO) that a search finds. */
// A Map: an error's code is a string from outside, and "constructor" must find nothing.
const ERRNO_WORDS: ReadonlyMap<string, string> = new Map([
  ["EACCES", "permission denied"],
  ["EPERM", "permission denied"],
  ["EROFS", "read-only file system"],
  ["ENOSPC", "no space left on the disk"],
]);

/**
 * Why a file-system call failed, in plain words for the parentheses of a message
 * (`cannot create files in posts (permission denied)`) where Node's error says EACCES. An error
 * without a code is given by its message.
 */
export function errnoWords(error: unknown): string {
  const { code, message } = (error ?? {}) as Partial<NodeJS.ErrnoException>;
  return (code === undefined ? undefined : ERRNO_WORDS.get(code)) ?? code ?? message ?? "error";
}

/**
 * What is wrong with the file or folder a message names when reading it failed, said of it:
 * `does not exist`, `is a folder`, `is not a folder` (a file given for a folder), else
 * `cannot be read (permission denied)`.
 */
export function readProblem(error: unknown): string {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if (code === "ENOENT") return "does not exist";
  if (code === "EISDIR") return "is a folder";
  // Listing a file as a folder; opening `post.md/x` fails with it too, where the path goes through a file.
  if (code === "ENOTDIR") return syscall === "scandir" || syscall === "opendir" ? "is not a folder" : "does not exist (part of its path is a file)";
  return `cannot be read (${errnoWords(error)})`;
}
