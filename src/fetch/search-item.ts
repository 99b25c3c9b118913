import type { PullRequest } from "../types.js";

/** The fields of a GitHub REST search item (issue-search-result-item) that k8s-weekly reads. */
export interface SearchItem {
  number: number;
  title: string;
  html_url: string;
  repository_url?: string;
  body?: string | null;
  user?: { login: string; type?: string } | null;
  labels?: Array<{ name?: string } | string>;
  closed_at?: string | null;
  pull_request?: { merged_at?: string | null; html_url?: string };
  performed_via_github_app?: unknown;
  /** Not in GitHub's search items; present in files exported from GraphQL or the corpus. */
  base?: { ref?: string };
  files?: Array<{ path: string; additions?: number; deletions?: number }>;
}

const REPO_FROM_URL = /github\.com\/([^/]+\/[^/]+)\/pull\/\d+/;
const REPO_FROM_API_URL = /\/repos\/([^/]+\/[^/]+)$/;

/** Maps one search item to the plain PR every later stage reads; null when it is not a merged PR. */
export function pullRequestFromSearchItem(item: SearchItem, fallbackRepo?: string): PullRequest | null {
  const mergedAt = item.pull_request?.merged_at;
  if (!mergedAt) return null;
  const repo =
    item.repository_url?.match(REPO_FROM_API_URL)?.[1] ??
    item.html_url.match(REPO_FROM_URL)?.[1] ??
    fallbackRepo;
  if (!repo) return null;
  // Names are case-insensitive on GitHub; the tool compares and caches them in lower case.
  const login = item.user?.login ?? "ghost";
  const pr: PullRequest = {
    repo: repo.toLowerCase(),
    number: item.number,
    url: item.html_url,
    title: item.title,
    author: login,
    authorIsBot: item.user?.type === "Bot" || login.endsWith("[bot]"),
    labels: labelNames(item.labels ?? []),
    body: item.body ?? "",
    mergedAt,
    baseRef: item.base?.ref ?? null,
  };
  // Set after the literal, not spread into it: V8 copies a conditional spread through a slow path, once per PR.
  if (item.files) pr.files = fileCopies(item.files);
  return pr;
}

// The lists below are built by push, not by map() and filter(): those give packed lists until V8
// optimizes the loop calling them and holey ones after, so that in a large week every function
// reading a PR's labels or files met a second kind of list midway, and was compiled again.

function labelNames(labels: NonNullable<SearchItem["labels"]>): string[] {
  const names: string[] = [];
  for (const label of labels) {
    const name = typeof label === "string" ? label : (label.name ?? "");
    if (name !== "") names.push(name);
  }
  return names;
}

function fileCopies(files: NonNullable<SearchItem["files"]>): NonNullable<PullRequest["files"]> {
  const copies: NonNullable<PullRequest["files"]> = [];
  for (const file of files) copies.push({ ...file });
  return copies;
}
