/**
 * Everything that is not the draft goes to stderr, through here, with secrets masked. Every line
 * starts "k8s-weekly: ", and a warning's "k8s-weekly: warning: " (the GNU style, as errors are
 * "k8s-weekly: MESSAGE"), so that the tool's lines stand out among other tools' in a CI log.
 */
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

export const PREFIX = "k8s-weekly: ";

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
      if (!options.quiet) write(`${PREFIX}${mask(message)}\n`);
    },
    warn(message) {
      const masked = mask(message);
      warnings.push(masked);
      write(`${PREFIX}warning: ${masked}\n`);
    },
    debug(message) {
      if (options.verbose) write(`${PREFIX}${mask(message)}\n`);
    },
  };
}
