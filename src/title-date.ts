import { format, isValid, parse } from "date-fns";
import { calendarDate } from "./week.js";

/**
 * The date in a post's title ("Week Ending July 4, 2021"): how the template writes it and how
 * `lint` reads it back, with the same date-fns pattern (config `titleDateFormat`).
 */
export const DEFAULT_TITLE_DATE_FORMAT = "MMMM d, yyyy";

/** What the default template puts before the date. */
export const TITLE_PREFIX = "Week Ending ";

/** Sundays that any usable pattern writes differently: two of the same month, one of another. */
const PROBE_SUNDAYS = ["2021-07-04", "2021-07-11", "2021-04-04"];

/** The parts of a pattern outside its quoted literals ('...', with '' for a quote). */
function unquoted(pattern: string): string {
  return pattern.replace(/'(?:[^']|'')*'?/g, "");
}

/**
 * Why date-fns cannot format with a pattern, or null when it can. Never prints: date-fns warns on
 * the console before it throws for the week-year and day-of-year tokens, so those are caught first.
 */
export function datePatternProblem(pattern: string): string | null {
  const protectedToken = unquoted(pattern).match(/Y+|D+/)?.[0];
  if (protectedToken !== undefined) {
    // "Do" is moment.js's "4th"; date-fns writes it "do".
    const ordinal = protectedToken === "D" && /D(?=o)/.test(unquoted(pattern));
    const meant = protectedToken.startsWith("Y") ? "yyyy for the year" : ordinal ? "do for the day with its ending (4th)" : "d for the day of the month";
    return `"${protectedToken}" is the ${protectedToken.startsWith("Y") ? "week-numbering year" : "day of the year"} in date-fns; use ${meant} (e.g. "${DEFAULT_TITLE_DATE_FORMAT}")`;
  }
  try {
    format(calendarDate(PROBE_SUNDAYS[0] as string), pattern);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split(/[;\n]/)[0]?.trim() ?? "";
    return `not a date-fns pattern (${reason}); quote words in '...', e.g. "${DEFAULT_TITLE_DATE_FORMAT}"`;
  }
  return null;
}

/**
 * Why a date-fns pattern cannot be the title's, or null when it can: it must format without an
 * error, tell the weeks apart and read back as the day it wrote.
 */
export function titleDateFormatProblem(pattern: string): string | null {
  const problem = datePatternProblem(pattern);
  if (problem !== null) return problem;
  const written = PROBE_SUNDAYS.map((day) => format(calendarDate(day), pattern));
  // The title stands unquoted in the front matter and in Liquid's reach: what the pattern writes
  // must not end the YAML value or open a tag there.
  const unsafe = written.find((text) => /[:#{}%"'\n\r[\]&*!|>@`]/.test(text));
  if (unsafe !== undefined) {
    return `${JSON.stringify(pattern)} writes ${JSON.stringify(unsafe)}, with a character the post's front matter or Liquid would read; use letters, digits, spaces, "," "." "/" and "-", e.g. "${DEFAULT_TITLE_DATE_FORMAT}"`;
  }
  if (new Set(written).size < written.length) {
    return `${JSON.stringify(pattern)} gives ${written.map((text) => JSON.stringify(text)).join(", ")} for ${PROBE_SUNDAYS.join(", ")}: it must name the day and the month, e.g. "${DEFAULT_TITLE_DATE_FORMAT}"`;
  }
  const unread = PROBE_SUNDAYS.find((day, index) => readTitleDate(written[index] as string, pattern, day) !== day);
  if (unread !== undefined) {
    return `${JSON.stringify(pattern)} writes ${unread} as "${written[PROBE_SUNDAYS.indexOf(unread)]}", which cannot be read back as that day; use day, month and year tokens, e.g. "${DEFAULT_TITLE_DATE_FORMAT}"`;
  }
  return null;
}

/** The title's date for a given day (`YYYY-MM-DD`); the pattern must have passed titleDateFormatProblem. */
export function formatTitleDate(day: string, pattern: string): string {
  return format(calendarDate(day), pattern);
}

/**
 * The day (`YYYY-MM-DD`) a title's date names, read with the pattern; null when it is not one.
 * A part the pattern lacks (the year) is taken from `near`, a `YYYY-MM-DD` day.
 */
export function readTitleDate(text: string, pattern: string, near: string): string | null {
  let parsed: Date;
  try {
    parsed = parse(text, pattern, calendarDate(near));
  } catch {
    return null;
  }
  if (!isValid(parsed)) return null;
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}
