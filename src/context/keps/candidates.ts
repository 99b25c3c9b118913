import { own } from "../../own.js";
import type { KepCandidate, KepData, KepRequest } from "../../types.js";
import { compareMilestones, issueFacts, type KepFacts, type KepFileReading } from "./kep-yaml.js";
import { ENHANCEMENTS_REPO, kepFilePath, type WeekKep } from "./refs.js";
import { compareText } from "../../order.js";

/** "KEP of the Week" candidates the draft shows; the editors write about one. */
export const KEP_CANDIDATES = 3;
/** KEPs read per week: a week's PRs link some 10–30. */
export const MAX_KEPS_READ = 30;
const MAX_PRS_NAMED = 5;
const SAFE_PATH = /^[A-Za-z0-9._\-/]+$/;

const byWeight = (a: WeekKep, b: WeekKep): number =>
  b.linkedBy.length - a.linkedBy.length || b.changedBy.length - a.changedBy.length || (b.ref.number ?? 0) - (a.ref.number ?? 0) || compareText(a.ref.key, b.ref.key);

/**
 * What to read for the week's KEPs: each one's kep.yaml (or single file) as it stood at the week's
 * end, and at its start too for those the week changed; the tracking issue of a KEP linked by
 * number only. The most linked first, at most MAX_KEPS_READ; null when there is nothing to read.
 */
export function planKepRequest(keps: readonly WeekKep[]): KepRequest | null {
  const paths: string[] = [];
  const startPaths: string[] = [];
  const issues: number[] = [];
  for (const kep of [...keps].sort(byWeight).slice(0, MAX_KEPS_READ)) {
    const path = kepFilePath(kep.ref);
    if (path !== null && SAFE_PATH.test(path)) {
      paths.push(path);
      if (kep.changedBy.length > 0) startPaths.push(path);
    } else if (path === null && kep.ref.number !== null) {
      issues.push(kep.ref.number);
    }
  }
  if (paths.length + issues.length === 0) return null;
  return { repo: ENHANCEMENTS_REPO, paths, startPaths, issues };
}

interface Scored {
  kep: WeekKep;
  facts: KepFacts | null;
  stageChange: string | null;
  candidate: KepCandidate;
}

/**
 * Up to KEP_CANDIDATES KEPs, ranked by: how many of the week's merged PRs link it; a stage
 * change in its kep.yaml this week; any change of its kep.yaml this week; whether its facts could
 * be read; the newer latest milestone; the higher (newer) KEP number. Problems with a file
 * (too large, not YAML) are returned for stderr; that KEP stays, without its facts.
 */
export function rankKepCandidates(keps: readonly WeekKep[], data: KepData | undefined, limit = KEP_CANDIDATES): { candidates: KepCandidate[]; problems: string[] } {
  const problems: string[] = [];
  const read = (readings: Record<string, KepFileReading | null> | undefined, path: string): KepFacts | null | undefined => {
    const reading = readings ? own(readings, path) : undefined;
    if (reading === undefined || reading === null) return reading;
    if (reading.ok) return reading.facts;
    const problem = `${ENHANCEMENTS_REPO} ${path}: ${reading.problem}, its facts left out`;
    if (!problems.includes(problem)) problems.push(problem);
    return null;
  };
  const byNumber = <T extends { number: number }>(list: readonly T[]): T[] => [...list].sort((a, b) => a.number - b.number);
  const inOrder = keps.map((kep) => ({ ...kep, linkedBy: [...kep.linkedBy].sort((a, b) => compareText(a.repo, b.repo) || a.number - b.number), changedBy: byNumber(kep.changedBy) }));
  const scored: Scored[] = inOrder.sort(byWeight).slice(0, MAX_KEPS_READ).map((kep) => {
    const path = kepFilePath(kep.ref);
    let facts: KepFacts | null = null;
    let url: string | null = null;
    let stageChange: string | null = null;
    const changes: string[] = [];
    if (path !== null) {
      const end = read(data?.end, path);
      facts = end ?? null;
      if (end) url = `https://github.com/${ENHANCEMENTS_REPO}/blob/master/${kep.ref.file ?? `${kep.ref.dir}/README.md`}`;
      if (kep.changedBy.length > 0 && end) {
        const start = read(data?.start, path);
        if (start === null && data?.start && own(data.start, path) === null) changes.push("kep.yaml added this week");
        if (start) {
          if (start.stage !== end.stage && end.stage !== null) stageChange = `stage ${start.stage ?? "unset"} → ${end.stage} this week`;
          if (start.latestMilestone !== end.latestMilestone && end.latestMilestone !== null) {
            changes.push(`latest milestone ${start.latestMilestone ?? "unset"} → ${end.latestMilestone} this week`);
          }
        }
      }
    } else if (kep.ref.number !== null) {
      const issue = data ? own(data.issues, String(kep.ref.number)) : undefined;
      // The link is built from the number, like every other link here: a cached issue's URL is
      // text from a file, and is not needed to say where the issue is.
      if (issue) facts = issueFacts(issue);
    }
    const number = kep.ref.number ?? facts?.number ?? null;
    url ??= number !== null ? `https://github.com/${ENHANCEMENTS_REPO}/issues/${number}` : `https://github.com/${ENHANCEMENTS_REPO}/blob/master/${path ?? "keps"}`;
    const reasons: string[] = [];
    const links = kep.linkedBy.length;
    if (links > 0) reasons.push(links === 1 ? `linked by ${prList(kep.linkedBy)}` : `linked by ${links} of the week's PRs: ${prList(kep.linkedBy)}`);
    if (stageChange) reasons.push(stageChange);
    reasons.push(...changes);
    if (kep.changedBy.length > 0) {
      reasons.push(`kep.yaml changed in ${prList(kep.changedBy.map((pull) => ({ repo: ENHANCEMENTS_REPO, number: pull.number })))}`);
    }
    if (!facts) reasons.push(path !== null ? `its ${path.endsWith(".md") ? "file" : "kep.yaml"} could not be read` : "its tracking issue could not be read");
    const candidate: KepCandidate = {
      number,
      title: facts?.title ?? (number !== null ? `KEP-${number}` : (path ?? kep.ref.key)),
      sig: facts?.sig ?? null,
      stage: facts?.stage ?? null,
      latestMilestone: facts?.latestMilestone ?? null,
      url,
      linkedBy: kep.linkedBy.map((pr) => ({ repo: pr.repo, number: pr.number, url: pr.url })),
      changedBy: kep.changedBy.map((pull) => ({ repo: ENHANCEMENTS_REPO, number: pull.number, url: `https://github.com/${ENHANCEMENTS_REPO}/pull/${pull.number}` })),
      reasons,
    };
    return { kep, facts, stageChange, candidate };
  });
  scored.sort(
    (a, b) =>
      b.kep.linkedBy.length - a.kep.linkedBy.length ||
      Number(b.stageChange !== null) - Number(a.stageChange !== null) ||
      Number(b.kep.changedBy.length > 0) - Number(a.kep.changedBy.length > 0) ||
      Number(b.facts !== null) - Number(a.facts !== null) ||
      compareMilestones(a.candidate.latestMilestone, b.candidate.latestMilestone) ||
      (b.candidate.number ?? 0) - (a.candidate.number ?? 0) ||
      compareText(a.kep.ref.key, b.kep.ref.key),
  );
  return { candidates: scored.slice(0, limit).map((entry) => entry.candidate), problems };
}

function prList(prs: ReadonlyArray<{ repo: string; number: number }>): string {
  const names = prs.slice(0, MAX_PRS_NAMED).map((pr) => (pr.repo === "kubernetes/kubernetes" ? `#${pr.number}` : `${pr.repo}#${pr.number}`));
  return prs.length > MAX_PRS_NAMED ? `${names.join(", ")} and ${prs.length - MAX_PRS_NAMED} more` : names.join(", ");
}
