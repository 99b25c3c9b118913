import { FailureError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { PullRequest } from "../types.js";
import { isRepoName } from "../repo-name.js";
import { pullRequestSightings } from "../unique.js";

/** GitHub search never returns more than this many results for one query. */
export const SEARCH_RESULT_CAP = 1000;
export const PAGE_SIZE = 100;

export interface Window {
  from: Date;
  to: Date;
}

export function splitRepo(repo: string): [string, string] {
  const [owner = "", name = ""] = repo.split("/");
  if (!isRepoName(repo)) throw new Error(`not an OWNER/NAME repository: ${repo}`);
  return [owner, name];
}

export function searchQuery(owner: string, name: string, window: Window, extra = ""): string {
  const bound = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return `repo:${owner}/${name} is:pr is:merged${extra} merged:${bound(window.from)}..${bound(window.to)}`;
}

function halves(window: Window): [Window, Window] | null {
  const seconds = Math.floor((window.to.getTime() - window.from.getTime()) / 1000);
  if (seconds < 1) return null;
  const middle = new Date(window.from.getTime() + Math.floor(seconds / 2) * 1000);
  return [
    { from: window.from, to: middle },
    { from: new Date(middle.getTime() + 1000), to: window.to },
  ];
}

/** A body that is not the documented shape (truncated JSON, an HTML error page) is a failure, not a crash. */
export function expectShape<T>(data: unknown, check: (value: unknown) => value is T): T {
  if (!check(data)) {
    throw new FailureError("GitHub sent a response that is not the JSON k8s-weekly expects (truncated or malformed); try again");
  }
  return data;
}

/** plugin-paginate-rest breaks when `search_type` precedes `items`, so the Link header is followed here. */
export function nextLink(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(",")) {
    const match = part.match(/<([^>]+)>\s*;\s*rel="next"/);
    if (match?.[1]) return match[1];
  }
  return null;
}

/** Remembers the cursors or page URLs of one search, so a server that hands one out twice cannot loop the run. */
export function pageTracker(repo: string, what: string): (key: string) => void {
  const seen = new Set<string>();
  return (key) => {
    if (seen.has(key)) {
      throw new FailureError(`${repo}: GitHub gave the same ${what} twice (${key.slice(0, 120)}); stopping instead of fetching the same page again, try again later`);
    }
    seen.add(key);
  };
}

/** One page of search results, however the API pages (Link header or cursor). */
export interface SearchPage {
  /** What GitHub says the whole search holds. */
  total: number;
  prs: PullRequest[];
  next: (() => Promise<SearchPage>) | null;
}

/**
 * Every page of a search over the window, which is halved by time wherever GitHub counts more
 * results than its 1,000-result cap lets it hand out. REST and GraphQL differ only in `firstPage`.
 */
export async function searchWindow(
  repo: string,
  window: Window,
  firstPage: (part: Window) => Promise<SearchPage>,
  logger: Logger,
): Promise<{ prs: PullRequest[]; reportedTotal: number; complete: boolean }> {
  const prs: PullRequest[] = [];
  let reportedTotal = 0;
  let complete = true;
  // Once a single second counts more than the cap, the server's counts cannot be trusted: halving
  // further windows would only multiply requests, so they are fetched as they are.
  let splitting = true;
  const pending: Window[] = [window];
  while (pending.length > 0) {
    const part = pending.shift() as Window;
    let page = await firstPage(part);
    const overCap = page.total > SEARCH_RESULT_CAP;
    const split = overCap && splitting ? halves(part) : null;
    if (split) {
      logger.info(`${repo}: ${page.total} PRs in one search, splitting ${part.from.toISOString()}..${part.to.toISOString()}`);
      pending.unshift(...split);
      continue;
    }
    if (overCap) splitting = false;
    reportedTotal += page.total;
    const before = prs.length;
    for (let number = 1; ; number += 1) {
      prs.push(...page.prs);
      logger.info(`${repo}: page ${number}, ${prs.length} of ${reportedTotal} PRs`);
      if (!page.next) break;
      page = await page.next();
    }
    if (overCap) {
      complete = false;
      const span = part.from.getTime() === part.to.getTime() ? `the one second ${part.from.toISOString()}` : `${part.from.toISOString()}..${part.to.toISOString()}`;
      logger.warn(
        `${repo}: GitHub reported ${page.total} PRs merged in ${span}, more than the ${SEARCH_RESULT_CAP} a search hands out, and splitting stops at one second; fetched ${prs.length - before} of them, the draft may be incomplete and is not cached`,
      );
    }
  }
  return { prs: prs.filter(pullRequestSightings()), reportedTotal, complete };
}


