import type { Logger } from "../logger.js";
import type { GoTag as RawTag, RepoRelease as RawRelease, Week, WeekContextData, WeekContextRequest } from "../types.js";
import type { GitHubClient } from "./github-client.js";
import { allowNotFound, type FieldError, graphqlDocument, type GraphqlFields, queryPartial } from "./graphql-document.js";
import { isPageOn, PULL_PATH, RELEASE_PATH } from "./schemas.js";
import { checkRelease, checkTag } from "./validators.js";
import type { Rider } from "./search-graphql.js";
import { splitRepo } from "./search-window.js";

const SAFE_NAME = /^[A-Za-z0-9._-]+$/;
const SAFE_PATH = /^[A-Za-z0-9._\-/:]+$/;

/**
 * The context's fields: a GraphQL document of their own, or riders on the first search page's. Every
 * name is checked so nothing can break out of a string.
 */
function weekContextFields(request: WeekContextRequest, week: Week): GraphqlFields {
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
    if (blob.atWeekEnd) {
      const path = blob.expression.slice(blob.expression.indexOf(":") + 1);
      parts.push(`b${index}: repository(${repoArgs(blob.repo)}) {
    defaultBranchRef { target { ... on Commit {
      history(first: 1, until: $to) { nodes { file(path: ${literal(path, SAFE_PATH)}) { object { ... on Blob { text isTruncated } } } } }
    } } }
  }`);
      return;
    }
    parts.push(`b${index}: repository(${repoArgs(blob.repo)}) {
    object(expression: ${literal(blob.expression, SAFE_PATH)}) { ... on Blob { text isTruncated } }
  }`);
  });
  if (request.releaseRepo) {
    parts.push(`k: repository(${repoArgs(request.releaseRepo)}) {
    releases(first: ${KUBERNETES_RELEASES}, orderBy: {field: CREATED_AT, direction: DESC}) {
      nodes { tagName name url isDraft isPrerelease publishedAt }
    }
  }`);
  }
  if (request.enhancements) {
    parts.push(`e: search(query: $kepSearch, type: ISSUE, first: ${ENHANCEMENT_PULLS}) {
    issueCount
    nodes { ... on PullRequest { number url mergedAt files(first: 100) { nodes { path } } } }
  }`);
  }
  return { name: "WeekContext", fields: parts, variables: variablesFor(request, week) };
}

// kubernetes/kubernetes publishes some eight releases a month, across its branches.
const KUBERNETES_RELEASES = 20;
// kubernetes/enhancements merges 5–60 PRs a week; the busiest weeks (enhancements freeze) more.
const ENHANCEMENT_PULLS = 50;

const hasSnapshot = (request: WeekContextRequest): boolean => request.snapshotRepo !== null && request.snapshotPaths.length > 0;

/** Only the variables the document uses: GraphQL refuses an unused one. */
function variablesFor(request: WeekContextRequest, week: Week): GraphqlFields["variables"] {
  const variables: Record<string, { type: string; value: string }> = {};
  if (hasSnapshot(request)) variables.from = { type: "GitTimestamp!", value: week.from };
  if (hasSnapshot(request) || request.blobs.some((blob) => blob.atWeekEnd)) variables.to = { type: "GitTimestamp!", value: week.to };
  if (request.enhancements) variables.kepSearch = { type: "String!", value: request.enhancements.query };
  return variables;
}

type Json = Record<string, unknown> | null | undefined;

/** One request; repositories GitHub does not know come back as null with a warning, not a failure. */
export async function fetchWeekContext(
  client: GitHubClient,
  request: WeekContextRequest,
  week: Week,
  logger: Logger,
): Promise<WeekContextData> {
  const { query, variables } = graphqlDocument([weekContextFields(request, week)]);
  const { data, errors } = await queryPartial(client, query, variables);
  return readWeekContext(request, data, errors, client.webHost, logger);
}

/** The context's fields to ride on the first search request; `answer` reads them once that was answered, or throws what fetchWeekContext would. */
export function weekContextRider(request: WeekContextRequest, week: Week, webHost: string, logger: Logger): Rider & { answer?: () => WeekContextData } {
  const rider: Rider & { answer?: () => WeekContextData } = {
    ...weekContextFields(request, week),
    receive: (data, errors) => {
      rider.answer = () => readWeekContext(request, data, errors, webHost, logger);
    },
  };
  return rider;
}

/**
 * The context in an answer to its fields (alone, or riding on another query), given the errors
 * under them: the sections that use a repository GitHub does not know say what is missing.
 */
function readWeekContext(request: WeekContextRequest, data: Readonly<Record<string, unknown>>, errors: readonly FieldError[], webHost: string, logger: Logger): WeekContextData {
  allowNotFound(errors, logger, (alias) => describeAlias(request, alias));
  return parseWeekContext(request, data as Readonly<Record<string, Json>>, webHost, logger);
}

function describeAlias(request: WeekContextRequest, alias: string | number | undefined): string {
  if (typeof alias !== "string") return "GitHub";
  const index = Number(alias.slice(1));
  if (alias.startsWith("r")) return request.relatedRepos[index] ?? alias;
  if (alias.startsWith("t")) return request.tagRepos[index] ?? alias;
  if (alias.startsWith("b")) return request.blobs[index]?.repo ?? alias;
  if (alias === "k") return request.releaseRepo ?? alias;
  if (alias === "e") return request.enhancements?.repo ?? alias;
  return alias;
}

export function parseWeekContext(request: WeekContextRequest, data: Readonly<Record<string, Json>>, webHost = "github.com", logger?: Logger): WeekContextData {
  const releases: WeekContextData["releases"] = {};
  request.relatedRepos.forEach((repo, index) => {
    releases[repo] = parseReleases(repo, data[`r${index}`], webHost, logger);
  });
  const tags: WeekContextData["tags"] = {};
  request.tagRepos.forEach((repo, index) => {
    const repository = data[`t${index}`];
    tags[repo] = repository ? nodes(repository.refs).filter((node) => checkTag(node)).map(toTag).filter((tag): tag is RawTag => tag !== null) : null;
  });
  const blobs: WeekContextData["blobs"] = {};
  request.blobs.forEach((blob, index) => {
    const repository = data[`b${index}`];
    const object = (blob.atWeekEnd ? fileAtWeekEnd(repository) : (repository?.object ?? null)) as Json;
    blobs[`${blob.repo}:${blob.expression}`] = typeof object?.text === "string" && object.isTruncated !== true ? object.text : null;
  });
  if (request.releaseRepo) releases[request.releaseRepo] = parseReleases(request.releaseRepo, data.k, webHost, logger);
  const context: WeekContextData = { snapshots: parseSnapshots(request, data.snapshot), releases, tags, blobs };
  if (request.enhancements) context.enhancementPulls = parseEnhancementPulls(request.enhancements.repo, data.e, webHost, logger);
  return context;
}

function fileAtWeekEnd(repository: Json): unknown {
  const target = ((repository?.defaultBranchRef as Json)?.target ?? null) as Json;
  const commit = nodes(target?.history)[0];
  return ((commit?.file as Json)?.object ?? null) as unknown;
}

// A kubernetes/enhancements PR changes a handful of files; a bigger one is read no further.
const MAX_PATHS = 100;

/** The week's merged enhancements PRs; null when the search did not answer. */
function parseEnhancementPulls(repo: string, search: Json, webHost: string, logger: Logger | undefined): WeekContextData["enhancementPulls"] {
  if (!search || !Array.isArray(search.nodes)) return null;
  if (typeof search.issueCount === "number" && search.issueCount > ENHANCEMENT_PULLS) {
    logger?.info(`${repo}: ${search.issueCount} PRs merged in the week; KEP candidates read the first ${ENHANCEMENT_PULLS}`);
  }
  return nodes(search).flatMap((node) => {
    const { number, url, mergedAt } = node;
    if (typeof number !== "number" || !Number.isSafeInteger(number) || typeof url !== "string" || !isPageOn(url, webHost, PULL_PATH)) return [];
    const paths = nodes(node.files)
      .map((file) => file.path)
      .filter((path): path is string => typeof path === "string" && path.length <= 300)
      .slice(0, MAX_PATHS);
    return [{ number, url, mergedAt: typeof mergedAt === "string" ? mergedAt : null, paths }];
  });
}

function parseReleases(repo: string, repository: Json, webHost: string, logger: Logger | undefined): RawRelease[] | null {
  if (!repository) return null;
  return nodes(repository.releases).flatMap((node) => {
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
  });
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
