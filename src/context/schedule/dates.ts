import { format } from "date-fns";
import { calendarDate } from "../../week.js";
import { plainText } from "./markdown-text.js";

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

export interface DayOfYear {
  month: number;
  day: number;
  /** Only when the cell spells it out; timelines before 2022 never do. */
  year?: number;
}

export interface WhenCell {
  start: DayOfYear;
  end?: DayOfYear;
}

type Partial = { month?: number; day?: number; year?: number };

// Words and numbers one at a time; times ("18:00") are removed before, or they would read as days.
const TOKEN = /(\d{4})-(\d{2})-(\d{2})|(\d+)(?:st|nd|rd|th)?|([a-z]+)|([-–—])/gi;
const RANGE_WORDS = new Set(["to", "through", "until", "till"]);
const MAX_TOKENS = 64;

/**
 * Reads a "When" cell: `Thur July 8`, `Mon May 3 - Fri May 7`, `May 3-7`, `Monday 5th September 2022`,
 * `Tuesday 19th - Friday 22nd March 2024`, `October 24-28 2022`, `2021-07-08`, or the 2022+ form
 * `[01:00 UTC Friday 7th October 2022 / 18:00 PDT Thursday 6th October 2022](…)`, where the Pacific
 * date is the one the release team and the editors go by. Null when no day and month are found.
 */
export function parseWhen(cell: string): WhenCell | null {
  let text = plainText(cell).replace(/\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?/gi, " ");
  const zones = text.split(/\s\/\s/);
  if (zones.length > 1) text = zones.find((zone) => /\bP[DS]?T\b/.test(zone)) ?? zones[0] ?? "";
  const parts: Partial[] = [{}];
  let tokens = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (++tokens > MAX_TOKENS) break;
    const current = parts[parts.length - 1] as Partial;
    const [, isoYear, isoMonth, isoDay, digits, word, dash] = match;
    const separator = dash !== undefined || (word !== undefined && RANGE_WORDS.has(word.toLowerCase()));
    if (separator) {
      if (current.day === undefined && current.month === undefined) continue;
      if (parts.length === 2) break;
      parts.push({});
    } else if (isoYear !== undefined) {
      if (current.day !== undefined) break;
      Object.assign(current, { year: Number(isoYear), month: Number(isoMonth), day: Number(isoDay) });
    } else if (digits !== undefined) {
      const value = Number(digits);
      if (digits.length === 4) current.year ??= value;
      else if (value >= 1 && value <= 31 && current.day === undefined) current.day = value;
    } else if (word !== undefined) {
      const month = MONTHS[word.toLowerCase()];
      if (month !== undefined && current.month === undefined) current.month = month;
    }
  }
  return resolveRange(parts[0] as Partial, parts[1]);
}

function resolveRange(first: Partial, second: Partial | undefined): WhenCell | null {
  const startMonth = first.month ?? second?.month;
  if (first.day === undefined || startMonth === undefined) return null;
  const start: DayOfYear = { month: startMonth, day: first.day };
  const startYear = first.year ?? second?.year;
  if (startYear !== undefined) start.year = startYear;
  if (second?.day === undefined) return { start };
  const end: DayOfYear = { month: second.month ?? startMonth, day: second.day };
  const endYear = second.year ?? (startYear !== undefined && end.month < start.month ? startYear + 1 : startYear);
  if (endYear !== undefined) end.year = endYear;
  return { start, end };
}

/** YYYY-MM-DD, or null when the day does not exist (February 30). */
export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export function addDays(isoDay: string, days: number): string {
  const time = Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`);
  return new Date(time + days * 86_400_000).toISOString().slice(0, 10);
}

export function isIsoDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isoDate(Number(match[1]), Number(match[2]), Number(match[3])) === text;
}

/**
 * "July 8th", as the editors write a Next Deadline ("Code Freeze, July 8th", "Exceptions Due,
 * October 31st"): built through calendarDate so the day does not shift with the machine's timezone.
 */
export function monthDay(isoDay: string): string {
  return format(calendarDate(isoDay), "MMMM do");
}

/** "Saturday, July 10". */
export function weekdayMonthDay(isoDay: string): string {
  return format(calendarDate(isoDay), "EEEE, MMMM d");
}
