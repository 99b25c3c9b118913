import type { PullRequest } from "../types.js";
import { releaseNoteBlock } from "./signals.js";
import { houseSpellText } from "./spellings.js";

/**
 * How a promotion reads. A beta feature that is on by default reaches every cluster, which readers
 * care about; the tool only says so when the PR says so, never by guessing from the stage.
 */

const ON_BY_DEFAULT = [
  /\b(?:enabled|on|turned\s+on)\s+by\s+default\b/i,
  // "..., which enables the internalTrafficPolicy field of Service by default"
  /\benables?\b[^.;:\n]{0,80}?\bby\s+default\b/i,
  /\bdefaults?\s+to\s+(?:true|on|enabled)\b/i,
];
/** "not enabled by default", "no longer on by default": the sentence says the opposite. */
const NEGATED = /\b(?:not|no\s+longer|never|neither|nor)\b[^.;:\n]{0,30}$|n't\b[^.;:\n]{0,30}$/i;

/** Whether the text states the feature is on by default (and does not deny it). */
export function statesOnByDefault(text: string): boolean {
  for (const pattern of ON_BY_DEFAULT) {
    const match = pattern.exec(text);
    if (match && !NEGATED.test(text.slice(Math.max(0, match.index - 40), match.index))) return true;
  }
  return false;
}

/** Whether the PR's title or release note says the feature is on by default. */
export function saysOnByDefault(pr: Pick<PullRequest, "title" | "body">): boolean {
  return statesOnByDefault(pr.title) || statesOnByDefault(releaseNoteBlock(pr.body) ?? "");
}

/** A gate is one thing; "client-go credential plugins" are several. */
function isPlural(feature: string): boolean {
  return /\s/.test(feature.trim()) && /[^su]s$/i.test(feature.trim());
}

/**
 * "ServiceInternalTrafficPolicy is beta and on by default", else "ServiceLBNodePortControl to beta":
 * editors write "to beta" 93 times in the picks files and "to Beta" 36, and "GA" always in capitals.
 */
export function promotionText(name: string, stage: "Beta" | "GA", onByDefault: boolean): string {
  const feature = houseSpellText(name);
  if (stage === "Beta" && onByDefault) return `${feature} ${isPlural(feature) ? "are" : "is"} beta and on by default`;
  return `${feature} to ${stage === "Beta" ? "beta" : stage}`;
}
