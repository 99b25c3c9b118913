import type { KepRequest, PullRequest, Week, WeekContextData, WeekContextRequest } from "../types.js";
import { WEEK_SNAPSHOT_PATHS } from "./gates/paths.js";
import { DEFAULT_RELATED_REPOS } from "./releases/repos.js";
import { planKepRequest } from "./keps/candidates.js";
import { ENHANCEMENTS_REPO, weekKeps } from "./keps/refs.js";
import { candidateReleases } from "./schedule/calendar.js";

// What a run asks GitHub for besides the PRs. Apart from week-context.ts, which reads the answers,
// so that a cold run loads the readers while its first request is on its way.

const KUBERNETES = "kubernetes/kubernetes";
export const SIG_RELEASE = "kubernetes/sig-release";
export const WEBSITE = "kubernetes/website";
export const GO = "golang/go";
export const PATCH_RELEASES = "master:releases/patch-releases.md";
export const WEBSITE_SCHEDULE = "main:data/releases/schedule.yaml";
const timeline = (release: string) => `master:releases/release-${release}/README.md`;

const YAML_FILE = /\.ya?ml$/;

/**
 * Whether reading `data` parses YAML: a feature list, build/dependencies.yaml or the website's
 * schedule. KEP files arrive already read, so a week without those files needs no YAML parser.
 */
export function holdsYaml(data: WeekContextData): boolean {
  const files = [...Object.entries(data.blobs), ...Object.entries(data.snapshots?.before ?? {}), ...Object.entries(data.snapshots?.after ?? {})];
  return files.some(([name, text]) => text !== null && YAML_FILE.test(name));
}

/**
 * Everything the draft needs besides the PRs, asked for in one GraphQL request. The patch release
 * schedules are read as they stood at the week's end: both files drop their older rows later, so
 * a past week read at today's head would find no patch dates. The KEP files the week's PRs call
 * for are a second request (planWeekKeps), as they are known only once the PRs and this
 * request's kubernetes/enhancements PRs are.
 */
export function planWeekContext(repos: readonly string[], week: Week, relatedRepos: readonly string[] = DEFAULT_RELATED_REPOS): WeekContextRequest {
  const related = [...new Set(relatedRepos)];
  const kubernetes = repos.includes(KUBERNETES);
  return {
    snapshotRepo: kubernetes ? KUBERNETES : null,
    snapshotPaths: WEEK_SNAPSHOT_PATHS,
    relatedRepos: related.filter((repo) => repo !== GO),
    tagRepos: related.includes(GO) ? [GO] : [],
    blobs: [
      ...candidateReleases(week.ending).map((release) => ({ repo: SIG_RELEASE, expression: timeline(release) })),
      { repo: SIG_RELEASE, expression: PATCH_RELEASES, atWeekEnd: true },
      { repo: WEBSITE, expression: WEBSITE_SCHEDULE, atWeekEnd: true },
    ],
    releaseRepo: kubernetes ? KUBERNETES : null,
    enhancements: kubernetes ? { repo: ENHANCEMENTS_REPO, query: `repo:${ENHANCEMENTS_REPO} is:pr is:merged merged:${week.from}..${week.to}` } : null,
  };
}

/** The KEP files and issues the week's PRs link and its kubernetes/enhancements PRs changed; null when none. */
export function planWeekKeps(prs: readonly PullRequest[], defaultBranches: Readonly<Record<string, string>>, week: Week, data: WeekContextData): KepRequest | null {
  return planKepRequest(weekKeps(prs, defaultBranches, week, data.enhancementPulls));
}
