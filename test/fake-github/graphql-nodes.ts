import { GraphQLError } from "graphql";
import { connection, type PageArgs } from "./graphql-connection.js";
import { gitRepositoryFields } from "./graphql-git.js";
import { fullName, hash32, isBotLogin, itemTimes, labelColor, labelDescription, repoId } from "./items.js";
import { baseRef, runSearch } from "./search-query.js";
import type { FakeIssue, FakeRepo, FakeSearchItem } from "./types.js";

export { encodeCursor, type PageArgs } from "./graphql-connection.js";

export function repositoryNode(repo: FakeRepo): Record<string, unknown> {
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
    ...gitRepositoryFields(repo, () => repositoryNode(repo)),
    issue: ({ number }: { number: number }) => {
      const issue = repo.issues?.find((candidate) => candidate.number === number);
      // GitHub answers a number that is no issue (a PR, or none at all) with null and NOT_FOUND.
      if (!issue) throw new GraphQLError(`Could not resolve to an Issue with the number of ${number}.`, { extensions: { type: "NOT_FOUND" } });
      return issueNode(repo, issue);
    },
  };
}

function issueNode(repo: FakeRepo, issue: FakeIssue) {
  const name = fullName(repo);
  const created = issue.createdAt ?? "2021-01-15T12:00:00Z";
  const closed = issue.closedAt ?? null;
  const labels = issue.labels ?? [];
  return {
    __typename: "Issue",
    id: `I_kwDO${(hash32(`${name}#${issue.number}`) >>> 0).toString(36)}`,
    databaseId: 800_000_000 + issue.number,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    bodyText: plainText(issue.body ?? ""),
    url: `https://github.com/${name}/issues/${issue.number}`,
    resourcePath: `/${name}/issues/${issue.number}`,
    state: closed === null ? "OPEN" : "CLOSED",
    closed: closed !== null,
    closedAt: closed,
    createdAt: created,
    updatedAt: closed ?? created,
    locked: false,
    author: actorNode({ login: issue.user ?? "kep-author" }),
    repository: repositoryNode(repo),
    milestone: issue.milestone
      ? {
          __typename: "Milestone",
          id: `MI_kwDO${(hash32(`${name}:${issue.milestone}`) >>> 0).toString(36)}`,
          number: 50 + (hash32(issue.milestone) % 50),
          title: issue.milestone,
          state: "OPEN",
          closed: false,
          url: `https://github.com/${name}/milestone/${50 + (hash32(issue.milestone) % 50)}`,
        }
      : null,
    labels: (args: PageArgs) =>
      connection(labels, args, (label) => ({
        __typename: "Label",
        id: `LA_kwDO${(hash32(`${name}:${label.name}`) >>> 0).toString(36)}`,
        name: label.name,
        color: labelColor(label.name),
        description: labelDescription(label.name),
        isDefault: false,
        url: `https://github.com/${name}/labels/${encodeURIComponent(label.name)}`,
      })),
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
