import type { Classification } from "./classify.js";
import type { ClassifiedSection } from "./rules.js";

/** PR numbers the editors put in each section of one post. */
export type PublishedSections = Partial<Record<ClassifiedSection, readonly number[]>>;

export interface Ratio {
  hit: number;
  total: number;
}

export interface WeekScore {
  /** Editor-listed PRs that were part of the input, the denominator of recall and agreement. */
  listed: number;
  /** Editor-listed PRs absent from the input: excluded from every denominator. */
  excludedMissing: number[];
  recall: Ratio;
  agreement: Ratio;
  promotions: Ratio;
  versionUpdates: Ratio;
  deprecated: Ratio;
  noise: Ratio;
  /** Editors' featured PRs among the draft's featured candidates. */
  featuredCandidates: Ratio;
  missed: number[];
  misplaced: Array<{ number: number; editor: ClassifiedSection; draft: ClassifiedSection }>;
  noisy: number[];
}

const ratio = (hit = 0, total = 0): Ratio => ({ hit, total });

export function share({ hit, total }: Ratio): number | null {
  return total === 0 ? null : hit / total;
}

export interface ScoreInput {
  /** The PRs the draft was made from: those merged in the week's window. */
  window: readonly number[];
  /** Every PR the data set holds, window or not; defaults to `window`. */
  known?: readonly number[];
}

/**
 * Compares a draft with what the editors published. An editor-listed PR the data set lacks is left
 * out of every denominator; one it holds but outside the window counts as missed. Negatives are the
 * window's PRs the editors did not list.
 */
export function scoreWeek(draft: Classification, published: PublishedSections, numbers: ScoreInput): WeekScore {
  const input = new Set(numbers.window);
  const known = new Set([...(numbers.known ?? []), ...numbers.window]);
  const drafted = new Map<number, ClassifiedSection>(draft.reported.map((entry) => [entry.pr.number, entry.section]));
  const candidates = new Set(draft.featuredCandidates.map((candidate) => candidate.pr.number));
  const editor = new Map<number, ClassifiedSection>();
  for (const [section, numbers] of Object.entries(published) as Array<[ClassifiedSection, readonly number[]]>) {
    for (const number of numbers) if (!editor.has(number)) editor.set(number, section);
  }

  const score: WeekScore = {
    listed: 0,
    excludedMissing: [],
    recall: ratio(),
    agreement: ratio(),
    promotions: ratio(),
    versionUpdates: ratio(),
    deprecated: ratio(),
    noise: ratio(),
    featuredCandidates: ratio(),
    missed: [],
    misplaced: [],
    noisy: [],
  };
  const bySection: Partial<Record<ClassifiedSection, Ratio>> = {
    promotions: score.promotions,
    version_updates: score.versionUpdates,
    deprecated: score.deprecated,
  };
  for (const [number, section] of editor) {
    if (!known.has(number)) {
      score.excludedMissing.push(number);
      continue;
    }
    score.listed++;
    const placed = drafted.get(number);
    const agreed = placed !== undefined && (placed === section || section === "featured");
    score.recall.total++;
    score.agreement.total++;
    if (placed !== undefined) score.recall.hit++;
    else score.missed.push(number);
    if (agreed) score.agreement.hit++;
    else if (placed !== undefined) score.misplaced.push({ number, editor: section, draft: placed });
    const sectionRatio = bySection[section];
    if (sectionRatio) {
      sectionRatio.total++;
      if (placed === section) sectionRatio.hit++;
    }
    if (section === "featured") {
      score.featuredCandidates.total++;
      if (candidates.has(number)) score.featuredCandidates.hit++;
    }
  }
  for (const number of input) {
    if (editor.has(number)) continue;
    score.noise.total++;
    if (drafted.has(number)) {
      score.noise.hit++;
      score.noisy.push(number);
    }
  }
  return score;
}

/** Pooled counts over weeks (not a mean of per-week shares). */
export function poolScores(scores: readonly WeekScore[]): WeekScore {
  const add = (pick: (score: WeekScore) => Ratio): Ratio =>
    scores.reduce((sum, score) => ratio(sum.hit + pick(score).hit, sum.total + pick(score).total), ratio());
  return {
    listed: scores.reduce((sum, score) => sum + score.listed, 0),
    excludedMissing: scores.flatMap((score) => score.excludedMissing),
    recall: add((score) => score.recall),
    agreement: add((score) => score.agreement),
    promotions: add((score) => score.promotions),
    versionUpdates: add((score) => score.versionUpdates),
    deprecated: add((score) => score.deprecated),
    noise: add((score) => score.noise),
    featuredCandidates: add((score) => score.featuredCandidates),
    missed: scores.flatMap((score) => score.missed),
    misplaced: scores.flatMap((score) => score.misplaced),
    noisy: scores.flatMap((score) => score.noisy),
  };
}
