import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_KUBERNETES_WEEK_CHANGES,
  EMPTY_RELATED_REPO,
  EXPECTED_DRAFTS,
  EXPECTED_GO_RELEASES_IN_WEEK,
  EXPECTED_GO_TAGS_IN_WEEK,
  EXPECTED_LONG_BODIES,
  EXPECTED_SECURITY_RELEASES,
  EXPECTED_WEEK_PRERELEASES,
  EXPECTED_WEEK_RELEASES,
  KUBERNETES_FILES,
  makeKubernetesHistory,
  makeRelatedRepos,
  makeSigReleaseBlobs,
  MISSING_RELATED_REPO,
  RELATED_REPO_NAMES,
  REPOS_WITHOUT_RELEASES,
  SIG_RELEASE_FACTS,
  SIG_RELEASE_PATHS,
} from "./fake-github/context-fixtures.js";
import { startFakeGitHub, type FakeCommit, type FakeGitHub, type FakeRelease, type FakeRepo } from "./fake-github/server.js";
import { ENHANCEMENTS_FACTS, makeEnhancementsRepo } from "./fake-github/context-enhancements.js";
import { client, failure, nextLink, postGraphql } from "./fake-github/testing.js";

const WEEK = { weekFrom: "2021-06-28T00:00:00Z", weekTo: "2021-07-04T23:59:59Z" };
const related = makeRelatedRepos(WEEK);
const history = makeKubernetesHistory(WEEK);
const sigReleaseBlobs = makeSigReleaseBlobs();
const REPOS: FakeRepo[] = [
  ...related,
  { owner: "kubernetes", name: "kubernetes", items: [], commits: history },
  { owner: "kubernetes", name: "sig-release", items: [], blobs: sigReleaseBlobs },
];

const servers: FakeGitHub[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(repos: FakeRepo[] = REPOS): Promise<FakeGitHub> {
  const server = await startFakeGitHub({ repos });
  servers.push(server);
  return server;
}

const fixture = (slug: string): FakeRepo => {
  const repo = related.find((candidate) => `${candidate.owner}/${candidate.name}` === slug);
  if (!repo) throw new Error(`no fixture ${slug}`);
  return repo;
};

const inWindow = (iso: string | null, window = WEEK): boolean =>
  iso !== null && Date.parse(iso) >= Date.parse(window.weekFrom) && Date.parse(iso) <= Date.parse(window.weekTo);

/** Per repository, the tags of releases `keep` accepts, newest first; repositories with none left out. */
function pick(repos: Array<{ slug: string; releases: Array<Pick<FakeRelease, "tagName" | "publishedAt" | "isDraft" | "isPrerelease">> }>, keep: (release: Pick<FakeRelease, "publishedAt" | "isDraft" | "isPrerelease">) => boolean) {
  const out: Record<string, string[]> = {};
  for (const { slug, releases } of repos) {
    const tags = releases.filter(keep).map((release) => release.tagName);
    if (tags.length > 0) out[slug] = tags;
  }
  return out;
}
const published = (window = WEEK) => (r: Pick<FakeRelease, "publishedAt" | "isDraft" | "isPrerelease">) => r.isDraft !== true && r.isPrerelease !== true && inWindow(r.publishedAt, window);
const prerelease = (r: Pick<FakeRelease, "publishedAt" | "isDraft" | "isPrerelease">) => r.isDraft !== true && r.isPrerelease === true && inWindow(r.publishedAt);

/** Lines only in `before` and only in `after`, counted as multisets, with whitespace squeezed. */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const squeeze = (text: string) => text.split("\n").map((line) => line.trim().replace(/\s+/g, " "));
  const counts = new Map<string, number>();
  for (const line of squeeze(before)) counts.set(line, (counts.get(line) ?? 0) + 1);
  const added: string[] = [];
  for (const line of squeeze(after)) {
    const left = counts.get(line) ?? 0;
    if (left > 0) counts.set(line, left - 1);
    else added.push(line);
  }
  const removed = squeeze(before).filter((line) => {
    const left = counts.get(line) ?? 0;
    if (left === 0) return false;
    counts.set(line, left - 1);
    return true;
  });
  return { removed, added };
}

const gateSpec = (text: string, key: string): string | undefined => new RegExp(`^\\t${key.replace(/\./g, "\\.")}:\\s+(\\{.*)$`, "m").exec(text)?.[1];
const moduleLines = (text: string, module: string): string[] => text.split("\n").filter((line) => line.startsWith(`\t${module} `));
const depVersion = (text: string, name: string): string | undefined => new RegExp(`- name: "${name}"\\n    version: (\\S+)`).exec(text)?.[1];

interface GraphqlErrorShape {
  type?: string;
  path?: Array<string | number>;
  locations?: Array<{ line: number; column: number }>;
  message: string;
}

/** octokit.graphql throws a GraphqlResponseError when errors come back; its `data` is the partial answer. */
async function partial<T>(promise: Promise<T>): Promise<{ data: T; errors: GraphqlErrorShape[] }> {
  try {
    return { data: await promise, errors: [] };
  } catch (error) {
    if (error instanceof Error && error.name === "GraphqlResponseError" && "data" in error && "errors" in error) {
      return { data: error.data as T, errors: error.errors as GraphqlErrorShape[] };
    }
    throw error;
  }
}

interface ReleaseNode {
  tagName: string;
  name: string | null;
  url: string;
  description: string | null;
  isDraft: boolean;
  isPrerelease: boolean;
  isLatest: boolean;
  publishedAt: string | null;
  createdAt: string;
}
interface TagsConnection {
  totalCount: number;
  nodes: Array<{ name: string; target: { __typename: string; committedDate: string; oid: string } }>;
}
interface RelatedRepo {
  nameWithOwner: string;
  url: string;
  isArchived: boolean;
  defaultBranchRef: { name: string };
  releases: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: ReleaseNode[] };
  tags: TagsConnection;
}
interface FileEntry {
  path: string;
  object: { __typename: string; text: string; isTruncated: boolean; byteSize: number };
}
interface CommitFiles {
  oid: string;
  committedDate: string;
  goMod: FileEntry;
  dependencies: FileEntry;
  features: FileEntry;
  apiserverFeatures: FileEntry;
  missing: { path: string } | null;
  folder: { path: string; type: string; object: { __typename: string } } | null;
}
interface TextObject {
  __typename: string;
  text?: string;
  isTruncated?: boolean;
  byteSize?: number;
}
interface WeekContext {
  rateLimit: { cost: number; remaining: number; nodeCount: number };
  k8s: { ref: { name: string; target: { __typename: string; before: { nodes: CommitFiles[] }; after: { nodes: CommitFiles[] } } } };
  sigRelease: {
    current: TextObject;
    previous: TextObject;
    patches: TextObject;
    releases: { __typename: string; entries: Array<{ name: string; type: string; path: string }> };
    missing: null;
  };
  [alias: `r${number}`]: RelatedRepo | null;
}

const alias = (i: number) => `r${i}`;
const CONTEXT_QUERY = `query WeekContext($from: GitTimestamp!, $to: GitTimestamp!) {
  rateLimit { cost remaining nodeCount }
${RELATED_REPO_NAMES.map((slug, i) => {
  const [owner, name] = slug.split("/");
  return `  ${alias(i)}: repository(owner: "${owner}", name: "${name}") { ...Related }`;
}).join("\n")}
  k8s: repository(owner: "kubernetes", name: "kubernetes") {
    ref(qualifiedName: "refs/heads/master") {
      name
      target {
        __typename
        ... on Commit {
          before: history(first: 1, until: $from) { nodes { ...Files } }
          after: history(first: 1, until: $to) { nodes { ...Files } }
        }
      }
    }
  }
  sigRelease: repository(owner: "kubernetes", name: "sig-release") {
    current: object(expression: "${SIG_RELEASE_PATHS.current}") { ...Text }
    previous: object(expression: "${SIG_RELEASE_PATHS.previous}") { ...Text }
    patches: object(expression: "${SIG_RELEASE_PATHS.patches}") { ...Text }
    releases: object(expression: "master:releases") { __typename ... on Tree { entries { name type path } } }
    missing: object(expression: "master:releases/release-1.23/README.md") { __typename }
  }
}

fragment Related on Repository {
  nameWithOwner
  url
  isArchived
  defaultBranchRef { name }
  releases(first: 10, orderBy: {field: CREATED_AT, direction: DESC}) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { tagName name url description isDraft isPrerelease isLatest publishedAt createdAt }
  }
  tags: refs(refPrefix: "refs/tags/", first: 20, orderBy: {field: TAG_COMMIT_DATE, direction: DESC}) {
    totalCount
    nodes { name target { __typename ... on Commit { committedDate oid } } }
  }
}

fragment Text on GitObject { __typename ... on Blob { text isTruncated byteSize } }

fragment File on TreeEntry { path object { __typename ... on Blob { text isTruncated byteSize } } }

fragment Files on Commit {
  oid
  committedDate
  goMod: file(path: "${KUBERNETES_FILES.goMod}") { ...File }
  dependencies: file(path: "${KUBERNETES_FILES.dependencies}") { ...File }
  features: file(path: "${KUBERNETES_FILES.features}") { ...File }
  apiserverFeatures: file(path: "${KUBERNETES_FILES.apiserverFeatures}") { ...File }
  missing: file(path: "pkg/features/no_such_file.go") { path }
  folder: file(path: "pkg/features") { path type object { __typename } }
}`;

const missingIndex = RELATED_REPO_NAMES.indexOf(MISSING_RELATED_REPO);

/** What the fake should answer for a fixture's releases(first: 10, CREATED_AT DESC). */
function expectedReleaseNodes(repo: FakeRepo): ReleaseNode[] {
  const releases = repo.releases ?? [];
  const byCreated = [...releases].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const latest = byCreated.find((release) => release.isDraft !== true && release.isPrerelease !== true);
  return byCreated.slice(0, 10).map((release) => ({
    tagName: release.tagName,
    name: release.name ?? null,
    url: release.isDraft ? expect.stringMatching(new RegExp(`^https://github\\.com/${repo.owner}/${repo.name}/releases/tag/untagged-[0-9a-f]{20}$`)) : `https://github.com/${repo.owner}/${repo.name}/releases/tag/${release.tagName}`,
    description: release.body ?? null,
    isDraft: release.isDraft === true,
    isPrerelease: release.isPrerelease === true,
    isLatest: release === latest,
    publishedAt: release.publishedAt,
    createdAt: release.createdAt,
  }));
}

const commitAt = (index: number): FakeCommit => {
  const commit = history[index];
  if (!commit) throw new Error(`no commit ${index}`);
  return commit;
};

describe("week context in one GraphQL request", () => {
  it("answers 37 related repositories, golang/go's tags, k/k files at both ends and sig-release blobs", async () => {
    const gh = await start();
    const { data, errors } = await partial(client(gh).graphql<WeekContext>(CONTEXT_QUERY, { from: WEEK.weekFrom, to: WEEK.weekTo }));

    expect(gh.graphqlErrors).toEqual([]);
    expect(gh.requests.map((r) => [r.endpoint, r.status])).toEqual([["graphql", 200]]);
    const missingLine = CONTEXT_QUERY.split("\n").findIndex((line) => line.startsWith(`  ${alias(missingIndex)}:`)) + 1;
    expect(errors).toEqual([{
      type: "NOT_FOUND",
      path: [alias(missingIndex)],
      locations: [{ line: missingLine, column: 3 }],
      message: "Could not resolve to a Repository with the name 'kubernetes-csi/csi-driver-vsphere'.",
    }]);
    // 37 x (releases + refs) + 2 histories = 76 connection requests -> 1 point; nodes 37 x 30 + 2.
    expect(data.rateLimit).toEqual({ cost: 1, remaining: 4999, nodeCount: 1112 });

    const answered = RELATED_REPO_NAMES.map((slug, i) => ({ slug, repo: data[`r${i}`] ?? null }));
    expect(answered.filter(({ repo }) => repo === null).map(({ slug }) => slug)).toEqual([MISSING_RELATED_REPO]);
    const present = answered.flatMap(({ slug, repo }) => (repo ? [{ slug, repo }] : []));
    expect(present.length).toBe(36);
    for (const { slug, repo } of present) {
      const source = fixture(slug);
      expect([slug, repo.nameWithOwner, repo.url, repo.isArchived, repo.defaultBranchRef.name]).toEqual([slug, slug, `https://github.com/${slug}`, false, source.defaultBranch]);
      expect([slug, repo.releases.nodes]).toEqual([slug, expectedReleaseNodes(source)]);
      expect([slug, repo.releases.totalCount]).toEqual([slug, source.releases?.length ?? 0]);
    }

    const releases = present.map(({ slug, repo }) => ({ slug, releases: repo.releases.nodes }));
    expect(pick(releases, published())).toEqual(EXPECTED_WEEK_RELEASES);
    expect(pick(releases, prerelease)).toEqual(EXPECTED_WEEK_PRERELEASES);
    expect(pick(releases, (r) => r.isDraft === true)).toEqual(EXPECTED_DRAFTS);
    expect(pick(releases, (r) => r.isDraft !== true && r.publishedAt === null)).toEqual({});

    const bySlug = new Map<string, RelatedRepo>(present.map(({ slug, repo }) => [slug, repo]));
    const repo = (slug: string): RelatedRepo => {
      const found = bySlug.get(slug);
      if (!found) throw new Error(`no answer for ${slug}`);
      return found;
    };
    expect(repo(EMPTY_RELATED_REPO).releases).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
    expect(repo(EMPTY_RELATED_REPO).tags).toEqual({ totalCount: 0, nodes: [] });
    expect(REPOS_WITHOUT_RELEASES.map((slug) => repo(slug).releases.nodes.length)).toEqual([0, 0, 0]);

    const minikube = repo("kubernetes/minikube").releases;
    expect([minikube.totalCount, minikube.nodes.length, minikube.pageInfo]).toEqual([12, 10, { hasNextPage: true, endCursor: Buffer.from("cursor:10").toString("base64") }]);

    const containerd = repo("containerd/containerd").releases.nodes;
    expect(containerd.map((r) => [r.tagName, r.name, r.isLatest])).toEqual([
      ["v1.5.4", "containerd 1.5.4", true], ["v1.4.8", "containerd 1.4.8", false], ["v1.5.3", "containerd 1.5.3", false], ["v1.4.7", "containerd 1.4.7", false],
    ]);
    for (const [slug, tags] of Object.entries(EXPECTED_SECURITY_RELEASES)) {
      const bodies = repo(slug).releases.nodes.filter((r) => tags.includes(r.tagName)).map((r) => r.description ?? "");
      expect(bodies.map((body) => /^## Security\n\n### CVE-2021-32760\n/m.test(body))).toEqual(tags.map(() => true));
    }
    for (const [slug, tags] of Object.entries(EXPECTED_LONG_BODIES)) {
      expect(repo(slug).releases.nodes.filter((r) => tags.includes(r.tagName)).map((r) => (r.description ?? "").length >= 10_000)).toEqual(tags.map(() => true));
    }
    expect(repo("kubernetes/kompose").releases.nodes[0]).toMatchObject({ tagName: "v1.23.0", name: null });
    expect(repo("kubernetes/kops").releases.nodes.map((r) => [r.tagName, r.isDraft, r.publishedAt])).toEqual([
      ["v1.22.0-alpha.1", true, null], ["v1.21.0", false, "2021-06-29T09:36:00Z"], ["v1.20.2", false, "2021-06-14T00:00:00Z"],
    ]);
    expect(repo("kubernetes/kops").releases.nodes[1]?.createdAt).toBe("2021-06-26T00:00:00Z");

    // golang/go: tags only, newest commit first; go1.17rc1 lies after the week.
    const go = repo("golang/go");
    expect(go.tags.totalCount).toBe(22);
    expect(go.tags.nodes.slice(0, 6).map((tag) => [tag.name, tag.target.__typename, tag.target.committedDate])).toEqual([
      ["go1.17rc1", "Commit", "2021-07-12T23:59:59Z"],
      ["go1.16.5", "Commit", "2021-07-01T15:21:35Z"],
      ["go1.15.13", "Commit", "2021-07-01T14:31:11Z"],
      ["go1.17beta1", "Commit", "2021-06-29T01:12:00Z"],
      ["go1.16.4", "Commit", "2021-05-31T00:00:00Z"],
      ["go1.15.12", "Commit", "2021-05-30T23:45:36Z"],
    ]);
    expect(go.tags.nodes.every((tag) => /^[0-9a-f]{40}$/.test(tag.target.oid))).toBe(true);
    const goInWeek = go.tags.nodes.filter((tag) => inWindow(tag.target.committedDate)).map((tag) => tag.name);
    expect(goInWeek).toEqual(EXPECTED_GO_TAGS_IN_WEEK);
    expect(goInWeek.filter((name) => /^go\d+\.\d+(\.\d+)?$/.test(name))).toEqual(EXPECTED_GO_RELEASES_IN_WEEK);
    // Without `tags`, a repository's tags are its non-draft releases' tags.
    expect(repo("kubernetes/kops").tags.nodes.map((tag) => tag.name)).toEqual(["v1.21.0", "v1.20.2"]);

    // kubernetes/kubernetes: the last commit at or before each end of the week.
    const { ref } = data.k8s;
    expect([ref.name, ref.target.__typename]).toEqual(["master", "Commit"]);
    const [before] = ref.target.before.nodes;
    const [after] = ref.target.after.nodes;
    if (!before || !after) throw new Error("history answered no commit");
    expect([ref.target.before.nodes.length, ref.target.after.nodes.length]).toEqual([1, 1]);
    expect([before.oid, before.committedDate, after.oid, after.committedDate]).toEqual([commitAt(1).oid, "2021-06-26T00:00:00Z", commitAt(6).oid, "2021-07-04T07:11:59Z"]);
    for (const [node, commit] of [[before, commitAt(1)], [after, commitAt(6)]] as const) {
      for (const key of ["goMod", "dependencies", "features", "apiserverFeatures"] as const) {
        const path = KUBERNETES_FILES[key];
        const text = commit.files[path] ?? "";
        expect(node[key]).toEqual({ path, object: { __typename: "Blob", text, isTruncated: false, byteSize: Buffer.byteLength(text) } });
      }
      expect(node.missing).toBeNull();
      expect(node.folder).toEqual({ path: "pkg/features", type: "tree", object: { __typename: "Tree" } });
    }
    const { alphaToBeta, betaToGA, goMod, dependency } = DEFAULT_KUBERNETES_WEEK_CHANGES;
    expect(lineDiff(before.features.object.text, after.features.object.text)).toEqual({
      removed: [
        `${betaToGA}: {Default: true, PreRelease: featuregate.Beta},`,
        `${alphaToBeta}: {Default: false, PreRelease: featuregate.Alpha},`,
      ],
      added: [
        "// GA: v1.22",
        "// beta: v1.22",
        `${betaToGA}: {Default: true, PreRelease: featuregate.GA, LockToDefault: true}, // remove in 1.24`,
        `${alphaToBeta}: {Default: true, PreRelease: featuregate.Beta},`,
      ],
    });
    expect(after.apiserverFeatures.object.text).toBe(before.apiserverFeatures.object.text);
    expect(lineDiff(before.goMod.object.text, after.goMod.object.text)).toEqual({
      removed: [`${goMod.module} ${goMod.from}`, `${goMod.module} => ${goMod.module} ${goMod.from}`],
      added: [`${goMod.module} ${goMod.to}`, `${goMod.module} => ${goMod.module} ${goMod.to}`],
    });
    expect(lineDiff(before.dependencies.object.text, after.dependencies.object.text)).toEqual({ removed: [`version: ${dependency.from}`], added: [`version: ${dependency.to}`] });
    expect([depVersion(before.dependencies.object.text, "etcd"), depVersion(after.dependencies.object.text, "etcd"), depVersion(after.dependencies.object.text, "etcd-image")]).toEqual(["3.4.13", "3.5.0", "3.4.13"]);
    // The gate added two days before the week is there at both ends; the after-week promotion is not.
    expect([gateSpec(before.features.object.text, "JobTrackingWithFinalizers"), gateSpec(after.features.object.text, "IndexedJob")]).toEqual([
      "{Default: false, PreRelease: featuregate.Alpha},", "{Default: false, PreRelease: featuregate.Alpha},",
    ]);

    // kubernetes/sig-release: blobs by expression, a folder as a Tree, null for a missing path.
    const { sigRelease } = data;
    for (const key of ["current", "previous", "patches"] as const) {
      const text = sigReleaseBlobs[SIG_RELEASE_PATHS[key]] ?? "";
      expect(sigRelease[key]).toEqual({ __typename: "Blob", text, isTruncated: false, byteSize: Buffer.byteLength(text) });
    }
    expect(sigRelease.releases).toEqual({
      __typename: "Tree",
      entries: [
        { name: "patch-releases.md", type: "blob", path: "releases/patch-releases.md" },
        { name: "release-1.21", type: "tree", path: "releases/release-1.21" },
        { name: "release-1.22", type: "tree", path: "releases/release-1.22" },
      ],
    });
    expect(sigRelease.missing).toBeNull();
  });

  it("answers history by path and since, refs by query, releases by name and cursor, and objects by expression", async () => {
    const gh = await start();
    const octokit = client(gh);
    const kk = await octokit.graphql<{
      repository: {
        defaultBranchRef: { name: string; prefix: string; target: { oid: string } };
        short: { name: string } | null;
        wrongBranch: null;
        head: { __typename: string; oid: string };
        goMod: { __typename: string; text: string };
        atOid: { __typename: string; text: string };
        byOid: { __typename: string; committedDate: string };
        root: { entries: Array<{ name: string; type: string }> };
        ref: { target: { touchedGoMod: { totalCount: number; nodes: Array<{ oid: string }> }; inWeek: { totalCount: number; nodes: Array<{ oid: string }> }; firstPage: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
      };
    }>(`query($from: GitTimestamp!, $to: GitTimestamp!, $oid: GitObjectID!, $old: String!) {
      repository(owner: "kubernetes", name: "kubernetes") {
        defaultBranchRef { name prefix target { ... on Commit { oid } } }
        short: ref(qualifiedName: "master") { name }
        wrongBranch: ref(qualifiedName: "refs/heads/main") { name }
        head: object(expression: "master") { __typename ... on Commit { oid } }
        goMod: object(expression: "HEAD:go.mod") { __typename ... on Blob { text } }
        atOid: object(expression: $old) { __typename ... on Blob { text } }
        byOid: object(oid: $oid) { __typename ... on Commit { committedDate } }
        root: object(expression: "master:") { ... on Tree { entries { name type } } }
        ref(qualifiedName: "refs/heads/master") {
          target {
            ... on Commit {
              touchedGoMod: history(first: 10, path: "go.mod") { totalCount nodes { oid } }
              inWeek: history(first: 10, since: $from, until: $to) { totalCount nodes { oid } }
              firstPage: history(first: 3) { totalCount pageInfo { hasNextPage endCursor } }
            }
          }
        }
      }
    }`, { from: WEEK.weekFrom, to: WEEK.weekTo, oid: commitAt(2).oid, old: `${commitAt(0).oid.slice(0, 10)}:go.mod` });
    const r = kk.repository;
    expect([r.defaultBranchRef, r.short, r.wrongBranch, r.head]).toEqual([
      { name: "master", prefix: "refs/heads/", target: { oid: commitAt(7).oid } }, { name: "master" }, null, { __typename: "Commit", oid: commitAt(7).oid },
    ]);
    expect(r.goMod).toEqual({ __typename: "Blob", text: commitAt(7).files["go.mod"] });
    expect(r.atOid).toEqual({ __typename: "Blob", text: commitAt(0).files["go.mod"] });
    expect(r.byOid).toEqual({ __typename: "Commit", committedDate: commitAt(2).committedDate });
    expect(r.root.entries).toEqual([{ name: "build", type: "tree" }, { name: "go.mod", type: "blob" }, { name: "pkg", type: "tree" }, { name: "staging", type: "tree" }]);
    expect(r.ref.target.touchedGoMod).toEqual({ totalCount: 2, nodes: [{ oid: commitAt(3).oid }, { oid: commitAt(0).oid }] });
    expect(r.ref.target.inWeek).toEqual({ totalCount: 5, nodes: [6, 5, 4, 3, 2].map((i) => ({ oid: commitAt(i).oid })) });
    expect(r.ref.target.firstPage).toEqual({ totalCount: 8, pageInfo: { hasNextPage: true, endCursor: Buffer.from("cursor:3").toString("base64") } });

    const other = await octokit.graphql<{
      go: { refs: { totalCount: number; nodes: Array<{ name: string; prefix: string }> } };
      kustomize: { byName: { nodes: Array<{ name: string }>; pageInfo: { endCursor: string } }; oldest: { nodes: Array<{ tagName: string }> }; latestRelease: { tagName: string; tag: { name: string; target: { committedDate: string } } } };
      capi: { latestRelease: { tagName: string; isLatest: boolean } };
    }>(`{
      go: repository(owner: "golang", name: "go") { refs(refPrefix: "refs/tags/", first: 5, query: "go1.16") { totalCount nodes { name prefix } } }
      kustomize: repository(owner: "kubernetes-sigs", name: "kustomize") {
        byName: releases(first: 2, orderBy: {field: NAME, direction: ASC}) { nodes { name } pageInfo { endCursor } }
        oldest: releases(first: 1) { nodes { tagName } }
        latestRelease { tagName tag { name target { ... on Commit { committedDate } } } }
      }
      capi: repository(owner: "kubernetes-sigs", name: "cluster-api") { latestRelease { tagName isLatest } }
    }`);
    expect(other.go.refs).toEqual({ totalCount: 8, nodes: ["go1.16", "go1.16.1", "go1.16.2", "go1.16.3", "go1.16.4"].map((name) => ({ name, prefix: "refs/tags/" })) });
    expect(other.kustomize.byName.nodes).toEqual([{ name: "api/v0.8.11" }, { name: "kustomize v4.1.3" }]);
    expect(other.kustomize.oldest.nodes).toEqual([{ tagName: "kustomize/v4.1.3" }]);
    expect(other.kustomize.latestRelease).toEqual({ tagName: "kustomize/v4.2.0", tag: { name: "kustomize/v4.2.0", target: { committedDate: "2021-06-28T07:59:00Z" } } });
    // Created in the week, published after it: still GitHub's latest by creation date.
    expect(other.capi.latestRelease).toEqual({ tagName: "v0.4.0", isLatest: true });
    const next = await octokit.graphql<{ repository: { releases: { nodes: Array<{ name: string }> } } }>(
      `query($after: String) { repository(owner: "kubernetes-sigs", name: "kustomize") { releases(first: 2, after: $after, orderBy: {field: NAME, direction: ASC}) { nodes { name } } } }`,
      { after: other.kustomize.byName.pageInfo.endCursor },
    );
    expect(next.repository.releases.nodes).toEqual([{ name: "kustomize v4.2.0" }]);
    expect(gh.graphqlErrors).toEqual([]);
  });

  it("answers an annotated tag's ref with a Tag whose tagger date a tool can read", async () => {
    const gh = await start([{
      owner: "example",
      name: "tags",
      items: [],
      tags: [{ name: "v2.0.0", date: "2021-07-01T10:00:00Z", annotated: true }, { name: "v1.0.0", date: "2021-06-01T10:00:00Z" }],
    }]);
    const data = await client(gh).graphql<{ repository: { refs: { nodes: unknown[] }; object: { __typename: string; name: string } } }>(`{
      repository(owner: "example", name: "tags") {
        refs(refPrefix: "refs/tags/", first: 5, orderBy: {field: TAG_COMMIT_DATE, direction: DESC}) {
          nodes { name target { __typename ... on Commit { committedDate } ... on Tag { name tagger { date } target { ... on Commit { committedDate } } } } }
        }
        object(expression: "v2.0.0") { __typename ... on Tag { name } }
      }
    }`);
    expect(data.repository).toEqual({
      refs: { nodes: [
        { name: "v2.0.0", target: { __typename: "Tag", name: "v2.0.0", tagger: { date: "2021-07-01T10:00:00Z" }, target: { committedDate: "2021-07-01T10:00:00Z" } } },
        { name: "v1.0.0", target: { __typename: "Commit", committedDate: "2021-06-01T10:00:00Z" } },
      ] },
      object: { __typename: "Tag", name: "v2.0.0" },
    });
    expect(gh.graphqlErrors).toEqual([]);
  });
});

describe("REST releases", () => {
  it("pages a repository's releases newest first with Link urls by repository id", async () => {
    const gh = await start();
    const octokit = client(gh);
    const { data: minikube } = await octokit.request("GET /repos/{owner}/{repo}", { owner: "kubernetes", repo: "minikube" });
    let response = await octokit.request("GET /repos/{owner}/{repo}/releases", { owner: "kubernetes", repo: "minikube", per_page: 5 });
    const pages = [response];
    for (let next = nextLink(response.headers.link); next; next = nextLink(response.headers.link)) {
      response = (await octokit.request(`GET ${next}`)) as typeof response;
      pages.push(response);
    }
    const at = (page: number) => `<${gh.url}/repositories/${minikube.id}/releases?per_page=5&page=${page}>`;
    expect(pages.map((page) => page.headers.link)).toEqual([
      `${at(2)}; rel="next", ${at(3)}; rel="last"`,
      `${at(1)}; rel="prev", ${at(3)}; rel="next", ${at(3)}; rel="last", ${at(1)}; rel="first"`,
      `${at(2)}; rel="prev", ${at(1)}; rel="first"`,
    ]);
    const tags = pages.flatMap((page) => page.data.map((release) => release.tag_name));
    expect(tags).toEqual(["v1.22.0", "v1.22.0-beta.0", "v1.21.0", "v1.20.0", "v1.19.0", "v1.18.1", "v1.18.0", "v1.17.1", "v1.17.0", "v1.16.0", "v1.15.1", "v1.15.0"]);

    const first = pages[0]?.data[0];
    expect(Object.keys(first ?? {})).toEqual([
      "url", "html_url", "assets_url", "upload_url", "tarball_url", "zipball_url", "id", "node_id", "tag_name", "target_commitish",
      "name", "body", "draft", "prerelease", "created_at", "published_at", "author", "assets",
    ]);
    expect(first).toMatchObject({
      html_url: "https://github.com/kubernetes/minikube/releases/tag/v1.22.0",
      tarball_url: `${gh.url}/repos/kubernetes/minikube/tarball/v1.22.0`,
      target_commitish: "master",
      name: "v1.22.0 - 2021 release",
      draft: false,
      prerelease: false,
      created_at: "2021-06-29T00:47:00Z",
      published_at: "2021-06-29T01:12:00Z",
      author: { login: "k8s-release-robot", type: "User" },
      assets: [],
    });
    expect(first?.url).toBe(`${gh.url}/repos/kubernetes/minikube/releases/${first?.id}`);

    const { data: containerd } = await octokit.request("GET /repos/{owner}/{repo}/releases", { owner: "containerd", repo: "containerd", per_page: 2 });
    expect(containerd.map((release) => [release.tag_name, release.target_commitish, release.name])).toEqual([
      ["v1.5.4", "release/1.5", "containerd 1.5.4"], ["v1.4.8", "release/1.4", "containerd 1.4.8"],
    ]);
    const empty = await octokit.request("GET /repos/{owner}/{repo}/releases", { owner: "kubernetes", repo: "cloud-provider" });
    expect([empty.status, empty.data, empty.headers.link]).toEqual([200, [], undefined]);
    expect(await failure(octokit.request("GET /repos/{owner}/{repo}/releases", { owner: "kubernetes-csi", repo: "csi-driver-vsphere" }))).toEqual({
      status: 404,
      data: { message: "Not Found", documentation_url: "https://docs.github.com/rest/releases/releases#list-releases", status: "404" },
    });
    expect(gh.requests.map((r) => [r.endpoint, r.status])).toEqual([
      ["repos", 200], ["repos", 200], ["repos", 200], ["repos", 200], ["repos", 200], ["repos", 200], ["repos", 404],
    ]);
  });

  it("shows drafts to an authenticated caller only", async () => {
    const gh = await start();
    const list = async (auth?: string) =>
      (await client(gh, auth).request("GET /repos/{owner}/{repo}/releases", { owner: "kubernetes", repo: "kops" })).data.map((release) => [release.tag_name, release.draft, release.published_at]);
    expect(await list()).toEqual([["v1.22.0-alpha.1", true, null], ["v1.21.0", false, "2021-06-29T09:36:00Z"], ["v1.20.2", false, "2021-06-14T00:00:00Z"]]);
    expect(await list("")).toEqual([["v1.21.0", false, "2021-06-29T09:36:00Z"], ["v1.20.2", false, "2021-06-14T00:00:00Z"]]);
  });
});

describe("context fixtures", () => {
  it("are deterministic, leave the missing repository out and keep the expected facts for any window", () => {
    expect(makeRelatedRepos(WEEK)).toEqual(related);
    expect(makeKubernetesHistory(WEEK)).toEqual(history);
    expect(related.map((repo) => `${repo.owner}/${repo.name}`)).toEqual(RELATED_REPO_NAMES.filter((slug) => slug !== MISSING_RELATED_REPO));
    const later = { weekFrom: "2024-03-04T00:00:00Z", weekTo: "2024-03-10T23:59:59Z" };
    for (const window of [WEEK, later]) {
      const repos = makeRelatedRepos(window).map((repo) => ({
        slug: `${repo.owner}/${repo.name}`,
        releases: [...(repo.releases ?? [])].sort((a, b) => Date.parse(b.publishedAt ?? b.createdAt) - Date.parse(a.publishedAt ?? a.createdAt)),
      }));
      expect(pick(repos, published(window))).toEqual(EXPECTED_WEEK_RELEASES);
    }
    const sigRelease = sigReleaseBlobs[SIG_RELEASE_PATHS.current] ?? "";
    const rows = sigRelease.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| **What**") && !line.startsWith("| ---"));
    expect(rows.length).toBe(SIG_RELEASE_FACTS.current.timelineRows);
    expect(rows.filter((row) => /Code Freeze|1\.22\.0-beta\.1|placeholder PRs|v1\.22\.0 released/.test(row))).toEqual([
      "| **Begin [Code Freeze]** (18:00 PDT) | Branch Manager | Thur July 8 | week 11 | [master-blocking], [1.22-blocking], [master-informing] |",
      "| 1.22.0-beta.1 released | Branch Manager ([@ameukam](https://github.com/ameukam)) | Thu July 8 | week 11 | |",
      "| Docs deadline - Open placeholder PRs | Docs Lead | Fri July 9 | week 11 | |",
      "| **v1.22.0 released** | Branch Manager | Wed August 4 | week 15 | |",
    ]);
    const patches = sigReleaseBlobs[SIG_RELEASE_PATHS.patches] ?? "";
    expect(SIG_RELEASE_FACTS.nextPatches.map((p) => patches.includes(`| ${p.version.padEnd(13)} | ${p.cherryPickDeadline}           | ${p.targetDate}  |`))).toEqual([true, true, true]);
  });

  it("lets a test choose the gates and versions that move, including an apiserver gate", () => {
    const custom = makeKubernetesHistory({
      ...WEEK,
      alphaToBeta: "EphemeralContainers",
      betaToGA: "ServerSideApply",
      goMod: { module: "sigs.k8s.io/kustomize/kyaml", from: "v0.10.17", to: "v0.10.21" },
      dependency: { name: "cni", from: "0.8.7", to: "0.9.1" },
    });
    const atEnd = (end: string) => custom.filter((commit) => Date.parse(commit.committedDate) <= Date.parse(end)).at(-1)?.files ?? {};
    const [before, after] = [atEnd(WEEK.weekFrom), atEnd(WEEK.weekTo)];
    const file = (files: Record<string, string>, key: keyof typeof KUBERNETES_FILES) => files[KUBERNETES_FILES[key]] ?? "";
    expect([gateSpec(file(before, "features"), "EphemeralContainers"), gateSpec(file(after, "features"), "EphemeralContainers")]).toEqual([
      "{Default: false, PreRelease: featuregate.Alpha},", "{Default: true, PreRelease: featuregate.Beta},",
    ]);
    for (const [key, name] of [["features", "genericfeatures.ServerSideApply"], ["apiserverFeatures", "ServerSideApply"]] as const) {
      expect([gateSpec(file(before, key), name), gateSpec(file(after, key), name)]).toEqual([
        "{Default: true, PreRelease: featuregate.Beta},", "{Default: true, PreRelease: featuregate.GA, LockToDefault: true}, // remove in 1.24",
      ]);
    }
    expect(lineDiff(file(before, "apiserverFeatures"), file(after, "apiserverFeatures")).added).toEqual([
      "// GA: v1.22", "ServerSideApply: {Default: true, PreRelease: featuregate.GA, LockToDefault: true}, // remove in 1.24",
    ]);
    expect([moduleLines(file(before, "goMod"), "sigs.k8s.io/kustomize/kyaml"), moduleLines(file(after, "goMod"), "sigs.k8s.io/kustomize/kyaml")]).toEqual([
      ["\tsigs.k8s.io/kustomize/kyaml v0.10.17", "\tsigs.k8s.io/kustomize/kyaml => sigs.k8s.io/kustomize/kyaml v0.10.17"],
      ["\tsigs.k8s.io/kustomize/kyaml v0.10.21", "\tsigs.k8s.io/kustomize/kyaml => sigs.k8s.io/kustomize/kyaml v0.10.21"],
    ]);
    expect([depVersion(file(before, "dependencies"), "cni"), depVersion(file(after, "dependencies"), "cni"), depVersion(file(after, "dependencies"), "etcd")]).toEqual(["0.8.7", "0.9.1", "3.4.13"]);
    expect(() => makeKubernetesHistory({ ...WEEK, alphaToBeta: "AppArmor" })).toThrow("makeKubernetesHistory: AppArmor is Beta, not Alpha");
  });
});

describe("kubernetes/enhancements", () => {
  const enhancements = makeEnhancementsRepo(WEEK);
  const { promoted, added, laterPromoted, byIssue, missingIssue } = ENHANCEMENTS_FACTS;

  it("searches its merged PRs of a week with their changed files, as the GraphQL search does for any repository", async () => {
    const gh = await start([enhancements]);
    const data = await client(gh).graphql<{ search: { issueCount: number; nodes: Array<{ number: number; url: string; mergedAt: string; files: { nodes: Array<{ path: string }> } }> } }>(
      `query ($q: String!) { search(query: $q, type: ISSUE, first: 50) { issueCount nodes { ... on PullRequest { number url mergedAt files(first: 100) { nodes { path } } } } } }`,
      { q: `repo:kubernetes/enhancements is:pr is:merged merged:${WEEK.weekFrom}..${WEEK.weekTo}` },
    );
    expect(data.search.issueCount).toBe(4);
    expect(data.search.nodes.map((node) => node.number).sort()).toEqual([2800, 2801, 2802, 2803]);
    const promotion = data.search.nodes.find((node) => node.number === 2800);
    expect(promotion?.url).toBe("https://github.com/kubernetes/enhancements/pull/2800");
    expect(promotion?.files.nodes.map((file) => file.path)).toContain(`${promoted.dir}/kep.yaml`);
  });

  it("answers kep.yaml files as they stood at a time, through the default branch's history", async () => {
    const gh = await start([enhancements]);
    const query = `query ($from: GitTimestamp!, $to: GitTimestamp!) { repository(owner: "kubernetes", name: "enhancements") { defaultBranchRef { target { ... on Commit {
      start: history(first: 1, until: $from) { nodes { a: file(path: "${promoted.dir}/kep.yaml") { object { ... on Blob { text isTruncated } } } n: file(path: "${added.dir}/kep.yaml") { object { ... on Blob { text } } } } }
      end: history(first: 1, until: $to) { nodes { a: file(path: "${promoted.dir}/kep.yaml") { object { ... on Blob { text isTruncated } } } l: file(path: "${laterPromoted.dir}/kep.yaml") { object { ... on Blob { text } } } } }
    } } } } }`;
    type Side = { nodes: Array<Record<string, { object: { text: string; isTruncated?: boolean } } | null>> };
    const data = await client(gh).graphql<{ repository: { defaultBranchRef: { target: { start: Side; end: Side } } } }>(query, { from: WEEK.weekFrom, to: WEEK.weekTo });
    const { start: before, end } = data.repository.defaultBranchRef.target;
    expect(before.nodes[0]?.a?.object.text).toContain("stage: alpha");
    expect(before.nodes[0]?.n).toBeNull();
    expect(end.nodes[0]?.a?.object).toMatchObject({ isTruncated: false, text: expect.stringContaining("stage: beta") });
    expect(end.nodes[0]?.l?.object.text).toContain("stage: alpha");
  });

  it("answers a tracking issue, and a number that is no issue with null and NOT_FOUND, like GitHub", async () => {
    const gh = await start([enhancements]);
    const response = await postGraphql(
      gh,
      `{ repository(owner: "kubernetes", name: "enhancements") { a: issue(number: ${byIssue.number}) { number title url milestone { title } labels(first: 10) { nodes { name } } } b: issue(number: ${missingIssue}) { number } c: issue(number: 2800) { number } } }`,
    );
    expect(response.status).toBe(200);
    const body = response.body as { data: { repository: Record<string, unknown> }; errors: Array<{ type: string; path: string[]; message: string }> };
    expect(body.data.repository.a).toEqual({
      number: byIssue.number,
      title: byIssue.title,
      url: `https://github.com/kubernetes/enhancements/issues/${byIssue.number}`,
      milestone: { title: byIssue.milestone },
      labels: { nodes: [{ name: "sig/apps" }, { name: "stage/beta" }, { name: "tracked/yes" }] },
    });
    expect(body.data.repository.b).toBeNull();
    expect(body.data.repository.c).toBeNull();
    expect(body.errors.map((error) => [error.type, error.path.join("."), error.message])).toEqual([
      ["NOT_FOUND", "repository.b", `Could not resolve to an Issue with the number of ${missingIssue}.`],
      ["NOT_FOUND", "repository.c", "Could not resolve to an Issue with the number of 2800."],
    ]);
  });
});
