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
function pageTracker(repo: string, what: string): (key: string) => void {
  const seen = new Set<string>();
  return (key) => {
    if (seen.has(key)) {
      throw new FailureError(`${repo}: GitHub gave the same ${what} twice (${key.slice(0, 120)}); stopping instead of fetching the same page again, try again later`);
    }
    seen.add(key);
  };
}

/** A page a search asks for: the first of a window, or the one after `after` (a cursor or a next-page URL). */
export interface PageAsk {
  part: Window;
  after: string | null;
}

/** One page of search results, however the API pages (Link header or cursor). */
export interface SearchPage {
  /** What GitHub says the whole search holds. */
  total: number;
  prs: PullRequest[];
  /** What `after` asks for the next page; null on the last. */
  next: string | null;
}

/** Where a search's pages come from: REST sends one a request, GraphQL several (aliases). */
export interface PageSource {
  /** The most pages one request asks for. */
  batch: number;
  /** What the tracker of a window's pages calls `next` when it repeats ("search cursor"). */
  next: string;
  /** The pages asked for, in their order, in one request. */
  fetch(asks: readonly PageAsk[]): Promise<SearchPage[]>;
}

/** A window whose first page has come: where its PRs go, and whether GitHub counted more than it hands out. */
interface Part {
  window: Window;
  prs: PullRequest[];
  total: number;
  overCap: boolean;
  seen: (key: string) => void;
}

/**
 * Every page of a search over the window, which is halved by time wherever GitHub counts more
 * results than its 1,000-result cap lets it hand out. A source that takes several pages a request
 * starts from halves of the window, so that a week of up to twice a page arrives in one request,
 * and asks for the next pages of the halves together. REST and GraphQL differ only in `source`.
 */
export async function searchWindow(
  repo: string,
  window: Window,
  source: PageSource,
  logger: Logger,
): Promise<{ prs: PullRequest[]; reportedTotal: number; complete: boolean }> {
  const parts: Part[] = [];
  let reportedTotal = 0;
  let fetched = 0;
  let complete = true;
  // Once a single second counts more than the cap, the server's counts cannot be trusted: halving
  // further windows would only multiply requests, so they are fetched as they are.
  let splitting = true;
  const start = source.batch > 1 ? halves(window) : null;
  // Depth first, as pages and halves go to the front: the pending windows stay few.
  const pending: Array<PageAsk & { of?: Part }> = (start ?? [window]).map((part) => ({ part, after: null }));
  let pagesLogged = 0;
  while (pending.length > 0) {
    const asks = pending.splice(0, source.batch);
    const pages = await source.fetch(asks);
    const queued: typeof pending = [];
    let counted = false;
    asks.forEach((ask, index) => {
      const page = pages[index] as SearchPage;
      let part = ask.of;
      if (!part) {
        const overCap = page.total > SEARCH_RESULT_CAP;
        const split = overCap && splitting ? halves(ask.part) : null;
        if (split) {
          logger.info(`${repo}: ${page.total} PRs in one search, splitting ${ask.part.from.toISOString()}..${ask.part.to.toISOString()}`);
          queued.push(...split.map((half) => ({ part: half, after: null })));
          return;
        }
        if (overCap) splitting = false;
        reportedTotal += page.total;
        part = { window: ask.part, prs: [], total: page.total, overCap, seen: pageTracker(repo, source.next) };
        parts.push(part);
      }
      part.prs.push(...page.prs);
      fetched += page.prs.length;
      counted = true;
      if (page.next) {
        part.seen(page.next);
        queued.push({ part: ask.part, after: page.next, of: part });
      } else if (part.overCap) {
        complete = false;
        const span = part.window.from.getTime() === part.window.to.getTime() ? `the one second ${part.window.from.toISOString()}` : `${part.window.from.toISOString()}..${part.window.to.toISOString()}`;
        logger.warn(
          `${repo}: GitHub reported ${part.total} PRs merged in ${span}, more than the ${SEARCH_RESULT_CAP} a search hands out, and splitting stops at one second; fetched ${part.prs.length} of them, the draft may be incomplete and is not cached`,
        );
      }
    });
    // A request whose every window was split has no page to count.
    if (counted) logger.info(`${repo}: page ${(pagesLogged += 1)}, ${fetched} of ${reportedTotal} PRs`);
    pending.unshift(...queued);
  }
  // In time order, as one search would have sent them, so that the first sighting of a PR is kept.
  parts.sort((a, b) => a.window.from.getTime() - b.window.from.getTime());
  return { prs: parts.flatMap((part) => part.prs).filter(pullRequestSightings()), reportedTotal, complete };
}
