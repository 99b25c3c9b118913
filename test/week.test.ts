import { describe, expect, it } from "vitest";
import { UsageError } from "../src/errors.js";
import { extendThrough, isInWeek, resolveWeek, windowKey } from "../src/week.js";

const monday = new Date("2021-07-05T03:00:00Z");

describe("resolveWeek", () => {
  it("turns a Sunday into the Monday..Sunday UTC window", () => {
    expect(resolveWeek("2021-07-04", monday)).toEqual({
      week: { ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" },
    });
  });

  it("uses the week that contains any other day and says so", () => {
    expect(resolveWeek("2021-06-30", monday)).toEqual({
      week: { ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" },
      note: "2021-06-30 is not a Sunday: using the week 2021-06-28 to 2021-07-04",
    });
    expect(resolveWeek("2021-06-28", monday).week.ending).toBe("2021-07-04");
  });

  it("takes every day from the Monday of Kubernetes's first week to the last Sunday that has ended", () => {
    expect(resolveWeek("2014-06-02", monday).week).toEqual({ ending: "2014-06-08", from: "2014-06-02T00:00:00Z", to: "2014-06-08T23:59:59Z" });
    expect(resolveWeek("2021-07-04", new Date("2021-07-05T00:00:00Z")).week.ending).toBe("2021-07-04");
  });

  it('"last" is the most recent week that has ended', () => {
    expect(resolveWeek("last", monday).week.ending).toBe("2021-07-04");
    expect(resolveWeek("last", new Date("2021-07-04T23:00:00Z")).week.ending).toBe("2021-06-27");
    expect(resolveWeek("last", new Date("2021-07-10T12:00:00Z")).week.ending).toBe("2021-07-04");
  });

  it.each([
    ["2021-02-30", "--week 2021-02-30 is not a calendar date: use an existing YYYY-MM-DD date"],
    ["2021-13-01", "--week 2021-13-01 is not a calendar date: use an existing YYYY-MM-DD date"],
    ["yesterday", '--week "yesterday" is not a date: use YYYY-MM-DD (the Sunday that ends the week) or "last"'],
    ["2021-7-4", '--week "2021-7-4" is not a date: use YYYY-MM-DD (the Sunday that ends the week) or "last"'],
    ["2021-07-05", '--week 2021-07-05: the week ending 2021-07-11 has not ended yet; use a date from 2014-06-02 to 2021-07-04, or "last"'],
    ["2021-07-11", '--week 2021-07-11 is in the future: use a date from 2014-06-02 to 2021-07-04, or "last"'],
    ["9999-12-27", '--week 9999-12-27 is in the future: use a date from 2014-06-02 to 2021-07-04, or "last"'],
    ["0001-01-07", '--week 0001-01-07 is before Kubernetes began (June 2014): use a date from 2014-06-02 to 2021-07-04, or "last"'],
    ["2014-06-01", '--week 2014-06-01 is before Kubernetes began (June 2014): use a date from 2014-06-02 to 2021-07-04, or "last"'],
  ])("rejects %s as a usage error", (value, message) => {
    expect(() => resolveWeek(value, monday)).toThrow(new UsageError(message));
  });
});

describe("isInWeek", () => {
  const { week } = resolveWeek("2021-07-04", monday);
  it("includes both ends of the window and nothing outside it", () => {
    expect(isInWeek("2021-06-28T00:00:00Z", week)).toBe(true);
    expect(isInWeek("2021-07-04T23:59:59Z", week)).toBe(true);
    expect(isInWeek("2021-06-27T23:59:59Z", week)).toBe(false);
    expect(isInWeek("2021-07-05T00:00:00Z", week)).toBe(false);
  });
});

describe("extendThrough", () => {
  const { week } = resolveWeek("2021-07-04", monday);
  const tuesday = new Date("2021-07-06T09:00:00Z");

  it("moves the window's end to the end of the day given and keeps the Sunday as the week's ending", () => {
    expect(extendThrough(week, "2021-07-06", tuesday)).toEqual({ ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-06T23:59:59Z" });
    expect(extendThrough(week, "2021-07-04", tuesday)).toEqual(week);
  });

  it("runs at most 14 days past the Sunday, however long ago the week was", () => {
    const later = new Date("2026-11-30T12:00:00Z");
    expect(extendThrough(week, "2021-07-11", later).to).toBe("2021-07-11T23:59:59Z");
    expect(() => extendThrough(week, "2026-11-30", later)).toThrow(
      new UsageError("--through 2026-11-30 is more than 14 days after the week's Sunday 2021-07-04: use a day from 2021-07-04 to 2021-07-18, the day the post goes out"),
    );
    expect(() => extendThrough(week, "2021-07-19", later)).toThrow(/^--through 2021-07-19 is more than 14 days after/);
  });

  it("names the longer window apart from the plain week for the cache", () => {
    expect(windowKey(week)).toBe("2021-07-04");
    expect(windowKey(extendThrough(week, "2021-07-04", tuesday))).toBe("2021-07-04");
    expect(windowKey(extendThrough(week, "2021-07-06", tuesday))).toBe("2021-07-04-through-2021-07-06");
  });

  it.each([
    ["2021-07-03", "--through 2021-07-03 is before the week's Sunday 2021-07-04: use 2021-07-04 or a later day, or add the --week of the post it ends"],
    ["2021-07-07", "--through 2021-07-07 is in the future: use today (2021-07-06) or an earlier day"],
    ["2021-07-19", "--through 2021-07-19 is more than 14 days after the week's Sunday 2021-07-04: use a day from 2021-07-04 to 2021-07-06, the day the post goes out"],
    ["2021-02-30", "--through 2021-02-30 is not a calendar date: use an existing YYYY-MM-DD date"],
    ["7/6", '--through "7/6" is not a date: use YYYY-MM-DD, the week\'s Sunday (2021-07-04) or a later day'],
  ])("rejects %s as a usage error", (value, message) => {
    expect(() => extendThrough(week, value, tuesday)).toThrow(new UsageError(message));
  });
});
