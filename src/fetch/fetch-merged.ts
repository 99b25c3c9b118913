import { FailureError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { PullRequest, RepoWeek, Week } from "../types.js";
import type { GitHubClient } from "./github-client.js";
import { toGitHubFailure } from "./github-errors.js";
import { pullRequestFromSearchItem, type SearchItem } from "./search-item.js";

/** GitHub search never returns more than this many results for one query. */
export const SEARCH_RESULT_CAP = 1000;
const PAGE_SIZE = 100;

export interface FetchedRepoWeek extends RepoWeek {
  /** What GitHub said the searches hold, to compare with what was fetched. */
  reportedTotal: number;
}

interface Window {
  from: Date;
  to: Date;
}

/** Every PR merged into any branch of `repo` within the week, every page, split below the cap. */
export async function fetchMergedPulls(
  client: GitHubClient,
  repo: string,
  week: Week,
  logger: Logger,
): Promise<FetchedRepoWeek> {
  const [owner, name] = splitRepo(repo);
  const window = { from: new Date(week.from), to: new Date(week.to) };
  try {
    const fetched = client.authenticated
      ? await fetchWithGraphql(client, owner, name, window, logger)
      : await fetchWithRest(client, owner, name, window, logger);
    if (fetched.prs.length !== fetched.reportedTotal) {
      logger.warn(
        `${repo}: fetched ${fetched.prs.length} merged PRs but GitHub reported ${fetched.reportedTotal}; the draft may be incomplete`,
      );
    }
    return fetched;
  } catch (error) {
    throw toGitHubFailure(error, `fetching PRs merged in ${repo}`);
  }
}

export function splitRepo(repo: string): [string, string] {
  const [owner, name, ...rest] = repo.split("/");
  if (!owner || !name || rest.length > 0) throw new Error(`not an OWNER/NAME repository: ${repo}`);
  return [owner, name];
}

function searchQuery(owner: string, name: string, window: Window, extra = ""): string {
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

const MERGED_PULLS_QUERY = `
query MergedPulls($q: String!, $cursor: String, $owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) { defaultBranchRef { name } }
  search(query: $q, type: ISSUE, first: ${PAGE_SIZE}, after: $cursor) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes {
      ... on PullRequest {
        number title url body mergedAt baseRefName
        author { __typename login }
        labels(first: 50) { nodes { name } }
        files(first: 100) { totalCount nodes { path additions deletions } }
      }
    }
  }
}`;

interface GraphqlPullNode {
  number?: number;
  title?: string;
  url?: string;
  body?: string;
  mergedAt?: string | null;
  baseRefName?: string;
  author?: { __typename?: string; login?: string } | null;
  labels?: { nodes?: Array<{ name?: string } | null> | null } | null;
  files?: { totalCount?: number; nodes?: Array<{ path: string; additions?: number; deletions?: number } | null> | null } | null;
}

interface MergedPullsResponse {
  repository: { defaultBranchRef: { name: string } | null } | null;
  search: {
    issueCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<GraphqlPullNode | null>;
  };
}

async function fetchWithGraphql(
  client: GitHubClient,
  owner: string,
  name: string,
  window: Window,
  logger: Logger,
): Promise<FetchedRepoWeek> {
  const repo = `${owner}/${name}`;
  const prs: PullRequest[] = [];
  let reportedTotal = 0;
  let defaultBranch = "master";
  const pending: Window[] = [window];
  while (pending.length > 0) {
    const part = pending.shift() as Window;
    const q = searchQuery(owner, name, part);
    let cursor: string | null = null;
    let page = 1;
    for (;;) {
      const data: MergedPullsResponse = expectShape(
        await client.octokit.graphql<MergedPullsResponse | undefined>(MERGED_PULLS_QUERY, { q, cursor, owner, name }),
        isMergedPullsResponse,
      );
      defaultBranch = data.repository?.defaultBranchRef?.name ?? defaultBranch;
      const split = page === 1 && data.search.issueCount > SEARCH_RESULT_CAP ? halves(part) : null;
      if (split) {
        logger.info(`${repo}: ${data.search.issueCount} PRs in one search, splitting ${part.from.toISOString()}..${part.to.toISOString()}`);
        pending.unshift(...split);
        break;
      }
      if (page === 1) reportedTotal += data.search.issueCount;
      for (const node of data.search.nodes) {
        const pr = node ? pullRequestFromGraphql(node, repo) : null;
        if (pr) prs.push(pr);
      }
      logger.info(`${repo}: page ${page}, ${prs.length} of ${reportedTotal} PRs`);
      if (!data.search.pageInfo.hasNextPage || !data.search.pageInfo.endCursor) break;
      cursor = data.search.pageInfo.endCursor;
      page += 1;
    }
  }
  return { repo, defaultBranch, prs: dedupe(prs), reportedTotal };
}

function pullRequestFromGraphql(node: GraphqlPullNode, repo: string): PullRequest | null {
  if (node.number === undefined || !node.mergedAt || !node.url) return null;
  const login = node.author?.login ?? "ghost";
  const files = (node.files?.nodes ?? []).flatMap((file) => (file ? [{ ...file }] : []));
  return {
    repo,
    number: node.number,
    url: node.url,
    title: node.title ?? "",
    author: login,
    authorIsBot: node.author?.__typename === "Bot" || login.endsWith("[bot]"),
    labels: (node.labels?.nodes ?? []).flatMap((label) => (label?.name ? [label.name] : [])),
    body: node.body ?? "",
    mergedAt: node.mergedAt,
    baseRef: node.baseRefName ?? null,
    // Every real PR changes a file; an empty list means GitHub did not say, not "no files".
    ...(files.length > 0 ? { files } : {}),
  };
}

interface RestSearchPage {
  total_count: number;
  incomplete_results: boolean;
  items: SearchItem[];
}

/** GraphQL needs a token; REST search works without one, at 10 requests a minute. */
async function fetchWithRest(
  client: GitHubClient,
  owner: string,
  name: string,
  window: Window,
  logger: Logger,
): Promise<FetchedRepoWeek> {
  const repo = `${owner}/${name}`;
  const { data: repository } = await client.octokit.request("GET /repos/{owner}/{repo}", { owner, repo: name });
  const defaultBranch = repository.default_branch;
  // REST search items carry no base branch, so ask only for the default branch's merges.
  logger.warn(`${repo}: without a token only PRs merged into ${defaultBranch} are fetched`);
  const prs: PullRequest[] = [];
  let reportedTotal = 0;
  const pending: Window[] = [window];
  while (pending.length > 0) {
    const part = pending.shift() as Window;
    const q = searchQuery(owner, name, part, ` base:${defaultBranch}`);
    let response: { data: unknown; headers: { link?: string } } = await searchPage(client, () =>
      client.octokit.request("GET /search/issues", { q, per_page: PAGE_SIZE, sort: "created", order: "asc" }),
    );
    let body = expectShape(response.data, isRestSearchPage);
    const split = body.total_count > SEARCH_RESULT_CAP ? halves(part) : null;
    if (split) {
      pending.unshift(...split);
      continue;
    }
    reportedTotal += body.total_count;
    for (let page = 1; ; page += 1) {
      if (body.incomplete_results) {
        logger.warn(`${repo}: GitHub search timed out on page ${page} twice and returned incomplete results; the draft may miss PRs`);
      }
      for (const item of body.items) {
        const pr = pullRequestFromSearchItem(item, repo);
        if (pr) prs.push({ ...pr, baseRef: defaultBranch });
      }
      logger.info(`${repo}: page ${page}, ${prs.length} of ${reportedTotal} PRs`);
      const next = nextLink(response.headers.link);
      if (!next) break;
      response = await searchPage(client, () => client.octokit.request(`GET ${next}`));
      body = expectShape(response.data, isRestSearchPage);
    }
  }
  return { repo, defaultBranch, prs: dedupe(prs), reportedTotal };
}

/** GitHub's docs: a search that timed out may return partial results; asking once more usually completes. */
async function searchPage<T extends { data: unknown }>(client: GitHubClient, request: () => Promise<T>): Promise<T> {
  const first = await request();
  const body = first.data as Partial<RestSearchPage> | undefined;
  return body?.incomplete_results === true ? request() : first;
}

function isRestSearchPage(data: unknown): data is RestSearchPage {
  const page = data as Partial<RestSearchPage> | null;
  return typeof page === "object" && page !== null && typeof page.total_count === "number" && Array.isArray(page.items);
}

function isMergedPullsResponse(data: unknown): data is MergedPullsResponse {
  const response = data as Partial<MergedPullsResponse> | null;
  return (
    typeof response === "object" &&
    response !== null &&
    typeof response.search?.issueCount === "number" &&
    Array.isArray(response.search.nodes) &&
    typeof response.search.pageInfo?.hasNextPage === "boolean"
  );
}

/** A body that is not the documented shape (truncated JSON, an HTML error page) is a failure, not a crash. */
function expectShape<T>(data: unknown, check: (value: unknown) => value is T): T {
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

function dedupe(prs: PullRequest[]): PullRequest[] {
  const seen = new Map<number, PullRequest>();
  for (const pr of prs) seen.set(pr.number, pr);
  return [...seen.values()];
}
