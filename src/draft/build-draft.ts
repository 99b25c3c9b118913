import { classifyWeek, type Classification, type ClassifiedPR } from "../classify/classify.js";
import type { RuleTable } from "../classify/rules.js";
import {
  SECTION_KEYS,
  type Draft,
  type DraftContext,
  type DraftEntry,
  type FeaturedCandidate,
  type PullRequest,
  type RepoWeek,
  type SectionKey,
  type Week,
} from "../types.js";
import { confirmChanges } from "./confirm-changes.js";
import { dropPreviouslyLinked, pullKey } from "./previous-edition.js";
import { isInWeek } from "../week.js";
import { compareText } from "../order.js";
import { pullRequestSightings } from "../unique.js";

export interface DraftInput {
  week: Week;
  repoWeeks: readonly RepoWeek[];
  requests: number;
  warnings: readonly string[];
  /** The classifier's rule table; the defaults unless a config file changed them. */
  rules?: RuleTable;
  /** What the week's files, releases and schedule say, when they could be fetched. */
  context?: DraftContext;
  /** PRs the previous edition linked (`linkedPulls` keys): reported once, never again. */
  previouslyLinked?: ReadonlySet<string>;
  /** PRs the draft being refreshed already features (`featuredPulls` keys): no longer candidates. */
  featured?: ReadonlySet<string>;
  /** KEPs the draft being refreshed already writes up (`writtenKeps`): no longer candidates. */
  writtenKeps?: ReadonlySet<number>;
}

export interface DraftResult {
  draft: Draft;
  featuredCandidates: FeaturedCandidate[];
  /** PRs given to the draft that were merged outside the window and so left out. */
  outsideWindow: PullRequest[];
  /** How many PRs were moved to skipped because the previous edition linked them. */
  previousEdition: number;
}

/** Pure: the same PRs and week always give the same draft, in the same order. */
export function buildDraft(input: DraftInput): DraftResult {
  return finishDraft(classifyDraft(input), input);
}

/** The PRs sorted into sections, before the week's context and the previous edition have a say. */
export interface ClassifiedDraft {
  inWindow: PullRequest[];
  outsideWindow: PullRequest[];
  classification: Classification;
}

/**
 * The first half of buildDraft, which needs only the PRs: a run classifies them while the
 * context is still being fetched. Pure.
 */
export function classifyDraft(input: Pick<DraftInput, "week" | "repoWeeks" | "rules">): ClassifiedDraft {
  // Keyed by repository names from GitHub or an input file: no prototype for "constructor" to find.
  const defaultBranches: Record<string, string> = Object.create(null) as Record<string, string>;
  const inWindow: PullRequest[] = [];
  const outsideWindow: PullRequest[] = [];
  for (const repoWeek of input.repoWeeks) defaultBranches[repoWeek.repo] = repoWeek.defaultBranch;
  const firstSighting = pullRequestSightings();
  for (const pr of input.repoWeeks.flatMap((repoWeek) => repoWeek.prs).filter(firstSighting)) {
    (isInWeek(pr.mergedAt, input.week) ? inWindow : outsideWindow).push(pr);
  }
  const order = byRepoThenNumber(inWindow);
  const sorted = order.map((index) => inWindow[index]!);
  // readOrder[k] is where the k-th PR read stands in `sorted`.
  const readOrder: number[] = inWindow.map(() => 0);
  order.forEach((index, position) => (readOrder[index] = position));
  // Repeats and the window were dealt with above: classifyWeek need not check every PR again.
  const classification = classifyWeek(sorted, { week: input.week, defaultBranches, readOrder, prepared: true }, input.rules);
  return { inWindow: sorted, outsideWindow, classification };
}

/** The second half of buildDraft: the context's confirmed changes and the previous edition applied. Pure. */
export function finishDraft(classified: ClassifiedDraft, input: Omit<DraftInput, "repoWeeks" | "rules">): DraftResult {
  const { inWindow, outsideWindow, classification } = classified;
  const classifiedSections = toSections(classification);
  const classifiedSkips = classification.skipped.map(({ pr, reason }) => ({ repo: pr.repo, number: pr.number, title: pr.title, reason }));
  const confirmed = confirmChanges(classifiedSections, classifiedSkips, input.context?.confirmedChanges ?? []);
  const linked = input.previouslyLinked ?? new Set<string>();
  const { sections, skipped, moved } = dropPreviouslyLinked(confirmed.sections, confirmed.skipped, linked);
  const releases = input.context?.subprojects ?? null;
  sections.subprojects = [...(releases ?? [])];
  // A PR the draft features itself ("featured": {"mode": "top"}) is no candidate any more.
  const featuredNow = new Set(sections.featured.flatMap((entry) => (entry.number === null ? [] : [pullKey(entry.repo, entry.number)])));
  const reported = SECTION_KEYS.filter((key) => key !== "subprojects").reduce((sum, key) => sum + sections[key].length, 0);
  return {
    draft: {
      week: input.week,
      sections,
      skipped,
      stats: { merged: inWindow.length, reported, skipped: skipped.length, requests: input.requests },
      warnings: [...input.warnings],
      releaseSchedule: input.context?.releaseSchedule ?? { nextDeadline: null, notes: [] },
      unexplainedChanges: [...(input.context?.unexplainedChanges ?? [])],
      kepCandidates: (input.context?.kepCandidates ?? []).filter((kep) => kep.number === null || input.writtenKeps?.has(kep.number) !== true),
      unreadSections: releases === null ? ["subprojects"] : [],
    },
    featuredCandidates: [...classification.featuredCandidates, ...classification.featuredSpares]
      .filter((candidate) => {
        const key = pullKey(candidate.pr.repo, candidate.pr.number);
        return !linked.has(key) && input.featured?.has(key) !== true && !featuredNow.has(key);
      })
      .slice(0, classification.featuredCandidates.length),
    outsideWindow,
    previousEdition: moved,
  };
}

/** A draft of the week with nothing in it: what a template writes around no data at all. */
export function emptyDraft(week: Week): Draft {
  return {
    week,
    sections: Object.fromEntries(SECTION_KEYS.map((key) => [key, [] as DraftEntry[]])) as Record<SectionKey, DraftEntry[]>,
    skipped: [],
    stats: { merged: 0, reported: 0, skipped: 0, requests: 0 },
    warnings: [],
    releaseSchedule: { nextDeadline: null, notes: [] },
    unexplainedChanges: [],
    kepCandidates: [],
    unreadSections: [],
  };
}

function toSections(classification: Classification): Record<SectionKey, DraftEntry[]> {
  const sections = Object.fromEntries(SECTION_KEYS.map((key) => [key, [] as DraftEntry[]])) as Record<SectionKey, DraftEntry[]>;
  for (const classified of classification.reported) sections[classified.section].push(draftEntry(classified));
  return sections;
}

/** Two literals, not a conditional spread, which V8 copies through a slow path once per entry; the keys keep their order. */
function draftEntry({ pr, line, bullet, reason, kep, score, signals }: ClassifiedPR): DraftEntry {
  const { repo, number, url, title, author } = pr;
  return kep
    ? { repo, number, url, title, author, line, bullet, reason, kep, score, signals }
    : { repo, number, url, title, author, line, bullet, reason, score, signals };
}

/**
 * The indices of `prs` with repositories in name order, each one's PRs by number. Each PR's sort
 * keys are read once into flat arrays: a comparison then reads no PR object, which for a week of
 * tens of thousands lie all over memory.
 */
function byRepoThenNumber(prs: readonly PullRequest[]): number[] {
  const repos = [...new Set(prs.map((pr) => pr.repo))].sort(compareText);
  const repoRanks = new Map(repos.map((repo, rank) => [repo, rank]));
  const repoRank = new Float64Array(prs.length);
  const number = new Float64Array(prs.length);
  prs.forEach((pr, index) => {
    repoRank[index] = repoRanks.get(pr.repo) ?? 0;
    number[index] = pr.number;
  });
  return prs.map((_, index) => index).sort((a, b) => repoRank[a]! - repoRank[b]! || number[a]! - number[b]!);
}
