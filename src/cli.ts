import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { UsageError } from "./errors.js";
import { checked, CONFIG, DATE, FINALIZE_OUTPUT, INPUT, OUTPUT, PARTIALS, PREVIOUS, REPO, TEMPLATE, THROUGH, TOKEN, UPDATE, WEEK } from "./option-values.js";
import { packageVersion } from "./package-paths.js";
import { TOKEN_VARIABLES } from "./token-variables.js";
import { processStdout } from "./stdout.js";

/** Where a run reads and writes, so that tests can run the whole CLI in their own process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Where k8s-weekly.config.json is looked for; file arguments are opened as given, from the process's folder. */
  cwd: string;
  /** The whole of stdin, for `lint -`; default the process's. */
  stdin?: () => Promise<Buffer>;
  /** Help is wrapped to this width; commander's 80 when stdout is not a terminal. */
  helpWidth?: number;
  /**
   * Milliseconds that one second of waiting lasts: retry back-off, rate-limit resets, the spacing
   * GitHub asks for between searches. Only tests lower it, to run those paths in milliseconds;
   * it is deliberately no flag or variable, so no user can make k8s-weekly hammer GitHub.
   */
  waitSecondMs?: number;
  /** Told the command about to run (`draft`, `export`): the process's stdout words its failures for it. */
  commandStarting?: (name: string) => void;
}

/** The real process's streams and folder, for bin/k8s-weekly.js. */
export function processIo(): CliIo {
  const stdout = processStdout();
  return {
    stdout: stdout.write,
    commandStarting: stdout.setCommand,
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    ...(process.stdout.isTTY ? { helpWidth: process.stdout.columns } : {}),
  };
}

/**
 * Exit codes: 0 done, 1 failure (network, GitHub, rendering), 2 usage (flags, dates, files).
 * Returns the code instead of exiting and touches no process-wide state, so it can run many times
 * in one process.
 */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = processIo()): Promise<number> {
  let token: string | undefined;
  const program = new Command()
    .name("k8s-weekly")
    .description('Drafts the weekly "Last Week in Kubernetes Development" post from the PRs merged on GitHub.')
    .version(version(), "-V, --version", "print the version")
    .exitOverride()
    .configureOutput({
      writeErr: (text) => io.stderr(maskSecrets(text, argv, env)),
      writeOut: (text) => io.stdout(text),
      // Commander would otherwise ask process.stdout and NO_COLOR; our help has no colours anyway.
      getOutHelpWidth: () => io.helpWidth ?? 80,
      getErrHelpWidth: () => io.helpWidth ?? 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .showSuggestionAfterError()
    // Commander's own help command prints the whole help for an unknown name; ours says one line.
    .helpCommand(false);
  // Which command ran, so that a usage error can point at that command's help.
  let active: Command = program;
  // Options are read before preAction: a value refused as it is read (checked below) names its command's help too.
  program.hook("preSubcommand", (_program, subcommand) => {
    active = subcommand;
  });
  program.hook("preAction", (_program, actionCommand) => {
    active = actionCommand;
    io.commandStarting?.(actionCommand.name());
  });

  program
    .command("draft")
    .description("draft one week's post (Monday 00:00 to Sunday 23:59:59 UTC)")
    .option("-w, --week <date>", 'the Sunday that ends the week (YYYY-MM-DD), any day inside it, or "last" (with --update: the week its slug names)', checked(WEEK), "last")
    .option("--through <date>", "end the window at the end of this day (YYYY-MM-DD, the Sunday or up to 14 days after it) instead of the Sunday", checked(THROUGH))
    .option("--previous <file>", "the previous post, or a folder of posts: PRs it already linked are skipped", checked(PREVIOUS))
    .addOption(new Option("-f, --format <format>", "markdown post or JSON data").choices(["markdown", "json"]).default("markdown"))
    .option("-o, --output <file>", "write to this file atomically (- is stdout)", checked(OUTPUT))
    .option("--force", "let -o FILE replace an existing file")
    .option("-u, --update <file>", "refresh the generated sections of an earlier draft, keeping the editor's changes", checked(UPDATE))
    .addOption(
      new Option("-r, --repo <owner/name>", "repository to draft from, repeatable")
        .argParser((value: string, previous: string[]) => collect(checked(REPO)(value), previous))
        .default([], "kubernetes/kubernetes"),
    )
    .option("--token <token>", "GitHub token (default: $GITHUB_TOKEN or $GH_TOKEN for github.com, $GH_ENTERPRISE_TOKEN for other hosts, then gh)", checked(TOKEN))
    .option("--api-url <url>", "GitHub API URL (default: $GITHUB_API_URL, then https://api.github.com)")
    .addOption(
      new Option("--input <file>", "read the week's PRs from a JSON file of GitHub search items instead of GitHub (- for stdin)").argParser(checked(INPUT)).conflicts(["offline", "refresh"]),
    )
    .addOption(new Option("--offline", "never touch the network: use the cache or the sample weeks shipped with the package").conflicts("refresh"))
    .option("--refresh", "fetch from GitHub even when the week is cached")
    .option("--allow-empty", "write the draft even when kubernetes/kubernetes had no merged PRs in the week")
    .option("--date <date>", 'front matter date (YYYY-MM-DD or "YYYY-MM-DD HH:MM:SS -0000"; an offset is read in UTC)', checked(DATE))
    .option("-c, --config <file>", "config file (default: k8s-weekly.config.json in the working folder)", checked(CONFIG))
    .option("--template <file>", "main Handlebars template to use instead of the default", checked(TEMPLATE))
    .option("--partials <dir>", "folder of Handlebars partials that replace or add to the defaults", checked(PARTIALS))
    .option("--timeout <seconds>", "give up on a GitHub request after this long", seconds, 30)
    .option("--max-wait <seconds>", "longest wait for a GitHub rate-limit reset", seconds, 60)
    .option("--max-requests <count>", "most requests one run sends to GitHub; past it the run fails", count, 1000)
    .addOption(new Option("-q, --quiet", "print only warnings and errors on stderr").conflicts("verbose"))
    .option("-v, --verbose", "log every GitHub request on stderr")
    .option("--prereleases", "also list prereleases of related projects under Subprojects and Dependency Updates")
    .option("--explain", "after the draft, list every PR of the week on stderr with its section or why it was skipped")
    .addHelpText(
      "after",
      `
Examples:
  k8s-weekly draft --week 2021-07-04 --offline          the sample week, no token needed
  k8s-weekly draft -o _posts/SUNDAY-update.md           last week from GitHub ($GITHUB_TOKEN), named by its Sunday
  k8s-weekly draft --week 2024-02-25 -o post.md --force
  k8s-weekly draft --week 2021-07-04 --update post.md   refresh a draft an editor has changed
  k8s-weekly draft --week 2021-07-04 --offline --format json

Environment:
  GITHUB_TOKEN, GH_TOKEN    token for github.com (else gh auth token)
  GH_ENTERPRISE_TOKEN, GITHUB_ENTERPRISE_TOKEN
                            token for any other API host
  GITHUB_API_URL            API URL when --api-url is not given (set by GitHub Actions)
  XDG_CACHE_HOME            cache in $XDG_CACHE_HOME/k8s-weekly (default ~/.cache/k8s-weekly)
  NO_COLOR                  honoured: k8s-weekly never prints colour

Exit codes:
  0         the draft was written
  1         a failure: network, GitHub, cache, rendering, an offline week with no data
  2         a usage error: a flag, a date, a file, the config or a template
  130, 143  stopped by Ctrl-C (SIGINT) or SIGTERM: an output file is the old one or the new one, whole`,
    )
    .action(async (options: RawDraftOptions, command: Command) => {
      // Short values would mask common letters all over stderr, and no GitHub token is that short.
      if (options.token !== undefined && options.token.length < 8) {
        throw new UsageError(`--token: too short for a GitHub token (${options.token.length} character${options.token.length === 1 ? "" : "s"}); give the whole token`);
      }
      const [{ runDraft }, { createLogger }] = await Promise.all([import("./commands/draft.js"), import("./logger.js")]);
      // The flag and the variables are known now, so every message can mask them from the start.
      const known = [options.token, ...TOKEN_VARIABLES.map((name) => env[name])].filter((value): value is string => Boolean(value));
      const logger = createLogger({ quiet: options.quiet === true, verbose: options.verbose === true, secrets: known, write: io.stderr });
      // Asking the GitHub CLI costs a process start, and loading child_process part of an offline
      // draft's start: both only when the network is about to be used.
      const apiUrl = options.apiUrl ?? nonEmpty(env.GITHUB_API_URL) ?? "https://api.github.com";
      let asked = false;
      const getToken = async (): Promise<string | undefined> => {
        if (asked) return token;
        asked = true;
        const { resolveToken } = await import("./auth.js");
        // The URL is checked by runDraft before the network is used; a bad one has no token.
        const found = URL.canParse(apiUrl) ? resolveToken(options.token, env, apiUrl) : undefined;
        if (found) {
          token = found.token;
          logger.addSecret(token);
          logger.info(`GitHub token: from ${found.source}`);
        }
        return token;
      };
      await runDraft(
        {
          // Left out when not given: an --update file names its own week.
          ...(command.getOptionValueSource("week") === "default" ? {} : { week: options.week }),
          ...(options.through !== undefined ? { through: options.through } : {}),
          ...(options.previous !== undefined ? { previous: options.previous } : {}),
          format: options.format,
          ...(options.output !== undefined ? { output: options.output } : {}),
          force: options.force === true,
          ...(options.update !== undefined ? { update: options.update } : {}),
          repos: options.repo,
          getToken,
          apiUrl,
          ...(options.input !== undefined ? { input: options.input } : {}),
          offline: options.offline === true,
          refresh: options.refresh === true,
          allowEmpty: options.allowEmpty === true,
          ...(options.date !== undefined ? { date: options.date } : {}),
          ...(options.template !== undefined ? { template: options.template } : {}),
          ...(options.config !== undefined ? { config: options.config } : {}),
          ...(options.partials !== undefined ? { partials: options.partials } : {}),
          timeoutSeconds: options.timeout,
          maxWaitSeconds: options.maxWait,
          maxRequests: options.maxRequests,
          explain: options.explain === true,
          prereleases: options.prereleases === true,
          userAgent: `k8s-weekly/${version()}`,
        },
        {
          now: new Date(),
          env,
          logger,
          stdout: io.stdout,
          stderr: io.stderr,
          cwd: io.cwd,
          ...(io.waitSecondMs !== undefined ? { waitSecondMs: io.waitSecondMs } : {}),
        },
      );
    });

  let exitCode = 0;
  program
    .command("lint")
    .description("check posts against the LWKD style guide")
    .argument("<files...>", "the posts to check; - reads one from stdin")
    .option("--draft", "accept what a draft in progress still has: TODO(editor), the tool's notes and markers, empty hand-written sections")
    .option("-c, --config <file>", "config file, for titleDateFormat (default: k8s-weekly.config.json in the working folder)", checked(CONFIG))
    .addHelpText(
      "after",
      `
Exit codes:
  0  no problems in any file (with --draft, none but what a draft may still have)
  1  problems, listed on stdout
  2  a usage error: a file that cannot be read (nothing is checked then), - twice, an invalid config`,
    )
    .action(async (files: string[], options: { draft?: boolean; config?: string }) => {
      const { runLint } = await import("./commands/lint.js");
      exitCode = await runLint(files, { draft: options.draft === true, ...(options.config !== undefined ? { config: options.config } : {}) }, {
        stdout: io.stdout,
        readStdin: io.stdin ?? readProcessStdin,
        cwd: io.cwd,
      });
    });

  program
    .command("finalize")
    .description("turn a finished draft into the post to publish: remove the tool's markers and notes, in place")
    .argument("<file>", "the draft to finalize")
    .option("-o, --output <file>", "only - (stdout): print the post instead of rewriting the file", checked(FINALIZE_OUTPUT))
    .option("--force", "finalize even when lint finds problems (a TODO(editor) left, an empty section)")
    .option("-c, --config <file>", "config file, for titleDateFormat (default: k8s-weekly.config.json in the working folder)", checked(CONFIG))
    .addHelpText(
      "after",
      `
Exit codes:
  0  the post is finalized (unless forced, it passes lint), or had nothing of the tool's to remove
  1  the post is not finished (its problems listed), the file changed meanwhile, or writing it failed
  2  a usage error: a file that cannot be read or replaced where it is, an -o other than -, the config`,
    )
    .action(async (file: string, options: { output?: string; force?: boolean; config?: string }) => {
      const [{ runFinalize }, { createLogger }] = await Promise.all([import("./commands/finalize.js"), import("./logger.js")]);
      await runFinalize(
        {
          file,
          force: options.force === true,
          ...(options.output !== undefined ? { output: options.output } : {}),
          ...(options.config !== undefined ? { config: options.config } : {}),
        },
        { stdout: io.stdout, stderr: io.stderr, logger: createLogger({ write: io.stderr }), cwd: io.cwd },
      );
    });

  program
    .command("templates")
    .description("work with the post templates")
    .command("export")
    .description("copy the default template and partials into a folder for editing")
    .argument("<dir>", "folder to copy them into")
    .option("--force", "replace files that exist")
    .option("-q, --quiet", "print only errors on stderr")
    .addHelpText(
      "after",
      `
Exit codes:
  0  the templates were copied
  1  a failure: the disk filled up midway
  2  a usage error: no folder name, a file where a folder must be, an unwritable folder, files that exist`,
    )
    .action(async (dir: string, options: { force?: boolean; quiet?: boolean }) => {
      const [{ exportTemplates }, { createLogger }] = await Promise.all([
        import("./commands/templates-export.js"),
        import("./logger.js"),
      ]);
      await exportTemplates(dir, options.force === true, createLogger({ write: io.stderr, quiet: options.quiet === true }));
    });

  program
    .command("week")
    .description("print the week that --week (and --through) name, as the JSON draft's \"week\"")
    .option("-w, --week <date>", 'the Sunday that ends the week (YYYY-MM-DD), any day inside it, or "last"', checked(WEEK), "last")
    .option("--through <date>", "end the window at the end of this day (YYYY-MM-DD, the Sunday or up to 14 days after it)", checked(THROUGH))
    .addHelpText(
      "after",
      `
Exit codes:
  0  the week was printed
  1  stdout could not be written
  2  a usage error: a --week or --through that draft would refuse`,
    )
    .action(async (options: { week: string; through?: string }) => {
      const { resolveWeekJson } = await import("./commands/week.js");
      const { json, note } = resolveWeekJson(options.week, options.through, new Date());
      if (note !== undefined) io.stderr(`k8s-weekly: ${note}\n`);
      io.stdout(json);
    });

  program
    .command("help")
    .description("print the help of a command")
    .argument("[command...]", "the command, e.g. draft or templates export")
    .action((names: string[]) => {
      const known = (parent: Command): string => parent.commands.map((candidate) => candidate.name()).filter((name) => name !== "help").join(", ");
      let command: Command = program;
      for (const [index, name] of names.entries()) {
        // `help help` is help's own usage, as `help draft` is draft's.
        const found = command.commands.find((candidate) => candidate.name() === name);
        if (!found) {
          // Past a command without subcommands (`help draft lint`), the commands to name are the top-level ones.
          const leaf = command.commands.length === 0;
          const reason = leaf ? `: ${names.slice(0, index).join(" ")} has no subcommands` : "";
          throw new UsageError(`unknown command '${names.join(" ")}'${reason} (commands: ${known(leaf ? program : command)})`);
        }
        command = found;
      }
      command.outputHelp();
    });

  // Commander's errors ("error: unknown option '--weeks'\n(Did you mean --week?)") in our style,
  // each naming the help of the command it came from.
  for (const command of withSubcommands(program)) {
    command.configureOutput({ outputError: (text, write) => write(usageLine(commanderMessage(text), command)) });
  }

  program.addHelpText(
    "after",
    `
Examples:
  k8s-weekly draft --week 2021-07-04 --offline    print the sample week's draft
  k8s-weekly draft --week last -o post.md         draft last week from GitHub
  k8s-weekly templates export my-templates        copy the templates out for editing
  k8s-weekly lint _posts/2021-07-04-update.md     check a post against the LWKD style guide
  k8s-weekly finalize post.md                     remove the tool's markers and notes to publish it
  k8s-weekly week --week last                     the dates of last week, as JSON
  k8s-weekly draft --help                         all options of draft`,
  );

  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    return reportError(error, token, argv, env, io.stderr, active.name() === "help" ? program : active);
  }
}

interface RawDraftOptions {
  week: string;
  through?: string;
  previous?: string;
  format: "markdown" | "json";
  output?: string;
  force?: boolean;
  update?: string;
  repo: string[];
  token?: string;
  apiUrl?: string;
  input?: string;
  offline?: boolean;
  refresh?: boolean;
  allowEmpty?: boolean;
  date?: string;
  template?: string;
  partials?: string;
  config?: string;
  timeout: number;
  maxWait: number;
  maxRequests: number;
  quiet?: boolean;
  verbose?: boolean;
  explain?: boolean;
  prereleases?: boolean;
}

function reportError(
  error: unknown,
  token: string | undefined,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  stderr: (text: string) => void,
  command: Command,
): number {
  if (error instanceof CommanderError) {
    // Commander has printed its own message; help and version are successes.
    return error.exitCode === 0 ? 0 : 2;
  }
  const exitCode = hasExitCode(error) ? error.exitCode : 1;
  const message = error instanceof Error ? error.message : String(error);
  const safe = maskSecrets(token ? message.split(token).join("***") : message, argv, env).split("\n")[0] ?? "";
  stderr(exitCode === 2 ? usageLine(safe, command) : `k8s-weekly: ${safe}\n`);
  return exitCode;
}

/**
 * Every line k8s-weekly writes on stderr starts "k8s-weekly: " (GNU style: "k8s-weekly: warning: "
 * for warnings); a usage error (exit 2) ends by naming the help of the command it concerns.
 */
function usageLine(message: string, command: Command): string {
  return `k8s-weekly: ${message}; see ${commandPath(command)} --help\n`;
}

/** "error: unknown option '--weeks'\n(Did you mean --week?)\n" → "unknown option '--weeks' (did you mean --week?)". */
function commanderMessage(text: string): string {
  return text
    .trim()
    .replace(/^error: /, "")
    .replace(/\n\(Did you mean (.*)\)$/s, " (did you mean $1)")
    .replace(/\.$/, "")
    .split("\n")
    .join(" ");
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current; current = current.parent) names.unshift(current.name());
  return names.join(" ");
}

function withSubcommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap((subcommand) => withSubcommands(subcommand))];
}

function hasExitCode(error: unknown): error is { exitCode: number } {
  return typeof error === "object" && error !== null && typeof (error as { exitCode?: unknown }).exitCode === "number";
}

/** Commander echoes bad arguments back, and a mistyped --token flag would carry the token with it. */
function maskSecrets(text: string, argv: readonly string[], env: NodeJS.ProcessEnv): string {
  const tokenFlag = /^--?to?k/;
  const flagValues = argv.flatMap((arg, index) => {
    if (tokenFlag.test(argv[index - 1] ?? "") && !arg.startsWith("-")) return [arg];
    return tokenFlag.test(arg) && arg.includes("=") ? [arg.slice(arg.indexOf("=") + 1)] : [];
  });
  const secrets = [env.GITHUB_TOKEN, env.GH_TOKEN, env.GH_ENTERPRISE_TOKEN, env.GITHUB_ENTERPRISE_TOKEN, ...flagValues]
    .filter((secret): secret is string => secret !== undefined && secret.length >= 8);
  const masked = secrets.reduce((current, secret) => current.split(secret).join("***"), text);
  return masked.replace(/\b(gh[pousr]_[A-Za-z0-9]{16,}|github_pat_\w{16,})/g, "***");
}

/** Posts are a few kilobytes: reading stops a byte past 5 MB, which lint then refuses. */
async function readProcessStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    size += buffer.length;
    if (size > 5 * 1024 * 1024) break;
  }
  return Buffer.concat(chunks);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Node's timers hold at most 2^31 - 1 ms; a longer one fires at once. */
const MAX_SECONDS = 2_147_483;

function seconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0 || parsed > MAX_SECONDS) {
    throw new InvalidArgumentError(`expected a number of seconds above 0 and at most ${MAX_SECONDS} (24 days)`);
  }
  return parsed;
}

function count(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError("expected a whole number above 0");
  return parsed;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.length > 0 ? value : undefined;
}

function version(): string {
  return packageVersion();
}
