import { cleanText, escapeInline } from "../../markdown/escape.js";
import { addDays, monthDay } from "./dates.js";
import type { Milestone, MilestoneKind, NextDeadline } from "./types.js";
import { compareText } from "../../order.js";

/**
 * Kinds that make a "Next Deadline". A call for exceptions opens a period rather than closing
 * one: for the week ending 2024-02-25 the editors skipped it (Feb 26) for Code Freeze (March 5).
 * Betas, RCs, meetings and blog dates are not deadlines either.
 */
export const MAJOR_KINDS: ReadonlySet<MilestoneKind> = new Set<MilestoneKind>([
  "enhancements-freeze",
  "code-freeze",
  "test-freeze",
  "docs-deadline",
  "release",
]);

/**
 * The first major milestone strictly after the week's Sunday, as the editors write it
 * ("Code Freeze, July 8"). A week before the timeline's first row or past its last major
 * milestone is between releases: the next cycle's dates are unknown, so nothing is guessed.
 */
export function nextDeadline(milestones: readonly Milestone[], weekEnding: string): NextDeadline {
  let first: string | undefined;
  let next: Milestone | undefined;
  for (const milestone of milestones) {
    if (first === undefined || milestone.date < first) first = milestone.date;
    if (!MAJOR_KINDS.has(milestone.kind) || milestone.date <= weekEnding) continue;
    if (next === undefined || milestone.date < next.date) next = milestone;
  }
  if (first === undefined || weekEnding < first || next === undefined) return { betweenReleases: true };
  return { text: escapeInline(`${cleanText(milestoneLabel(next), 80)}, ${monthDay(next.date)}`, 200), date: next.date };
}

/**
 * The row's name without the clock time and the "Begin" the tables put before freezes:
 * "Begin Code Freeze (18:00 PDT)" → "Code Freeze". Plain text, not escaped.
 */
export function milestoneLabel(milestone: Milestone): string {
  const label = milestone.what
    .replace(/\([^()]*\)/g, " ")
    .replace(/^\s*(?:begin|start(?: of)?)\s+(?=\S)/i, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s.,;:—–-]+$/, "");
  if (label === "") return milestone.what;
  // The labels name what is still to come: "1.22.0-beta.1 released" reads as done.
  return label.replace(/\breleased\b/i, "release");
}

/**
 * Freezes and deadlines take effect at the end of their day (Code Freeze at 18:00 PDT, docs "due"
 * that day), after the betas cut and the meetings held on it. Ranking by that, not by the table's
 * row order alone, lists one day the same however a README orders its rows: the sig-release tables
 * put "1.22.0-beta.1 released" and "Begin Code Freeze" either way round.
 */
const END_OF_DAY_KINDS: ReadonlySet<MilestoneKind> = new Set<MilestoneKind>(["enhancements-freeze", "code-freeze", "test-freeze", "docs-deadline"]);

/** Milestones of the Monday..Sunday after `weekEnding`, in date order; within a day, freezes and deadlines last, else in table order. */
export function milestonesInComingWeek(milestones: readonly Milestone[], weekEnding: string): Milestone[] {
  const from = addDays(weekEnding, 1);
  const to = addDays(weekEnding, 7);
  return milestones
    .map((milestone, index) => ({ milestone, index, endOfDay: END_OF_DAY_KINDS.has(milestone.kind) ? 1 : 0 }))
    .filter(({ milestone }) => milestone.date >= from && milestone.date <= to)
    .sort((a, b) => compareText(a.milestone.date, b.milestone.date) || a.endOfDay - b.endOfDay || a.index - b.index)
    .map(({ milestone }) => milestone);
}
