import { isoDate, parseWhen, type WhenCell } from "./dates.js";
import { isDelimiterRow, isTableLine, plainText, tableCells, visibleLines } from "./markdown-text.js";
import type { Milestone, MilestoneKind } from "./types.js";

// A README is a few kilobytes; past these sizes the input is not a timeline.
const MAX_ROWS = 1000;
const MAX_LINE_LENGTH = 4000;

/**
 * Milestones of a sig-release `releases/release-1.NN/README.md` timeline table (header with
 * What and When). Rows carry no year before 2022, so `yearHint` is the year of the first dated
 * row, and later rows roll into the next year when the month wraps (September to January).
 * Rows that cannot be dated are skipped; never throws.
 */
export function parseReleaseTimeline(markdown: string, release: string, yearHint: number): Milestone[] {
  const milestones: Milestone[] = [];
  let columns: { what: number; when: number } | null = null;
  let year = yearHint;
  let previousMonth: number | undefined;
  let rows = 0;
  for (const line of visibleLines(markdown)) {
    if (!isTableLine(line)) {
      columns = null;
      continue;
    }
    if (line.length > MAX_LINE_LENGTH || rows >= MAX_ROWS) continue;
    const cells = tableCells(line);
    const header = /what/i.test(line) && /when/i.test(line) ? timelineColumns(cells) : null;
    if (header) {
      columns = header;
      continue;
    }
    if (!columns || isDelimiterRow(line)) continue;
    rows += 1;
    const when = parseWhen(cells[columns.when] ?? "");
    const what = plainText(cells[columns.what] ?? "");
    if (!when || what === "") continue;
    if (when.start.year !== undefined) year = when.start.year;
    // Rows are in date order; a jump back by more than half a year is the turn of the year.
    else if (previousMonth !== undefined && when.start.month < previousMonth - 6) year += 1;
    previousMonth = when.start.month;
    const milestone = toMilestone(when, year, what, release);
    if (milestone) milestones.push(milestone);
  }
  return milestones;
}

function timelineColumns(cells: string[]): { what: number; when: number } | null {
  const names = cells.map((cell) => plainText(cell, 200).toLowerCase());
  const what = names.indexOf("what");
  const when = names.indexOf("when");
  return what >= 0 && when >= 0 ? { what, when } : null;
}

function toMilestone(when: WhenCell, year: number, what: string, release: string): Milestone | null {
  const date = isoDate(when.start.year ?? year, when.start.month, when.start.day);
  if (!date) return null;
  const milestone: Milestone = { date, what, kind: milestoneKind(what, release) };
  if (when.end) {
    const endYear = when.end.year ?? (when.end.month < when.start.month ? year + 1 : year);
    const endDate = isoDate(endYear, when.end.month, when.end.day);
    if (endDate && endDate > date) milestone.endDate = endDate;
  }
  return milestone;
}

const LEAD_IN = String.raw`^(?:begin(?:s|ning of)?|start(?:s|ing)?(?: of)?|the)?\s*`;
const FREEZES: ReadonlyArray<[RegExp, MilestoneKind]> = [
  [new RegExp(`${LEAD_IN}enhancements? freeze\\b`), "enhancements-freeze"],
  [new RegExp(`${LEAD_IN}code freeze\\b`), "code-freeze"],
  [new RegExp(`${LEAD_IN}test freeze\\b`), "test-freeze"],
  [new RegExp(`${LEAD_IN}(?:docs?|documentation) freeze\\b`), "docs-deadline"],
];

/**
 * Only rows that start with the freeze's name are the freeze: "Brace Yourself, Code Freeze is
 * Coming" is a reminder, and "1.22.0-beta.1 released" is not the release.
 */
export function milestoneKind(what: string, release = ""): MilestoneKind {
  const text = what.toLowerCase().replace(/\([^()]*\)/g, " ").replace(/\s+/g, " ").trim();
  if (/\b(?:lifted|ends|thaw)\b/.test(text)) return "other";
  for (const [pattern, kind] of FREEZES) if (pattern.test(text)) return kind;
  if (/^(?:begin\s+)?(?:docs?|documentation)\b/.test(text) && /\b(?:deadline|due|complete[ds]?|ready|must)\b/.test(text)) {
    return "docs-deadline";
  }
  if (/\bexceptions?\b/.test(text)) return "exception";
  if (/\b(?:alpha|beta|rc)\b|-(?:alpha|beta|rc)\b|\brc\.?\d/.test(text)) return "other";
  // Another minor's release row (a copied table) is not this cycle's release.
  const version = /^\d+\.\d+$/.test(release) ? release.replace(".", String.raw`\.`) : String.raw`\d+\.\d+`;
  const released = new RegExp(String.raw`^(?:kubernetes\s+)?v?${version}(?:\.0)?\s+(?:is\s+)?released?\b`);
  if (released.test(text) || /^release day\b/.test(text)) return "release";
  return "other";
}
