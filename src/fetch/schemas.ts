import type { ErrorObject } from "ajv";

// The generated checks themselves live in validators.ts, which is large: code that a run may not
// need (a cache file, an input file) imports it when it reads one, so that a sample week never loads it.

/** "title must be string": the field and what was wrong with it, for a warning. */
export function firstProblem(check: { errors?: ErrorObject[] | null }): string {
  const error: ErrorObject | undefined = check.errors?.[0];
  if (!error) return "unexpected shape";
  const field = error.instancePath.replace(/^\//, "").replace(/\//g, ".") || "the item";
  return `${field} ${error.message ?? "is malformed"}`;
}

/**
 * A PR or release page on the web host that belongs to the API: anything else (another host, a
 * non-https scheme, a path that is not a PR) is never linked.
 */
export function isPageOn(url: string, webHost: string, path: RegExp): boolean {
  const prefix = `https://${webHost}`;
  if (url.startsWith(prefix)) {
    const rest = url.slice(prefix.length);
    if (isPlainPath(rest) && parsesToItself(webHost)) return path.test(rest);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === "https:" && parsed.host === webHost && parsed.username === "" && parsed.password === "" && path.test(parsed.pathname);
}

/**
 * A path of letters, digits and `._~-` without "." or ".." segments is its own pathname: the URL
 * parser would neither encode nor resolve anything in it. An input file of tens of thousands of PRs
 * need not have each URL parsed.
 */
function isPlainPath(text: string): boolean {
  return PLAIN_PATH.test(text) && !DOT_SEGMENT.test(text);
}

const PLAIN_PATH = /^(?:\/[A-Za-z0-9._~-]*)+$/;
const DOT_SEGMENT = /\/\.\.?(?=\/|$)/;

/** Hosts whose `https://host/` the URL parser gives back unchanged (no case, port, IP or user part to normalize). */
const plainHosts = new Map<string, boolean>();

function parsesToItself(host: string): boolean {
  let plain = plainHosts.get(host);
  if (plain === undefined) {
    plain = URL.canParse(`https://${host}/`) && new URL(`https://${host}/`).host === host;
    plainHosts.set(host, plain);
  }
  return plain;
}

export const PULL_PATH = /^\/[A-Za-z0-9-]+\/[A-Za-z0-9._-]+\/pull\/\d+\/?$/;
export const RELEASE_PATH = /^\/[A-Za-z0-9-]+\/[A-Za-z0-9._-]+\/releases\//;
