import type { PullRequest, SectionKey, Week } from "../types.js";

export interface ClassifyContext {
  week: Week;
  /** Default branch per repository ("kubernetes/kubernetes" -> "master"). */
  defaultBranches: Readonly<Record<string, string>>;
}

export interface ClassifiedPR {
  pr: PullRequest;
  section: Exclude<SectionKey, "subprojects">;
  /** Rule that decided, e.g. "label:kind/deprecation". */
  reason: string;
  /** The markdown bullet as it will stand in the post, starting with "* ". */
  line: string;
  kep?: string;
}

export interface SkippedPR {
  pr: PullRequest;
  reason: string;
}

export interface FeaturedCandidate {
  pr: PullRequest;
  score: number;
  reasons: string[];
  kep?: string;
}

export interface Classification {
  reported: ClassifiedPR[];
  skipped: SkippedPR[];
  featuredCandidates: FeaturedCandidate[];
}

const CHERRY_PICK_TITLE = /^(automated|manual) cherry[- ]pick of #\d+/i;

/**
 * Sorts a week's merged PRs into LWKD sections. Every input PR lands exactly once, in `reported`
 * or in `skipped`, so the draft can account for the whole week.
 */
export function classifyWeek(prs: readonly PullRequest[], context: ClassifyContext): Classification {
  const reported: ClassifiedPR[] = [];
  const skipped: SkippedPR[] = [];
  for (const pr of prs) {
    const defaultBranch = context.defaultBranches[pr.repo] ?? "master";
    if ((pr.baseRef !== null && pr.baseRef !== defaultBranch) || CHERRY_PICK_TITLE.test(pr.title)) {
      skipped.push({ pr, reason: "cherry-pick" });
      continue;
    }
    reported.push({ pr, section: "other_merges", reason: "merged-into-default-branch", line: `* [${pr.title}](${pr.url})` });
  }
  return { reported, skipped, featuredCandidates: [] };
}
