/**
 * Learns which form editors give a line's leading verb, from release notes and the lines editors
 * made of them (`lwkd_line` in the picks files). Only the counts reach the repository.
 */
import { type VerbForm, type VerbForms, formOf, verbKey } from "../src/classify/verb-forms.js";
import { leadingVerbWord } from "../src/classify/wording.js";
import { baseVerb } from "../src/classify/words.js";
import type { Pick } from "./picks.js";
import { rougeTokens } from "./rouge.js";

export interface VerbExample {
  release: string;
  /** The note's leading verb as it wrote it: "Fixed". */
  written: string;
  /** The form the editors' line gave the same verb. */
  edited: VerbForm;
}

/** A verb or a form seen fewer times than this says more about a few editors than about all. */
const MIN_VERB_SUPPORT = 5;
/** Ties go to the form the rules wrote before anything was learned, then to the shorter. */
const TIE_ORDER: readonly VerbForm[] = ["third", "base", "past"];

/** Notes whose drafted line opens with a verb that the editors' line kept, in some form. */
export function verbExamples(cycles: ReadonlyMap<string, readonly Pick[]>): VerbExample[] {
  const examples: VerbExample[] = [];
  for (const [release, picks] of cycles) {
    for (const { note } of picks) {
      if (typeof note.lwkd_line !== "string") continue;
      const written = leadingVerbWord(note.note, "note");
      const base = written === undefined ? undefined : baseVerb(written);
      if (written === undefined || base === undefined) continue;
      const kept = rougeTokens(note.lwkd_line).find((word) => baseVerb(word) === base);
      if (kept !== undefined) examples.push({ release, written, edited: formOf(kept, base) });
    }
  }
  return examples;
}

/**
 * For each verb and source form, and for each source form alone, the form editors wrote most. A
 * past tense is only learned from a past-tense source, the one the line can copy.
 */
export function learnVerbForms(examples: readonly VerbExample[]): VerbForms {
  const byVerb = new Map<string, Map<VerbForm, number>>();
  const bySource = new Map<VerbForm, Map<VerbForm, number>>();
  const count = <K>(table: Map<K, Map<VerbForm, number>>, key: K, form: VerbForm): void => {
    const counts = table.get(key) ?? new Map<VerbForm, number>();
    counts.set(form, (counts.get(form) ?? 0) + 1);
    table.set(key, counts);
  };
  for (const { written, edited } of examples) {
    const base = baseVerb(written);
    if (base === undefined) continue;
    const source = formOf(written, base);
    if (edited === "past" && source !== "past") continue;
    count(byVerb, verbKey(base, source), edited);
    count(bySource, source, edited);
  }
  return { byVerb: choose(byVerb), bySource: choose(bySource) };
}

function choose<K extends string>(table: ReadonlyMap<K, ReadonlyMap<VerbForm, number>>): Map<K, VerbForm> {
  const chosen = new Map<K, VerbForm>();
  for (const key of [...table.keys()].sort()) {
    const counts = table.get(key)!;
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    if (total < MIN_VERB_SUPPORT) continue;
    const best = [...TIE_ORDER].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0]!;
    chosen.set(key, best);
  }
  return chosen;
}

/** The table as trained-models.json holds it: sorted pairs, one a line. */
export function verbFormsJson(forms: VerbForms): string {
  const pairs = (map: ReadonlyMap<string, VerbForm>): string =>
    [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, form]) => `   [${JSON.stringify(key)}, ${JSON.stringify(form)}]`).join(",\n");
  return `{\n  "byVerb": [\n${pairs(forms.byVerb)}\n  ],\n  "bySource": [\n${pairs(forms.bySource)}\n  ]\n }`;
}
