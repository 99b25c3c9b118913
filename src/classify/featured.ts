import type { PullRequest } from "../types.js";
import { FEATURED_MODEL } from "./models.js";
import { type LogisticModel, SIGNAL_LIMIT, describeContribution, scoreFeatures } from "./notability.js";
import type { ClassifiedSection } from "./rules.js";

export interface FeaturedInput {
  pr: PullRequest;
  section: ClassifiedSection;
  features: readonly string[];
  kep?: string;
}

export interface ScoredCandidate {
  pr: PullRequest;
  /** The learned chance that editors feature this PR among those they list, 0..1. */
  score: number;
  reasons: string[];
  kep?: string;
}

/**
 * The week's strongest Featured candidates, best first, ranked by what the picks data shows about
 * the PRs editors featured (kinds, note lengths, alpha features, KEP links). Version bumps never
 * qualify: editors feature changes in behaviour, not routine upgrades.
 */
export function rankFeatured(inputs: readonly FeaturedInput[], count: number, model: LogisticModel = FEATURED_MODEL): ScoredCandidate[] {
  return inputs
    .filter((input) => input.section !== "version_updates")
    .map((input) => {
      const { probability, contributions } = scoreFeatures(model, input.features);
      // An editor choosing a feature wants what speaks for each candidate, not what counts against it.
      const reasons = contributions.filter(([, weight]) => weight > 0).slice(0, SIGNAL_LIMIT).map(describeContribution);
      return { pr: input.pr, score: probability, reasons, ...(input.kep ? { kep: input.kep } : {}) };
    })
    .sort((a, b) => b.score - a.score || a.pr.number - b.pr.number)
    .slice(0, count);
}
