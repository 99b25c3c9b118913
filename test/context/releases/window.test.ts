import { describe, expect, it } from "vitest";
import {
  golangTagsInWeek,
  goTagUrl,
  isPrereleaseTag,
  releasesInWeek,
  type RepoRelease,
} from "../../../src/context/releases/index.js";

const week = { ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" };

function release(tagName: string, publishedAt: string | null, extra: Partial<RepoRelease> = {}): RepoRelease {
  return {
    tagName,
    name: tagName,
    url: `https://github.com/o/r/releases/tag/${tagName}`,
    description: null,
    isDraft: false,
    isPrerelease: false,
    publishedAt,
    ...extra,
  };
}

describe("releasesInWeek", () => {
  const releases = [
    release("v1.0.0", "2021-06-28T00:00:00Z"),
    release("v1.0.1", "2021-07-04T23:59:59Z"),
    release("v0.9.9", "2021-06-27T23:59:59Z"),
    release("v1.0.2", "2021-07-05T00:00:00Z"),
    release("v1.1.0", "2021-07-01T10:00:00Z", { isDraft: true }),
    release("v1.1.0-rc.1", "2021-07-01T10:00:00Z", { isPrerelease: true }),
    release("v1.1.0-beta.2", "2021-07-01T11:00:00Z"),
    release("v1.0.3", null),
  ];

  it("keeps both edges of the window, and nothing outside it, newest first", () => {
    expect(releasesInWeek({ repo: "o/r", releases }, week, { prereleases: false }).map((r) => r.tagName)).toEqual(["v1.0.1", "v1.0.0"]);
  });

  it("puts a Helm chart's release after the release it packages, though published later", () => {
    const charts = [release("controller-v0.47.0", "2021-07-01T10:00:00Z"), release("helm-chart-3.34.0", "2021-07-01T10:20:00Z"), release("chart/v1.2.0", "2021-07-02T10:20:00Z")];
    expect(releasesInWeek({ repo: "o/r", releases: charts }, week, { prereleases: false }).map((r) => r.tagName)).toEqual([
      "controller-v0.47.0",
      "chart/v1.2.0",
      "helm-chart-3.34.0",
    ]);
  });

  it("takes prereleases, flagged or only tagged as such, when asked; drafts never", () => {
    expect(releasesInWeek({ repo: "o/r", releases }, week, { prereleases: true }).map((r) => r.tagName)).toEqual([
      "v1.0.1",
      "v1.1.0-beta.2",
      "v1.1.0-rc.1",
      "v1.0.0",
    ]);
  });

  it("reads a date-only window as whole days, and a missing repository as no releases", () => {
    const days = { from: "2021-06-28", to: "2021-07-04" };
    expect(releasesInWeek({ repo: "o/r", releases }, days, { prereleases: false })).toHaveLength(2);
    expect(releasesInWeek({ repo: "o/r", releases: null }, week, { prereleases: true })).toEqual([]);
  });

  it.each([
    ["v1.6.0-rc.1", true],
    ["v2.0.0-beta.0", true],
    ["go1.17beta1", true],
    ["v1.39.0-pre1", true],
    ["v1.5.3", false],
    ["kompose-arc", false],
    ["kustomize/v4.2.0", false],
  ])("%s is a prerelease tag: %s", (tag, expected) => {
    expect(isPrereleaseTag(tag)).toBe(expected);
  });
});

describe("golangTagsInWeek", () => {
  const goWeek = { from: "2021-07-12T00:00:00Z", to: "2021-07-18T23:59:59Z" };
  const tags = [
    { name: "go1.16.6", date: "2021-07-12T19:00:00Z" },
    { name: "go1.15.14", date: "2021-07-12T19:05:00Z" },
    { name: "go1.17rc1", date: "2021-07-13T17:00:00Z" },
    { name: "go1.16.5", date: "2021-06-03T18:00:00Z" },
    { name: "weekly.2012-03-27", date: "2021-07-13T00:00:00Z" },
    { name: "release-branch.go1.17", date: "2021-07-13T00:00:00Z" },
    { name: "go1.17", date: null },
  ];

  it("keeps release tags of the week, prereleases only when asked", () => {
    expect(golangTagsInWeek(tags, goWeek, { prereleases: false }).map((tag) => tag.name)).toEqual(["go1.16.6", "go1.15.14"]);
    expect(golangTagsInWeek(tags, goWeek, { prereleases: true }).map((tag) => tag.name)).toEqual(["go1.17rc1", "go1.16.6", "go1.15.14"]);
  });

  it.each([
    ["go1.16.5", "https://go.dev/doc/devel/release#go1.16.minor"],
    ["go1.17", "https://go.dev/doc/go1.17"],
    ["go1.21.0", "https://go.dev/doc/go1.21"],
    ["go1.17beta1", "https://github.com/golang/go/releases/tag/go1.17beta1"],
  ])("links %s to %s", (tag, url) => {
    expect(goTagUrl(tag)).toBe(url);
  });
});
