import { describe, expect, it } from "vitest";
import {
  parsePatchReleasesMarkdown,
  parseWebsiteSchedule,
  patchEventsInComingWeek,
} from "../../../src/context/schedule/index.js";
import { PATCH_RELEASES_2021, WEBSITE_SCHEDULE_2023 } from "./fixtures.js";

describe("parsePatchReleasesMarkdown", () => {
  const events = parsePatchReleasesMarkdown(PATCH_RELEASES_2021);

  it("reads the monthly and per-branch tables, not the end-of-life one", () => {
    expect(events).toHaveLength(17);
    expect(events.slice(0, 2)).toEqual([
      { kind: "cherry-pick-deadline", date: "2021-07-10", releases: [], pairedDate: "2021-07-14" },
      { kind: "patch-release", date: "2021-07-14", releases: [], pairedDate: "2021-07-10" },
    ]);
    expect(events).toContainEqual({ kind: "cherry-pick-deadline", date: "2021-07-10", releases: ["1.19.13"], pairedDate: "2021-07-14" });
    // "N/A" is no deadline: the release has no other date to name.
    expect(events).toContainEqual({ kind: "patch-release", date: "2021-02-17", releases: ["1.19.8"] });
    expect(events.some((event) => event.releases.includes("1.18.20"))).toBe(false);
  });

  it("never throws on garbage", () => {
    for (const text of ["", "|", "| Patch Release | Target |\n|---|---|\n| 1.2.3 | 2021-02-30 |", "| patch release |\n".repeat(1000)]) {
      expect(() => parsePatchReleasesMarkdown(text)).not.toThrow();
    }
    expect(parsePatchReleasesMarkdown("| Patch Release | Target date |\n|---|---|\n| X.Y.ZZZ | 2021-02-03 |\n| 1.2.3 | 2021-02-30 |")).toEqual([]);
  });
});

describe("parseWebsiteSchedule", () => {
  it("reads next (block and flow forms), previous patches and upcoming releases", () => {
    expect(parseWebsiteSchedule(WEBSITE_SCHEDULE_2023)).toEqual([
      { kind: "cherry-pick-deadline", date: "2023-07-14", releases: ["1.27.4"], pairedDate: "2023-07-19" },
      { kind: "patch-release", date: "2023-07-19", releases: ["1.27.4"], pairedDate: "2023-07-14" },
      { kind: "cherry-pick-deadline", date: "2023-06-09", releases: ["1.27.3"], pairedDate: "2023-06-14" },
      { kind: "patch-release", date: "2023-06-14", releases: ["1.27.3"], pairedDate: "2023-06-09" },
      { kind: "patch-release", date: "2023-04-14", releases: ["1.27.1"] },
      { kind: "cherry-pick-deadline", date: "2023-07-14", releases: ["1.26.7"], pairedDate: "2023-07-19" },
      { kind: "patch-release", date: "2023-07-19", releases: ["1.26.7"], pairedDate: "2023-07-14" },
      { kind: "cherry-pick-deadline", date: "2023-06-09", releases: ["1.26.6"], pairedDate: "2023-06-14" },
      { kind: "patch-release", date: "2023-06-14", releases: ["1.26.6"], pairedDate: "2023-06-09" },
      { kind: "cherry-pick-deadline", date: "2023-07-14", releases: [], pairedDate: "2023-07-19" },
      { kind: "patch-release", date: "2023-07-19", releases: [], pairedDate: "2023-07-14" },
      { kind: "cherry-pick-deadline", date: "2023-08-04", releases: [], pairedDate: "2023-08-09" },
      { kind: "patch-release", date: "2023-08-09", releases: [], pairedDate: "2023-08-04" },
    ]);
  });

  it("never throws on garbage", () => {
    for (const text of ["", ":", "- - -", "next: {", "next: { release: }", "\t- release: 1.2.3\n\ttargetDate: x", "a:\n".repeat(10_000)]) {
      expect(() => parseWebsiteSchedule(text)).not.toThrow();
    }
  });
});

describe("patchEventsInComingWeek", () => {
  const events = parsePatchReleasesMarkdown(PATCH_RELEASES_2021);

  it("merges the branches' cherry-pick deadline of the coming week into one sentence", () => {
    expect(patchEventsInComingWeek(events, "2021-07-04")).toEqual([
      {
        kind: "cherry-pick-deadline",
        date: "2021-07-10",
        releases: ["1.21.3", "1.20.9", "1.19.13"],
        pairedDate: "2021-07-14",
        text: "Cherry-picks for the next patch releases (1.21.3, 1.20.9, 1.19.13, due Wednesday, July 14) are due Saturday, July 10",
      },
    ]);
  });

  it("names the patch releases due the week after, with the cherry-pick deadline they had", () => {
    expect(patchEventsInComingWeek(events, "2021-07-11").map((event) => event.text)).toEqual([
      "Patch releases 1.21.3, 1.20.9 and 1.19.13 are due Wednesday, July 14; their cherry-pick deadline was Saturday, July 10",
    ]);
  });

  it("says a deadline and its releases in the same week once, in the releases' sentence", () => {
    const sameWeek = [
      { kind: "cherry-pick-deadline" as const, date: "2021-07-12", releases: ["1.21.3"], pairedDate: "2021-07-14" },
      { kind: "patch-release" as const, date: "2021-07-14", releases: ["1.21.3"], pairedDate: "2021-07-12" },
      { kind: "cherry-pick-deadline" as const, date: "2021-07-12", releases: ["1.20.9"], pairedDate: "2021-07-14" },
      { kind: "patch-release" as const, date: "2021-07-14", releases: ["1.20.9"], pairedDate: "2021-07-12" },
    ];
    expect(patchEventsInComingWeek(sameWeek, "2021-07-11").map((event) => event.text)).toEqual([
      "Patch releases 1.21.3 and 1.20.9 are due Wednesday, July 14, with cherry-picks due Monday, July 12",
    ]);
    // Rows that disagree on the deadline keep both sentences, each without the other date.
    const disagreeing = [...sameWeek, { kind: "patch-release" as const, date: "2021-07-14", releases: ["1.19.13"], pairedDate: "2021-07-09" }];
    expect(patchEventsInComingWeek(disagreeing, "2021-07-11").map((event) => event.text)).toEqual([
      "Cherry-picks for the next patch releases (1.21.3, 1.20.9, due Wednesday, July 14) are due Monday, July 12",
      "Patch releases 1.21.3, 1.20.9 and 1.19.13 are due Wednesday, July 14",
    ]);
  });

  it("covers Monday to Sunday, both included, and says what it can without versions", () => {
    const monthly = [
      { kind: "cherry-pick-deadline" as const, date: "2023-08-07", releases: [] },
      { kind: "patch-release" as const, date: "2023-08-13", releases: ["1.27.5"] },
      { kind: "patch-release" as const, date: "2023-08-14", releases: ["1.26.8"] },
    ];
    expect(patchEventsInComingWeek(monthly, "2023-08-06").map((event) => event.text)).toEqual([
      "Cherry-picks for the next patch releases are due Monday, August 7",
      "Patch release 1.27.5 is due Sunday, August 13",
    ]);
    expect(patchEventsInComingWeek(parseWebsiteSchedule(WEBSITE_SCHEDULE_2023), "2023-07-09").map((event) => event.text)).toEqual([
      "Cherry-picks for the next patch releases (1.27.4, 1.26.7, due Wednesday, July 19) are due Friday, July 14",
    ]);
  });
});
