import { GraphQLError } from "graphql";
import { connection, type PageArgs } from "./graphql-connection.js";
import {
  blobOid,
  defaultBranch,
  headCommit,
  latestRelease,
  orderedReleases,
  releaseAuthor,
  releaseHtmlUrl,
  releaseId,
  releaseNodeId,
  repoTags,
  sortedCommits,
  syntheticOid,
  tagOid,
  time,
  type Direction,
  type ReleaseOrderField,
} from "./git-data.js";
import { fullName } from "./items.js";
import type { FakeCommit, FakeRelease, FakeRepo, FakeTag } from "./types.js";

/** Resolves to the repository's own node, lazily: nodes point back at it. */
type RepositoryThunk = () => unknown;

interface Git {
  repo: FakeRepo;
  repository: RepositoryThunk;
  name: string;
}

const nodeId = (prefix: string, key: string): string => `${prefix}_kwDO${Buffer.from(key).toString("base64url").slice(0, 20)}`;

function gitTimestamp(value: unknown, argument: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = typeof value === "string" ? time(value) : NaN;
  if (Number.isNaN(parsed)) {
    throw new GraphQLError(`Argument '${argument}' on Field 'history' has an invalid value (${JSON.stringify(value)}). Expected type 'GitTimestamp'.`);
  }
  return parsed;
}

// ---- blobs and trees -------------------------------------------------------------------------

/** Files of one revision: full path -> text, plus the commit they belong to for `commitUrl`. */
interface Snapshot {
  files: Record<string, string>;
  commitOid: string;
}

function blobNode(git: Git, snapshot: Snapshot, text: string) {
  const oid = blobOid(text);
  return {
    __typename: "Blob",
    id: nodeId("B", `${git.name}:${oid}`),
    oid,
    abbreviatedOid: oid.slice(0, 7),
    byteSize: Buffer.byteLength(text),
    isBinary: false,
    isTruncated: false,
    text,
    commitUrl: `https://github.com/${git.name}/commit/${snapshot.commitOid}`,
    commitResourcePath: `/${git.name}/commit/${snapshot.commitOid}`,
    repository: git.repository,
  };
}

/** Immediate children of `dir` ("" for the root): files, and folders that hold files. */
function children(snapshot: Snapshot, dir: string): Array<{ name: string; path: string; type: "blob" | "tree" }> {
  const prefix = dir === "" ? "" : `${dir}/`;
  const found = new Map<string, "blob" | "tree">();
  for (const path of Object.keys(snapshot.files)) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const slash = rest.indexOf("/");
    if (slash === -1) found.set(rest, "blob");
    else if (!found.has(rest.slice(0, slash))) found.set(rest.slice(0, slash), "tree");
  }
  // Git sorts a tree by name, comparing a folder as if it ended with "/".
  const sortKey = (name: string, type: string) => (type === "tree" ? `${name}/` : name);
  return [...found]
    .sort(([a, ta], [b, tb]) => (sortKey(a, ta) < sortKey(b, tb) ? -1 : 1))
    .map(([name, type]) => ({ name, path: `${prefix}${name}`, type }));
}

function treeNode(git: Git, snapshot: Snapshot, dir: string) {
  const entries = children(snapshot, dir);
  const oid = syntheticOid(`${git.name}:tree:${dir}:${entries.map((entry) => entry.path).join(",")}`);
  return {
    __typename: "Tree",
    id: nodeId("T", `${git.name}:${oid}`),
    oid,
    abbreviatedOid: oid.slice(0, 7),
    commitUrl: `https://github.com/${git.name}/commit/${snapshot.commitOid}`,
    commitResourcePath: `/${git.name}/commit/${snapshot.commitOid}`,
    repository: git.repository,
    entries: () => entries.map((entry) => treeEntryNode(git, snapshot, entry.path, entry.type)),
  };
}

function treeEntryNode(git: Git, snapshot: Snapshot, path: string, type: "blob" | "tree") {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const text = type === "blob" ? (snapshot.files[path] ?? "") : undefined;
  const object = text === undefined ? treeNode(git, snapshot, path) : blobNode(git, snapshot, text);
  const dot = name.lastIndexOf(".");
  return {
    __typename: "TreeEntry",
    name,
    nameRaw: Buffer.from(name).toString("base64"),
    path,
    pathRaw: Buffer.from(path).toString("base64"),
    type,
    mode: type === "blob" ? 33188 : 16384,
    oid: object.oid,
    size: text === undefined ? 0 : Buffer.byteLength(text),
    extension: type === "blob" && dot > 0 ? name.slice(dot) : null,
    isGenerated: false,
    language: null,
    lineCount: text === undefined ? null : text === "" ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0),
    submodule: null,
    repository: git.repository,
    object,
  };
}

/** A blob, a folder that holds files, or null; "" and "." name the root folder. */
function lookup(git: Git, snapshot: Snapshot, rawPath: string) {
  const path = rawPath.replace(/^\.?\/+/, "").replace(/\/+$/, "");
  const text = snapshot.files[path];
  if (text !== undefined) return { kind: "blob" as const, path };
  if (path === "" || path === "." || Object.keys(snapshot.files).some((file) => file.startsWith(`${path}/`))) {
    return { kind: "tree" as const, path: path === "." ? "" : path };
  }
  return undefined;
}

// ---- commits -----------------------------------------------------------------------------------

/** A commit and, when it is on the default branch, its ancestors (oldest first, itself last). */
function commitNode(git: Git, commit: FakeCommit, ancestors: readonly FakeCommit[]) {
  const snapshot: Snapshot = { files: commit.files, commitOid: commit.oid };
  const message = commit.message ?? `Update ${Object.keys(commit.files).sort().join(", ") || "the tree"}`;
  const [headline = "", ...rest] = message.split("\n");
  return {
    __typename: "Commit",
    id: nodeId("C", `${git.name}:${commit.oid}`),
    oid: commit.oid,
    abbreviatedOid: commit.oid.slice(0, 7),
    committedDate: commit.committedDate,
    authoredDate: commit.committedDate,
    committedViaWeb: false,
    message,
    messageHeadline: headline,
    messageBody: rest.join("\n").trim(),
    url: `https://github.com/${git.name}/commit/${commit.oid}`,
    commitUrl: `https://github.com/${git.name}/commit/${commit.oid}`,
    resourcePath: `/${git.name}/commit/${commit.oid}`,
    commitResourcePath: `/${git.name}/commit/${commit.oid}`,
    tarballUrl: `https://github.com/${git.name}/tarball/${commit.oid}`,
    zipballUrl: `https://github.com/${git.name}/zipball/${commit.oid}`,
    repository: git.repository,
    tree: () => treeNode(git, snapshot, ""),
    file: ({ path }: { path: string }) => {
      const found = lookup(git, snapshot, path);
      if (!found || found.path === "") return null;
      return treeEntryNode(git, snapshot, found.path, found.kind);
    },
    history: (args: PageArgs & { since?: unknown; until?: unknown; path?: string | null; author?: unknown }) => {
      if (args.author !== undefined && args.author !== null) {
        throw new GraphQLError("The fake GitHub server does not filter commit history by author.");
      }
      const since = gitTimestamp(args.since, "since");
      const until = gitTimestamp(args.until, "until");
      const path = args.path ?? undefined;
      const picked: Array<{ commit: FakeCommit; history: readonly FakeCommit[] }> = [];
      for (let i = ancestors.length - 1; i >= 0; i--) {
        const candidate = ancestors[i];
        if (!candidate) continue;
        const at = time(candidate.committedDate);
        if (until !== undefined && at > until) continue;
        if (since !== undefined && at < since) continue;
        if (path !== undefined && candidate.files[path] === ancestors[i - 1]?.files[path]) continue;
        picked.push({ commit: candidate, history: ancestors.slice(0, i + 1) });
      }
      return connection(picked, args, ({ commit: c, history }) => commitNode(git, c, history));
    },
  };
}

function commitByOid(git: Git, oid: string) {
  const commits = sortedCommits(git.repo);
  const index = oid.length >= 7 ? commits.findIndex((commit) => commit.oid.startsWith(oid.toLowerCase())) : -1;
  const commit = commits[index];
  return commit ? commitNode(git, commit, commits.slice(0, index + 1)) : undefined;
}

function headNode(git: Git) {
  const commits = sortedCommits(git.repo);
  const head = headCommit(git.repo);
  return head ? commitNode(git, head, commits) : null;
}

/** A tag's commit: the fixture commit it names, or a commit of its own with no files. */
function tagCommitNode(git: Git, tag: FakeTag) {
  const oid = tagOid(git.repo, tag);
  const onBranch = commitByOid(git, oid);
  if (onBranch) return onBranch;
  const commit: FakeCommit = { oid, committedDate: tag.date, files: {}, message: `Release ${tag.name}` };
  return commitNode(git, commit, [commit]);
}

// ---- refs --------------------------------------------------------------------------------------

function refNode(git: Git, prefix: "refs/heads/" | "refs/tags/", name: string, target: () => unknown) {
  return {
    __typename: "Ref",
    id: nodeId("REF", `${git.name}:${prefix}${name}`),
    name,
    prefix,
    repository: git.repository,
    target,
  };
}

/** An annotated tag's own object, which points at the commit. */
function tagObjectNode(git: Git, tag: FakeTag) {
  const oid = syntheticOid(`${git.name}:annotated:${tag.name}`);
  return {
    __typename: "Tag",
    id: nodeId("TAG", `${git.name}:${oid}`),
    oid,
    abbreviatedOid: oid.slice(0, 7),
    name: tag.name,
    message: `Release ${tag.name}\n`,
    tagger: { name: "Release Bot", email: "release-bot@example.com", date: tag.date, user: null },
    commitUrl: `https://github.com/${git.name}/releases/tag/${tag.name}`,
    commitResourcePath: `/${git.name}/releases/tag/${tag.name}`,
    repository: git.repository,
    target: () => tagCommitNode(git, tag),
  };
}

const branchRef = (git: Git) => refNode(git, "refs/heads/", defaultBranch(git.repo), () => headNode(git));
const tagRef = (git: Git, tag: FakeTag) =>
  refNode(git, "refs/tags/", tag.name, () => (tag.annotated === true ? tagObjectNode(git, tag) : tagCommitNode(git, tag)));

function findRef(git: Git, qualifiedName: string) {
  const branch = defaultBranch(git.repo);
  const tags = repoTags(git.repo);
  if (qualifiedName === `refs/heads/${branch}`) return branchRef(git);
  if (qualifiedName.startsWith("refs/tags/")) {
    const tag = tags.find((candidate) => `refs/tags/${candidate.name}` === qualifiedName);
    return tag ? tagRef(git, tag) : null;
  }
  if (qualifiedName.startsWith("refs/")) return null;
  // A short name: branches first, then tags, as GitHub resolves it.
  if (qualifiedName === branch) return branchRef(git);
  const tag = tags.find((candidate) => candidate.name === qualifiedName);
  return tag ? tagRef(git, tag) : null;
}

interface RefsArgs extends PageArgs {
  refPrefix: string;
  query?: string | null;
  direction?: Direction | null;
  orderBy?: { field: "TAG_COMMIT_DATE" | "ALPHABETICAL"; direction: Direction } | null;
}

function refsConnection(git: Git, args: RefsArgs) {
  const direction = args.orderBy?.direction ?? args.direction ?? "ASC";
  const sign = direction === "ASC" ? 1 : -1;
  const query = args.query?.toLowerCase() ?? "";
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  if (args.refPrefix === "refs/tags/") {
    const tags = repoTags(git.repo)
      .filter((tag) => tag.name.toLowerCase().includes(query))
      .sort((a, b) =>
        args.orderBy?.field === "TAG_COMMIT_DATE"
          ? sign * (time(a.date) - time(b.date) || byName(a.name, b.name))
          : sign * byName(a.name, b.name),
      );
    return connection(tags, args, (tag) => tagRef(git, tag));
  }
  if (args.refPrefix === "refs/heads/") {
    const heads = defaultBranch(git.repo).toLowerCase().includes(query) ? [defaultBranch(git.repo)] : [];
    return connection(heads, args, () => branchRef(git));
  }
  return connection([] as string[], args, () => null);
}

// ---- releases ----------------------------------------------------------------------------------

function releaseNode(git: Git, release: FakeRelease, latest: FakeRelease | undefined) {
  const url = releaseHtmlUrl(git.repo, release);
  const login = releaseAuthor(release);
  const tag = release.isDraft === true ? undefined : repoTags(git.repo).find((candidate) => candidate.name === release.tagName);
  return {
    __typename: "Release",
    id: releaseNodeId(git.repo, release),
    databaseId: releaseId(git.repo, release),
    tagName: release.tagName,
    name: release.name ?? null,
    description: release.body ?? null,
    url,
    resourcePath: url.replace(/^https:\/\/github\.com/, ""),
    isDraft: release.isDraft === true,
    isPrerelease: release.isPrerelease === true,
    isLatest: release === latest,
    publishedAt: release.publishedAt,
    createdAt: release.createdAt,
    updatedAt: release.publishedAt ?? release.createdAt,
    author: { __typename: "User", login, url: `https://github.com/${login}`, resourcePath: `/${login}` },
    repository: git.repository,
    tag: () => (tag ? tagRef(git, tag) : null),
    tagCommit: () => (tag ? tagCommitNode(git, tag) : null),
  };
}

interface ReleasesArgs extends PageArgs {
  orderBy?: { field: ReleaseOrderField; direction: Direction } | null;
}

// ---- objects -----------------------------------------------------------------------------------

/** Files of a revision: the fixture's "rev:path" blobs, over the commit files when rev is a commit. */
function snapshotOf(git: Git, rev: string): Snapshot | undefined {
  const branch = defaultBranch(git.repo);
  const isBranch = rev === branch || rev === "HEAD" || rev === `refs/heads/${branch}`;
  const commit = isBranch ? headCommit(git.repo) : rev.length >= 7 ? sortedCommits(git.repo).find((c) => c.oid.startsWith(rev.toLowerCase())) : undefined;
  const files: Record<string, string> = { ...(commit?.files ?? {}) };
  let fromBlobs = false;
  for (const [key, text] of Object.entries(git.repo.blobs ?? {})) {
    const colon = key.indexOf(":");
    const blobRev = key.slice(0, colon);
    if (colon > 0 && (blobRev === rev || (isBranch && (blobRev === branch || blobRev === "HEAD")))) {
      files[key.slice(colon + 1)] = text;
      fromBlobs = true;
    }
  }
  if (!commit && !fromBlobs) return undefined;
  return { files, commitOid: commit?.oid ?? syntheticOid(`${git.name}:${rev}`) };
}

function objectAt(git: Git, args: { expression?: string | null; oid?: string | null }) {
  if (args.oid !== undefined && args.oid !== null) return commitByOid(git, args.oid) ?? null;
  const expression = args.expression;
  if (expression === undefined || expression === null) return null;
  const colon = expression.indexOf(":");
  if (colon === -1) {
    if (expression === defaultBranch(git.repo) || expression === "HEAD") return headNode(git);
    const tag = repoTags(git.repo).find((candidate) => candidate.name === expression);
    if (tag) return tag.annotated === true ? tagObjectNode(git, tag) : tagCommitNode(git, tag);
    return commitByOid(git, expression) ?? null;
  }
  const snapshot = snapshotOf(git, expression.slice(0, colon));
  if (!snapshot) return null;
  const found = lookup(git, snapshot, expression.slice(colon + 1));
  if (!found) return null;
  return found.kind === "blob" ? blobNode(git, snapshot, snapshot.files[found.path] ?? "") : treeNode(git, snapshot, found.path);
}

/** The git-backed fields of a Repository node. */
export function gitRepositoryFields(repo: FakeRepo, repository: RepositoryThunk) {
  const git: Git = { repo, repository, name: fullName(repo) };
  return {
    defaultBranchRef: () => branchRef(git),
    ref: ({ qualifiedName }: { qualifiedName: string }) => findRef(git, qualifiedName),
    refs: (args: RefsArgs) => refsConnection(git, args),
    object: (args: { expression?: string | null; oid?: string | null }) => objectAt(git, args),
    releases: (args: ReleasesArgs) => {
      const latest = latestRelease(repo);
      const ordered = orderedReleases(repo, args.orderBy?.field ?? "CREATED_AT", args.orderBy?.direction ?? "ASC");
      return connection(ordered, args, (release) => releaseNode(git, release, latest));
    },
    latestRelease: () => {
      const latest = latestRelease(repo);
      return latest ? releaseNode(git, latest, latest) : null;
    },
  };
}
