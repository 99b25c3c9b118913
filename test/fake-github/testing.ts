import { Octokit } from "@octokit/rest";
import type { FakeGitHub, FakeSearchItem } from "./types.js";

export const TOKEN = "t0ken";

export const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** A plain Octokit (no retry or throttling) pointed at the fake; pass "" for no token. */
export const client = (gh: FakeGitHub, auth: string = TOKEN) =>
  new Octokit({ baseUrl: gh.url, log: quiet, ...(auth ? { auth } : {}) });

/** Status and body of a request Octokit rejects. */
export async function failure(promise: Promise<unknown>): Promise<{ status: number; data: unknown }> {
  const error: unknown = await promise.then(
    () => new Error("expected the request to fail"),
    (rejected: unknown) => rejected,
  );
  const { status, response } = error as { status: number; response?: { data: unknown } };
  return { status, data: response?.data };
}

export const nextLink = (link: string | undefined): string | undefined => /<([^>]+)>; rel="next"/.exec(link ?? "")?.[1];

export function pr(number: number, merged_at: string | null, extra: Partial<FakeSearchItem> = {}): FakeSearchItem {
  const html_url = `https://github.com/kubernetes/kubernetes/pull/${number}`;
  return { number, title: `PR ${number}`, html_url, pull_request: { merged_at }, ...extra };
}

/** GitHub's issue-search-result-item keys, in the order GitHub sends them. */
export const ITEM_KEYS = [
  "url", "repository_url", "labels_url", "comments_url", "events_url", "html_url", "id", "node_id", "number", "title",
  "user", "labels", "state", "locked", "assignee", "assignees", "milestone", "comments", "created_at", "updated_at",
  "closed_at", "author_association", "active_lock_reason", "draft", "pull_request", "body", "reactions",
  "timeline_url", "performed_via_github_app", "state_reason", "score",
];

/** The document k8s-weekly pages merged PRs with (src/fetch/fetch-merged.ts), plus rateLimit. */
export const MERGED_PULLS = `
query MergedPulls($q: String!, $cursor: String, $owner: String!, $name: String!) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) { defaultBranchRef { name } }
  search(query: $q, type: ISSUE, first: 100, after: $cursor) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes { ... on PullRequest { number title url body mergedAt baseRefName author { __typename login } labels(first: 50) { nodes { name } } files(first: 100) { totalCount nodes { path additions deletions } } } }
  }
}`;

export interface MergedPulls {
  rateLimit: { cost: number; remaining: number; resetAt: string };
  repository: { defaultBranchRef: { name: string } };
  search: {
    issueCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      number: number;
      baseRefName: string;
      author: { __typename: string; login: string };
      labels: { nodes: Array<{ name: string }> };
      files: { totalCount: number };
    }>;
  };
}

/** Raw POST, so tests see the status, headers and body Octokit would turn into an exception. */
export async function postGraphql(gh: FakeGitHub, query: string): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(`${gh.url}/graphql`, {
    method: "POST",
    headers: { authorization: `token ${TOKEN}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}
