import releaseDays from "./release-days.json" with { type: "json" };
import { addDays } from "./dates.js";
import { parseReleaseTimeline } from "./timeline.js";
import type { Milestone } from "./types.js";

// Release days of recent minors, as data that a test keeps current; later ones are extrapolated
// at three releases a year.
const RELEASED = new Map<number, string>(Object.entries(releaseDays.days).map(([release, day]) => [Number(release.slice(2)), day]));
const FIRST_KNOWN = Math.min(...RELEASED.keys());
const LAST_KNOWN = Math.max(...RELEASED.keys());
const CADENCE_DAYS = 122;
// A cycle runs about 15 weeks before its release day.
const CYCLE_DAYS = 105;

/** Known or estimated release day of "1.NN"; null for anything that is not a 1.x minor. */
export function expectedReleaseDate(release: string): string | null {
  const match = /^1\.(\d{1,3})$/.exec(release);
  if (!match) return null;
  const minor = Number(match[1]);
  const known = RELEASED.get(minor);
  if (known) return known;
  const anchor = minor > LAST_KNOWN ? LAST_KNOWN : FIRST_KNOWN;
  return addDays(RELEASED.get(anchor) ?? "", (minor - anchor) * CADENCE_DAYS);
}

/**
 * The minors whose READMEs are worth fetching for a week: first the estimate (the first minor
 * released on or after the week's Sunday), then the one before and the one after.
 */
export function candidateReleases(weekEnding: string): string[] {
  let minor = 1;
  while (minor < 999 && (expectedReleaseDate(`1.${minor}`) ?? "") < weekEnding) minor += 1;
  return [minor, minor - 1, minor + 1].filter((value) => value >= 1).map((value) => `1.${value}`);
}

/**
 * Parses a README with the year taken from the release's expected day: the cycle may start in
 * the year before its release (September to December cycles do not, January ones might), so both
 * years are tried and the reading whose release row lands nearest the expected day wins.
 */
export function parseTimelineForRelease(markdown: string, release: string): Milestone[] {
  const expected = expectedReleaseDate(release);
  if (!expected) return [];
  const releaseYear = Number(expected.slice(0, 4));
  const startYear = Number(addDays(expected, -CYCLE_DAYS).slice(0, 4));
  const readings = [...new Set([startYear, releaseYear - 1, releaseYear])].map((year) =>
    parseReleaseTimeline(markdown, release, year),
  );
  let best: Milestone[] = [];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const milestones of readings) {
    const end = cycleEnd(milestones);
    if (!end) continue;
    const distance = Math.abs(Date.parse(end) - Date.parse(expected));
    if (distance < bestDistance) [best, bestDistance] = [milestones, distance];
  }
  return best;
}

/** The release row's day, or the last row's when the table has no release row. */
export function cycleEnd(milestones: readonly Milestone[]): string | null {
  const release = milestones.find((milestone) => milestone.kind === "release");
  if (release) return release.date;
  let last: string | null = null;
  for (const milestone of milestones) if (last === null || milestone.date > last) last = milestone.date;
  return last;
}

export function cycleStart(milestones: readonly Milestone[]): string | null {
  let first: string | null = null;
  for (const milestone of milestones) if (first === null || milestone.date < first) first = milestone.date;
  return first;
}

/**
 * The release whose timeline covers the week (first row ≤ Sunday ≤ release day); otherwise the
 * cycle that started most recently before it, whose deadlines will then read as between releases.
 */
export function pickCurrentRelease(readmes: Readonly<Record<string, string | null>>, weekEnding: string): string | null {
  let covering: { release: string; start: string } | null = null;
  let started: { release: string; start: string } | null = null;
  for (const [release, markdown] of Object.entries(readmes)) {
    if (!markdown) continue;
    const milestones = parseTimelineForRelease(markdown, release);
    const start = cycleStart(milestones);
    const end = cycleEnd(milestones);
    if (!start || !end || start > weekEnding) continue;
    const candidate = { release, start };
    if (weekEnding <= end && (!covering || start > covering.start)) covering = candidate;
    if (!started || start > started.start) started = candidate;
  }
  return (covering ?? started)?.release ?? null;
}
