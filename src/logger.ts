/** Everything that is not the draft goes to stderr, through here, with secrets masked. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
  /** Every warning said so far, so the JSON draft can carry them too. */
  readonly warnings: readonly string[];
  /** A secret learnt later (the GitHub CLI's token) is masked from then on. */
  addSecret(secret: string): void;
}

export interface LoggerOptions {
  quiet?: boolean;
  verbose?: boolean;
  /** Strings that must never be printed (the token). */
  secrets?: readonly string[];
  write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((secret) => secret.length > 0);
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const warnings: string[] = [];
  const mask = (message: string): string =>
    secrets.reduce((text, secret) => text.split(secret).join("***"), message);
  return {
    warnings,
    addSecret(secret) {
      if (secret.length > 0 && !secrets.includes(secret)) secrets.push(secret);
    },
    info(message) {
      if (!options.quiet) write(`${mask(message)}\n`);
    },
    warn(message) {
      const masked = mask(message);
      warnings.push(masked);
      write(`warning: ${masked}\n`);
    },
    debug(message) {
      if (options.verbose) write(`${mask(message)}\n`);
    },
  };
}
