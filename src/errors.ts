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
