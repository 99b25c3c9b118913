import { findKepLinks } from "../../classify/signals.js";
import { isInWeek } from "../../week.js";
import { own } from "../../own.js";
import { pullRequestSightings } from "../../unique.js";
import type { EnhancementPull, PullRequest } from "../../types.js";
import type { TimeWindow } from "../releases/types.js";

/** kubernetes/enhancements, where every KEP lives. */
export const ENHANCEMENTS_REPO = "kubernetes/enhancements";

/**
 * One KEP as a link names it. The number is the KEP's tracking issue, which is also the number
 * its folder starts with (`keps/sig-storage/2485-read-write-once-pod-pv-access-mode`). KEPs from
 * before 2020 may be a single markdown file with an older numbering (`0034-distributed-tracing-kep.md`):
 * those are known by their path alone.
 */
export interface KepRef {
  /** "kep:2485", or "file:keps/sig-x/0034-y.md" for a single-file KEP. */
  key: string;
  number: number | null;
  /** "keps/sig-storage/2485-read-write-once-pod-pv-access-mode", when a link gave it. */
  dir: string | null;
  /** "keps/sig-x/0034-y.md" for a single-file KEP. */
  file: string | null;
}

const MAX_NUMBER = 99_999;
// What the canonical links of findKepLinks look like.
const ISSUE_LINK = /^https:\/\/(?:github\.com\/kubernetes\/enhancements\/issues|kep\.k8s\.io)\/(\d{1,6})$/;
const TREE_LINK = /^https:\/\/github\.com\/kubernetes\/enhancements\/tree\/master\/(keps\/sig-[a-z0-9-]{1,60}\/(\d{1,6})-[\w.-]{1,120})$/i;
/** A kep.yaml in a merged enhancements PR's changed paths. */
const KEP_YAML_PATH = /^(keps\/sig-[a-z0-9-]{1,60}\/(\d{1,6})-[\w.-]{1,120})\/kep\.yaml$/i;

/** The KEP a canonical link names; null for anything else. */
export function kepRefOfLink(link: string): KepRef | null {
  const issue = ISSUE_LINK.exec(link);
  if (issue) return byNumber(Number(issue[1]), null);
  const tree = TREE_LINK.exec(link);
  if (!tree) return null;
  const [, path = "", digits = ""] = tree;
  if (/\.md$/i.test(path)) return { key: `file:${path}`, number: null, dir: null, file: path };
  return byNumber(Number(digits), path);
}

/** The KEP folder of a changed `keps/sig-x/NNNN-name/kep.yaml`; null for any other path. */
export function kepRefOfPath(path: string): KepRef | null {
  const match = KEP_YAML_PATH.exec(path);
  return match ? byNumber(Number(match[2]), match[1] ?? null) : null;
}

function byNumber(number: number, dir: string | null): KepRef | null {
  if (!Number.isSafeInteger(number) || number < 1 || number > MAX_NUMBER) return null;
  return { key: `kep:${number}`, number, dir, file: null };
}

/** A KEP and the PRs of the week that name or change it. */
export interface WeekKep {
  ref: KepRef;
  /** The week's merged PRs (default branch) that link it, by repository and number. */
  linkedBy: PullRequest[];
  /** The week's merged kubernetes/enhancements PRs that changed its kep.yaml. */
  changedBy: EnhancementPull[];
}

/**
 * The KEPs of the week: those the week's merged PRs link (PRs into other branches than the
 * default, cherry-picks, and PRs merged outside the window left out, as the draft leaves them out), and those whose kep.yaml a merged
 * kubernetes/enhancements PR changed. Links to the same KEP by number and by folder are one KEP,
 * which keeps the folder. In first-seen order; the caller ranks.
 */
export function weekKeps(
  prs: readonly PullRequest[],
  defaultBranches: Readonly<Record<string, string>>,
  window: TimeWindow,
  enhancementPulls: readonly EnhancementPull[] | null | undefined,
): WeekKep[] {
  const keps = new Map<string, WeekKep>();
  const entry = (ref: KepRef): WeekKep => {
    const known = keps.get(ref.key);
    if (known) {
      if (!known.ref.dir && ref.dir) known.ref = { ...known.ref, dir: ref.dir };
      return known;
    }
    const created: WeekKep = { ref, linkedBy: [], changedBy: [] };
    keps.set(ref.key, created);
    return created;
  };
  const firstSighting = pullRequestSightings();
  for (const pr of prs) {
    const branch = own(defaultBranches, pr.repo);
    if (!isInWeek(pr.mergedAt, window) || (pr.baseRef !== null && branch !== undefined && pr.baseRef !== branch)) continue;
    if (!firstSighting(pr)) continue;
    const seen = new Set<string>();
    for (const link of findKepLinks(pr.body, pr.title)) {
      const ref = kepRefOfLink(link);
      if (!ref) continue;
      // A second link to the same KEP may still bring its folder.
      const kep = entry(ref);
      if (seen.has(ref.key)) continue;
      seen.add(ref.key);
      kep.linkedBy.push(pr);
    }
  }
  for (const pull of enhancementPulls ?? []) {
    if (!isInWeek(pull.mergedAt, window)) continue;
    const seen = new Set<string>();
    for (const path of pull.paths) {
      const ref = kepRefOfPath(path);
      if (!ref) continue;
      const kep = entry(ref);
      if (seen.has(ref.key)) continue;
      seen.add(ref.key);
      kep.changedBy.push(pull);
    }
  }
  return [...keps.values()];
}

/** Where a KEP's facts are read: its kep.yaml, or the single file itself; null when only its number is known. */
export function kepFilePath(ref: KepRef): string | null {
  if (ref.file) return ref.file;
  return ref.dir ? `${ref.dir}/kep.yaml` : null;
}
