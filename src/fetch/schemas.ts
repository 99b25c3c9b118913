import type { ErrorObject } from "ajv";

export { checkContextFile, checkGraphqlPull, checkRelease, checkSearchItem, checkTag, checkWeekFile } from "./validators.js";

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
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === "https:" && parsed.host === webHost && parsed.username === "" && parsed.password === "" && path.test(parsed.pathname);
}

export const PULL_PATH = /^\/[A-Za-z0-9-]+\/[A-Za-z0-9._-]+\/pull\/\d+\/?$/;
export const RELEASE_PATH = /^\/[A-Za-z0-9-]+\/[A-Za-z0-9._-]+\/releases\//;
