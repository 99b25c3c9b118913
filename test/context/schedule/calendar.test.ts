import { describe, expect, it } from "vitest";
import {
  candidateReleases,
  expectedReleaseDate,
  parseTimelineForRelease,
  pickCurrentRelease,
} from "../../../src/context/schedule/index.js";
import { addDays } from "../../../src/context/schedule/dates.js";
import releaseDays from "../../../src/context/schedule/release-days.json" with { type: "json" };
import { README_1_22, README_1_23, README_WRAPPING } from "./fixtures.js";

describe("candidateReleases", () => {
  it.each([
    ["2021-07-04", ["1.22", "1.21", "1.23"]],
    ["2021-08-08", ["1.23", "1.22", "1.24"]],
    ["2021-08-01", ["1.22", "1.21", "1.23"]],
    ["2024-02-25", ["1.30", "1.29", "1.31"]],
    ["2026-03-01", ["1.36", "1.35", "1.37"]],
  ])("week ending %s: %j", (weekEnding, candidates) => {
    expect(candidateReleases(weekEnding)).toEqual(candidates);
  });

  it("knows the release days and extrapolates after the last one known", () => {
    expect(expectedReleaseDate("1.22")).toBe("2021-08-04");
    expect(expectedReleaseDate("1.35")).toBe("2025-12-17");
    expect(expectedReleaseDate("1.39")).toBe("2027-04-17");
    expect(expectedReleaseDate("2.0")).toBeNull();
    expect(expectedReleaseDate("1.22; rm")).toBeNull();
  });
});

describe("the release-day table", () => {
  const days = Object.entries(releaseDays.days);

  it("lists every minor in order, about four months apart", () => {
    days.forEach(([release, day], index) => {
      expect(release).toBe(`1.${20 + index}`);
      expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const previous = days[index - 1]?.[1];
      if (previous) expect((Date.parse(day) - Date.parse(previous)) / 86_400_000).toSatisfy((gap: number) => gap >= 90 && gap <= 160);
    });
  });

  it("reaches the cycle in progress: a month after the last day listed, add the next minor", () => {
    const last = days.at(-1)?.[1] ?? "";
    expect(new Date().toISOString().slice(0, 10) <= addDays(last, 30), `release-days.json ends at ${last}`).toBe(true);
  });
});

describe("parseTimelineForRelease", () => {
  it("finds the year of a cycle that wraps into January", () => {
    const milestones = parseTimelineForRelease(README_WRAPPING, "1.20");
    expect([milestones[0]?.date, milestones.at(-1)?.date]).toEqual(["2020-09-14", "2021-01-12"]);
  });

  it("finds the year of a January-to-April cycle", () => {
    const table = "| What | When |\n|---|---|\n| Start of Release Cycle | Mon Jan 9 |\n| v1.27.0 released | Tue April 11 |\n";
    expect(parseTimelineForRelease(table, "1.27").map((m) => m.date)).toEqual(["2023-01-09", "2023-04-11"]);
  });
});

describe("pickCurrentRelease", () => {
  const readmes = { "1.22": README_1_22, "1.21": null, "1.23": README_1_23 };

  it("takes the timeline that covers the week", () => {
    expect(pickCurrentRelease(readmes, "2021-07-04")).toBe("1.22");
    expect(pickCurrentRelease(readmes, "2021-08-01")).toBe("1.22");
    expect(pickCurrentRelease(readmes, "2021-08-29")).toBe("1.23");
  });

  it("falls back to the cycle that started last when none covers the week", () => {
    expect(pickCurrentRelease(readmes, "2021-08-08")).toBe("1.22");
    expect(pickCurrentRelease({ "1.22": README_1_22 }, "2021-12-26")).toBe("1.22");
  });

  it("is null when no cycle has started or nothing could be read", () => {
    expect(pickCurrentRelease(readmes, "2021-04-18")).toBeNull();
    expect(pickCurrentRelease({ "1.22": null, "1.23": "# TBD" }, "2021-07-04")).toBeNull();
    expect(pickCurrentRelease({}, "2021-07-04")).toBeNull();
  });
});
