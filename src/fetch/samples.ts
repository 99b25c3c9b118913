import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { samplesDir } from "../package-paths.js";
import type { PullRequest, RepoWeek } from "../types.js";
import { pullRequestFromSearchItem, type SearchItem } from "./search-item.js";

interface SampleFile {
  week_ending: string;
  repo: string;
  default_branch: string;
  items: SearchItem[];
}

/** A week shipped inside the package, so a first run works with no token and no network. */
export async function readSampleWeek(repo: string, weekEnding: string): Promise<RepoWeek | null> {
  let sample: SampleFile;
  try {
    sample = JSON.parse(await readFile(join(samplesDir(), `${weekEnding}.json`), "utf8")) as SampleFile;
  } catch {
    return null;
  }
  if (sample.repo !== repo) return null;
  const prs = sample.items
    .map((item) => pullRequestFromSearchItem(item, repo))
    .filter((pr): pr is PullRequest => pr !== null);
  return { repo, defaultBranch: sample.default_branch, prs };
}
