export type { GoTag, ReleaseFilter, RepoRelease, RepoReleases, TimeWindow } from "./types.js";
export { DEFAULT_RELATED_REPOS, DISPLAY_NAMES, displayName } from "./repos.js";
export { golangTagsInWeek, goTagUrl, isPrereleaseTag, releasesInWeek } from "./window.js";
export { highlightCandidates, releaseHighlights } from "./highlights.js";
export { subprojectBullets, subprojectLines, type SubprojectBullet, type SubprojectLines, type SubprojectOptions } from "./lines.js";
