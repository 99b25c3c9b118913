import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REPO_NAME, isRepoName } from "../src/repo-name.js";
import { uniqueBy } from "../src/unique.js";
import { compareVersions } from "../src/versions.js";
import { isInWeek } from "../src/week.js";

describe("repository names", () => {
  it("the config schema checks repositories with the same pattern as the CLI", () => {
    const schema = readFileSync(new URL("../schema/config.schema.json", import.meta.url), "utf8");
    const patterns = [...schema.matchAll(/"pattern": "([^"]*\/[^"]*)"/g)].map((match) => JSON.parse(`"${match[1]}"`) as string);
    expect(patterns.length).toBeGreaterThanOrEqual(4);
    for (const pattern of patterns) expect(pattern).toBe(REPO_NAME.source);
  });

  it("accepts owner/name and nothing else", () => {
    expect(isRepoName("kubernetes/kubernetes")).toBe(true);
    expect(isRepoName("kubernetes-sigs/cluster-api.v2_x")).toBe(true);
    for (const bad of ["kubernetes", "a/b/c", "__proto__", "own_er/x", "a/", "/b"]) expect(isRepoName(bad)).toBe(false);
  });
});

describe("compareVersions", () => {
  it("orders by number, ignoring prefixes and suffixes; a missing part is 0", () => {
    expect(["1.10", "v1.9.2", "go1.21.3", "1.2"].sort(compareVersions)).toEqual(["1.2", "v1.9.2", "1.10", "go1.21.3"]);
    expect(compareVersions("1.22", "1.22.0")).toBe(0);
    expect(compareVersions("v3.5.10-rc.1", "3.5.9")).toBeGreaterThan(0);
    expect(compareVersions("none", "1.0")).toBeLessThan(0);
  });
});

describe("isInWeek", () => {
  const week = { ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" };
  it("includes the last second whole, and reads bare dates as whole days", () => {
    expect(isInWeek("2021-07-04T23:59:59.500Z", week)).toBe(true);
    expect(isInWeek("2021-07-05T00:00:00Z", week)).toBe(false);
    expect(isInWeek("2021-07-04", week)).toBe(true);
    expect(isInWeek("2021-06-27", week)).toBe(false);
    expect(isInWeek("2021-07-04T20:00:00Z", { from: "2021-06-28", to: "2021-07-04" })).toBe(true);
    expect(isInWeek(null, week)).toBe(false);
    expect(isInWeek("not a time", week)).toBe(false);
  });
});

describe("uniqueBy", () => {
  it("keeps the first of each key in order", () => {
    expect(uniqueBy(["a1", "b1", "a2", "c1"], (item) => item.charAt(0))).toEqual(["a1", "b1", "c1"]);
  });
});
