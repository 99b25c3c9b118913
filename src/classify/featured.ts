import type { PullRequest } from "../types.js";
import type { Promotion } from "./promotion.js";
import type { ClassifiedSection } from "./rules.js";
import { type CompiledRules, type PRSignals, hasAny } from "./signals.js";

export interface FeaturedInput {
  pr: PullRequest;
  section: ClassifiedSection;
  signals: PRSignals;
  promotion?: Promotion;
}

export interface ScoredCandidate {
  pr: PullRequest;
  score: number;
  reasons: string[];
  kep?: string;
}

// Without creation dates, a PR number far below the week's median marks a change that took long to land.
const LONG_STANDING_GAP = 10_000;
const LONG_NOTE = 250;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function score(input: FeaturedInput, weekMedian: number, rules: CompiledRules): ScoredCandidate {
  const { table, re } = rules;
  const weights = table.featured.weights;
  const { pr, signals, promotion } = input;
  const text = `${signals.title}\n${signals.note ?? ""}`;
  const signalsFound: Array<[boolean, number, string]> = [
    [hasAny(signals.labels, table.labels.apiChange), weights.apiChange, "API change"],
    [hasAny(signals.labels, table.labels.feature), weights.feature, "feature"],
    [promotion?.stage === "GA", weights.promotionToGA, "promotion to GA"],
    [promotion?.stage === "Beta", weights.promotionToBeta, "promotion to beta"],
    [re.enabledByDefault.test(text), weights.enabledByDefault, "enabled by default"],
    [signals.kep !== undefined, weights.kep, "linked KEP"],
    [signals.actionRequired, weights.actionRequired, "action required"],
    [re.newFeatureGate.test(text), weights.newFeatureGate, "new feature gate"],
    [weekMedian - pr.number >= LONG_STANDING_GAP, weights.longStanding, "long-standing PR"],
    [hasAny(signals.labels, table.labels.highPriority), weights.priority, "high priority"],
    [hasAny(signals.labels, table.labels.largeSize), weights.size, "large change"],
    [(signals.note?.length ?? 0) >= LONG_NOTE, weights.longReleaseNote, "detailed release note"],
    [
      hasAny(signals.labels, table.labels.bug) && !hasAny(signals.labels, table.labels.feature) && !signals.actionRequired,
      weights.bugFix,
      "bug fix",
    ],
  ];
  const sigs = pr.labels.filter((label) => label.startsWith("sig/")).length;
  if (sigs > 1) signalsFound.push([true, weights.extraSig * Math.min(sigs - 1, 3), `${sigs} SIGs`]);
  const found = signalsFound.filter(([present, weight]) => present && weight !== 0);
  return {
    pr,
    score: found.reduce((sum, [, weight]) => sum + weight, 0),
    reasons: found.map(([, , reason]) => reason),
    ...(signals.kep ? { kep: signals.kep } : {}),
  };
}

/**
 * The week's strongest Featured candidates, best first. Version bumps never qualify: editors feature
 * changes in behaviour, not routine upgrades.
 */
export function rankFeatured(inputs: readonly FeaturedInput[], weekNumbers: readonly number[], rules: CompiledRules): ScoredCandidate[] {
  const weekMedian = median(weekNumbers);
  return inputs
    .filter((input) => input.section !== "version_updates")
    .map((input) => score(input, weekMedian, rules))
    .sort((a, b) => b.score - a.score || b.reasons.length - a.reasons.length || a.pr.number - b.pr.number)
    .slice(0, rules.table.featured.count);
}
