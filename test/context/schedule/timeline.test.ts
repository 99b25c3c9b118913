import { describe, expect, it } from "vitest";
import { milestoneKind, parseReleaseTimeline } from "../../../src/context/schedule/index.js";
import { README_1_22, README_1_30_EXCERPT, README_WRAPPING } from "./fixtures.js";

describe("parseReleaseTimeline", () => {
  const milestones = parseReleaseTimeline(README_1_22, "1.22", 2021);

  it("reads every dated row of the 1.22 table, with plain-text names", () => {
    expect(milestones).toHaveLength(19);
    expect(milestones.slice(8, 11)).toEqual([
      { date: "2021-07-08", what: "1.22.0-beta.1 released", kind: "other" },
      { date: "2021-07-08", what: "Begin Code Freeze (18:00 PDT)", kind: "code-freeze" },
      { date: "2021-07-09", what: "Docs deadline - Open placeholder PRs", kind: "docs-deadline" },
    ]);
  });

  it("classifies the rows that make deadlines, and only those", () => {
    const major = milestones.filter((milestone) => milestone.kind !== "other");
    expect(major.map((milestone) => [milestone.date, milestone.kind])).toEqual([
      ["2021-05-13", "enhancements-freeze"],
      ["2021-06-28", "exception"],
      ["2021-07-08", "code-freeze"],
      ["2021-07-09", "docs-deadline"],
      ["2021-07-15", "test-freeze"],
      ["2021-07-20", "docs-deadline"],
      ["2021-07-27", "docs-deadline"],
      ["2021-08-04", "release"],
    ]);
  });

  it("reads ranges in both spellings", () => {
    expect(milestones[2]).toEqual({ date: "2021-05-03", endDate: "2021-05-07", what: "KubeCon EU + Co-located events", kind: "other" });
    const [kubecon] = parseReleaseTimeline(README_1_30_EXCERPT, "1.30", 2000).filter((m) => m.what === "KubeCon EU");
    expect(kubecon).toMatchObject({ date: "2024-03-19", endDate: "2024-03-22" });
  });

  it("takes written years over the hint, and the Pacific date of a UTC / PDT pair", () => {
    const dates = parseReleaseTimeline(README_1_30_EXCERPT, "1.30", 1999).map((m) => `${m.date} ${m.kind}`);
    expect(dates).toEqual([
      "2024-01-08 other",
      "2024-02-08 enhancements-freeze",
      "2024-02-26 exception",
      "2024-02-27 other",
      "2024-03-05 code-freeze",
      "2024-03-19 other",
      "2024-03-26 docs-deadline",
      "2024-04-17 release",
    ]);
  });

  it("rolls the year over when the months wrap", () => {
    const dates = parseReleaseTimeline(README_WRAPPING, "1.20", 2020).map((m) => [m.date, m.endDate]);
    expect(dates).toEqual([
      ["2020-09-14", undefined],
      ["2020-10-06", undefined],
      ["2020-11-12", undefined],
      ["2020-11-17", "2020-11-20"],
      ["2020-12-21", "2021-01-01"],
      ["2021-01-05", undefined],
      ["2021-01-12", undefined],
    ]);
  });

  it.each([
    ["Thur July 8", "2021-07-08"],
    ["Thurs Jul 8th", "2021-07-08"],
    ["Sept 3", "2021-09-03"],
    ["Sep. 3rd", "2021-09-03"],
    ["**Tues July 20**<br>(tentative)", "2021-07-20"],
    ["July 8, 2022", "2022-07-08"],
    ["2021-07-08", "2021-07-08"],
    ["1st of June", "2021-06-01"],
  ])("dates %j as %s", (when, date) => {
    const table = `| What | Who | When |\n|---|---|---|\n| Begin Code Freeze | Lead | ${when} |\n`;
    expect(parseReleaseTimeline(table, "1.22", 2021)).toEqual([{ date, what: "Begin Code Freeze", kind: "code-freeze" }]);
  });

  it("keeps the column order of the header, wherever What and When are", () => {
    const table = "| When | Notes | What |\n|--|--|--|\n| Thu July 8 | x | Code Freeze |\n";
    expect(parseReleaseTimeline(table, "1.22", 2021)).toEqual([{ date: "2021-07-08", what: "Code Freeze", kind: "code-freeze" }]);
  });
});

describe("parseReleaseTimeline robustness", () => {
  it("skips rows it cannot date and tables without What/When", () => {
    const markdown = [
      "| Name | Date |", "|---|---|", "| Code Freeze | July 8 |", "",
      "| What | Who | When |", "|---|---|---|",
      "| Code Freeze | Lead | TBD |", "| Test Freeze | Lead | February 30 |", "| | Lead | July 9 |",
      "| Docs deadline | Lead | July 9 | extra | cells |", "| broken", "|||||",
    ].join("\n");
    expect(parseReleaseTimeline(markdown, "1.22", 2021)).toEqual([{ date: "2021-07-09", what: "Docs deadline", kind: "docs-deadline" }]);
  });

  it("ignores a table inside an HTML comment", () => {
    const markdown = "<!--\n| What | Who | When |\n|---|---|---|\n| Code Freeze | Lead | July 8 |\n-->\n";
    expect(parseReleaseTimeline(markdown, "1.22", 2021)).toEqual([]);
  });

  it("never throws on garbage", () => {
    const garbage = ["", "|", "| What | When |", "|---|", "| [[[[ | ((((( |", "| <<<< | July 99 |", "\u0000|\u202E|", "| What | When |\n| x | 31 31 31 - - - to to |"];
    for (const text of garbage) expect(() => parseReleaseTimeline(text, "x(", Number.NaN)).not.toThrow();
  });

  it("reads 1 MB of rows and hostile cells in linear time", () => {
    const header = "| What | Who | When |\n|---|---|---|\n";
    const hostile = [
      `| ${"[".repeat(3000)} | ${"<".repeat(3000)} | ${"Mon ".repeat(700)} |`,
      `| ${"[a](".repeat(800)} | x | ${"1".repeat(3000)} |`,
      `| ${"*_".repeat(1500)} | x | ${"July ".repeat(600)}8 |`,
      "| Begin Code Freeze (18:00 PDT) | Branch Manager | Thur July 8 |",
    ].join("\n");
    let markdown = header;
    while (markdown.length < 1_000_000) markdown += `${hostile}\n`;
    const started = performance.now();
    const milestones = parseReleaseTimeline(markdown, "1.22", 2021);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(milestones.length).toBeGreaterThan(0);
    const rows = header + "| Begin Code Freeze (18:00 PDT) | Branch Manager | Thur July 8 | week 11 | |\n".repeat(13_000);
    const pipes = "|".repeat(1_000_000);
    const again = performance.now();
    expect(parseReleaseTimeline(rows, "1.22", 2021).length).toBeGreaterThan(0);
    expect(parseReleaseTimeline(pipes, "1.22", 2021)).toEqual([]);
    expect(performance.now() - again).toBeLessThan(2000);
  });
});

describe("milestoneKind", () => {
  it.each([
    ["Begin Enhancements Freeze (23:59 PDT)", "enhancements-freeze"],
    ["Code Freeze begins", "code-freeze"],
    ["Brace Yourself, Code Freeze is Coming", "other"],
    ["Code Freeze lifted", "other"],
    ["Test Freeze", "test-freeze"],
    ["Docs Freeze", "docs-deadline"],
    ["Docs must be completed and reviewed", "docs-deadline"],
    ["Call for Exceptions", "exception"],
    ["1.22.0-rc.0 released", "other"],
    ["Kubernetes v1.22.0 released", "release"],
    ["v1.21.0 released", "other"],
    ["Release Notes complete", "other"],
    ["Production Readiness Freeze", "other"],
  ])("%j is %s", (what, kind) => {
    expect(milestoneKind(what, "1.22")).toBe(kind);
  });
});
