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

export function isSkippedAuthor(pr: PullRequest, patterns: readonly string[]): boolean {
  if (pr.authorIsBot) return true;
  const login = pr.author.toLowerCase();
  return patterns.some((pattern) => {
    const lower = pattern.toLowerCase();
    return lower.startsWith("*") ? login.endsWith(lower.slice(1)) : login === lower;
  });
}

/** Sections that carry their own format and win over every skip rule. */
function specialSection(pr: PullRequest, s: PRSignals, rules: CompiledRules): Decision | null {
  const { table, re } = rules;
  const deprecationLabel = firstLabel(s.labels, table.labels.deprecation);
  if (deprecationLabel) return report("deprecated", `label:${deprecationLabel}`);
  const promotion = detectPromotion(pr, s, rules);
  if (promotion) return { kind: "report", section: "promotions", reason: promotion.reason, promotion };
  const bump = judgeBump(pr, s, rules);
  if (bump && "skip" in bump) return skip(bump.skip);
  if (bump) return { kind: "report", section: "version_updates", reason: bump.reason, bumps: bump.bumps };
  const deprecates = (text: string): boolean => re.deprecation.test(text) && !re.deprecatedUsage.test(text);
  if (deprecates(s.title)) return report("deprecated", "title:deprecate");
  if (re.removal.test(s.title.replace(/^[^:]{1,40}:\s+/, ""))) return report("deprecated", "title:remove-user-facing");
  if (s.note && deprecates(s.note)) return report("deprecated", "release-note:deprecate");
  return null;
}

/** Changes editors pass over: flakes, typos, docs, tests-only, cleanups. */
function routineChange(s: PRSignals, rules: CompiledRules): Decision | null {
  const { table, re } = rules;
  const apiChange = hasAny(s.labels, table.labels.apiChange);
  const feature = hasAny(s.labels, table.labels.feature);
  const flake = firstLabel(s.labels, table.labels.flake);
  if (flake) return skip(`label:${flake}`);
  if (apiChange) return null;
  const noNote = s.noteState !== "text";
  if (noNote && re.typoOrComment.test(s.title)) return skip("title:typo-or-comment");
  if (noNote && re.docsOnly.test(s.title)) return skip("title:docs-only");
  const documentation = firstLabel(s.labels, table.labels.documentation);
  if (documentation && !feature) return skip(`label:${documentation}`);
  if (noNote && re.testOnly.test(s.title)) return skip("title:test-only");
  if (hasAny(s.labels, table.labels.cleanup)) return skip(noNote ? "release-note:none+cleanup" : "label:kind/cleanup");
  return null;
}

function bugFix(s: PRSignals, rules: CompiledRules): Decision {
  const { re } = rules;
  if (re.security.test(s.title)) return report("other_merges", "title:security-fix");
  if (re.crash.test(s.title)) return report("other_merges", "title:crash-fix");
  if (re.addsCapability.test(s.title.replace(/^[^:]{1,40}:\s+/, ""))) return report("other_merges", "title:adds-capability");
  return skip(s.noteState === "text" ? "label:kind/bug" : "release-note:none+bug");
}

/**
 * The rule cascade for one PR on the default branch; the first rule that matches decides, and its
 * name becomes the reason.
 */
export function decide(pr: PullRequest, s: PRSignals, rules: CompiledRules): Decision {
  const { table, re } = rules;
  if (isSkippedAuthor(pr, table.skipAuthors)) return skip("author:bot");
  const skipTitle = table.skipTitlePatterns.find((source) => new RegExp(source, "i").test(pr.title));
  if (skipTitle !== undefined) return skip(`title:skip-pattern ${skipTitle}`);
  const special = specialSection(pr, s, rules);
  if (special) return special;
  const routine = routineChange(s, rules);
  if (routine) return routine;

  if (hasAny(s.labels, table.labels.apiChange)) return report("other_merges", "label:kind/api-change");
  if (s.actionRequired) return report("other_merges", "release-note:action-required");
  const feature = hasAny(s.labels, table.labels.feature);
  if (feature && s.noteState === "text") return report("other_merges", "label:kind/feature");
  if (hasAny(s.labels, table.labels.bug) && !feature) return bugFix(s, rules);
  if (s.noteState === "text") return report("other_merges", "release-note");
  if (feature) {
    if (re.groundwork.test(s.title)) return skip("release-note:none+groundwork");
    if (s.kep) return report("other_merges", "label:kind/feature+kep");
  }
  if (re.buildTooling.test(s.title)) return report("other_merges", "title:build-tooling");
  if (re.newMetric.test(s.title)) return report("other_merges", "title:new-metric");
  // Real merged PRs always carry a release-note label; without one the source lost it, so an editor decides.
  if (s.noteState === "absent") return report("other_merges", "release-note:unknown");
  return skip(feature ? "release-note:none+feature" : "release-note:none");
}
