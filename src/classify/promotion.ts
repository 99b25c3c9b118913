import type { PullRequest } from "../types.js";
import type { CompiledRules, PRSignals } from "./signals.js";
import { capitalizeFirst, isGateName } from "./words.js";

function gateIn(text: string): string | undefined {
  return text.split(/[^\w]+/).find(isGateName);
}

export type Stage = "Beta" | "GA";

export interface Promotion {
  /** The feature gate (or feature) as the newsletter names it. */
  feature: string;
  stage: Stage;
  reason: string;
}

const FILLER = /^(?:the|a|an)\s+|\s+(?:feature(?:\s+gates?)?|gates?|field|fields|support|api)\s*$/gi;

function stageOf(word: string): Stage {
  return /^beta$/i.test(word.trim()) ? "Beta" : "GA";
}

/** Names the feature: a gate-like CamelCase word in the matched words, else those words, else a gate nearby. */
function featureName(segment: string, ...fallbacks: string[]): string | undefined {
  const gate = gateIn(segment);
  if (gate) return gate;
  const words = segment.replace(/[,;:]+$/, "").replace(FILLER, "").replace(FILLER, "").trim();
  if (words !== "" && words.split(/\s+/).length <= 6) return capitalizeFirst(words);
  for (const text of fallbacks) {
    const nearby = gateIn(text);
    if (nearby) return nearby;
  }
  return undefined;
}

/** The subject of "X is now GA" / "X are now beta": the words before the verb in that sentence. */
function subjectBefore(note: string, index: number): string {
  const before = note.slice(0, index);
  const sentenceStart = Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n")) + 1;
  return before.slice(sentenceStart).trim();
}

function touchesGateTable(pr: PullRequest, rules: CompiledRules): boolean | undefined {
  if (!pr.files) return undefined;
  return pr.files.some((file) => rules.table.files.featureGates.includes(file.path));
}

/**
 * A feature moving to beta or GA. The title is the author's headline and decides first; a release
 * note alone counts unless the changed files are known and leave the feature-gate table alone.
 */
export function detectPromotion(pr: PullRequest, signals: PRSignals, rules: CompiledRules): Promotion | null {
  const { re } = rules;
  if (re.notAFeaturePromotion.test(signals.title)) return null;
  const gates = touchesGateTable(pr, rules);
  const confirmed = gates === true ? "+files:feature-gate-table" : "";
  const note = signals.note ?? "";

  const title = signals.title.match(re.promotionTitle);
  if (title) {
    const stage = stageOf(title[2] ?? title[3] ?? "");
    // "Leader Migration graduated to beta": with nothing between the verb and the stage, the feature is the subject.
    const object = title[1] ?? "";
    const feature = featureName(object.trim() === "" ? subjectBefore(signals.title, title.index ?? 0) : object, signals.title, note);
    if (feature) return { feature, stage, reason: `title:promote-to-${stage.toLowerCase()}${confirmed}` };
  }
  if (re.lockToDefault.test(signals.title)) {
    const feature = featureName("", signals.title, note);
    if (feature) return { feature, stage: "GA", reason: `title:lock-to-default${confirmed}` };
  }
  if (gates === false || note === "") return null;
  const fromNote = note.match(re.promotionNote);
  if (!fromNote) return null;
  const stated = fromNote[1] ?? fromNote[2];
  const stage = stageOf(stated ?? fromNote[4] ?? "");
  const segment = stated !== undefined ? subjectBefore(note, fromNote.index ?? 0) : (fromNote[3] ?? "");
  const feature = featureName(segment, signals.title);
  if (!feature) return null;
  return { feature, stage, reason: `release-note:promote-to-${stage.toLowerCase()}${confirmed}` };
}
