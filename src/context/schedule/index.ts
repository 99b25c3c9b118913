export type { ComingPatchEvent, Milestone, MilestoneKind, NextDeadline, PatchEvent } from "./types.js";
export { parseReleaseTimeline, milestoneKind } from "./timeline.js";
export { MAJOR_KINDS, milestoneLabel, milestonesInComingWeek, nextDeadline } from "./deadline.js";
export { candidateReleases, expectedReleaseDate, parseTimelineForRelease, pickCurrentRelease } from "./calendar.js";
export { parsePatchReleasesMarkdown, parseWebsiteSchedule } from "./patch-releases.js";
export { patchEventsInComingWeek } from "./patch-week.js";
export { releaseScheduleSection, type ReleaseScheduleInput, type ReleaseScheduleSection } from "./section.js";
export { releasesOfTheWeekSentence } from "./release-week.js";
