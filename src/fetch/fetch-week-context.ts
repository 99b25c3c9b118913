import type { Logger } from "../logger.js";
import type { GoTag as RawTag, RepoRelease as RawRelease, Week, WeekContextData, WeekContextRequest } from "../types.js";
import type { GitHubClient } from "./github-client.js";
import { checkRelease, checkTag, isPageOn, RELEASE_PATH } from "./schemas.js";
import { splitRepo } from "./search-window.js";

const SAFE_NAME = /^[A-Za-z0-9._-]+$/;
const SAFE_PATH = /^[A-Za-z0-9._\-/:]+$/;

/** Builds the single GraphQL document; every name is checked so nothing can break out of a string. */
export function weekContextQuery(request: WeekContextRequest): string {
  const parts: string[] = [];
  const literal = (value: string, pattern: RegExp) => {
    if (!pattern.test(value)) throw new Error(`unsafe name in a GraphQL query: ${value}`);
    return JSON.stringify(value);
  };
  const repoArgs = (repo: string) => {
    const [owner, name] = splitRepo(repo);
    return `owner: ${literal(owner, SAFE_NAME)}, name: ${literal(name, SAFE_NAME)}`;
  };
  if (request.snapshotRepo && request.snapshotPaths.length > 0) {
    const files = request.snapshotPaths
      .map((path, index) => `f${index}: file(path: ${literal(path, SAFE_PATH)}) { object { ... on Blob { text isTruncated } } }`)
      .join("\n        ");
    parts.push(`snapshot: repository(${repoArgs(request.snapshotRepo)}) {
    defaultBranchRef { target { ... on Commit {
      before: history(first: 1, until: $from) { nodes { oid committedDate
        ${files} } }
      after: history(first: 1, until: $to) { nodes { oid committedDate
        ${files} } }
    } } }
  }`);
  }
  request.relatedRepos.forEach((repo, index) => {
    parts.push(`r${index}: repository(${repoArgs(repo)}) {
    releases(first: 10, orderBy: {field: CREATED_AT, direction: DESC}) {
      nodes { tagName name url description isDraft isPrerelease publishedAt }
    }
  }`);
  });
  request.tagRepos.forEach((repo, index) => {
    parts.push(`t${index}: repository(${repoArgs(repo)}) {
    refs(refPrefix: "refs/tags/", first: 30, orderBy: {field: TAG_COMMIT_DATE, direction: DESC}) {
      nodes { name target { __typename ... on Commit { committedDate } ... on Tag { tagger { date } } } }
    }
  }`);
  });
  request.blobs.forEach((blob, index) => {
    parts.push(`b${index}: repository(${repoArgs(blob.repo)}) {
    object(expression: ${literal(blob.expression, SAFE_PATH)}) { ... on Blob { text isTruncated } }
  }`);
  });
  const variables = request.snapshotRepo && request.snapshotPaths.length > 0 ? "($from: GitTimestamp!, $to: GitTimestamp!)" : "";
  return `query WeekContext${variables} {\n  ${parts.join("\n  ")}\n}`;
}

type Json = Record<string, unknown> | null | undefined;

/** One request; repositories GitHub does not know come back as null with a warning, not a failure. */
export async function fetchWeekContext(
  client: GitHubClient,
  request: WeekContextRequest,
  week: Week,
  logger: Logger,
): Promise<WeekContextData> {
  const query = weekContextQuery(request);
  const variables = request.snapshotRepo && request.snapshotPaths.length > 0 ? { from: week.from, to: week.to } : {};
  let data: Record<string, Json>;
  try {
    data = await client.octokit.graphql<Record<string, Json>>(query, variables);
  } catch (error) {
    const partial = (error as { data?: Record<string, Json>; errors?: Array<{ type?: string; path?: string[]; message?: string }> });
    const errors = partial.errors ?? [];
    if (!partial.data || errors.some((entry) => entry.type !== "NOT_FOUND")) throw error;
    // The sections that use each repository say what is missing; here it is only worth a debug line.
    for (const entry of errors) logger.debug(`${describeAlias(request, entry.path?.[0])}: ${entry.message ?? "not found"}`);
    data = partial.data;
  }
  return parseWeekContext(request, data, client.webHost, logger);
}

function describeAlias(request: WeekContextRequest, alias: string | undefined): string {
  const index = Number(alias?.slice(1));
  if (alias?.startsWith("r")) return request.relatedRepos[index] ?? alias;
  if (alias?.startsWith("t")) return request.tagRepos[index] ?? alias;
  if (alias?.startsWith("b")) return request.blobs[index]?.repo ?? alias;
  return alias ?? "GitHub";
}

export function parseWeekContext(request: WeekContextRequest, data: Record<string, Json>, webHost = "github.com", logger?: Logger): WeekContextData {
  const releases: WeekContextData["releases"] = {};
  request.relatedRepos.forEach((repo, index) => {
    const repository = data[`r${index}`];
    releases[repo] = repository
      ? nodes(repository.releases).flatMap((node) => {
          if (!checkRelease(node)) {
            logger?.warn(`${repo}: skipped a release GitHub sent malformed`);
            return [];
          }
          const release = toRelease(node);
          if (release && !isPageOn(release.url, webHost, RELEASE_PATH)) {
            logger?.warn(`${repo}: skipped release ${JSON.stringify(release.tagName.slice(0, 60))}, its url is not a release page on ${webHost}`);
            return [];
          }
          return release ? [release] : [];
        })
      : null;
  });
  const tags: WeekContextData["tags"] = {};
  request.tagRepos.forEach((repo, index) => {
    const repository = data[`t${index}`];
    tags[repo] = repository ? nodes(repository.refs).filter((node) => checkTag(node)).map(toTag).filter((tag): tag is RawTag => tag !== null) : null;
  });
  const blobs: WeekContextData["blobs"] = {};
  request.blobs.forEach((blob, index) => {
    const object = (data[`b${index}`]?.object ?? null) as Json;
    blobs[`${blob.repo}:${blob.expression}`] = typeof object?.text === "string" && object.isTruncated !== true ? object.text : null;
  });
  return { snapshots: parseSnapshots(request, data.snapshot), releases, tags, blobs };
}

function parseSnapshots(request: WeekContextRequest, snapshot: Json): WeekContextData["snapshots"] {
  const target = ((snapshot?.defaultBranchRef as Json)?.target ?? null) as Json;
  if (!target) return null;
  const files = (side: "before" | "after") => {
    const commit = nodes(target[side])[0];
    const texts: Record<string, string | null> = {};
    request.snapshotPaths.forEach((path, index) => {
      const object = ((commit?.[`f${index}`] as Json)?.object ?? null) as Json;
      texts[path] = typeof object?.text === "string" && object.isTruncated !== true ? object.text : null;
    });
    return texts;
  };
  return { before: files("before"), after: files("after") };
}

function nodes(connection: unknown): Array<Record<string, unknown>> {
  const list = (connection as { nodes?: unknown } | null | undefined)?.nodes;
  return Array.isArray(list) ? list.filter((node): node is Record<string, unknown> => typeof node === "object" && node !== null) : [];
}

function toRelease(node: Record<string, unknown>): RawRelease | null {
  if (typeof node.tagName !== "string" || typeof node.url !== "string") return null;
  return {
    tagName: node.tagName,
    name: typeof node.name === "string" ? node.name : null,
    url: node.url,
    description: typeof node.description === "string" ? node.description : null,
    isDraft: node.isDraft === true,
    isPrerelease: node.isPrerelease === true,
    publishedAt: typeof node.publishedAt === "string" ? node.publishedAt : null,
  };
}

function toTag(node: Record<string, unknown>): RawTag | null {
  if (typeof node.name !== "string") return null;
  const target = node.target as { committedDate?: unknown; tagger?: { date?: unknown } } | null;
  const date = target?.committedDate ?? target?.tagger?.date;
  return { name: node.name, date: typeof date === "string" ? date : null };
}
