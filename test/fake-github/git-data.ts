import { createHash } from "node:crypto";
import { fullName, hash32, userObject } from "./items.js";
import type { FakeCommit, FakeRelease, FakeRepo, FakeTag } from "./types.js";

/** Release, tag and commit facts shared by the GraphQL and REST sides of the fake. */

export const defaultBranch = (repo: FakeRepo): string => repo.defaultBranch ?? "master";

const sha1 = (text: string): string => createHash("sha1").update(text).digest("hex");

/** Git's own blob id: sha1("blob <byte length>\0<content>"). */
export const blobOid = (text: string): string => sha1(`blob ${Buffer.byteLength(text)}\0${text}`);

/** A stable 40-hex object id for things the fixture does not give one. */
export const syntheticOid = (key: string): string => sha1(`k8s-weekly fake:${key}`);

export const time = (iso: string): number => Date.parse(iso);

const sortedCommitsCache = new WeakMap<FakeCommit[], FakeCommit[]>();

/** The default branch's commits, oldest first; the history is linear. */
export function sortedCommits(repo: FakeRepo): FakeCommit[] {
  const commits = repo.commits ?? [];
  let sorted = sortedCommitsCache.get(commits);
  if (!sorted) {
    sorted = commits
      .map((commit, index) => ({ commit, index }))
      .sort((a, b) => time(a.commit.committedDate) - time(b.commit.committedDate) || a.index - b.index)
      .map(({ commit }) => commit);
    sortedCommitsCache.set(commits, sorted);
  }
  return sorted;
}

export const headCommit = (repo: FakeRepo): FakeCommit | undefined => sortedCommits(repo).at(-1);

/** Tags as given, or else the tag of every non-draft release, dated at its creation. */
export function repoTags(repo: FakeRepo): FakeTag[] {
  if (repo.tags) return repo.tags;
  return (repo.releases ?? [])
    .filter((release) => release.isDraft !== true)
    .map((release) => ({ name: release.tagName, date: release.createdAt }));
}

export const tagOid = (repo: FakeRepo, tag: FakeTag): string => tag.oid ?? syntheticOid(`${fullName(repo).toLowerCase()}:refs/tags/${tag.name}`);

export type ReleaseOrderField = "CREATED_AT" | "NAME";
export type Direction = "ASC" | "DESC";

/** Ties keep the fixture's order, so equal timestamps never reshuffle between calls. */
export function orderedReleases(repo: FakeRepo, field: ReleaseOrderField, direction: Direction): FakeRelease[] {
  const sign = direction === "ASC" ? 1 : -1;
  const key = (release: FakeRelease) => release.name ?? release.tagName;
  return (repo.releases ?? [])
    .map((release, index) => ({ release, index }))
    .sort((a, b) => {
      const byField =
        field === "NAME" ? (key(a.release) < key(b.release) ? -1 : key(a.release) > key(b.release) ? 1 : 0) : time(a.release.createdAt) - time(b.release.createdAt);
      return sign * byField || a.index - b.index;
    })
    .map(({ release }) => release);
}

/** GitHub's legacy rule: the newest non-draft, non-prerelease release by creation date. */
export function latestRelease(repo: FakeRepo): FakeRelease | undefined {
  const candidates = orderedReleases(repo, "CREATED_AT", "DESC").filter((release) => release.isDraft !== true && release.isPrerelease !== true);
  return candidates[0];
}

export const releaseId = (repo: FakeRepo, release: FakeRelease): number =>
  40_000_000 + (hash32(`${fullName(repo).toLowerCase()}@${release.tagName}`) % 10_000_000);

export const releaseNodeId = (repo: FakeRepo, release: FakeRelease): string =>
  `RE_kwDO${Buffer.from(`${fullName(repo)}@${release.tagName}`).toString("base64url").slice(0, 16)}`;

/** Drafts live under an "untagged-" url until they are published, as on github.com. */
export function releaseHtmlUrl(repo: FakeRepo, release: FakeRelease): string {
  if (release.url !== undefined) return release.url;
  const tag = release.isDraft === true ? `untagged-${syntheticOid(`${fullName(repo)}@${release.tagName}`).slice(0, 20)}` : release.tagName;
  return `https://github.com/${fullName(repo)}/releases/tag/${tag}`;
}

export const releaseAuthor = (release: FakeRelease): string => release.author ?? "k8s-release-robot";

/** `components.schemas.release`, keys in the order of GitHub's documented example. */
export function restRelease(api: string, repo: FakeRepo, release: FakeRelease): Record<string, unknown> {
  const id = releaseId(repo, release);
  const repoApi = `${api}/repos/${fullName(repo)}`;
  const tag = encodeURIComponent(release.tagName).replace(/%2F/g, "/");
  return {
    url: `${repoApi}/releases/${id}`,
    html_url: releaseHtmlUrl(repo, release),
    assets_url: `${repoApi}/releases/${id}/assets`,
    upload_url: `${api}/repos/${fullName(repo)}/releases/${id}/assets{?name,label}`,
    tarball_url: `${repoApi}/tarball/${tag}`,
    zipball_url: `${repoApi}/zipball/${tag}`,
    id,
    node_id: releaseNodeId(repo, release),
    tag_name: release.tagName,
    target_commitish: release.targetCommitish ?? defaultBranch(repo),
    name: release.name ?? null,
    body: release.body ?? null,
    draft: release.isDraft === true,
    prerelease: release.isPrerelease === true,
    created_at: release.createdAt,
    published_at: release.publishedAt,
    author: userObject(api, { login: releaseAuthor(release) }),
    assets: [],
  };
}
