import { baseVerb, thirdPerson } from "./words.js";

/** "fix", "fixes", "fixed": the three forms a line's leading verb can take. */
export type VerbForm = "base" | "third" | "past";

/**
 * Which form editors give a line's leading verb, learned from the picks files by `npm run train`:
 * by the verb and the form the release note or title wrote it in ("add:past"), else by that form
 * alone. Editors keep "Added" and "Removed" as the note has them but turn "Fixed" into "Fix"; they
 * write the present tense ("Fixes") least of all.
 */
export interface VerbForms {
  byVerb: ReadonlyMap<string, VerbForm>;
  bySource: ReadonlyMap<VerbForm, VerbForm>;
}

/** The rules' form when nothing is learned: a present-tense statement ("Fixes X"). */
export const PRESENT_TENSE: VerbForms = { byVerb: new Map(), bySource: new Map() };

/** The form `word` has as a form of `base`; a past participle the rules cannot tell from the past tense counts as past. */
export function formOf(word: string, base: string): VerbForm {
  const lower = word.toLowerCase();
  if (lower === base) return "base";
  return lower === thirdPerson(base) ? "third" : "past";
}

export const verbKey = (base: string, source: VerbForm): string => `${base}:${source}`;

/**
 * The leading verb as editors would write it. Only the source's own form, the base form or the
 * present tense can be written without a table of English past tenses: "Remove X" never becomes
 * "Removed X", though "Removed X" may stay.
 */
export function leadingVerbText(word: string, forms: VerbForms): string {
  const base = baseVerb(word);
  if (base === undefined) return word;
  const source = formOf(word, base);
  const chosen = forms.byVerb.get(verbKey(base, source)) ?? forms.bySource.get(source) ?? "third";
  if (chosen === "base") return base;
  if (chosen === "third") return thirdPerson(base);
  return word.toLowerCase();
}

/** Whether `word` is the third-person form: a second action after "and" then takes that form too. */
export function isPresentTense(word: string): boolean {
  const base = baseVerb(word);
  return base !== undefined && formOf(word, base) === "third";
}
