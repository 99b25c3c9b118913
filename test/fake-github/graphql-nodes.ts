import { GraphQLError } from "graphql";
import { fullName, hash32, isBotLogin, itemTimes, labelColor, labelDescription, repoId } from "./items.js";
import { baseRef, runSearch } from "./search-query.js";
import type { FakeRepo, FakeSearchItem } from "./types.js";

/** GitHub's search cursors are literally base64("cursor:N"), N being the 1-based position. */
export const encodeCursor = (position: number): string => Buffer.from(`cursor:${position}`).toString("base64");

function decodeCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const match = /^cursor:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  if (!match) throw new GraphQLError(`\`${cursor}\` does not appear to be a valid cursor.`);
  return Number(match[1]);
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

interface Page<T> {
  slice: T[];
  start: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

function page<T>(list: readonly T[], args: PageArgs): Page<T> {
  if (args.last !== undefined && args.last !== null) {
    throw new GraphQLError("The fake GitHub server pages forward only (`first`/`after`), not with `last`/`before`.");
  }
  const start = decodeCursor(args.after);
  const slice = list.slice(start, start + (args.first ?? 0));
  return {
    slice,
    start,
    pageInfo: {
      hasNextPage: start + slice.length < list.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length > 0 ? encodeCursor(start + 1) : null,
      endCursor: slice.length > 0 ? encodeCursor(start + slice.length) : null,
    },
  };
}

function connection<T, N>(list: readonly T[], args: PageArgs, toNode: (value: T) => N) {
  const { slice, start, pageInfo } = page(list, args);
  const nodes = slice.map(toNode);
  return {
    totalCount: list.length,
    pageInfo,
    nodes,
    edges: nodes.map((node, i) => ({ cursor: encodeCursor(start + i + 1), node })),
  };
}

export function repositoryNode(repo: FakeRepo) {
  const name = fullName(repo);
  return {
    __typename: "Repository",
    id: `R_kgDO${repoId(repo)}`,
    databaseId: repoId(repo),
    name: repo.name,
    nameWithOwner: name,
    owner: { __typename: "Organization", login: repo.owner, url: `https://github.com/${repo.owner}` },
    url: `https://github.com/${name}`,
    isPrivate: false,
    isArchived: false,
    isFork: false,
    description: null,
    defaultBranchRef: { __typename: "Ref", name: repo.defaultBranch ?? "master", prefix: "refs/heads/" },
  };
}

function actorNode(user: FakeSearchItem["user"]) {
  if (!user) return null;
  // GraphQL names a GitHub App's bot without the "[bot]" suffix that REST shows.
  const bot = isBotLogin(user);
  const login = bot ? user.login.replace(/\[bot\]$/, "") : user.login;
  const path = bot ? `/apps/${login}` : `/${login}`;
  return {
    __typename: bot ? "Bot" : "User",
    login,
    url: `https://github.com${path}`,
    resourcePath: path,
    avatarUrl: `https://avatars.githubusercontent.com/u/${1000 + (hash32(user.login) % 100_000_000)}?v=4`,
  };
}

/** Roughly what GitHub renders as text: the markdown without fences and heading marks. */
const plainText = (body: string): string => body.replace(/^```\w*\s*$/gm, "").replace(/^#+ /gm, "");

export function pullRequestNode(repo: FakeRepo, item: FakeSearchItem) {
  const times = itemTimes(item);
  const merged = item.pull_request.merged_at;
  const files = item.files ?? [];
  const labels = item.labels ?? [];
  const body = item.body ?? "";
  const resourcePath = `/${fullName(repo)}/pull/${item.number}`;
  return {
    __typename: "PullRequest",
    id: `PR_kwDO${(hash32(`${fullName(repo)}#${item.number}`) >>> 0).toString(36)}`,
    number: item.number,
    title: item.title,
    url: item.html_url,
    permalink: item.html_url,
    resourcePath,
    body,
    bodyText: plainText(body),
    createdAt: times.created,
    updatedAt: times.updated,
    closedAt: times.closed,
    mergedAt: merged,
    merged: merged !== null,
    closed: times.closed !== null,
    state: merged !== null ? "MERGED" : times.closed !== null ? "CLOSED" : "OPEN",
    isDraft: item.draft === true,
    locked: false,
    authorAssociation: "MEMBER",
    baseRefName: baseRef(repo, item),
    headRefName: `pr-${item.number}`,
    additions: files.reduce((sum, file) => sum + (file.additions ?? 0), 0),
    deletions: files.reduce((sum, file) => sum + (file.deletions ?? 0), 0),
    changedFiles: files.length,
    author: actorNode(item.user === undefined ? { login: "ghost" } : item.user),
    repository: repositoryNode(repo),
    labels: (args: PageArgs) =>
      connection(labels, args, (label) => ({
        __typename: "Label",
        id: `LA_kwDO${(hash32(`${fullName(repo)}:${label.name}`) >>> 0).toString(36)}`,
        name: label.name,
        color: labelColor(label.name),
        description: labelDescription(label.name),
        isDefault: false,
        url: `https://github.com/${fullName(repo)}/labels/${encodeURIComponent(label.name)}`,
      })),
    files: (args: PageArgs) =>
      connection(files, args, (file) => ({
        __typename: "PullRequestChangedFile",
        path: file.path,
        additions: file.additions ?? 0,
        deletions: file.deletions ?? 0,
        changeType: file.changeType ?? "MODIFIED",
      })),
  };
}

/** The GraphQL search, like REST search capped at 1 000 reachable results. */
export function searchConnection(repos: FakeRepo[], args: PageArgs & { query: string; type: string }) {
  if (args.type !== "ISSUE") throw new GraphQLError(`The fake GitHub server only searches with type: ISSUE, not ${args.type}.`);
  const outcome = runSearch(repos, args.query);
  // Unlike REST, GraphQL search answers an inaccessible repo: qualifier with no results.
  if (!outcome.ok && !outcome.unknownRepo) throw new GraphQLError(outcome.message);
  const hits = outcome.ok ? outcome.hits : [];
  const result = connection(hits.slice(0, 1000), args, (hit) => pullRequestNode(hit.repo, hit.item));
  return {
    issueCount: hits.length,
    codeCount: 0,
    discussionCount: 0,
    repositoryCount: 0,
    userCount: 0,
    wikiCount: 0,
    pageInfo: result.pageInfo,
    nodes: result.nodes,
    edges: result.edges.map((edge) => ({ ...edge, textMatches: [] })),
  };
}
