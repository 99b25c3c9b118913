/** GitHub REST search item shape, plus `base` and `files`, which real search items lack. */
export interface FakeSearchItem {
  number: number;
  title: string;
  html_url: string;
  body?: string | null;
  user?: { login: string; type?: string } | null;
  labels?: Array<{ name: string }>;
  created_at?: string;
  closed_at?: string | null;
  pull_request: { merged_at: string | null; html_url?: string };
  /** The branch merged into; defaults to the repository's default branch. */
  base?: { ref: string };
  files?: Array<{ path: string; additions?: number; deletions?: number; changeType?: string }>;
  /** Corpus files carry bookkeeping keys; the server never echoes unknown keys. */
  [key: string]: unknown;
}

/** A GitHub release. Drafts stay in the data: GraphQL and authenticated REST calls see them. */
export interface FakeRelease {
  tagName: string;
  /** The release title; GitHub answers null when a release has none. */
  name?: string | null;
  /** Markdown; GraphQL calls it `description`, REST `body`. */
  body?: string;
  /** Defaults to https://github.com/{owner}/{repo}/releases/tag/{tagName}. */
  url?: string;
  isDraft?: boolean;
  isPrerelease?: boolean;
  /** null for drafts. */
  publishedAt: string | null;
  createdAt: string;
  /** REST `target_commitish`: the branch the tag was cut from; defaults to the default branch. */
  targetCommitish?: string;
  /** REST `author.login`; defaults to "k8s-release-robot". */
  author?: string;
}

/** A lightweight tag, pointing straight at a commit, unless `annotated`. */
export interface FakeTag {
  name: string;
  /** The commit's committedDate, ISO 8601 (also the tagger's date of an annotated tag). */
  date: string;
  /** The commit's oid; defaults to a stable hash of the repository and tag name. */
  oid?: string;
  /** The ref then targets a Tag object ({ name, message, tagger { name email date }, target: Commit }). */
  annotated?: boolean;
}

/** A commit on the default branch, with the full text of every file the fixture cares about. */
export interface FakeCommit {
  oid: string;
  committedDate: string;
  /** path -> full text at this commit; a path missing here does not exist at this commit. */
  files: Record<string, string>;
  message?: string;
}

/** An issue, as a KEP's tracking issue in kubernetes/enhancements: `Repository.issue(number:)`. */
export interface FakeIssue {
  number: number;
  title: string;
  body?: string;
  labels?: Array<{ name: string }>;
  /** The milestone's title ("v1.22"). */
  milestone?: string | null;
  /** ISO 8601; defaults to a fixed day in 2021. */
  createdAt?: string;
  closedAt?: string | null;
  user?: string;
}

export interface FakeRepo {
  owner: string;
  name: string;
  /** Defaults to "master", as in kubernetes/kubernetes. */
  defaultBranch?: string;
  items: FakeSearchItem[];
  releases?: FakeRelease[];
  /** When left out, every non-draft release's tag, dated at the release's createdAt. */
  tags?: FakeTag[];
  /** The default branch's history, in any order: the fake sorts by committedDate. */
  commits?: FakeCommit[];
  /** "branch:path" -> text, for `Repository.object(expression:)`. */
  blobs?: Record<string, string>;
  /** Issues (not PRs), for `Repository.issue(number:)`; a number that is not here is NOT_FOUND. */
  issues?: FakeIssue[];
}

export type FaultKind =
  | "502"
  | "503"
  | "drop"
  | "hang"
  | "secondary-403"
  | "secondary-429"
  | "primary"
  | "malformed"
  | "incomplete";

export type FaultEndpoint = "search" | "graphql" | "repos" | "any";

export interface Fault {
  endpoint: FaultEndpoint;
  /** 1-based index among the calls to `endpoint`. */
  nth: number;
  kind: FaultKind;
  retryAfter?: number;
  resetIn?: number;
}

export interface FakeGitHubOptions {
  repos: FakeRepo[];
  validToken?: string;
  /** REST search body key order: `search_type` before `items` (true) or last (false, default). */
  searchTypeBeforeItems?: boolean;
  faults?: Fault[];
}

export type Endpoint = "search" | "graphql" | "repos" | "other";

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** 0 when the fake dropped the connection or never answered. */
  status: number;
  endpoint: Endpoint;
  apiVersion?: string;
  hadAuth: boolean;
  graphqlQuery?: string;
  graphqlVariables?: Record<string, unknown>;
}

export interface FakeGitHub {
  /** http://127.0.0.1:PORT, usable as Octokit's baseUrl. */
  url: string;
  requests: RecordedRequest[];
  /** Every GraphQL error the fake answered with, except data-dependent NOT_FOUND ones. */
  graphqlErrors: string[];
  close(): Promise<void>;
}

export interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export const jsonReply = (status: number, value: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body: JSON.stringify(value),
  ...(headers ? { headers } : {}),
});
