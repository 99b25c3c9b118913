import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { own } from "../own.js";
import { samplesDir } from "../package-paths.js";
import type { EnhancementPull, KepData, PullRequest, RepoRelease, RepoWeek, WeekContextData, WeekContextRequest } from "../types.js";
import { pullRequestFromSearchItem, type SearchItem } from "./search-item.js";

/**
 * Part of a week's context, shipped with the sample so that an offline draft shows the Release
 * Schedule and KEP candidates: files by "owner/name:expression" as the context request names them,
 * releases by repository, the KEP files and issues.
 */
interface SampleContext {
  blobs?: Record<string, string | null>;
  releases?: Record<string, RepoRelease[]>;
  enhancementPulls?: EnhancementPull[];
  keps?: KepData;
}

interface SampleFile {
  week_ending: string;
  repo: string;
  default_branch: string;
  items: SearchItem[];
  context?: SampleContext;
}

async function readSample(weekEnding: string): Promise<SampleFile | null> {
  try {
    return JSON.parse(await readFile(join(samplesDir(), `${weekEnding}.json`), "utf8")) as SampleFile;
  } catch {
    return null;
  }
}

/** A week shipped inside the package, so a first run works with no token and no network. */
export async function readSampleWeek(repo: string, weekEnding: string): Promise<RepoWeek | null> {
  const sample = await readSample(weekEnding);
  if (!sample || sample.repo !== repo) return null;
  const prs = sample.items
    .map((item) => pullRequestFromSearchItem(item, repo))
    .filter((pr): pr is PullRequest => pr !== null);
  return { repo, defaultBranch: sample.default_branch, prs };
}

export interface SampleWeekContext {
  data: WeekContextData;
  /** `request` narrowed to what the sample holds, so that what it lacks is not reported as missing on GitHub. */
  request: WeekContextRequest;
  /** What it holds and lacks, in words for the log. */
  holds: string;
  lacks: string;
}

/** The context the sample of `weekEnding` ships, answering the part of `request` it can; null when it ships none. */
export async function readSampleContext(weekEnding: string, request: WeekContextRequest): Promise<SampleWeekContext | null> {
  const shipped = (await readSample(weekEnding))?.context;
  if (!shipped || typeof shipped !== "object") return null;
  const blobs: Record<string, string | null> = {};
  for (const blob of request.blobs) {
    const text = shipped.blobs ? own(shipped.blobs, `${blob.repo}:${blob.expression}`) : undefined;
    blobs[`${blob.repo}:${blob.expression}`] = typeof text === "string" ? text : null;
  }
  const kubernetesReleases = request.releaseRepo && shipped.releases ? own(shipped.releases, request.releaseRepo) : undefined;
  const releaseRepo = Array.isArray(kubernetesReleases) ? request.releaseRepo : null;
  const enhancements = Array.isArray(shipped.enhancementPulls) ? request.enhancements : null;
  const data: WeekContextData = { snapshots: null, releases: releaseRepo && kubernetesReleases ? { [releaseRepo]: kubernetesReleases } : {}, tags: {}, blobs };
  if (enhancements) data.enhancementPulls = shipped.enhancementPulls ?? null;
  if (shipped.keps && typeof shipped.keps === "object") data.keps = { end: shipped.keps.end ?? {}, start: shipped.keps.start ?? {}, issues: shipped.keps.issues ?? {} };
  return {
    data,
    request: { snapshotRepo: null, snapshotPaths: [], relatedRepos: [], tagRepos: [], blobs: request.blobs, releaseRepo, enhancements },
    holds: `release schedule${releaseRepo ? ", Kubernetes releases" : ""}${data.keps ? " and KEP facts" : ""}`,
    lacks: "the related projects' releases and the feature-gate checks",
  };
}
