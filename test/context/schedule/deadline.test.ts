import { describe, expect, it } from "vitest";
import { milestoneLabel, milestonesInComingWeek, nextDeadline, parseReleaseTimeline, type Milestone } from "../../../src/context/schedule/index.js";
import { README_1_22, README_1_30_EXCERPT } from "./fixtures.js";

const milestones = parseReleaseTimeline(README_1_22, "1.22", 2021);

describe("nextDeadline", () => {
  it("gives Code Freeze for the week ending July 4, 2021, as the editors wrote it (\"July 8th\")", () => {
    expect(nextDeadline(milestones, "2021-07-04")).toEqual({ text: "Code Freeze, July 8th", date: "2021-07-08" });
  });

  it.each([
    ["2021-05-09", "Enhancements Freeze, May 13th"],
    ["2021-06-27", "Code Freeze, July 8th"],
    ["2021-07-11", "Test Freeze, July 15th"],
    ["2021-07-18", "Docs deadline - PRs ready for review, July 20th"],
    ["2021-08-01", "v1.22.0 release, August 4th"],
  ])("week ending %s: %s", (weekEnding, text) => {
    expect(nextDeadline(milestones, weekEnding)).toMatchObject({ text });
  });

  it("passes over the call for exceptions, as the editors did for the week ending 2024-02-25", () => {
    const milestones130 = parseReleaseTimeline(README_1_30_EXCERPT, "1.30", 2024);
    expect(nextDeadline(milestones130, "2024-02-25")).toEqual({ text: "Code Freeze, March 5th", date: "2024-03-05" });
  });

  it("is between releases after the release and before the timeline starts", () => {
    expect(nextDeadline(milestones, "2021-08-08")).toEqual({ betweenReleases: true });
    expect(nextDeadline(milestones, "2021-08-22")).toEqual({ betweenReleases: true });
    expect(nextDeadline(milestones, "2021-04-25")).toEqual({ betweenReleases: true });
    expect(nextDeadline([], "2021-07-04")).toEqual({ betweenReleases: true });
  });

  it("counts only milestones strictly after the Sunday", () => {
    const onSunday: Milestone[] = [
      { date: "2021-07-01", what: "Start", kind: "other" },
      { date: "2021-07-04", what: "Code Freeze", kind: "code-freeze" },
      { date: "2021-07-05", what: "Test Freeze", kind: "test-freeze" },
    ];
    expect(nextDeadline(onSunday, "2021-07-04")).toEqual({ text: "Test Freeze, July 5th", date: "2021-07-05" });
  });

  it("escapes a hostile row name", () => {
    const hostile: Milestone[] = [
      { date: "2021-04-26", what: "Start of Release Cycle", kind: "other" },
      { date: "2021-07-08", what: "Begin Code Freeze <img src=x> {{ site }}", kind: "code-freeze" },
    ];
    expect(nextDeadline(hostile, "2021-07-04")).toEqual({
      text: "Code Freeze &lt;img src=x&gt; &#123;&#123; site &#125;&#125;, July 8th",
      date: "2021-07-08",
    });
  });
});

describe("milestoneLabel and milestonesInComingWeek", () => {
  it("names rows the way the editors do", () => {
    expect(milestones.map(milestoneLabel).slice(8, 11)).toEqual([
      "1.22.0-beta.1 release",
      "Code Freeze",
      "Docs deadline - Open placeholder PRs",
    ]);
  });

  it("lists the Monday..Sunday after the week, in date order", () => {
    expect(milestonesInComingWeek(milestones, "2021-07-04").map((m) => m.date)).toEqual(["2021-07-08", "2021-07-08", "2021-07-09"]);
    expect(milestonesInComingWeek(milestones, "2021-08-08")).toEqual([]);
  });

  it("lists a day's freezes and deadlines after its releases, whichever row comes first", () => {
    const rows = (first: string, second: string) =>
      parseReleaseTimeline(
        `| **What** | **Who** | **When** |\n| --- | --- | --- |\n${first}\n${second}\n| Docs deadline - Open placeholder PRs | Docs Lead | Fri July 9 |\n`,
        "1.22",
        2021,
      );
    const freeze = "| **Begin [Code Freeze]** (18:00 PDT) | Branch Manager | Thur July 8 |";
    const beta = "| 1.22.0-beta.1 released | Branch Manager | Thu July 8 |";
    const expected = ["1.22.0-beta.1 release", "Code Freeze", "Docs deadline - Open placeholder PRs"];
    expect(milestonesInComingWeek(rows(freeze, beta), "2021-07-04").map(milestoneLabel)).toEqual(expected);
    expect(milestonesInComingWeek(rows(beta, freeze), "2021-07-04").map(milestoneLabel)).toEqual(expected);
  });
});
