import { escapeLinkLabel, joinInline, link } from "../../markdown/escape.js";
import type { InlineMarkdown, RepoRelease } from "../../types.js";
import { releasesInWeek } from "../releases/window.js";
import type { TimeWindow } from "../releases/types.js";
import { weekdayMonthDay } from "./dates.js";

// A week has at most a minor, a prerelease and the supported branches' patches.
const MAX_RELEASES = 6;
const VERSION_TAG = /^v\d+\.\d+\.\d+(?:-(?:alpha|beta|rc)\.\d+)?$/;

/**
 * The Kubernetes releases published in the window, as the Release Schedule says them:
 * "Kubernetes [v1.22.0-beta.1](…) was released Thursday, July 8", or for a patch day
 * "Kubernetes [v1.21.3](…), [v1.20.9](…) and [v1.19.13](…) were released Thursday, July 15".
 * Prereleases count (a beta is the week's release); drafts and tags that are not a Kubernetes
 * version do not. Null when there were none. The tag is checked against the version pattern, and
 * the URL was checked to be a release page when it was fetched.
 */
export function releasesOfTheWeekSentence(releases: readonly RepoRelease[] | null, week: TimeWindow): InlineMarkdown | null {
  const shipped = releasesInWeek({ repo: "kubernetes/kubernetes", releases: releases ? [...releases] : null }, week, { prereleases: true })
    .filter((release) => VERSION_TAG.test(release.tagName) && release.publishedAt !== null)
    .slice(0, MAX_RELEASES);
  if (shipped.length === 0) return null;
  const links = shipped.map((release) => link(escapeLinkLabel(release.tagName), release.url) as InlineMarkdown);
  // The UTC day of each time however it was written ("Thu, 08 Jul 2021 …" parses too): the
  // window already held it to a readable time.
  const days = new Set(shipped.map((release) => new Date(Date.parse(release.publishedAt ?? "")).toISOString().slice(0, 10)));
  const [day] = [...days];
  const when = days.size === 1 && day ? weekdayMonthDay(day) : "this week";
  if (links.length === 1) return `Kubernetes ${links[0]} was released ${when}` as InlineMarkdown;
  const list = joinInline(links.slice(0, -1), ", ");
  return `Kubernetes ${list} and ${links[links.length - 1]} were released ${when}` as InlineMarkdown;
}
