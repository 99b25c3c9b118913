import { UsageError } from "./errors.js";
import type { Week } from "./types.js";

const DAY_MS = 24 * 60 * 60 * 1000;

// kubernetes/kubernetes's first commit is dated 2014-06-06: no earlier week has a merge to draft,
// and a date before it is a typo (a year or a century off).
const FIRST_WEEK_MONDAY = "2014-06-02";

// Editors publish two or three days after the Sunday, and a holiday issue that covers two weeks a
// few days after the second Sunday; a window of months or years is a typo that would cost a
// search of every PR merged in it.
const MAX_THROUGH_DAYS = 14;

export interface ResolvedWeek {
  week: Week;
  /** Set when the given day was not a Sunday, so the CLI can say which week it used. */
  note?: string;
}

/**
 * Turns `--week` into the Monday..Sunday UTC window. `now` is passed in so that "last" and the
 * "has not ended yet" check are testable.
 */
export function resolveWeek(value: string, now: Date): ResolvedWeek {
  // "Last" and "LAST" too: the word is a name, not a date, and its case carries nothing.
  const last = weekEnding(lastEndedSunday(now));
  if (value.toLowerCase() === "last") return { week: last };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new UsageError(`--week "${value}" is not a date: use YYYY-MM-DD (the Sunday that ends the week) or "last"`);
  }
  if (!isCalendarDate(value)) {
    throw new UsageError(`--week ${value} is not a calendar date: use an existing YYYY-MM-DD date`);
  }
  const range = `use a date from ${FIRST_WEEK_MONDAY} to ${last.ending}, or "last"`;
  if (value < FIRST_WEEK_MONDAY) throw new UsageError(`--week ${value} is before Kubernetes began (June 2014): ${range}`);
  // Compared as text, before any date arithmetic: a Sunday past 9999 prints as "+010000-01-02".
  if (value > isoDay(now)) throw new UsageError(`--week ${value} is in the future: ${range}`);
  const day = new Date(`${value}T00:00:00Z`);
  const weekday = day.getUTCDay();
  const sunday = new Date(day.getTime() + ((7 - weekday) % 7) * DAY_MS);
  const week = weekEnding(sunday);
  if (new Date(week.to).getTime() >= now.getTime()) {
    throw new UsageError(`--week ${value}: the week ending ${week.ending} has not ended yet; ${range}`);
  }
  return weekday === 0 ? { week } : { week, note: `${value} is not a Sunday: using the week ${week.from.slice(0, 10)} to ${week.ending}` };
}

/**
 * `--through DATE`: editors publish two or three days after the Sunday and include what merged
 * until then, so the window's end moves to the end of that day while `ending` (title, slug) stays.
 */
export function extendThrough(week: Week, value: string, now: Date): Week {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new UsageError(`--through "${value}" is not a date: use YYYY-MM-DD, the week's Sunday (${week.ending}) or a later day`);
  }
  if (!isCalendarDate(value)) {
    throw new UsageError(`--through ${value} is not a calendar date: use an existing YYYY-MM-DD date`);
  }
  if (value < week.ending) {
    // Without --week the week is the last one ended: a --through for an older post needs its --week.
    throw new UsageError(`--through ${value} is before the week's Sunday ${week.ending}: use ${week.ending} or a later day, or add the --week of the post it ends`);
  }
  const today = isoDay(now);
  const latest = addDays(week.ending, MAX_THROUGH_DAYS);
  if (value > latest) {
    const last = latest < today ? latest : today;
    throw new UsageError(
      `--through ${value} is more than ${MAX_THROUGH_DAYS} days after the week's Sunday ${week.ending}: use a day from ${week.ending} to ${last}, the day the post goes out`,
    );
  }
  if (value > today) {
    throw new UsageError(`--through ${value} is in the future: use today (${today}) or an earlier day`);
  }
  return { ...week, to: `${value}T23:59:59Z` };
}

/**
 * A front matter date, "YYYY-MM-DD HH:MM:SS +HHMM" (Jekyll's form), as the same moment in UTC,
 * "YYYY-MM-DD HH:MM:SS", since weeks begin at midnight UTC; a bare YYYY-MM-DD stays as written.
 * Null for any other text.
 */
export function frontMatterUtc(value: string): string | null {
  if (DATE_ONLY.test(value)) return value;
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2})$/.exec(value);
  if (!match) return null;
  const time = Date.parse(`${match[1]}T${match[2]}${match[3]}:${match[4]}`);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 19).replace("T", " ");
}

/** Whether the window runs past the week's Sunday (`--through`). */
export function isExtended(week: Week): boolean {
  return week.to !== `${week.ending}T23:59:59Z`;
}

/**
 * Names the window for the cache: a window extended with --through holds more PRs than the plain
 * week, so the two must never be served for each other.
 */
export function windowKey(week: Week): string {
  return isExtended(week) ? `${week.ending}-through-${week.to.slice(0, 10)}` : week.ending;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A round trip through a UTC Date rejects 2021-02-30, which Date rolls over to March. date-fns'
 * parse() would do the same and bring its 30 token parsers into every start.
 */
export function isCalendarDate(value: string): boolean {
  if (!DATE_ONLY.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

function utcMidnight(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** The UTC day of a time, YYYY-MM-DD. */
function isoDay(date: Date): string {
  return utcMidnight(date).toISOString().slice(0, 10);
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Sunday of the most recent week that has ended; on a Sunday that week is still running, so the one before. */
function lastEndedSunday(now: Date): Date {
  const today = utcMidnight(now);
  const daysSinceSunday = today.getUTCDay();
  return new Date(today.getTime() - (daysSinceSunday === 0 ? 7 : daysSinceSunday) * DAY_MS);
}

function weekEnding(sunday: Date): Week {
  const ending = sunday.toISOString().slice(0, 10);
  const monday = new Date(sunday.getTime() - 6 * DAY_MS).toISOString().slice(0, 10);
  return { ending, from: `${monday}T00:00:00Z`, to: `${ending}T23:59:59Z` };
}

/**
 * Whether a time falls inside a window, both ends included: the end's whole second (GitHub gives
 * seconds, other feeds milliseconds), and a YYYY-MM-DD end its whole UTC day. A bare date to test
 * counts as its noon, so a tag dated only by day stays in its own week. False when unreadable.
 */
export function isInWeek(timestamp: string | null, window: { from: string; to: string }): boolean {
  if (!timestamp) return false;
  return isTimeIn(readTime(timestamp), window);
}

/** `isInWeek`, but true for a time that cannot be read, for callers that would rather keep an item than lose it. */
export function isInWeekOrUnreadable(timestamp: string, window: { from: string; to: string }): boolean {
  // Read once: a bare date reads as its noon, and is unreadable exactly when it is as written.
  const time = readTime(timestamp);
  return Number.isNaN(time) || isTimeIn(time, window);
}

/** A bare date to test counts as its noon; NaN when unreadable. */
function readTime(timestamp: string): number {
  return Date.parse(DATE_ONLY.test(timestamp) ? `${timestamp}T12:00:00Z` : timestamp);
}

function isTimeIn(time: number, window: { from: string; to: string }): boolean {
  const [from, endExclusive] = windowBounds(window);
  return time >= from && time < endExclusive;
}

// A week of tens of thousands of PRs asks about the same window once per PR: its ends are read
// once per window, and again only if the window's text changed.
const BOUNDS = new WeakMap<object, { from: string; to: string; bounds: readonly [number, number] }>();

function windowBounds(window: { from: string; to: string }): readonly [number, number] {
  const known = BOUNDS.get(window);
  if (known && known.from === window.from && known.to === window.to) return known.bounds;
  const from = Date.parse(DATE_ONLY.test(window.from) ? `${window.from}T00:00:00Z` : window.from);
  const to = Date.parse(DATE_ONLY.test(window.to) ? `${window.to}T23:59:59Z` : window.to);
  const bounds = [from, Math.floor(to / 1000) * 1000 + 1000] as const;
  BOUNDS.set(window, { from: window.from, to: window.to, bounds });
  return bounds;
}

/** Local calendar date for a YYYY-MM-DD string, so date-fns formats the same day in any timezone. */
export function calendarDate(isoDate: string): Date {
  const [year, month, day] = isoDate.slice(0, 10).split("-").map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

