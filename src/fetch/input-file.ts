import { readFileSync } from "node:fs";
import { errnoWords, readProblem, UsageError } from "../errors.js";
import type { PullRequest } from "../types.js";
import { firstProblem, isPageOn, PULL_PATH } from "./schemas.js";
import { pullRequestFromSearchItem } from "./search-item.js";
import { withoutByteOrderMark } from "../byte-order-mark.js";
import { jsonFault } from "../json-fault.js";

/**
 * Reads PRs from a JSON file: an array of GitHub search items, or an object with an `items`
 * (GitHub's search response) or `prs` (the corpus' week files) array of them.
 */
export async function readInputFile(path: string, webHost = "github.com"): Promise<PullRequest[]> {
  return (await readInput(path, webHost)).prs;
}

/** The PRs of an input file, and the `week_ending` it names (corpus and sample week files do). */
export async function readInput(path: string, webHost = "github.com"): Promise<{ prs: PullRequest[]; weekEnding: string | null }> {
  let text: string;
  try {
    // In one read, decoded at once: the promise API reads 512 KB chunks on another thread and
    // joins their strings, which JSON.parse then copies into one, for a file of tens of thousands of PRs.
    // `-` is stdin (file descriptor 0), for `gh api ... | k8s-weekly draft --input -`.
    text = readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (error) {
    throw new UsageError(
      path === "-" ? `--input -: cannot read stdin (${errnoWords(error)}); pipe the JSON in, or give a file` : `--input ${path}: ${readProblem(error)}; give an existing JSON file`,
    );
  }
  let parsed: unknown;
  const json = withoutByteOrderMark(text);
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    if (json.trim() === "") throw new UsageError(`--input ${path}: is empty; give a JSON array of GitHub search items`);
    throw new UsageError(`--input ${path}: not valid JSON${jsonFault(json, (error as Error).message)}; give a JSON array of GitHub search items`);
  }
  const items = itemsOf(parsed);
  if (!items) {
    throw new UsageError(`--input ${path}: expected an array of GitHub search items, or an object with an "items" or "prs" array`);
  }
  const { checkSearchItem } = await import("./validators.js");
  const weekEnding = (parsed as { week_ending?: unknown }).week_ending;
  const names = new Map<string, string>();
  const prs = items.map((item, index) => {
    if (!checkSearchItem(item)) {
      throw new UsageError(`--input ${path}: item ${index} is not a GitHub search item (${firstProblem(checkSearchItem)}); it needs number, title and html_url`);
    }
    if (!isPageOn(item.html_url, webHost, PULL_PATH)) {
      throw new UsageError(`--input ${path}: item ${index} (#${item.number}) has html_url ${JSON.stringify(item.html_url.slice(0, 100))}, not a pull request page on ${webHost}; fix the file`);
    }
    const pr = pullRequestFromSearchItem(item);
    if (pr) {
      pr.repo = sharedName(names, pr.repo);
      // In place: the list is the PR's own, and a copy made by map() is packed or holey depending
      // on whether V8 has optimized the loop yet, which every rule reading the labels then pays for.
      pr.labels.forEach((label, index, labels) => (labels[index] = sharedName(names, label)));
    }
    return pr;
  }).filter((pr): pr is PullRequest => pr !== null);
  return { prs, weekEnding: typeof weekEnding === "string" ? weekEnding : null };
}

/**
 * One string per repository and per label for all the PRs that name it: the Maps and Sets that
 * later group, dedupe and look up tens of thousands of PRs by repository or label then hash each
 * name once, and find it by identity rather than by comparing its characters.
 */
function sharedName(names: Map<string, string>, name: string): string {
  const known = names.get(name);
  if (known !== undefined) return known;
  names.set(name, name);
  return name;
}

function itemsOf(parsed: unknown): unknown[] | null {
  if (Array.isArray(parsed)) return parsed;
  if (typeof parsed === "object" && parsed !== null) {
    const record = parsed as Record<string, unknown>;
    if (Array.isArray(record.items)) return record.items;
    if (Array.isArray(record.prs)) return record.prs;
  }
  return null;
}
