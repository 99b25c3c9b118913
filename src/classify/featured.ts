import type { PullRequest } from "../types.js";
import { FEATURED_MODEL } from "./models.js";
import { type LogisticModel, SIGNAL_LIMIT, describeContribution, probabilityOf, scoreFeatures } from "./notability.js";
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
  const scored = inputs
    .filter((input) => input.section !== "version_updates")
    .map((input) => ({ input, score: probabilityOf(model, input.features) }));
  const best = topRanked(scored, count, (a, b) => b.score - a.score || a.input.pr.number - b.input.pr.number);
  return best.map(({ input }) => {
    const { probability, contributions } = scoreFeatures(model, input.features);
    // An editor choosing a feature wants what speaks for each candidate, not what counts against it.
    const reasons = contributions.filter(([, weight]) => weight > 0).slice(0, SIGNAL_LIMIT).map(describeContribution);
    return input.kep ? { pr: input.pr, score: probability, reasons, kep: input.kep } : { pr: input.pr, score: probability, reasons };
  });
}

/**
 * The first `count` items in `order`, ties in their given order as a stable sort leaves them. A
 * week lists tens of thousands of PRs and the list keeps a handful: no need to sort them all.
 */
function topRanked<T>(items: readonly T[], count: number, order: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  for (const item of items) {
    const last = top.at(-1);
    if (top.length >= count && (last === undefined || order(item, last) >= 0)) continue;
    let at = top.length;
    while (at > 0 && order(item, top[at - 1] as T) < 0) at--;
    top.splice(at, 0, item);
    if (top.length > count) top.pop();
  }
  return top;
}
