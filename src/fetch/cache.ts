import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import writeFileAtomic from "write-file-atomic";
import type { Logger } from "../logger.js";
import type { PullRequest, RepoWeek } from "../types.js";

const WEEK_FORMAT = "k8s-weekly-cache/1";
const CONTEXT_FORMAT = "k8s-weekly-context/1";

interface WeekFile extends RepoWeek {
  format: typeof WEEK_FORMAT;
  /** The window's key (`windowKey` in week.ts): the Sunday, or `SUNDAY-through-DAY` for --through. */
  weekEnding: string;
  reportedTotal: number;
}

interface ContextFile {
  format: typeof CONTEXT_FORMAT;
  requestKey: string;
  data: object;
}

export function cacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.length > 0 ? env.XDG_CACHE_HOME : join(homedir(), ".cache");
  return join(base, "k8s-weekly");
}

const weekPath = (dir: string, repo: string, weekEnding: string) => join(dir, "weeks", ...repo.split("/"), `${weekEnding}.json`);

/** The week's context depends on what was asked (related repositories, files), so the key hashes the request. */
const contextPath = (dir: string, weekEnding: string, requestKey: string) =>
  join(dir, "context", `${weekEnding}-${createHash("sha256").update(requestKey).digest("hex").slice(0, 16)}.json`);

/** A cached week, or null when there is none or it cannot be trusted (it is then refetched). */
export async function readCachedWeek(dir: string, repo: string, weekEnding: string, logger: Logger): Promise<RepoWeek | null> {
  const file = await readTrusted(weekPath(dir, repo, weekEnding), (value): value is WeekFile => isWeekFile(value) && value.repo === repo && value.weekEnding === weekEnding, logger);
  return file ? { repo: file.repo, defaultBranch: file.defaultBranch, prs: file.prs } : null;
}

export async function writeCachedWeek(dir: string, weekEnding: string, week: RepoWeek & { reportedTotal: number }, logger: Logger): Promise<void> {
  const file: WeekFile = { format: WEEK_FORMAT, weekEnding, ...week };
  await writeCacheFile(weekPath(dir, week.repo, weekEnding), file, logger);
}

export async function readCachedContext<T>(dir: string, weekEnding: string, requestKey: string, logger: Logger): Promise<T | null> {
  const isContextFile = (value: unknown): value is ContextFile => {
    const file = value as Partial<ContextFile> | null;
    return file?.format === CONTEXT_FORMAT && file.requestKey === requestKey && typeof file.data === "object" && file.data !== null;
  };
  const file = await readTrusted(contextPath(dir, weekEnding, requestKey), isContextFile, logger);
  return file ? (file.data as T) : null;
}

export async function writeCachedContext(dir: string, weekEnding: string, requestKey: string, data: object, logger: Logger): Promise<void> {
  const file: ContextFile = { format: CONTEXT_FORMAT, requestKey, data };
  await writeCacheFile(contextPath(dir, weekEnding, requestKey), file, logger);
}

/** A missing file is a miss; a truncated, corrupt or foreign one is a miss with a warning, never trusted. */
async function readTrusted<T>(path: string, check: (value: unknown) => value is T, logger: Logger): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (check(parsed)) return parsed;
  } catch {
    // fall through: a truncated file is treated like a corrupt one
  }
  logger.warn(`ignoring a corrupt cache file ${path}; it will be replaced`);
  return null;
}

async function writeCacheFile(path: string, content: object, logger: Logger): Promise<void> {
  try {
    await mkdir(join(path, ".."), { recursive: true });
    // Atomic so that a crash or a second run at the same time never leaves half a file.
    await writeFileAtomic(path, `${JSON.stringify(content)}\n`);
  } catch (error) {
    logger.warn(`could not write the cache ${path}: ${(error as Error).message}`);
  }
}

function isWeekFile(value: unknown): value is WeekFile {
  if (typeof value !== "object" || value === null) return false;
  const file = value as Record<string, unknown>;
  return (
    file.format === WEEK_FORMAT &&
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
