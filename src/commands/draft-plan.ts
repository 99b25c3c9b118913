import { applyRuleOverrides } from "../config/apply-rules.js";
import type { Config, RepoConfig } from "../config/load-config.js";
import type { RuleTable } from "../classify/rules.js";
import { UsageError } from "../errors.js";
import { checkOptionValue, CONFIG, DATE, INPUT, OUTPUT, PARTIALS, PREVIOUS, REPO, TEMPLATE, THROUGH, UPDATE, type ValueOption, WEEK } from "../option-values.js";
import { isRepoName } from "../repo-name.js";
import type { Week } from "../types.js";
import { extendThrough, frontMatterUtc, isCalendarDate, resolveWeek } from "../week.js";

export interface DraftOptions {
  /** --week as given; absent, the week of the --update file's slug, else "last". */
  week?: string;
  /** --through DATE: the window runs to the end of that day instead of the Sunday. */
  through?: string;
  /** --previous FILE: the previous post (or folder of posts) whose PRs are not reported again. */
  previous?: string;
  format: "markdown" | "json";
  output?: string;
  force: boolean;
  /** An earlier draft whose marked sections are refreshed in place. */
  update?: string;
  /** Repositories the user named; empty means the default. */
  repos: string[];
  /** The GitHub token, looked up only when the network is about to be used. */
  getToken: () => string | undefined | Promise<string | undefined>;
  apiUrl: string;
  input?: string;
  offline: boolean;
  refresh: boolean;
  /** Draft a week in which kubernetes/kubernetes merged nothing, instead of failing. */
  allowEmpty?: boolean;
  date?: string;
  template?: string;
  partials?: string;
  timeoutSeconds: number;
  maxWaitSeconds: number;
  /** --max-requests: the most HTTP requests one run sends to GitHub. */
  maxRequests: number;
  userAgent: string;
  /** List every PR of the week with its section or skip reason after the draft. */
  explain?: boolean;
  /** Include prereleases of related projects in Subprojects and Dependency Updates. */
  prereleases: boolean;
  /** --config FILE; without it k8s-weekly.config.json in the working folder, when there is one. */
  config?: string;
}

export const DEFAULT_REPO = "kubernetes/kubernetes";

/**
 * What a draft run will do, decided from the flags and the config alone: every flag checked, every
 * setting the config can also make resolved (flags beat the file, the file beats the defaults).
 * Files are read and GitHub is asked only when it is carried out (executeDraft).
 */
export interface DraftPlan {
  /** The flags as given, with `-o -` made stdout; for settings the config can also make, read the fields below. */
  options: DraftOptions;
  /** Lines for the log, in the order they were found. */
  notes: string[];
  week: Week;
  repos: string[];
  /** Branches that replace a repository's default branch as the one whose merges are reported. */
  branches: ReadonlyMap<string, string>;
  rules: RuleTable;
  /** The front matter's date, completed to "YYYY-MM-DD HH:MM:SS -0000". */
  date?: string;
  titleDateFormat?: string;
  /** Template files replacing the shipped ones; null for JSON, which is not rendered. */
  templates: { template?: string; partials?: string } | null;
  /** The previous post or folder of posts, and how to name it in an error. */
  /** `fromConfig`: named by the config, which every week's run reads, the first week's included. */
  previousPost: { path: string; label: string; fromConfig: boolean } | null;
  relatedRepos?: string[];
}

/**
 * The checks that need the flags alone, made before any file is read (the config, an --update
 * file): a flag given that could do nothing is a mistake to report, not to ignore.
 */
export function checkDraftFlags(given: DraftOptions): void {
  // The command line's checks, for a caller that gives the options as data: an empty --input
  // would read as none, and the run would go to GitHub instead; an empty -c, as no config.
  const values: Array<[ValueOption, string | undefined]> = [
    [WEEK, given.week],
    [THROUGH, given.through],
    [PREVIOUS, given.previous],
    [OUTPUT, given.output],
    [UPDATE, given.update],
    [INPUT, given.input],
    [DATE, given.date],
    [CONFIG, given.config],
    [TEMPLATE, given.template],
    [PARTIALS, given.partials],
    ...given.repos.map((repo): [ValueOption, string] => [REPO, repo]),
  ];
  for (const [option, value] of values) checkOptionValue(option, value);
  // --force lets -o replace an existing file; --update rewrites its file without it, and stdout replaces nothing.
  if (given.force && (given.output === undefined || given.output === "-")) {
    const fix =
      given.output === "-"
        ? "-o - writes to stdout, so leave out --force"
        : given.update !== undefined
          ? `--update ${given.update} rewrites its file without it, so leave out --force`
          : "add -o FILE, or leave out --force";
    throw new UsageError(`--force: only applies with -o FILE, to replace an existing file; ${fix}`);
  }
}

export function planDraft(given: DraftOptions, config: Config, now: Date): DraftPlan {
  checkDraftFlags(given);
  // `-o -` is the usual spelling of stdout.
  const options: DraftOptions = { ...given };
  if (options.output === "-") delete options.output;
  const notes: string[] = [];
  const resolved = resolveWeek(options.week ?? "last", now);
  if (resolved.note) notes.push(resolved.note);
  const week = options.through === undefined ? resolved.week : extendThrough(resolved.week, options.through, now);
  for (const repo of options.repos) {
    if (!isRepoName(repo)) throw new UsageError(`--repo ${repo}: expected OWNER/NAME, e.g. kubernetes/kubernetes`);
  }
  if (config.path) notes.push(`using the config ${config.path}`);
  const rules = applyRuleOverrides(config.rules, options.config ? `--config ${options.config}` : `config ${config.path}`);
  // GitHub's owner and repository names are case-insensitive: Kubernetes/Kubernetes is
  // kubernetes/kubernetes, and the cache, the sample weeks and the rules know the lower-case form.
  const repoConfigs: RepoConfig[] = (
    options.repos.length > 0 ? options.repos.map((repo) => ({ repo })) : (config.repos ?? [{ repo: DEFAULT_REPO }])
  ).map((entry) => ({ ...entry, repo: entry.repo.toLowerCase() }));
  options.repos = options.repos.map((repo) => repo.toLowerCase());
  // --repo names no branch: only the config's list can name one repository twice with two.
  if (options.repos.length === 0) checkRepoBranches(repoConfigs, `repos in ${config.path ?? "the config"}`);
  // Published with the PRs merged through --through, the post is dated that day, like the Sunday's.
  const date =
    options.date !== undefined ? frontMatterDate(options.date) : options.through !== undefined ? `${options.through} 22:00:00 -0000` : undefined;
  // A post goes out after its week begins: a date before it is a typo (a year off, another week's).
  // The week begins at midnight UTC, so a time with an offset is compared as the UTC moment it is.
  const utc = date === undefined ? null : frontMatterUtc(date);
  if (date !== undefined && utc !== null && utc.slice(0, 10) < week.from.slice(0, 10)) {
    const inUtc = utc.slice(0, 10) === date.slice(0, 10) ? "is" : `is ${utc} in UTC,`;
    throw new UsageError(`--date ${options.date ?? date}: ${inUtc} before the week ending ${week.ending} begins (${week.from.slice(0, 10)}); give the day the post goes out`);
  }
  checkApiUrl(options.apiUrl);
  if (options.update !== undefined) {
    if (options.output) throw new UsageError(`--update ${options.update}: cannot be combined with -o; --update rewrites the file it names`);
    if (options.format !== "markdown") throw new UsageError(`--update ${options.update}: needs the markdown format, not --format ${options.format}`);
  }
  // JSON is the draft as data, rendered by no template: a template given for this run would be
  // silently ignored. The config's stay a site's standing choice, used by its markdown runs.
  if (options.format === "json") {
    for (const [flag, value] of [["--template", options.template], ["--partials", options.partials]] as const) {
      if (value !== undefined) throw new UsageError(`${flag} ${value}: --format json writes the draft as data, which no template renders; leave out ${flag}, or drop --format json`);
    }
  }
  const template = options.template ?? config.template;
  const partials = options.partials ?? config.partials;
  const previousPost = options.previous ?? config.previousPost;
  return {
    options,
    notes,
    week,
    repos: [...new Set(repoConfigs.map((entry) => entry.repo))],
    branches: new Map(repoConfigs.flatMap((entry) => (entry.branch ? [[entry.repo, entry.branch] as const] : []))),
    rules,
    ...(date ? { date } : {}),
    ...(config.titleDateFormat ? { titleDateFormat: config.titleDateFormat } : {}),
    templates: options.format === "markdown" ? { ...(template ? { template } : {}), ...(partials ? { partials } : {}) } : null,
    previousPost:
      previousPost === undefined
        ? null
        : {
            path: previousPost,
            label: options.previous !== undefined ? `--previous ${options.previous}` : `previousPost ${previousPost} (in ${config.path ?? "the config"})`,
            fromConfig: options.previous === undefined,
          },
    ...(config.relatedRepos ? { relatedRepos: config.relatedRepos } : {}),
  };
}

function frontMatterDate(value: string): string {
  const match = value.match(/^(\d{4}-\d{2}-\d{2})(?: (\d{2}):(\d{2}):(\d{2}) [+-](\d{2})(\d{2}))?$/);
  const [hours, minutes, seconds, zoneHours, zoneMinutes] = (match?.slice(2) ?? []).map((part) => Number(part ?? 0));
  const valid =
    match?.[1] !== undefined &&
    isCalendarDate(match[1]) &&
    (hours ?? 0) < 24 &&
    (minutes ?? 0) < 60 &&
    (seconds ?? 0) < 60 &&
    (zoneHours ?? 0) < 15 &&
    (zoneMinutes ?? 0) < 60;
  if (!valid) throw new UsageError(`--date ${value}: use an existing date as YYYY-MM-DD or "YYYY-MM-DD HH:MM:SS -0000"`);
  return match[2] === undefined ? `${value} 22:00:00 -0000` : value;
}

/** GitHub Enterprise URLs are fine; anything that is not an http(s) URL is a typo. */
/** A repository listed twice with two branches would be drafted from one of them, silently. */
function checkRepoBranches(repoConfigs: readonly RepoConfig[], where: string): void {
  const branches = new Map<string, string>();
  for (const { repo, branch } of repoConfigs) {
    const wanted = branch ?? "its default branch";
    const earlier = branches.get(repo);
    if (earlier !== undefined && earlier !== wanted) {
      throw new UsageError(`${where}: ${repo} is listed twice, for ${earlier} and for ${wanted}; keep one of them`);
    }
    branches.set(repo, wanted);
  }
}

function checkApiUrl(value: string): void {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new UsageError(`--api-url ${value}: not a URL; use e.g. https://api.github.com or https://HOST/api/v3`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new UsageError(`--api-url ${value}: not an http(s) URL; use e.g. https://api.github.com`);
  }
  // Octokit appends each request's path to the URL: a query or fragment would end up in the middle.
  if (parsed.search !== "" || parsed.hash !== "" || value.includes("?") || value.includes("#")) {
    throw new UsageError(`--api-url ${value}: has a query or fragment; give the API's base URL alone, e.g. https://api.github.com`);
  }
}
