import { compareVersions } from "../../versions.js";
import { isInWeek } from "../../week.js";
import type { GoTag, ReleaseFilter, RepoRelease, RepoReleases, TimeWindow } from "./types.js";
import { compareText } from "../../order.js";

// Some projects tag release candidates without ticking "pre-release" on GitHub.
const PRERELEASE_TAG = /(?:^|[-.+_\d])(?:alpha|beta|rc|pre|preview)[-.]?\d*(?:\.\d+)*$|-(?:alpha|beta|rc)\b/i;

export function isPrereleaseTag(tag: string): boolean {
  return PRERELEASE_TAG.test(tag.slice(0, 200));
}

/** The repository's releases published inside the window, newest first; never drafts. */
export function releasesInWeek(input: RepoReleases, week: TimeWindow, options: ReleaseFilter): RepoRelease[] {
  return (input.releases ?? [])
    .filter((release) => !release.isDraft && isInWeek(release.publishedAt, week))
    .filter((release) => options.prereleases || !(release.isPrerelease || isPrereleaseTag(release.tagName)))
    .sort((a, b) => Number(isChartTag(a.tagName)) - Number(isChartTag(b.tagName)) || newestFirst(a.publishedAt, a.tagName, b.publishedAt, b.tagName));
}

/**
 * "helm-chart-4.0.1" packages the release "controller-v1.9.0" made the same day: the project's
 * line leads with the release, and the chart comes after "also".
 */
const CHART_TAG = /^(?:helm-)?charts?[-/]/i;
const isChartTag = (tag: string): boolean => CHART_TAG.test(tag);

const GO_TAG = /^go(\d+)\.(\d+)(?:\.(\d+))?(?:(beta|rc)(\d+))?$/;

/** golang/go release tags (go1.16.5, go1.17, go1.17beta1) inside the window, newest first. */
export function golangTagsInWeek(tags: readonly GoTag[], week: TimeWindow, options: ReleaseFilter): GoTag[] {
  return tags
    .filter((tag) => GO_TAG.test(tag.name) && isInWeek(tag.date, week))
    .filter((tag) => options.prereleases || !/(?:beta|rc)\d+$/.test(tag.name))
    .sort((a, b) => newestFirst(a.date, a.name, b.date, b.name));
}

/**
 * Where a Go tag is described: patch releases in the release history (go.dev/doc/devel/release,
 * one anchor per minor: `#go1.16.minor`), a new minor in its release notes (go.dev/doc/go1.17),
 * a beta or RC on the tag's GitHub page, since go.dev has no page for those.
 */
export function goTagUrl(tag: string): string {
  const match = GO_TAG.exec(tag);
  if (!match) return `https://github.com/golang/go/releases/tag/${encodeURIComponent(tag)}`;
  const [, major, minor, patch, pre] = match;
  if (pre) return `https://github.com/golang/go/releases/tag/${tag}`;
  if (patch && patch !== "0") return `https://go.dev/doc/devel/release#go${major}.${minor}.minor`;
  return `https://go.dev/doc/go${major}.${minor}`;
}

/**
 * Newest day first; on the same day the higher version first, so a backport pair reads
 * "v1.5.3; also v1.4.7" whichever was published a minute earlier.
 */
function newestFirst(aDate: string | null, aTag: string, bDate: string | null, bTag: string): number {
  return compareText((bDate ?? "").slice(0, 10), (aDate ?? "").slice(0, 10)) || compareVersions(bTag, aTag) || compareText(aTag, bTag);
}

