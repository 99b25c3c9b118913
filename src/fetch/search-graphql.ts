import type { Logger } from "../logger.js";
import type { FetchedRepoWeek, PullRequest } from "../types.js";
import type { GitHubClient } from "./github-client.js";
import { checkGraphqlPull, firstProblem, isPageOn, PULL_PATH } from "./schemas.js";
import { expectShape, PAGE_SIZE, pageTracker, searchQuery, searchWindow, type SearchPage, type Window } from "./search-window.js";

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

/** With a token: GraphQL search, 100 PRs a request with base branch and files. */
export async function fetchWithGraphql(
  client: GitHubClient,
  owner: string,
  name: string,
  window: Window,
  logger: Logger,
): Promise<FetchedRepoWeek> {
  const repo = `${owner}/${name}`;
  let defaultBranch = "master";
  const page = async (q: string, cursor: string | null, seen: (cursor: string) => void): Promise<SearchPage> => {
    const data = expectShape(
      await client.octokit.graphql<MergedPullsResponse | undefined>(MERGED_PULLS_QUERY, { q, cursor, owner, name }),
      isMergedPullsResponse,
    );
    defaultBranch = data.repository?.defaultBranchRef?.name ?? defaultBranch;
    const { endCursor, hasNextPage } = data.search.pageInfo;
    return {
      total: data.search.issueCount,
      prs: data.search.nodes.flatMap((node) => {
        const pr = node ? checkedPull(node, repo, client.webHost, logger) : null;
        return pr ? [pr] : [];
      }),
      next: hasNextPage && endCursor ? () => (seen(endCursor), page(q, endCursor, seen)) : null,
    };
  };
  const { prs, reportedTotal, complete } = await searchWindow(repo, window, (part) => page(searchQuery(owner, name, part), null, pageTracker(repo, "search cursor")), logger);
  return { repo, defaultBranch, prs, reportedTotal, complete };
}

/** Nodes that are not merged PRs (issues have no fields here) are left out quietly; malformed PRs with a warning. */
function checkedPull(node: object, repo: string, webHost: string, logger: Logger): PullRequest | null {
  if (Object.keys(node).length === 0) return null;
  const number = (node as { number?: unknown }).number;
  const name = `${repo}#${typeof number === "number" ? number : "?"}`;
  if (!checkGraphqlPull(node)) {
    logger.warn(`${name}: skipped, GitHub sent it malformed (${firstProblem(checkGraphqlPull)})`);
    return null;
  }
  const pull = node as GraphqlPullNode & { url: string; number: number };
  if (!isPageOn(pull.url, webHost, PULL_PATH) || !pull.url.replace(/\/$/, "").endsWith(`/pull/${pull.number}`)) {
    logger.warn(`${name}: skipped, its url ${JSON.stringify(pull.url.slice(0, 100))} is not a pull request page on ${webHost}`);
    return null;
  }
  return pullRequestFromGraphql(pull, repo);
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

