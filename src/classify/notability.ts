import { compareText, sortShort } from "../order.js";
import type { PullRequest } from "../types.js";
import type { ClassifiedSection } from "./rules.js";
import type { PRSignals } from "./signals.js";

/**
 * A logistic model learned from the picks data by `npm run train`: the log-odds of a PR are the
 * intercept plus the weights of the features it has. Feature names come from labels, which are
 * untrusted, so weights are looked up in a Map, never on an object.
 */
export interface LogisticModel {
  intercept: number;
  weights: ReadonlyArray<readonly [string, number]>;
}

export interface ModelScore {
  /** The modelled probability, 0..1. */
  probability: number;
  /** The features that moved it, strongest first, e.g. "kind/feature +0.41". */
  signals: string[];
  /** Every feature that has a weight, with it, strongest first. */
  contributions: Array<[string, number]>;
}

export function describeContribution([feature, weight]: readonly [string, number]): string {
  return `${feature} ${weight > 0 ? "+" : "-"}${Math.abs(weight).toFixed(2)}`;
}

const NOTE_WORDS: ReadonlyArray<readonly [string, RegExp]> = [
  ["note:new", /\bnew\b/i],
  ["note:alpha", /\balpha\b/i],
  ["note:beta", /\bbeta\b/i],
  ["note:ga", /\b(?:GA|stable|general(?:ly)?\s+availab\w*)\b/],
  ["note:feature-gate", /\bfeature[- ]gates?\b/i],
  ["note:enabled-by-default", /\b(?:enabled|on)\s+by\s+default\b/i],
  ["note:field", /\bfields?\b/i],
  ["note:flag", /(?:^|\s)--?[a-z][\w-]+|\bflags?\b/i],
  ["note:metric", /\bmetrics?\b/i],
  ["note:fix", /^\W*(?:[\w-]+:\s*)?fix(?:es|ed)?\b|\bfixe[sd]\s+(?:a\s+)?(?:bug|issue|regression)\b/i],
  ["note:now", /\bnow\b/i],
];

function lengthBucket(note: string): string {
  const length = note.length;
  if (length < 80) return "note-length:short";
  if (length < 150) return "note-length:medium";
  if (length < 300) return "note-length:long";
  return "note-length:very-long";
}

// SIG and area labels were tried: left out of a cycle, models with them rank no better, and their
// dozens of small weights only fit the cycles they were learned on.
const LABEL_PREFIXES = ["kind/"];

function hasModelledPrefix(label: string): boolean {
  for (const prefix of LABEL_PREFIXES) if (label.startsWith(prefix)) return true;
  return false;
}

/**
 * What both models read of one PR. Only what the picks data also holds for a PR (kind labels, the
 * number of SIGs, the release note, the section the rules chose) so that training and drafting see the same features.
 */
export function prFeatures(pr: PullRequest, signals: PRSignals, section: ClassifiedSection): string[] {
  // A list, not a Set: only labels can repeat, and sorting puts a repeat beside its first.
  const features: string[] = [];
  let sigs = 0;
  for (const label of pr.labels) {
    if (hasModelledPrefix(label)) features.push(label);
    if (label.startsWith("sig/")) sigs++;
  }
  if (sigs >= 3) features.push("sigs:3+");
  if (signals.actionRequired) features.push("action-required");
  if (signals.kep) features.push("kep");
  features.push(sectionFeature(section));
  const note = signals.note;
  if (note === null) {
    features.push("note:none");
  } else {
    features.push(lengthBucket(note));
    for (const [name, pattern] of NOTE_WORDS) if (pattern.test(note)) features.push(name);
  }
  return withoutRepeats(sortShort(features, compareText));
}

/** A sorted list with each item once, in place. */
function withoutRepeats(sorted: string[]): string[] {
  let kept = 0;
  for (const item of sorted) if (kept === 0 || sorted[kept - 1] !== item) sorted[kept++] = item;
  sorted.length = kept;
  return sorted;
}

/** "section:other-merges": one string per section, not a new one per PR. */
const SECTION_FEATURES = new Map<ClassifiedSection, string>();

function sectionFeature(section: ClassifiedSection): string {
  let feature = SECTION_FEATURES.get(section);
  if (feature === undefined) {
    feature = `section:${section.replace(/_/g, "-")}`;
    SECTION_FEATURES.set(section, feature);
  }
  return feature;
}

export const SIGNAL_LIMIT = 4;

const strongestFirst = (a: readonly [string, number], b: readonly [string, number]): number => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1);

/** A model's weights by feature, and how each one reads in a PR's signals, worked out once. */
interface ModelLookup {
  weights: ReadonlyMap<string, number>;
  descriptions: ReadonlyMap<string, string>;
}

/** Models are never changed once built, and every PR of a week is scored with the same one. */
const lookups = new WeakMap<LogisticModel, ModelLookup>();

function lookupOf(model: LogisticModel): ModelLookup {
  let lookup = lookups.get(model);
  if (!lookup) {
    const weights = new Map(model.weights);
    lookup = { weights, descriptions: new Map([...weights].map((contribution) => [contribution[0], describeContribution(contribution)])) };
    lookups.set(model, lookup);
  }
  return lookup;
}

/** The modelled probability alone, for ranking many PRs of which only a few need their reasons. */
export function probabilityOf(model: LogisticModel, features: readonly string[]): number {
  const { weights } = lookupOf(model);
  let logOdds = model.intercept;
  for (const feature of features) logOdds += weights.get(feature) ?? 0;
  return 1 / (1 + Math.exp(-logOdds));
}

export function scoreFeatures(model: LogisticModel, features: readonly string[]): ModelScore {
  const { weights, descriptions } = lookupOf(model);
  const contributions: Array<[string, number]> = [];
  let logOdds = model.intercept;
  for (const feature of features) {
    const weight = weights.get(feature);
    if (weight === undefined || weight === 0) continue;
    logOdds += weight;
    contributions.push([feature, weight]);
  }
  sortShort(contributions, strongestFirst);
  return {
    probability: 1 / (1 + Math.exp(-logOdds)),
    signals: contributions.slice(0, SIGNAL_LIMIT).map((contribution) => descriptions.get(contribution[0]) ?? describeContribution(contribution)),
    contributions,
  };
}
