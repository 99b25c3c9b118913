import { readKepFile } from "../context/keps/kep-yaml.js";
import type { Logger } from "../logger.js";
import { own } from "../own.js";
import { loadYaml } from "../parsers.js";
import type { KepData, KepFileReading, KepIssue, KepRequest, Week } from "../types.js";
import type { GitHubClient } from "./github-client.js";
import { allowNotFound, queryPartial } from "./graphql-document.js";
import { isPageOn } from "./schemas.js";
import { splitRepo } from "./search-window.js";

const SAFE_NAME = /^[A-Za-z0-9._-]+$/;
const SAFE_PATH = /^[A-Za-z0-9._\-/]+$/;
const ISSUE_PATH = /^\/[A-Za-z0-9-]+\/[A-Za-z0-9._-]+\/issues\/\d+\/?$/;
// A kep.yaml is 1–3 KB; the check that reads it refuses more than 64 KB, so a larger text is not kept.
const MAX_TEXT_LENGTH = 256 * 1024;
const MAX_LABELS = 30;

/** What of `request` the data does not hold yet: null when everything was read before. */
export function missingKeps(request: KepRequest | null, have: KepData | undefined): KepRequest | null {
  if (!request) return null;
  const paths = request.paths.filter((path) => !have || own(have.end, path) === undefined);
  const startPaths = request.startPaths.filter((path) => !have || own(have.start, path) === undefined);
  const issues = request.issues.filter((number) => !have || own(have.issues, String(number)) === undefined);
  return paths.length + startPaths.length + issues.length === 0 ? null : { repo: request.repo, paths, startPaths, issues };
}

export function mergeKeps(have: KepData | undefined, added: KepData): KepData {
  return {
    end: { ...(have?.end ?? {}), ...added.end },
    start: { ...(have?.start ?? {}), ...added.start },
    issues: { ...(have?.issues ?? {}), ...added.issues },
  };
}

/**
 * One GraphQL document for all the week's KEP files and issues: the files through the default
 * branch's history at the week's end (and start), so a past week reads its KEPs as they stood then.
 */
export function kepQuery(request: KepRequest): string {
  const [owner, name] = splitRepo(request.repo);
  if (!SAFE_NAME.test(owner) || !SAFE_NAME.test(name)) throw new Error(`unsafe name in a GraphQL query: ${request.repo}`);
  const file = (alias: string, path: string) => {
    if (!SAFE_PATH.test(path)) throw new Error(`unsafe path in a GraphQL query: ${path}`);
    return `${alias}: file(path: ${JSON.stringify(path)}) { object { ... on Blob { text isTruncated } } }`;
  };
  const sides: string[] = [];
  if (request.paths.length > 0) {
    sides.push(`end: history(first: 1, until: $to) { nodes { ${request.paths.map((path, index) => file(`f${index}`, path)).join("\n        ")} } }`);
  }
  if (request.startPaths.length > 0) {
    sides.push(`start: history(first: 1, until: $from) { nodes { ${request.startPaths.map((path, index) => file(`s${index}`, path)).join("\n        ")} } }`);
  }
  const branch = sides.length > 0 ? `defaultBranchRef { target { ... on Commit {\n      ${sides.join("\n      ")}\n    } } }` : "";
  const issues = request.issues.map(
    (number, index) => `i${index}: issue(number: ${Math.trunc(number)}) { number title url milestone { title } labels(first: ${MAX_LABELS}) { nodes { name } } }`,
  );
  const variables = [...(request.startPaths.length > 0 ? ["$from: GitTimestamp!"] : []), ...(request.paths.length > 0 ? ["$to: GitTimestamp!"] : [])];
  const list = variables.length > 0 ? `(${variables.join(", ")})` : "";
  return `query WeekKeps${list} {\n  keps: repository(owner: ${JSON.stringify(owner)}, name: ${JSON.stringify(name)}) {\n    ${[branch, ...issues].filter((part) => part !== "").join("\n    ")}\n  }\n}`;
}

type Json = Record<string, unknown> | null | undefined;

/**
 * One request. Issues GitHub does not have (NOT_FOUND) come back as null, like missing files. Each
 * file is read into its facts here, so that the cache and every later run hold no YAML to parse.
 */
export async function fetchKeps(client: GitHubClient, request: KepRequest, week: Week, logger: Logger): Promise<KepData> {
  const variables: Record<string, string> = {};
  if (request.startPaths.length > 0) variables.from = week.from;
  if (request.paths.length > 0) variables.to = week.to;
  // The parser loads while the request is out (a cold run has mostly loaded it already).
  const [{ data, errors }] = await Promise.all([queryPartial(client, kepQuery(request), variables), loadYaml()]);
  allowNotFound(errors, logger, () => request.repo);
  return parseKeps(request, data.keps as Json, client.webHost, logger);
}

/** Needs `loadYaml()` to have finished. */
export function parseKeps(request: KepRequest, repository: Json, webHost = "github.com", logger?: Logger): KepData {
  const target = ((repository?.defaultBranchRef as Json)?.target ?? null) as Json;
  const texts = (side: "end" | "start", prefix: string, paths: readonly string[]) => {
    const commit = nodes(target?.[side])[0];
    const read: Record<string, KepFileReading | null> = {};
    paths.forEach((path, index) => {
      const object = ((commit?.[`${prefix}${index}`] as Json)?.object ?? null) as Json;
      const text = typeof object?.text === "string" && object.isTruncated !== true ? object.text : null;
      if (text !== null && text.length > MAX_TEXT_LENGTH) logger?.warn(`${request.repo} ${path}: larger than ${MAX_TEXT_LENGTH / 1024} KB, not read`);
      read[path] = text !== null && text.length <= MAX_TEXT_LENGTH ? readKepFile(text, path.endsWith(".md")) : null;
    });
    return read;
  };
  const issues: Record<string, KepIssue | null> = {};
  request.issues.forEach((number, index) => {
    issues[String(number)] = toIssue(repository?.[`i${index}`], number, webHost);
  });
  return { end: texts("end", "f", request.paths), start: texts("start", "s", request.startPaths), issues };
}

function toIssue(value: unknown, number: number, webHost: string): KepIssue | null {
  const node = value as Json;
  if (!node || node.number !== number || typeof node.title !== "string" || typeof node.url !== "string" || !isPageOn(node.url, webHost, ISSUE_PATH)) return null;
  const milestone = (node.milestone as Json)?.title;
  const labels = nodes(node.labels)
    .map((label) => label.name)
    .filter((label): label is string => typeof label === "string" && label.length <= 100)
    .slice(0, MAX_LABELS);
  return { number, title: node.title.slice(0, 1000), url: node.url, milestone: typeof milestone === "string" ? milestone.slice(0, 100) : null, labels };
}

function nodes(connection: unknown): Array<Record<string, unknown>> {
  const list = (connection as { nodes?: unknown } | null | undefined)?.nodes;
  return Array.isArray(list) ? list.filter((node): node is Record<string, unknown> => typeof node === "object" && node !== null) : [];
}
