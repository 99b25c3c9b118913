import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import writeFileAtomic from "write-file-atomic";
import type { Logger } from "../logger.js";
import type { PullRequest, RepoWeek } from "../types.js";

const CACHE_FORMAT = "k8s-weekly-cache/1";

interface CacheFile extends RepoWeek {
  format: typeof CACHE_FORMAT;
  weekEnding: string;
  reportedTotal: number;
}

export function cacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.length > 0 ? env.XDG_CACHE_HOME : join(homedir(), ".cache");
  return join(base, "k8s-weekly");
}

function cachePath(dir: string, repo: string, weekEnding: string): string {
  return join(dir, "weeks", ...repo.split("/"), `${weekEnding}.json`);
}

/** A cached week, or null when there is none or it cannot be trusted (it is then refetched). */
export async function readCachedWeek(dir: string, repo: string, weekEnding: string, logger: Logger): Promise<RepoWeek | null> {
  const path = cachePath(dir, repo, weekEnding);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (isCacheFile(parsed) && parsed.repo === repo && parsed.weekEnding === weekEnding) {
      return { repo: parsed.repo, defaultBranch: parsed.defaultBranch, prs: parsed.prs };
    }
  } catch {
    // fall through: a truncated file is treated like a corrupt one
  }
  logger.warn(`ignoring a corrupt cache file ${path}; it will be replaced`);
  return null;
}

export async function writeCachedWeek(
  dir: string,
  weekEnding: string,
  week: RepoWeek & { reportedTotal: number },
  logger: Logger,
): Promise<void> {
  const path = cachePath(dir, week.repo, weekEnding);
  const file: CacheFile = { format: CACHE_FORMAT, weekEnding, ...week };
  try {
    await mkdir(join(path, ".."), { recursive: true });
    // Atomic so that a crash or a second run at the same time never leaves half a file.
    await writeFileAtomic(path, `${JSON.stringify(file)}\n`);
  } catch (error) {
    logger.warn(`could not write the cache ${path}: ${(error as Error).message}`);
  }
}

function isCacheFile(value: unknown): value is CacheFile {
  if (typeof value !== "object" || value === null) return false;
  const file = value as Record<string, unknown>;
  return (
    file.format === CACHE_FORMAT &&
    typeof file.repo === "string" &&
    typeof file.weekEnding === "string" &&
    typeof file.defaultBranch === "string" &&
    typeof file.reportedTotal === "number" &&
    Array.isArray(file.prs) &&
    file.prs.every(isPullRequest)
  );
}

function isPullRequest(value: unknown): value is PullRequest {
  if (typeof value !== "object" || value === null) return false;
  const pr = value as Record<string, unknown>;
  return (
    typeof pr.repo === "string" &&
    typeof pr.number === "number" &&
    typeof pr.url === "string" &&
    typeof pr.title === "string" &&
    typeof pr.author === "string" &&
    typeof pr.authorIsBot === "boolean" &&
    Array.isArray(pr.labels) &&
    pr.labels.every((label) => typeof label === "string") &&
    typeof pr.body === "string" &&
    typeof pr.mergedAt === "string" &&
    (pr.baseRef === null || typeof pr.baseRef === "string")
  );
}

const CONTEXT_FORMAT = "k8s-weekly-context/1";

/** The week's context depends on what was asked (related repositories, files), so the key hashes the request. */
function contextPath(dir: string, weekEnding: string, requestKey: string): string {
  const hash = createHash("sha256").update(requestKey).digest("hex").slice(0, 16);
  return join(dir, "context", `${weekEnding}-${hash}.json`);
}

export async function readCachedContext<T>(dir: string, weekEnding: string, requestKey: string, logger: Logger): Promise<T | null> {
  const path = contextPath(dir, weekEnding, requestKey);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as { format?: unknown; requestKey?: unknown; data?: unknown };
    if (parsed.format === CONTEXT_FORMAT && parsed.requestKey === requestKey && typeof parsed.data === "object" && parsed.data !== null) {
      return parsed.data as T;
    }
  } catch {
    // fall through: treated like any other corrupt file
  }
  logger.warn(`ignoring a corrupt cache file ${path}; it will be replaced`);
  return null;
}

export async function writeCachedContext(dir: string, weekEnding: string, requestKey: string, data: unknown, logger: Logger): Promise<void> {
  const path = contextPath(dir, weekEnding, requestKey);
  try {
    await mkdir(join(path, ".."), { recursive: true });
    await writeFileAtomic(path, `${JSON.stringify({ format: CONTEXT_FORMAT, requestKey, data })}\n`);
  } catch (error) {
    logger.warn(`could not write the cache ${path}: ${(error as Error).message}`);
  }
}
