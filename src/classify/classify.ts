import { cleanText, renderBullet } from "../markdown/escape.js";
import { SECTION_KEYS, type Bullet, type FeaturedCandidate, type PullRequest, type SectionKey, type Week } from "../types.js";
import { type Decision, decide } from "./decide.js";
import { type DependencyBump, bumpKey, judgeBump } from "./dependency.js";
import { type FeaturedInput, rankFeatured } from "./featured.js";
import { NOTABILITY_MODEL } from "./models.js";
import { type ModelScore, prFeatures, scoreFeatures } from "./notability.js";
import { branchesPhrase, promotionBullet, releaseBranchVersion, versionBullet } from "./lines.js";
import { saysOnByDefault } from "./promotion-wording.js";
import { DEFAULT_RULES, type RuleTable } from "./rules.js";
import { type CompiledRules, type PRSignals, compileRules, readSignals } from "./signals.js";
import type { VerbForms } from "./verb-forms.js";
import { sentenceBullet } from "./wording.js";
import { isInWeekOrUnreadable } from "../week.js";
import { pullRequestSightings } from "../unique.js";
import { own } from "../own.js";

export { DEFAULT_RULES, type RuleTable } from "./rules.js";

export interface ClassifyContext {
  week: Week;
  /** Default branch per repository ("kubernetes/kubernetes" -> "master"). */
  defaultBranches: Readonly<Record<string, string>>;
  /**
   * Indices into the PRs to classify, in the order they were read, when they are sorted otherwise.
   * Each PR is worked out in this order, where its text follows the previous PR's in memory: for a
   * week of tens of thousands, reading them in number order instead cost most of the work again.
   * Indices, not the PRs: finding each PR's verdict again then needs no Map of tens of thousands.
   */
  readOrder?: readonly number[];
  /**
   * Set when the caller kept each PR once, and only PRs merged inside the week, as the draft does:
   * neither is checked again, which for a week of tens of thousands is a date parsed and a Set
   * looked up per PR.
   */
  prepared?: boolean;
  /** How lines word their leading verb; the trained table unless an evaluation holds a cycle out. */
  verbForms?: VerbForms;
}

export interface ClassifiedPR {
  pr: PullRequest;
  section: Exclude<SectionKey, "subprojects">;
  /** Rule that decided, e.g. "label:kind/deprecation". */
  reason: string;
  /** The markdown bullet as it will stand in the post, starting with "* ": `renderBullet(bullet)`. */
  line: string;
  bullet: Bullet;
  kep?: string;
  /** Notability: the learned chance that an editor lists this PR (0..1). */
  score: number;
  /** The signals behind `score`, strongest first. */
  signals: string[];
}

export interface SkippedPR {
  pr: PullRequest;
  reason: string;
}

export interface Classification {
  reported: ClassifiedPR[];
  skipped: SkippedPR[];
  featuredCandidates: FeaturedCandidate[];
  /**
   * The next as many candidates, best first: the previous edition is read after classifying, and
   * when it linked some of the best the list still holds as many.
   */
  featuredSpares: FeaturedCandidate[];
}

/** A PR with its index in the PRs to classify, the last key its line sorts by. */
interface Placed {
  pr: PullRequest;
  position: number;
}

interface Backports {
  bumps: DependencyBump[];
  members: Placed[];
}

/** What one PR comes to on its own; where it stands among the week's PRs is worked out after. */
type Verdict =
  | { kind: "skip"; reason: string }
  | { kind: "backport"; bumps: DependencyBump[] }
  | { kind: "report"; entry: ClassifiedPR; featured: FeaturedInput; bumps: DependencyBump[] | undefined };

/** A merge time that cannot be read is kept: leaving a PR out is the worse mistake. */
function inWeek(pr: PullRequest, week: Week): boolean {
  return isInWeekOrUnreadable(pr.mergedAt, week);
}

// Kubernetes cuts its release branches as release-1.NN (kubernetes-sigs projects as release-0.N).
const RELEASE_BRANCH = /^release[-/]\d/;

/**
 * Why a PR outside the drafted branch is left out, or null when it is not: a cherry-pick, by its
 * title or into a release branch, or else a PR of another branch, named, since a config that
 * drafts a release branch sees the default branch's merges here and they are no cherry-picks.
 */
function otherBranchReason(pr: PullRequest, context: ClassifyContext, rules: CompiledRules): string | null {
  if (rules.re.cherryPickTitle.test(pr.title)) return "cherry-pick";
  const drafted = own(context.defaultBranches, pr.repo) ?? "master";
  if (pr.baseRef === null || pr.baseRef === drafted) return null;
  // A branch name comes from GitHub: one clean, bounded line wherever the reason is printed.
  return RELEASE_BRANCH.test(pr.baseRef) ? "cherry-pick" : `other-branch:${cleanText(pr.baseRef, 100)}`;
}

function bulletFor(pr: PullRequest, signals: PRSignals, decision: Decision & { kind: "report" }, table: RuleTable, verbForms: VerbForms | undefined): Bullet {
  if (decision.promotion) return promotionBullet(decision.promotion.feature, decision.promotion.stage, saysOnByDefault(pr), pr.url);
  if (decision.bumps) return versionBullet(pr.url, decision.bumps, table.dependencies.noVPrefix);
  const nounVerb = decision.section === "deprecated" ? (REMOVAL.test(signals.note ?? signals.title) ? "removes" : "deprecates") : "adds";
  return sentenceBullet(signals.title, signals.note, pr.url, verbForms, nounVerb);
}

// Done, not planned: "is removed", "removes", not "will be removed" or "removal planned".
const REMOVAL = /\b(?<!(?:will|to|would|may|can|should) be )removed\b|\bremov(?:es|ing)\b/i;

/** Everything classifyWeek decides about one PR that no other PR changes. Pure. */
function judge(pr: PullRequest, context: ClassifyContext, compiled: CompiledRules, rules: RuleTable): Verdict {
  if (!context.prepared && !inWeek(pr, context.week)) return { kind: "skip", reason: "outside-week" };
  const signals = readSignals(pr, compiled);
  const away = otherBranchReason(pr, context, compiled);
  if (away === "cherry-pick") {
    const bump = judgeBump(pr, signals, compiled);
    return bump && "bumps" in bump ? { kind: "backport", bumps: bump.bumps } : { kind: "skip", reason: away };
  }
  if (away !== null) return { kind: "skip", reason: away };
  const decision = decide(pr, signals, compiled);
  if (decision.kind === "skip") return { kind: "skip", reason: decision.reason };
  const { section } = decision;
  const features = prFeatures(pr, signals, section);
  const bullet = bulletFor(pr, signals, decision, rules, context.verbForms);
  const entry = classifiedEntry(pr, decision, bullet, signals.kep, scoreFeatures(NOTABILITY_MODEL, features));
  const featured = signals.kep ? { pr, section, features, kep: signals.kep } : { pr, section, features };
  return { kind: "report", entry, featured, bumps: decision.bumps };
}

const roundScore = (probability: number): number => Math.round(probability * 1000) / 1000;

/**
 * Two literals rather than one with a conditional spread: V8 copies a spread through its slow
 * path, which a week of tens of thousands of PRs paid for per PR. The keys keep their order.
 */
function classifiedEntry(pr: PullRequest, decision: Decision & { kind: "report" }, bullet: Bullet, kep: string | undefined, notability: ModelScore): ClassifiedPR {
  const { section, reason } = decision;
  const line = renderBullet(bullet);
  const score = roundScore(notability.probability);
  const { signals } = notability;
  return kep ? { pr, section, reason, line, bullet, kep, score, signals } : { pr, section, reason, line, bullet, score, signals };
}

/**
 * Sorts a week's merged PRs into LWKD sections. Every input PR lands exactly once, in `reported`
 * or in `skipped`, so the draft can account for the whole week. Pure: no I/O, no clock.
 */
export function classifyWeek(
  prs: readonly PullRequest[],
  context: ClassifyContext,
  rules: RuleTable = DEFAULT_RULES,
): Classification {
  const compiled = compileRules(rules);
  // Each loop over the week is a function of its own: V8 optimizes a long loop while it runs, and
  // code after it that had not run yet then threw the optimized whole away, judge and all.
  const verdicts = judgeInReadOrder(prs, context, compiled, rules);
  const tally = tallyVerdicts(prs, verdicts, (pr) => judge(pr, context, compiled, rules), context.prepared ? () => true : pullRequestSightings());
  addBackports(tally, rules);
  const { reported, positions, skipped, featuredInputs, duplicates } = tally;

  const ranked = rankFeatured(featuredInputs, rules.featured.count * 2).map((candidate) => ({ ...candidate, score: roundScore(candidate.score) }));
  const candidates = ranked.slice(0, rules.featured.count);
  const top = candidates[0];
  if (rules.featured.mode === "top" && top && top.score >= rules.featured.minScore) {
    const entry = reported.find((item) => item.pr === top.pr);
    if (entry) [entry.section, entry.reason] = ["featured", `featured:top-score+${entry.reason}`];
  }
  return { reported: sortReported(reported, duplicates > 0 ? lastPositions(prs, reported) : positions), skipped, featuredCandidates: candidates, featuredSpares: ranked.slice(candidates.length) };
}

/** The verdicts of the PRs `context.readOrder` names, by their index in `prs`; the rest left undefined. */
function judgeInReadOrder(prs: readonly PullRequest[], context: ClassifyContext, compiled: CompiledRules, rules: RuleTable): Array<Verdict | undefined> {
  // One slot per PR, filled out of order: a packed array stays one, where writes past its end could not.
  const verdicts: Array<Verdict | undefined> = prs.map(() => undefined);
  for (const index of context.readOrder ?? []) {
    const pr = prs[index];
    if (pr) verdicts[index] = judge(pr, context, compiled, rules);
  }
  return verdicts;
}

/** The week's PRs as classifyWeek reports them, before backports are grouped and lines sorted. */
interface Tally {
  reported: ClassifiedPR[];
  /** Where each of `reported` stands in `prs`, index for index. */
  positions: number[];
  skipped: SkippedPR[];
  featuredInputs: FeaturedInput[];
  backports: Map<string, Backports>;
  masterBumps: Map<string, ClassifiedPR>;
  /** PRs given again after their first sighting. */
  duplicates: number;
}

/** Each PR's verdict in the order of `prs`, judging those `verdicts` lacks; a PR `firstSighting` has seen is a duplicate. */
function tallyVerdicts(
  prs: readonly PullRequest[],
  verdicts: ReadonlyArray<Verdict | undefined>,
  judgeOne: (pr: PullRequest) => Verdict,
  firstSighting: (pr: PullRequest) => boolean,
): Tally {
  const tally: Tally = { reported: [], positions: [], skipped: [], featuredInputs: [], backports: new Map(), masterBumps: new Map(), duplicates: 0 };
  for (let position = 0; position < prs.length; position++) {
    const pr = prs[position]!;
    if (!firstSighting(pr)) {
      tally.skipped.push({ pr, reason: "duplicate" });
      tally.duplicates++;
      continue;
    }
    const verdict = verdicts[position] ?? judgeOne(pr);
    if (verdict.kind === "skip") {
      tally.skipped.push({ pr, reason: verdict.reason });
    } else if (verdict.kind === "backport") {
      const key = `${pr.repo} ${bumpKey(verdict.bumps)}`;
      const group = tally.backports.get(key) ?? { bumps: verdict.bumps, members: [] };
      group.members.push({ pr, position });
      tally.backports.set(key, group);
    } else {
      tally.reported.push(verdict.entry);
      tally.positions.push(position);
      if (verdict.bumps) tally.masterBumps.set(`${pr.repo} ${bumpKey(verdict.bumps)}`, verdict.entry);
      tally.featuredInputs.push(verdict.featured);
    }
  }
  return tally;
}

/** One Version Updates line per dependency bump cherry-picked to release branches, unless master's PR has it. */
function addBackports(tally: Tally, rules: RuleTable): void {
  for (const [key, group] of tally.backports) {
    const members = [...group.members].sort((a, b) => a.pr.number - b.pr.number);
    const lead = members[0];
    if (!lead) continue;
    const master = tally.masterBumps.get(key)?.pr;
    if (!master) {
      const branches = branchesPhrase(members.map((member) => releaseBranchVersion(member.pr)));
      const bullet = versionBullet(lead.pr.url, group.bumps, rules.dependencies.noVPrefix, branches);
      tally.reported.push({ pr: lead.pr, section: "version_updates", reason: "cherry-pick:version-bump", line: renderBullet(bullet), bullet, score: 0, signals: [] });
      tally.positions.push(lead.position);
    }
    const leadPr = master ?? lead.pr;
    for (const { pr } of members) {
      if (pr !== leadPr) tally.skipped.push({ pr, reason: `grouped-into #${leadPr.number}` });
    }
  }
}

/**
 * Where each reported PR was last given: a PR object given twice has always sorted by its second
 * place. Only a week with duplicates pays for this Map; a drafted week's PRs are unique.
 */
function lastPositions(prs: readonly PullRequest[], reported: readonly ClassifiedPR[]): number[] {
  const last = new Map(prs.map((pr, index) => [pr, index]));
  return reported.map((entry) => last.get(entry.pr) ?? 0);
}

// The post's order, the one the JSON's sections and the template follow too.
const SECTION_RANK = new Map<string, number>(SECTION_KEYS.map((key, index) => [key, index]));

/** Sections in the post's order; within one, as the PRs were given (Other Merges likeliest first). */
function sortReported(reported: readonly ClassifiedPR[], positions: readonly number[]): ClassifiedPR[] {
  // Sort keys are read once per line rather than once per comparison: a week can hold tens of thousands.
  const keyed = reported.map((entry, index) => ({
    entry,
    rank: SECTION_RANK.get(entry.section) ?? SECTION_KEYS.length,
    // Other Merges runs from the likeliest line to the least, so an editor cuts from the bottom.
    score: entry.section === "other_merges" ? entry.score : 0,
    position: positions[index] ?? 0,
  }));
  keyed.sort((a, b) => a.rank - b.rank || b.score - a.score || a.position - b.position);
  return keyed.map(({ entry }) => entry);
}
