import type { PullRequest } from "../types.js";
import { type DependencyBump, judgeBump } from "./dependency.js";
import { type Promotion, detectPromotion } from "./promotion.js";
import type { ClassifiedSection } from "./rules.js";
import { type CompiledRules, type PRSignals, firstLabel, hasAny } from "./signals.js";

export type Decision =
  | { kind: "report"; section: ClassifiedSection; reason: string; promotion?: Promotion; bumps?: DependencyBump[] }
  | { kind: "skip"; reason: string };

const report = (section: ClassifiedSection, reason: string): Decision => ({ kind: "report", section, reason });
const skip = (reason: string): Decision => ({ kind: "skip", reason });

/** Whether a bot wrote the PR, or an author the rules skip; the patterns are lowered once per run, not per PR. */
export function isSkippedAuthor(pr: PullRequest, patterns: CompiledRules["skipAuthors"]): boolean {
  if (pr.authorIsBot) return true;
  const login = pr.author.toLowerCase();
  return patterns.some(({ suffix, text }) => (suffix ? login.endsWith(text) : login === text));
}

/** k8s-ci-robot, dependabot[bot]: a person named in `skipAuthors` is skipped as listed there, not as a bot. */
const ROBOT_LOGIN = /(?:bot|\[bot\])$/i;

/** "kubelet: ", "api: ": an area before the title proper. */
const AREA_PREFIX = /^[^:]{1,40}:\s+/;

/** Sections that carry their own format and win over every skip rule. */
function specialSection(pr: PullRequest, s: PRSignals, rules: CompiledRules): Decision | null {
  const { table, re } = rules;
  const deprecationLabel = firstLabel(s.labels, table.labels.deprecation);
  if (deprecationLabel) return report("deprecated", `label:${deprecationLabel}`);
  if (re.gateRemoved.test(s.title)) return report("deprecated", "title:feature-gate-removed");
  if (s.note && re.gateRemoved.test(s.note)) return report("deprecated", "release-note:feature-gate-removed");
  const promotion = detectPromotion(pr, s, rules);
  if (promotion) return { kind: "report", section: "promotions", reason: promotion.reason, promotion };
  const bump = judgeBump(pr, s, rules);
  if (bump && "skip" in bump) return skip(bump.skip);
  if (bump) return { kind: "report", section: "version_updates", reason: bump.reason, bumps: bump.bumps };
  const deprecates = (text: string): boolean => re.deprecation.test(text) && !re.deprecatedUsage.test(text);
  if (deprecates(s.title)) return report("deprecated", "title:deprecate");
  if (re.removal.test(s.title.replace(AREA_PREFIX, ""))) return report("deprecated", "title:remove-user-facing");
  if (s.note && deprecates(s.note)) return report("deprecated", "release-note:deprecate");
  if (s.note && re.removedInNote.test(s.note)) return report("deprecated", "release-note:remove-user-facing");
  return null;
}

/**
 * Changes editors almost never report, whatever their note says: documentation, flakes and failing
 * tests (about 40 % listed in 15 release cycles) unless they also add a feature or change an API.
 */
function rarelyReported(s: PRSignals, rules: CompiledRules): Decision | null {
  const { table } = rules;
  if (hasAny(s.labels, table.labels.feature) || hasAny(s.labels, table.labels.apiChange)) return null;
  const label = firstLabel(s.labels, table.labels.flake) ?? firstLabel(s.labels, table.labels.documentation);
  return label ? skip(`label:${label}`) : null;
}

/** A NONE note (or none at all) on a typo, docs or test change: nothing a reader would notice. */
function routineWithoutNote(s: PRSignals, rules: CompiledRules): Decision | null {
  const { re } = rules;
  if (re.typoOrComment.test(s.title)) return skip("title:typo-or-comment");
  if (re.docsOnly.test(s.title)) return skip("title:docs-only");
  if (re.testOnly.test(s.title)) return skip("title:test-only");
  return null;
}

/** Why a PR with a real release note is listed: editors list about two thirds of them, of every kind. */
function releaseNoteReason(s: PRSignals, rules: CompiledRules): string {
  const { table } = rules;
  if (hasAny(s.labels, table.labels.apiChange)) return "label:kind/api-change";
  if (s.actionRequired) return "release-note:action-required";
  if (hasAny(s.labels, table.labels.feature)) return "label:kind/feature";
  return "release-note";
}

/**
 * A PR whose author wrote NONE (or whose source lost the note) is listed only on a strong signal that
 * it matters to readers; the rest is the week's routine work.
 */
function withoutNote(pr: PullRequest, s: PRSignals, rules: CompiledRules): Decision {
  const { table, re } = rules;
  const routine = routineWithoutNote(s, rules);
  if (routine) return routine;
  const feature = hasAny(s.labels, table.labels.feature);
  const bug = hasAny(s.labels, table.labels.bug);
  const cleanup = hasAny(s.labels, table.labels.cleanup);
  if (hasAny(s.labels, table.labels.apiChange)) return report("other_merges", "label:kind/api-change");
  if (feature && re.groundwork.test(s.title)) return skip("release-note:none+groundwork");
  if (feature && s.kep) return report("other_merges", "label:kind/feature+kep");
  if (feature && re.newFeatureGate.test(`${s.title}\n${pr.body}`)) return report("other_merges", "label:kind/feature+new-feature-gate");
  if (bug && re.security.test(s.title)) return report("other_merges", "title:security-fix");
  if (bug && re.crash.test(s.title)) return report("other_merges", "title:crash-fix");
  if (!cleanup && re.userFacingTool.test(s.title)) return report("other_merges", "title:user-facing-tool");
  if (!bug && re.buildTooling.test(s.title)) return report("other_merges", "title:build-tooling");
  if (!cleanup && re.newMetric.test(s.title)) return report("other_merges", "title:new-metric");
  // Real merged PRs always carry a release-note label; without one the source lost it, so an editor decides.
  if (s.noteState === "absent") return report("other_merges", "release-note:unknown");
  if (cleanup) return skip("release-note:none+cleanup");
  if (bug) return skip("release-note:none+bug");
  return skip(feature ? "release-note:none+feature" : "release-note:none");
}

/**
 * The rule cascade for one PR on the default branch; the first rule that matches decides, and its
 * name becomes the reason.
 */
export function decide(pr: PullRequest, s: PRSignals, rules: CompiledRules): Decision {
  if (isSkippedAuthor(pr, rules.skipAuthors)) return skip(pr.authorIsBot || ROBOT_LOGIN.test(pr.author) ? "author:bot" : "author:skip-authors");
  const skipTitle = rules.skipTitles.find(([, pattern]) => pattern.test(pr.title));
  if (skipTitle !== undefined) return skip(`title:skip-pattern ${skipTitle[0]}`);
  const special = specialSection(pr, s, rules);
  if (special) return special;
  const rare = rarelyReported(s, rules);
  if (rare) return rare;
  if (s.noteState === "text") return report("other_merges", releaseNoteReason(s, rules));
  return withoutNote(pr, s, rules);
}
