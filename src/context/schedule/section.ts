import { cleanText, escapeInline } from "../../markdown/escape.js";
import { cycleEnd, parseTimelineForRelease, pickCurrentRelease } from "./calendar.js";
import { addDays, weekdayMonthDay } from "./dates.js";
import { milestoneLabel, milestonesInComingWeek, nextDeadline } from "./deadline.js";
import { parsePatchReleasesMarkdown, parseWebsiteSchedule } from "./patch-releases.js";
import { patchEventsInComingWeek } from "./patch-week.js";
import { releasesOfTheWeekSentence } from "./release-week.js";
import type { PatchEvent } from "./types.js";
import type { RepoRelease } from "../../types.js";
import type { TimeWindow } from "../releases/types.js";

export interface ReleaseScheduleInput {
  /** sig-release README per candidate minor ("1.22"); null when the fetcher found none. */
  readmes: Readonly<Record<string, string | null>>;
  /** sig-release `releases/patch-releases.md`, for weeks before the website data existed. */
  patchMarkdown?: string | null;
  /** kubernetes/website `data/releases/schedule.yaml`. */
  websiteYaml?: string | null;
  /** The week's Sunday, YYYY-MM-DD. */
  weekEnding: string;
  /**
   * kubernetes/kubernetes releases, newest first, for the release of the week; null when they
   * could not be read, undefined when not asked for.
   */
  kubernetesReleases?: readonly RepoRelease[] | null;
  /** The window the release of the week is looked for in; default Monday..Sunday of `weekEnding`. */
  window?: TimeWindow;
}

export interface ReleaseScheduleSection {
  /** "Code Freeze, July 8", escaped; null keeps the editor's placeholder. */
  nextDeadline: string | null;
  /** Escaped sentences for the editor: the week's releases, the coming week's milestones and patch dates. */
  notes: string[];
  /** Why a part could not be read, for stderr. */
  problems: string[];
}

export function releaseScheduleSection(input: ReleaseScheduleInput): ReleaseScheduleSection {
  const { readmes, weekEnding } = input;
  const notes: string[] = [];
  const problems: string[] = [];
  let deadline: string | null = null;

  if (input.kubernetesReleases !== undefined) {
    const window = input.window ?? { from: `${addDays(weekEnding, -6)}T00:00:00Z`, to: `${weekEnding}T23:59:59Z` };
    const released = releasesOfTheWeekSentence(input.kubernetesReleases, window);
    if (released) notes.push(released);
    if (input.kubernetesReleases === null) problems.push("kubernetes/kubernetes: could not read its releases");
  }

  const release = pickCurrentRelease(readmes, weekEnding);
  for (const [minor, markdown] of Object.entries(readmes)) {
    if (markdown && parseTimelineForRelease(markdown, minor).length === 0) {
      problems.push(`release ${minor}: no dated row in a What/When timeline table`);
    }
  }
  if (release === null) {
    const missing = Object.keys(readmes).filter((minor) => !readmes[minor]);
    const why = missing.length > 0 ? ` (no README for ${missing.join(", ")})` : "";
    problems.push(`no release timeline has started by the week ending ${weekEnding}${why}`);
  } else {
    const milestones = parseTimelineForRelease(readmes[release] ?? "", release);
    const next = nextDeadline(milestones, weekEnding);
    if ("betweenReleases" in next) {
      problems.push(
        `between releases: the ${release} timeline ends on ${cycleEnd(milestones) ?? "?"} and no later timeline has started by ${weekEnding}`,
      );
    } else {
      deadline = next.text;
    }
    const coming = milestonesInComingWeek(milestones, weekEnding);
    if (coming.length > 0 && !("betweenReleases" in next)) {
      // Escaped as one sentence: an item escaped alone would get "1\.22" for its leading digits.
      const items = coming.map((milestone) => `${cleanText(milestoneLabel(milestone), 80)} (${weekdayMonthDay(milestone.date)})`);
      notes.push(escapeInline(`Coming up in ${release}: ${items.join(", ")}`, 1500));
    }
  }

  const events: PatchEvent[] = [];
  const sources: Array<[string, string | null | undefined, (text: string) => PatchEvent[]]> = [
    ["data/releases/schedule.yaml", input.websiteYaml, parseWebsiteSchedule],
    ["patch-releases.md", input.patchMarkdown, parsePatchReleasesMarkdown],
  ];
  for (const [name, text, parse] of sources) {
    if (text === undefined || text === null) continue;
    const parsed = parse(text);
    if (parsed.length === 0) problems.push(`${name}: no patch release dates found`);
    events.push(...parsed);
  }
  if (sources.every(([, text]) => text === undefined || text === null)) {
    problems.push("no patch release schedule was given");
  }
  notes.push(...patchEventsInComingWeek(events, weekEnding).map((event) => event.text));
  return { nextDeadline: deadline, notes, problems };
}
