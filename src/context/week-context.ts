import type { ConfirmedChange, DraftContext, DraftEntry, PullRequest, Week, WeekContextData, WeekContextRequest } from "../types.js";
import { saysOnByDefault } from "../classify/promotion-wording.js";
import { DEFAULT_RULES } from "../classify/rules.js";
import { renderBullet } from "../markdown/escape.js";
import { fileVersionBullet, findWeekChanges, gatePromotionBullet, isGateChange } from "./gates/index.js";
import { subprojectBullets, type SubprojectBullet } from "./releases/index.js";
import { rankKepCandidates, weekKeps } from "./keps/index.js";
import { releaseScheduleSection } from "./schedule/index.js";
import { GO, PATCH_RELEASES, SIG_RELEASE, WEBSITE, WEBSITE_SCHEDULE } from "./week-plan.js";
import { own } from "../own.js";

export { planWeekContext, planWeekKeps } from "./week-plan.js";

export interface InterpretOptions {
  prereleases: boolean;
  /** Other names of dependencies, from the classifier's rule table. */
  aliases?: Readonly<Record<string, string>>;
  /** Names whose versions get no "v", from the classifier's rule table, so both bullets agree. */
  noVPrefix?: readonly string[];
  /** Each repository's default branch: PRs into another branch link no KEP candidate. */
  defaultBranches?: Readonly<Record<string, string>>;
  /** Releases the previous edition linked (`owner/name@tag`): Subprojects does not give them again. */
  previousReleases?: ReadonlySet<string>;
}

/** What the week's context says apart from its KEP candidates: all of it known before the KEP files are. */
export interface InterpretedContext {
  context: Omit<DraftContext, "kepCandidates">;
  problems: string[];
  /** What is worth saying but no problem: a related project that never made a release. */
  notes: string[];
}

/** Pure: turns the fetched files, releases and tags into what the draft adds, plus problems for stderr. */
export function interpretWeekContext(
  request: WeekContextRequest,
  data: WeekContextData,
  prs: readonly PullRequest[],
  week: Week,
  options: InterpretOptions,
  /** The same data read before its KEP files came (interpretContextWithoutKeps), reused if still the same. */
  early?: { data: WeekContextData; interpreted: InterpretedContext },
): { context: DraftContext; problems: string[]; notes: string[] } {
  const { context, problems, notes } = early && sameExceptKeps(early.data, data) ? early.interpreted : interpretContextWithoutKeps(request, data, prs, week, options);
  const keps = rankKepCandidates(weekKeps(prs, options.defaultBranches ?? {}, week, data.enhancementPulls), data.keps);
  return {
    context: { ...context, kepCandidates: keps.candidates },
    problems: [...problems, ...keps.problems.map((problem) => `KEP candidates: ${problem}`)],
    notes,
  };
}

function sameExceptKeps(a: WeekContextData, b: WeekContextData): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete("keps");
  return [...keys].every((key) => a[key as keyof WeekContextData] === b[key as keyof WeekContextData]);
}

/**
 * Pure: the gate and dependency changes, the subproject releases and the release schedule of the
 * week. A run reads them while the KEP files are on their way.
 */
export function interpretContextWithoutKeps(
  request: WeekContextRequest,
  data: WeekContextData,
  prs: readonly PullRequest[],
  week: Week,
  options: InterpretOptions,
): InterpretedContext {
  const problems: string[] = [];
  const confirmedChanges: ConfirmedChange[] = [];
  const wording = { noVPrefix: options.noVPrefix ?? DEFAULT_RULES.dependencies.noVPrefix, ...(options.aliases ? { aliases: options.aliases } : {}) };
  const unexplainedChanges: string[] = [];
  if (data.snapshots) {
    const changes = findWeekChanges({ before: data.snapshots.before, after: data.snapshots.after, prs, ...(options.aliases ? { aliases: options.aliases } : {}) });
    for (const { pr, gate, stage } of changes.promotions) {
      confirmedChanges.push({ pr, section: "promotions", bullet: gatePromotionBullet(gate, stage, pr.url, saysOnByDefault(pr)), evidence: `feature-gate:${gate}→${stage}` });
    }
    for (const { pr, name, from, to } of changes.versionUpdates) {
      confirmedChanges.push({ pr, section: "version_updates", bullet: fileVersionBullet(name, to, pr.url, wording), evidence: `file-diff:${name} ${from ?? "(new)"}→${to}` });
    }
    for (const change of changes.unexplained) {
      unexplainedChanges.push(isGateChange(change) ? `feature gate ${change.gate}: ${change.from ?? "(new)"} → ${change.to}` : `${change.name}: ${change.from ?? "(new)"} → ${change.to}`);
    }
  } else if (request.snapshotRepo) {
    problems.push(`${request.snapshotRepo}: could not read the feature-gate and dependency files at the week's ends`);
  }

  const subprojects = subprojectBullets(
    request.relatedRepos.map((repo) => ({ repo, releases: own(data.releases, repo) ?? null })),
    week,
    {
      prereleases: options.prereleases,
      ...(request.tagRepos.includes(GO) ? { goTags: own(data.tags, GO) ?? null } : {}),
      ...(options.previousReleases ? { previouslyLinked: options.previousReleases } : {}),
    },
  );
  problems.push(...subprojects.warnings);

  const readmes: Record<string, string | null> = {};
  for (const blob of request.blobs) {
    const release = blob.expression.match(/release-(\d+\.\d+)\/README\.md$/)?.[1];
    if (release) readmes[release] = own(data.blobs, `${blob.repo}:${blob.expression}`) ?? null;
  }
  const schedule = releaseScheduleSection({
    readmes,
    patchMarkdown: own(data.blobs, `${SIG_RELEASE}:${PATCH_RELEASES}`) ?? null,
    websiteYaml: own(data.blobs, `${WEBSITE}:${WEBSITE_SCHEDULE}`) ?? null,
    weekEnding: week.ending,
    ...(request.releaseRepo ? { kubernetesReleases: own(data.releases, request.releaseRepo) ?? null, window: week } : {}),
  });
  problems.push(...schedule.problems.map((problem) => `release schedule: ${problem}`));

  if (request.enhancements && !data.enhancementPulls) {
    problems.push(`KEP candidates: could not search ${request.enhancements.repo} for the week's merged PRs; the candidates come from the week's PR links only`);
  }
  return {
    context: {
      confirmedChanges,
      unexplainedChanges,
      // A request for no releases (a sample's, a config's empty list) learns nothing of them.
      subprojects: request.relatedRepos.length > 0 || request.tagRepos.length > 0 ? subprojects.bullets.map(releaseEntry) : null,
      releaseSchedule: { nextDeadline: schedule.nextDeadline, notes: schedule.notes },
    },
    problems,
    notes: subprojects.notes,
  };
}

function releaseEntry({ repo, bullet }: SubprojectBullet): DraftEntry {
  return { repo, number: null, url: bullet.url, title: "", author: "", line: renderBullet(bullet), bullet, reason: "release-in-week" };
}
