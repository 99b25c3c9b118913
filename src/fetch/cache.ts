import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import type { Logger } from "../logger.js";
import { makeFolders } from "../make-folders.js";
import type { RepoWeek } from "../types.js";

// Bumped whenever a file's shape changes, so an older file is a miss instead of a crash.
const WEEK_FORMAT = "k8s-weekly-cache/2";
const CONTEXT_FORMAT = "k8s-weekly-context/4";

interface WeekFile extends RepoWeek {
  format: typeof WEEK_FORMAT;
  /** The API host it was fetched from: another server's data never stands in for it. */
  apiHost: string;
  /** The window's key (`windowKey` in week.ts): the Sunday, or `SUNDAY-through-DAY` for --through. */
  weekEnding: string;
  reportedTotal: number;
}

interface ContextFile {
  format: typeof CONTEXT_FORMAT;
  apiHost: string;
  requestKey: string;
  data: object;
}

export function cacheDir(env: NodeJS.ProcessEnv): string {
  // The XDG spec: a relative path is invalid and ignored, or every folder a run starts in would get one.
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg !== undefined && isAbsolute(xdg) ? xdg : join(homedir(), ".cache");
  return join(base, "k8s-weekly");
}

/** The API URL's host as a folder name ("api.github.com", "127.0.0.1_8080"): each server has its own cache. */
export function apiHostOf(apiUrl: string): string {
  return new URL(apiUrl).host.toLowerCase();
}

const hostDir = (apiHost: string) => apiHost.replace(/[^a-z0-9.-]/g, "_");

const weekPath = (dir: string, apiHost: string, repo: string, weekEnding: string) =>
  join(dir, hostDir(apiHost), "weeks", ...repo.split("/"), `${weekEnding}.json`);

/** The week's context depends on what was asked (related repositories, files), so the key hashes the request. */
const contextPath = (dir: string, apiHost: string, weekEnding: string, requestKey: string) =>
  join(dir, hostDir(apiHost), "context", `${weekEnding}-${createHash("sha256").update(requestKey).digest("hex").slice(0, 16)}.json`);

/** A cached week, or null when there is none or it cannot be trusted (it is then refetched). */
export async function readCachedWeek(dir: string, apiHost: string, repo: string, weekEnding: string, logger: Logger): Promise<RepoWeek | null> {
  const file = await readTrusted(weekPath(dir, apiHost, repo, weekEnding), async () => {
    const { checkWeekFile } = await import("./validators.js");
    return (value: unknown): value is WeekFile =>
      checkWeekFile(value) && (value as WeekFile).format === WEEK_FORMAT && (value as WeekFile).apiHost === apiHost && (value as WeekFile).repo === repo && (value as WeekFile).weekEnding === weekEnding;
  }, logger);
  return file ? { repo: file.repo, defaultBranch: file.defaultBranch, prs: file.prs } : null;
}

export async function writeCachedWeek(dir: string, apiHost: string, weekEnding: string, week: RepoWeek & { reportedTotal: number }, logger: Logger): Promise<void> {
  const file: WeekFile = { format: WEEK_FORMAT, apiHost, weekEnding, repo: week.repo, defaultBranch: week.defaultBranch, reportedTotal: week.reportedTotal, prs: week.prs };
  await writeCacheFile(weekPath(dir, apiHost, week.repo, weekEnding), file, logger);
}

export async function readCachedContext<T>(dir: string, apiHost: string, weekEnding: string, requestKey: string, logger: Logger): Promise<T | null> {
  const file = await readTrusted(contextPath(dir, apiHost, weekEnding, requestKey), async () => {
    const { checkContextFile } = await import("./validators.js");
    return (value: unknown): value is ContextFile =>
      checkContextFile(value) && (value as ContextFile).format === CONTEXT_FORMAT && (value as ContextFile).apiHost === apiHost && (value as ContextFile).requestKey === requestKey;
  }, logger);
  return file ? (file.data as T) : null;
}

export async function writeCachedContext(dir: string, apiHost: string, weekEnding: string, requestKey: string, data: object, logger: Logger): Promise<void> {
  const file: ContextFile = { format: CONTEXT_FORMAT, apiHost, requestKey, data };
  await writeCacheFile(contextPath(dir, apiHost, weekEnding, requestKey), file, logger);
}

/**
 * A missing file is a miss; a truncated, corrupt or foreign one is a miss with a warning, never
 * trusted. The check is loaded only once there is a file to check.
 */
async function readTrusted<T>(path: string, loadCheck: () => Promise<(value: unknown) => value is T>, logger: Logger): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return null;
  }
  const check = await loadCheck();
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
    await makeFolders(join(path, ".."));
    // Atomic so that a crash or a second run at the same time never leaves half a file.
    // Loaded here: a run that writes no cache (offline, --input) need not load it and its exit hooks.
    const { default: writeFileAtomic } = await import("write-file-atomic");
    await writeFileAtomic(path, `${JSON.stringify(content)}\n`);
  } catch (error) {
    logger.warn(`could not write the cache ${path}: ${(error as Error).message}`);
  }
}
