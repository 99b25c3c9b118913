import { FailureError, UsageError } from "../errors.js";
import { isLoopback, tokenHint, webHostOf } from "../hosts.js";
import type { Logger } from "../logger.js";
import type { KepRequest, PullRequest, RepoWeek, Week, WeekContextData, WeekContextRequest } from "../types.js";
import { isExtended, isInWeek, resolveWeek, windowKey } from "../week.js";
import { apiHostOf, cacheDir, readCachedContext, readCachedWeek, writeCachedContext, writeCachedWeek } from "./cache.js";
import type { GitHubClient } from "./github-client.js";
import { readInput } from "./input-file.js";
import { fetchKeps, mergeKeps, missingKeps } from "./fetch-keps.js";
import { readSampleContext, readSampleWeek } from "./samples.js";

export interface CollectOptions {
  input?: string;
  /** Repositories named with --repo, to filter an --input file. */
  namedRepos: readonly string[];
  offline: boolean;
  refresh: boolean;
  getToken: () => string | undefined | Promise<string | undefined>;
  apiUrl: string;
  timeoutSeconds: number;
  maxWaitSeconds: number;
  /** --max-requests: the most HTTP requests one run sends. */
  maxRequests: number;
  userAgent: string;
  /** Work that needs nothing fetched (loading parsers), run while the first request is on its way. */
  whileFirstRequest?: () => Promise<void>;
  /**
   * Work on the fetched PRs (classifying them) that runs while a later request is on its way (the
   * context's, or when the context came with the PRs, the KEP files'), instead of after it: the
   * requests stay one at a time, as GitHub asks, and the wait is not idle.
   */
  whilePullsWait?: (repoWeeks: readonly RepoWeek[]) => Promise<void>;
  /**
   * Work on the fetched context (reading its files and releases) that runs while the KEP files'
   * request is on its way, the last one of a cold run.
   */
  whileKepsLoad?: (repoWeeks: readonly RepoWeek[], context: WeekContextData) => Promise<void>;
  /**
   * The KEP files and issues the week's PRs and the context's kubernetes/enhancements PRs call
   * for: read in one more request after the context, and cached with it.
   */
  planKeps?: (repoWeeks: readonly RepoWeek[], context: WeekContextData) => KepRequest | null;
}

export interface CollectedWeek {
  repoWeeks: RepoWeek[];
  /** Releases, files and schedule; null when they could not be had (no token, --input, offline without cache). */
  context: WeekContextData | null;
  /** The request `context` answers, when narrower than the one asked: a shipped sample holds only some of it. */
  contextRequest?: WeekContextRequest;
  requests: number;
}

/**
 * Gathers the week from the cheapest source that has it: an --input file, the cache, the shipped
 * samples, then GitHub. Only this function decides whether the network is touched.
 */
export async function collectWeek(
  options: CollectOptions,
  repos: readonly string[],
  week: Week,
  contextRequest: WeekContextRequest,
  environment: { env: NodeJS.ProcessEnv; logger: Logger; now: Date; waitSecondMs?: number },
): Promise<CollectedWeek> {
  const { logger } = environment;
  const key = windowKey(week);
  const window = isExtended(week) ? `week ending ${week.ending} through ${week.to.slice(0, 10)}` : `week ending ${week.ending}`;
  if (options.input) {
    const input = await readInput(options.input, webHostOf(options.apiUrl));
    checkInputWeek(options.input, input, week, environment.now);
    const repoWeeks = groupByRepo(input.prs, options.namedRepos);
    checkInputRepos(options.input, input.prs, options.namedRepos, repoWeeks);
    logger.info("--input: releases, the release schedule and feature-gate checks keep their editor placeholders");
    return { repoWeeks, context: null, requests: 0 };
  }
  const dir = cacheDir(environment.env);
  const apiHost = apiHostOf(options.apiUrl);
  const useCache = options.offline || !options.refresh;
  const repoWeeks: RepoWeek[] = [];
  const toFetch: string[] = [];
  for (const repo of repos) {
    const cached = useCache ? await readCachedWeek(dir, apiHost, repo, key, logger) : null;
    // A sample holds only its Monday..Sunday: standing in for a longer window it would silently miss PRs.
    const sample = options.offline && !cached && !isExtended(week) ? await readSampleWeek(repo, week.ending) : null;
    const offlineWeek = cached ?? sample;
    if (offlineWeek) {
      logger.info(`${repo}: using ${cached ? "the cached" : "the shipped sample"} ${window}`);
      repoWeeks.push(offlineWeek);
    } else if (options.offline) {
      // The command that fills this cache: the same window, repository and server.
      const rerun = [
        `--week ${week.ending}`,
        ...(isExtended(week) ? [`--through ${week.to.slice(0, 10)}`] : []),
        ...(options.namedRepos.length > 0 ? [`--repo ${repo}`] : []),
        ...(apiHost === "api.github.com" ? [] : [`--api-url ${options.apiUrl}`]),
      ].join(" ");
      // Each API server has a cache of its own: a week fetched from another one is not this one's.
      const otherServers = apiHost === "api.github.com" ? " (or add the --api-url it was fetched from)" : "";
      throw new FailureError(`--offline: no cached or sample data for ${repo}, ${window}; run "k8s-weekly draft ${rerun}" online once to cache it${otherServers}`);
    } else {
      toFetch.push(repo);
    }
  }
  const contextKey = JSON.stringify(contextRequest);
  let context = useCache ? await readCachedContext<WeekContextData>(dir, apiHost, key, contextKey, logger) : null;
  const kepsToRead = (): KepRequest | null => (context && options.planKeps ? missingKeps(options.planKeps(repoWeeks, context), context.keps) : null);
  if (options.offline) {
    const sample = !context && !isExtended(week) ? await readSampleContext(week.ending, contextRequest) : null;
    if (sample) {
      logger.info(`using the shipped sample's ${sample.holds} for the ${window}; ${sample.lacks} keep their editor placeholders`);
      context = sample.data;
    } else if (!context) {
      logger.info("--offline: no cached releases or release schedule for this week; those sections keep their editor placeholders");
    }
    const unread = kepsToRead();
    if (unread) {
      const count = unread.paths.length + unread.issues.length;
      logger.info(`--offline: the cache lacks ${count === 1 ? "one" : count} of the KEPs the week's PRs name; ${count === 1 ? "its candidate has" : "their candidates have"} no facts`);
    }
    return { repoWeeks, context, requests: 0, ...(sample ? { contextRequest: sample.request } : {}) };
  }
  if (toFetch.length === 0 && context && !kepsToRead()) return { repoWeeks, context, requests: 0 };

  // A --through day that is still going on would cache a window that keeps growing.
  const ended = Date.parse(week.to) < environment.now.getTime();
  const client = await gitHubClient(options, logger, environment.waitSecondMs);
  const { fetchMergedPulls } = await import("./fetch-merged.js");
  // The context rides on the first search request (GraphQL only): a round trip fewer.
  const rider = !context && client.authenticated && toFetch.length > 0 ? (await import("./fetch-week-context.js")).weekContextRider(contextRequest, week, client.webHost, logger) : undefined;
  const preparing = options.whileFirstRequest && toFetch.length > 0 ? client.nextRequestSent().then(options.whileFirstRequest) : undefined;
  // Awaited once the PRs are in; should they fail first, its own failure is not the news.
  preparing?.catch(() => {});
  // Written while the next requests are on their way: a cache write never fails the run (it warns).
  const weekWrites: Array<Promise<void>> = [];
  for (const [index, repo] of toFetch.entries()) {
    const fetched = await fetchMergedPulls(client, repo, week, logger, index === 0 ? rider : undefined);
    // A partial week (no token: default branch only, no files; or fewer PRs than GitHub counted)
    // must not stand in for a complete one on the next run.
    if (!ended) logger.info(`${repo}: not caching the ${window}, it has not ended yet`);
    // An empty week is likelier a token without access than a quiet week: it must not stick.
    else if (client.authenticated && fetched.complete && fetched.prs.length === fetched.reportedTotal && fetched.prs.length > 0) weekWrites.push(writeCachedWeek(dir, apiHost, key, fetched, logger));
    else logger.info(`${repo}: not caching this week, ${fetched.prs.length === 0 ? "it has no merged PRs" : !client.authenticated ? "it was read without a token" : "it is incomplete"}`);
    repoWeeks.push({ repo: fetched.repo, defaultBranch: fetched.defaultBranch, prs: fetched.prs });
  }
  await preparing;
  let pullsWorkedOn = false;
  const workOnPulls = async () => {
    if (pullsWorkedOn || !options.whilePullsWait) return;
    pullsWorkedOn = true;
    await options.whilePullsWait(repoWeeks);
  };
  let fetched = false;
  if (!context) {
    fetched = true;
    const answer = rider?.answer;
    if (answer) {
      context = await contextOrWarning(client, logger, async () => answer());
    } else {
      const fetching = fetchContext(client, contextRequest, week, logger);
      await whileSent(client, fetching, workOnPulls);
      context = await fetching;
    }
  }
  const unread = client.authenticated && !client.failure() ? kepsToRead() : null;
  if (context && unread) {
    const read = context;
    const fetchingKeps = fetchKepFacts(client, unread, read, week, logger);
    await whileSent(client, fetchingKeps, async () => {
      await workOnPulls();
      await options.whileKepsLoad?.(repoWeeks, read);
    });
    const withKeps = await fetchingKeps;
    fetched ||= withKeps !== context;
    context = withKeps;
  }
  await Promise.all(weekWrites);
  // The context's failures are warnings, but not a spent request budget or a server sending us elsewhere.
  const stopped = client.failure();
  if (stopped) throw stopped;
  if (context && ended && fetched) await writeCachedContext(dir, apiHost, key, contextKey, context, logger);
  return { repoWeeks, context, requests: client.requestCount() };
}

async function gitHubClient(options: CollectOptions, logger: Logger, waitSecondMs: number | undefined): Promise<GitHubClient> {
  // Loaded only when the network is needed, so --help, --offline and --input start fast.
  const { createGitHubClient } = await import("./github-client.js");
  const token = await options.getToken();
  const api = new URL(options.apiUrl);
  // Anyone on the path reads a token sent in clear; a loopback server (tests) has no path.
  if (token && api.protocol === "http:" && !isLoopback(api.hostname)) {
    throw new UsageError(`--api-url ${options.apiUrl}: refusing to send a GitHub token over plain http; use https (http only for a loopback address)`);
  }
  if (!token) {
    logger.warn(`no token for ${api.host} (${tokenHint(options.apiUrl)}): GitHub allows far fewer requests without one`);
  }
  return createGitHubClient({
    ...(token ? { token } : {}),
    apiUrl: options.apiUrl,
    logger,
    timeoutMs: options.timeoutSeconds * 1000,
    maxWaitSeconds: options.maxWaitSeconds,
    maxRequests: options.maxRequests,
    userAgent: options.userAgent,
    ...(waitSecondMs !== undefined ? { waitSecondMs } : {}),
  });
}

/**
 * Runs `work` while `request` is on its way, once it has been sent: the requests stay one at a
 * time, and the wait is not idle. `request` may end without sending anything (no token).
 */
async function whileSent(client: GitHubClient, request: Promise<unknown>, work: () => Promise<void>): Promise<void> {
  await Promise.race([client.nextRequestSent(), request]);
  await Promise.all([request, work()]);
}

/** The context fetched on its own, when it could not ride on the search (the week was cached, or GitHub refused both in one query). */
async function fetchContext(client: GitHubClient, request: WeekContextRequest, week: Week, logger: Logger): Promise<WeekContextData | null> {
  if (!client.authenticated) {
    logger.warn("releases, the release schedule and feature-gate checks need a token (GraphQL); those sections keep their editor placeholders");
    return null;
  }
  const { fetchWeekContext } = await import("./fetch-week-context.js");
  return contextOrWarning(client, logger, () => fetchWeekContext(client, request, week, logger));
}

/** The PRs are the draft; releases and the schedule only add to it, so their failure is a warning. */
async function contextOrWarning(client: GitHubClient, logger: Logger, read: () => Promise<WeekContextData>): Promise<WeekContextData | null> {
  try {
    return await read();
  } catch (error) {
    const { toGitHubFailure } = await import("./github-errors.js");
    logger.warn(`${toGitHubFailure(error, "fetching releases, the release schedule and feature-gate files", client.tokenHint).message}; those sections keep their editor placeholders`);
    return null;
  }
}

/** The context with the KEP files and issues added; unchanged, with a warning, when the request fails. */
async function fetchKepFacts(client: GitHubClient, request: KepRequest, context: WeekContextData, week: Week, logger: Logger): Promise<WeekContextData> {
  const { toGitHubFailure } = await import("./github-errors.js");
  try {
    return { ...context, keps: mergeKeps(context.keps, await fetchKeps(client, request, week, logger)) };
  } catch (error) {
    logger.warn(`${toGitHubFailure(error, "fetching the week's KEP files", client.tokenHint).message}; the KEP candidates lack their facts`);
    return context;
  }
}

/**
 * An input file of another week would draft an empty post that looks fine: its `week_ending`, or
 * the merge times of all its PRs, must fall in the week asked for.
 */
function checkInputWeek(path: string, input: { prs: readonly PullRequest[]; weekEnding: string | null }, week: Week, now: Date): void {
  const asked = isExtended(week) ? `the week ending ${week.ending} through ${week.to.slice(0, 10)}` : `the week ending ${week.ending}`;
  if (input.weekEnding !== null && input.weekEnding !== week.ending) {
    throw new UsageError(`--input ${path}: holds the week ending ${input.weekEnding}, not ${asked}; give --week ${input.weekEnding} or the file of ${week.ending}`);
  }
  // A file of the asked week shows it within its first PRs: the rest are read only to say what is wrong.
  if (input.prs.some((pr) => isInWeek(pr.mergedAt, week))) return;
  const merged = input.prs.map((pr) => Date.parse(pr.mergedAt)).filter((time) => Number.isFinite(time));
  if (merged.length === 0) return;
  const { day, count } = busiestWeek(merged, now);
  let fileWeek = `the week of ${day}`;
  try {
    fileWeek = `the week ending ${resolveWeek(day, now).week.ending}`;
  } catch {
    // A merge time in a week that has not ended: name the day instead.
  }
  throw new UsageError(`--input ${path}: none of its ${merged.length} PRs merged in ${asked} (${count} merged in ${fileWeek}); give the --week of the file or the right file`);
}

/**
 * The week most of a file's PRs merged in, by one of its days: a file holds a week, and a few
 * stragglers (a cherry-pick merged days later) would name the wrong one. Days in UTC, as weeks are.
 */
function busiestWeek(mergedTimes: readonly number[], now: Date): { day: string; count: number } {
  const byDay = new Map<string, number>();
  for (const time of mergedTimes) {
    const day = new Date(time).toISOString().slice(0, 10);
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  const byWeek = new Map<string, { day: string; count: number }>();
  for (const [day, count] of byDay) {
    let ending = day;
    try {
      ending = resolveWeek(day, now).week.ending;
    } catch {
      // A day of a week that has not ended counts on its own.
    }
    const known = byWeek.get(ending);
    byWeek.set(ending, { day: known?.day ?? day, count: (known?.count ?? 0) + count });
  }
  let busiest = { day: "", count: 0 };
  for (const week of byWeek.values()) if (week.count > busiest.count || (week.count === busiest.count && week.day < busiest.day)) busiest = week;
  return busiest;
}

/**
 * `--repo` with an input file picks that repository's PRs from it. A file that holds none would
 * draft an empty post that looks fine, like a file of another week.
 */
function checkInputRepos(path: string, prs: readonly PullRequest[], namedRepos: readonly string[], picked: readonly RepoWeek[]): void {
  if (namedRepos.length === 0 || picked.length > 0 || prs.length === 0) return;
  const held = [...new Set(prs.map((pr) => pr.repo))].sort();
  const shown = held.length > 3 ? `${held.slice(0, 3).join(", ")} and ${held.length - 3} more` : held.join(", ");
  throw new UsageError(`--input ${path}: holds no PRs of ${namedRepos.join(", ")}, only of ${shown}; give --repo ${held[0]}, or leave --repo out to draft every repository in the file`);
}

/** An input file does not say which branch is the default: it is the one most PRs merged into. */
export function groupByRepo(prs: PullRequest[], onlyRepos: readonly string[]): RepoWeek[] {
  const wanted = new Set(onlyRepos);
  const byRepo = new Map<string, PullRequest[]>();
  for (const pr of prs) {
    if (wanted.size > 0 && !wanted.has(pr.repo)) continue;
    const list = byRepo.get(pr.repo);
    if (list) list.push(pr);
    else byRepo.set(pr.repo, [pr]);
  }
  return [...byRepo.entries()].map(([repo, repoPrs]) => {
    const counts = new Map<string, number>();
    for (const pr of repoPrs) if (pr.baseRef) counts.set(pr.baseRef, (counts.get(pr.baseRef) ?? 0) + 1);
    const defaultBranch = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "master";
    return { repo, defaultBranch, prs: repoPrs };
  });
}
