import type { PullRequest } from "../../types.js";
import { type GateChange, type VersionChange, isPromotion } from "./diff.js";
import { type IndexedText, dependencyTerms, gateMention, indexText, termMention, versionMention } from "./mentions.js";
import { FILES_PAGE_SIZE, GATE_FILE_PATHS, VERSION_FILE_PATHS } from "./paths.js";

/** Where each change was seen: gate name / dependency name → repo paths. Missing → every path of its kind. */
export interface ChangeFiles {
  gates?: ReadonlyMap<string, readonly string[]>;
  versions?: ReadonlyMap<string, readonly string[]>;
}

export interface AttributeInput {
  gateChanges: readonly GateChange[];
  versionChanges: readonly VersionChange[];
  prs: readonly PullRequest[];
  files?: ChangeFiles;
  /** Other names of a dependency, alias → name (the classifier's `{ smd: "structured-merge-diff" }`). */
  aliases?: Readonly<Record<string, string>>;
}

export interface GatePromotion {
  pr: PullRequest;
  gate: string;
  stage: "Beta" | "GA";
}

export interface VersionUpdate {
  pr: PullRequest;
  name: string;
  from: string | null;
  to: string;
}

export interface Attribution {
  promotions: GatePromotion[];
  versionUpdates: VersionUpdate[];
  /** Explained gate changes that are not promotions: new gates, deprecations. */
  otherGateChanges: Array<{ pr: PullRequest; change: GateChange }>;
  unexplained: Array<GateChange | VersionChange>;
}

interface Candidate {
  pr: PullRequest;
  title: IndexedText;
  body: IndexedText;
}

/** 2: the PR changed the file; 1: the source gave no files; 0: the list may be cut short; -1: it did not. */
function fileEvidence(pr: PullRequest, paths: readonly string[]): number {
  if (!pr.files) return 1;
  if (pr.files.some((file) => paths.includes(file.path))) return 2;
  return pr.files.length >= FILES_PAGE_SIZE ? 0 : -1;
}

/** Title beats body, and a name beats a version: 4 title/name … 1 body/version, 0 not at all. */
type Mention = (text: IndexedText) => 0 | 1 | 2;

function score(candidate: Candidate, mention: Mention): number {
  const title = mention(candidate.title);
  if (title > 0) return 2 + title;
  return mention(candidate.body);
}

/**
 * The PR that made a change: it touched one of `paths` (or its files are unknown) and its text
 * names the change. A PR whose file list may be truncated counts only when its title names it.
 */
function bestPR(candidates: readonly Candidate[], paths: readonly string[], mention: Mention): PullRequest | null {
  let best: { pr: PullRequest; key: number[] } | null = null;
  for (const candidate of candidates) {
    const evidence = fileEvidence(candidate.pr, paths);
    const points = score(candidate, mention);
    if (evidence < 0 || points === 0 || (evidence === 0 && points < 3)) continue;
    const key = [points, evidence, Date.parse(candidate.pr.mergedAt) || 0, candidate.pr.number];
    if (!best || isGreater(key, best.key)) best = { pr: candidate.pr, key };
  }
  return best?.pr ?? null;
}

function isGreater(left: readonly number[], right: readonly number[]): boolean {
  for (let index = 0; index < left.length; index++) {
    const diff = (left[index] ?? 0) - (right[index] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return false;
}

function versionMentionOf(change: VersionChange, aliases: Readonly<Record<string, string>>): Mention {
  const terms = dependencyTerms(change.name, aliases);
  return (text) => (terms.some((term) => termMention(text, term)) ? 2 : versionMention(text, change.to) ? 1 : 0);
}

/** Attaches each gate and version change to the PR that made it; the rest comes back unexplained. */
export function attributeChanges(input: AttributeInput): Attribution {
  // The snapshots are of the default branch, so a cherry-pick into release-1.xx cannot have made the change.
  const candidates: Candidate[] = input.prs
    .filter((pr) => !(pr.baseRef ?? "").startsWith("release-"))
    .map((pr) => ({ pr, title: indexText(pr.title), body: indexText(pr.body) }));
  const result: Attribution = { promotions: [], versionUpdates: [], otherGateChanges: [], unexplained: [] };

  for (const change of input.gateChanges) {
    const paths = input.files?.gates?.get(change.gate) ?? GATE_FILE_PATHS;
    const pr = bestPR(candidates, paths, (text) => gateMention(text, change.gate));
    if (!pr) result.unexplained.push(change);
    else if (isPromotion(change)) result.promotions.push({ pr, gate: change.gate, stage: change.to });
    else result.otherGateChanges.push({ pr, change });
  }
  for (const change of input.versionChanges) {
    const paths = input.files?.versions?.get(change.name) ?? VERSION_FILE_PATHS;
    const pr = bestPR(candidates, paths, versionMentionOf(change, input.aliases ?? {}));
    if (pr) result.versionUpdates.push({ pr, name: change.name, from: change.from, to: change.to });
    else result.unexplained.push(change);
  }
  return result;
}
