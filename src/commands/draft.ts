import { readFile } from "node:fs/promises";
import { applyRuleOverrides } from "../config/apply-rules.js";
import { loadConfig, type RepoConfig } from "../config/load-config.js";
import { UsageError, FailureError } from "../errors.js";
import { findRegions } from "../render/markers.js";
import { MarkerError, updatePost } from "../write/update-post.js";
import { buildDraft } from "../draft/build-draft.js";
import { explainDraft } from "../draft/explain.js";
import { cacheDir, readCachedWeek, writeCachedWeek } from "../fetch/cache.js";
import { readInputFile } from "../fetch/input-file.js";
import { readSampleWeek } from "../fetch/samples.js";
import type { Logger } from "../logger.js";
import { defaultTemplates, readPartials, readTemplate, renderPost, type TemplateSources } from "../render/render-post.js";
import { buildPostView } from "../render/view-model.js";
import type { PullRequest, RepoWeek, Week } from "../types.js";
import { resolveWeek } from "../week.js";
import { checkOutputPath, writeOutputFile } from "../write/write-output.js";

export interface DraftOptions {
  week: string;
  format: "markdown" | "json";
  output?: string;
  force: boolean;
  /** An earlier draft whose marked sections are refreshed in place. */
  update?: string;
  /** Repositories the user named; empty means the default. */
  repos: string[];
  token?: string;
  apiUrl: string;
  input?: string;
  offline: boolean;
  refresh: boolean;
  date?: string;
  template?: string;
  partials?: string;
  timeoutSeconds: number;
  maxWaitSeconds: number;
  userAgent: string;
  /** List every PR of the week with its section or skip reason after the draft. */
  explain?: boolean;
  /** --config FILE; without it k8s-weekly.config.json in the working folder, when there is one. */
  config?: string;
}

export interface DraftEnvironment {
  now: Date;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export const DEFAULT_REPO = "kubernetes/kubernetes";
const REPO_PATTERN = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

export async function runDraft(options: DraftOptions, environment: DraftEnvironment): Promise<void> {
  const { logger } = environment;
  const { week, note } = resolveWeek(options.week, environment.now);
  if (note) logger.info(note);
  for (const repo of options.repos) {
    if (!REPO_PATTERN.test(repo)) throw new UsageError(`--repo ${repo}: expected OWNER/NAME, e.g. kubernetes/kubernetes`);
  }
  const config = loadConfig(options.config, environment.cwd);
  if (config.path) logger.info(`using the config ${config.path}`);
  const rules = applyRuleOverrides(config.rules, options.config ? `--config ${options.config}` : `config ${config.path}`);
  // Flags beat the config file, the config file beats the defaults.
  const repoConfigs: RepoConfig[] =
    options.repos.length > 0 ? options.repos.map((repo) => ({ repo })) : (config.repos ?? [{ repo: DEFAULT_REPO }]);
  const repos = [...new Set(repoConfigs.map((entry) => entry.repo))];
  const branches = new Map(repoConfigs.flatMap((entry) => (entry.branch ? [[entry.repo, entry.branch] as const] : [])));
  const date = options.date === undefined ? undefined : frontMatterDate(options.date);
  if (options.output) checkOutputPath(options.output, options.force);
  const template = options.template ?? config.template;
  const partials = options.partials ?? config.partials;
  const templates =
    options.format === "markdown"
      ? loadTemplates({ ...(template ? { template } : {}), ...(partials ? { partials } : {}) })
      : null;
  const previous = options.update ? await readPostToUpdate(options.update, options) : null;

  const collected = await collectWeek(options, repos, week, environment);
  const repoWeeks = collected.repoWeeks.map((repoWeek) => ({ ...repoWeek, defaultBranch: branches.get(repoWeek.repo) ?? repoWeek.defaultBranch }));
  const { requests } = collected;
  const { draft, featuredCandidates, outsideWindow } = buildDraft({ week, repoWeeks, requests, warnings: logger.warnings, rules });
  if (outsideWindow.length > 0) {
    logger.info(`left out ${outsideWindow.length} PRs merged outside ${week.from}..${week.to}`);
  }
  if (draft.stats.merged === 0) logger.warn(`no merged PRs found for the week ending ${week.ending}`);
  logger.info(`week ending ${week.ending}: ${draft.stats.merged} merged, ${draft.stats.reported} reported, ${draft.stats.skipped} skipped, ${requests} requests`);

  const text = templates
    ? renderPost(
        buildPostView(draft, featuredCandidates, {
          ...(date ? { date } : {}),
          ...(config.titleDateFormat ? { titleDateFormat: config.titleDateFormat } : {}),
        }),
        templates,
      )
    : `${JSON.stringify({ ...draft, warnings: [...logger.warnings] }, null, 2)}\n`;
  if (options.update && previous !== null) {
    await writeOutputFile(options.update, mergeIntoPost(options.update, previous, text), true);
    logger.info(`updated ${options.update}`);
  } else if (options.output) {
    await writeOutputFile(options.output, text, options.force);
    logger.info(`wrote ${options.output}`);
  } else {
    environment.stdout(text);
  }
  if (options.explain) environment.stderr(explainDraft(draft));
}

async function readPostToUpdate(path: string, options: DraftOptions): Promise<string> {
  if (options.output) throw new UsageError(`--update ${path}: cannot be combined with -o; --update rewrites the file it names`);
  if (options.format !== "markdown") throw new UsageError(`--update ${path}: needs the markdown format, not --format ${options.format}`);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`--update ${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"}); give a draft written earlier by k8s-weekly`);
  }
  checkOutputPath(path, true);
  let regions: unknown[];
  try {
    regions = findRegions(text.split("\n"));
  } catch (error) {
    throw new UsageError(`--update ${path}: broken k8s-weekly markers (${(error as Error).message}); restore them from a fresh draft`);
  }
  if (regions.length === 0) {
    throw new UsageError(`--update ${path}: has no k8s-weekly markers; draft the week with -o first, or restore them from a fresh draft`);
  }
  return text;
}

function mergeIntoPost(path: string, previous: string, rendered: string): string {
  try {
    return updatePost(previous, rendered);
  } catch (error) {
    if (error instanceof MarkerError) throw new UsageError(`--update ${path}: ${error.message}; restore them from a fresh draft`);
    throw error;
  }
}

function loadTemplates(options: { template?: string; partials?: string }): TemplateSources {
  const defaults = defaultTemplates();
  return {
    main: options.template ? readTemplate(options.template) : defaults.main,
    partials: { ...defaults.partials, ...(options.partials ? readPartials(options.partials) : {}) },
  };
}

function frontMatterDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value} 22:00:00 -0000`;
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/.test(value)) return value;
  throw new UsageError(`--date ${value}: use YYYY-MM-DD or "YYYY-MM-DD HH:MM:SS -0000"`);
}

async function collectWeek(
  options: DraftOptions,
  repos: string[],
  week: Week,
  environment: DraftEnvironment,
): Promise<{ repoWeeks: RepoWeek[]; requests: number }> {
  if (options.input) {
    const prs = await readInputFile(options.input);
    return { repoWeeks: groupByRepo(prs, options.repos), requests: 0 };
  }
  const { logger } = environment;
  const dir = cacheDir(environment.env);
  const repoWeeks: RepoWeek[] = [];
  const toFetch: string[] = [];
  for (const repo of repos) {
    const cached = options.refresh && !options.offline ? null : await readCachedWeek(dir, repo, week.ending, logger);
    const offlineWeek = cached ?? (options.offline ? await readSampleWeek(repo, week.ending) : null);
    if (offlineWeek) {
      logger.info(`${repo}: using ${cached ? "the cached" : "the shipped sample"} week ending ${week.ending}`);
      repoWeeks.push(offlineWeek);
    } else if (options.offline) {
      throw new FailureError(
        `--offline: no cached or sample data for ${repo}, week ending ${week.ending}; run "k8s-weekly draft --week ${week.ending}" online once to cache it`,
      );
    } else {
      toFetch.push(repo);
    }
  }
  if (toFetch.length === 0) return { repoWeeks, requests: 0 };

  // Loaded only when the network is needed, so --help, --offline and --input start fast.
  const { createGitHubClient } = await import("../fetch/github-client.js");
  const { fetchMergedPulls } = await import("../fetch/fetch-merged.js");
  if (!options.token) {
    logger.warn("no token (--token, GITHUB_TOKEN or GH_TOKEN): GitHub allows far fewer requests without one");
  }
  const client = createGitHubClient({
    ...(options.token ? { token: options.token } : {}),
    apiUrl: options.apiUrl,
    logger,
    timeoutMs: options.timeoutSeconds * 1000,
    maxWaitSeconds: options.maxWaitSeconds,
    userAgent: options.userAgent,
  });
  for (const repo of toFetch) {
    const fetched = await fetchMergedPulls(client, repo, week, logger);
    await writeCachedWeek(dir, week.ending, fetched, logger);
    repoWeeks.push({ repo: fetched.repo, defaultBranch: fetched.defaultBranch, prs: fetched.prs });
  }
  return { repoWeeks, requests: client.requestCount() };
}

/** An input file does not say which branch is the default: it is the one most PRs merged into. */
function groupByRepo(prs: PullRequest[], onlyRepos: string[]): RepoWeek[] {
  const byRepo = new Map<string, PullRequest[]>();
  for (const pr of prs) {
    if (onlyRepos.length > 0 && !onlyRepos.includes(pr.repo)) continue;
    byRepo.set(pr.repo, [...(byRepo.get(pr.repo) ?? []), pr]);
  }
  return [...byRepo.entries()].map(([repo, repoPrs]) => {
    const counts = new Map<string, number>();
    for (const pr of repoPrs) if (pr.baseRef) counts.set(pr.baseRef, (counts.get(pr.baseRef) ?? 0) + 1);
    const defaultBranch = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "master";
    return { repo, defaultBranch, prs: repoPrs };
  });
}
