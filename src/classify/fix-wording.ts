import { WORD_GAP, baseVerb, thirdPerson } from "./words.js";

/**
 * "Fixed a bug where kubectl did not print X" names a bug; the newsletter says what works now:
 * "kubectl now prints X". Restating is only safe when the clause has a plain subject and an
 * auxiliary (or, after "a bug where", a past-tense verb) to turn around; anything else is left as
 * it was, since a wrong restatement would say the opposite of the fix.
 */

const FIX = /^fix(?:e[sd]|ing)?\s+/i;
/** "a bug where", "an issue in which", "the regression when": the clause that follows is the bug. */
const BUG_LEAD = /^(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?:bug|issue|regression|problem|race(?:\s+condition)?|panic|case|situation)s?\s+(?:where|in\s+which|whereby|when|that)\s+/i;
const MODAL = new Set(["would", "could", "can", "may", "might", "will", "should"]);
const NEGATED_MODAL = new Map([["wouldn't", "would"], ["couldn't", "could"], ["can't", "can"], ["cannot", "can"], ["won't", "will"], ["shouldn't", "should"]]);
const DO = new Set(["do", "does", "did"]);
const NEGATED_DO = new Set(["don't", "doesn't", "didn't"]);
const BE = new Set(["is", "are", "was", "were"]);
const NEGATED_BE = new Map([["isn't", "is"], ["aren't", "are"], ["wasn't", "was"], ["weren't", "were"]]);
const FAIL = /^fail(?:s|ed)?$/;
/** A subject holding one of these is a clause of its own: the first auxiliary may not be its verb. */
const NOT_IN_SUBJECT = /^(?:that|which|who|whose|when|where|while|if|because|after|before|how|what|why|to|by|so|since|although|unless|and|or|there|it)$/i;
const PREPOSITION = /^(?:in|on|of|for|with|to|from|by|at|into|during|via|under|over)$/i;
const PLURAL_AUX = new Set(["are", "were"]);
const CODE_SPACE = "\u0000";
// Module constants: a regular expression literal in a function is a new object each time it runs.
const CODE_SPAN = /`[^`]*`/g;
const WHITESPACE = /\s/g;
const CONTRAST = /\s(?:but|yet|although|though|whereas)\s/i;
/**
 * What bugs do, in the past tense a note tells them in: "a bug where kubelet crashed" reads "kubelet
 * no longer crashes". Only here: as the first word of a title, "Panic when X" names the bug.
 */
const BUG_PAST = new Map([["crashed", "crash"], ["panicked", "panic"], ["leaked", "leak"], ["hung", "hang"], ["stalled", "stall"], ["missed", "miss"]]);

function isPluralSubject(subject: readonly string[]): boolean {
  const head = subject.at(-1) ?? "";
  if (subject.some((word) => word.toLowerCase() === "and")) return true;
  return !head.includes("`") && /[^su]s$/.test(head) && !/(?:ss|us|is)$/.test(head);
}

function agree(base: string, plural: boolean): string {
  if (base === "be") return plural ? "are" : "is";
  if (base === "have") return plural ? "have" : "has";
  return plural ? base : thirdPerson(base);
}

/** A plain lowercase word that can be the verb after "would"/"did not": not an adverb ("always", "incorrectly"). */
const isWord = (word: string | undefined): word is string => word !== undefined && /^[a-z]+$/.test(word) && !ADVERB.test(word);
const ADVERB = /^(?:always|never|sometimes|still|also|only|just|even|already|not|wrongly|[a-z]+ly)$/;

/** After a modal, "be" keeps its place before the negation: "is no longer", "are now". */
function modalPredicate(verb: string, plural: boolean, when: "now" | "no longer", rest: readonly string[]): string[] {
  const adverb = when.split(" ");
  return verb === "be" ? [agree("be", plural), ...adverb, ...rest] : [...adverb, agree(verb, plural), ...rest];
}

/** The predicate that says the bug is gone, from the auxiliary at words[i]; undefined when there is none. */
function turnAround(words: readonly string[], i: number, plural: boolean): string[] | undefined {
  const word = (words[i] ?? "").toLowerCase();
  const next = words[i + 1]?.toLowerCase();
  const after = words[i + 2]?.toLowerCase();
  if (BE.has(word) || NEGATED_BE.has(word)) {
    const be = PLURAL_AUX.has(NEGATED_BE.get(word) ?? word) ? "are" : "is";
    if (next === "not") return [be, "now", ...words.slice(i + 2)];
    return NEGATED_BE.has(word) ? [be, "now", ...words.slice(i + 1)] : [be, "no", "longer", ...words.slice(i + 1)];
  }
  if ((MODAL.has(word) || DO.has(word)) && next === "not") return isWord(after) ? modalPredicate(after, plural, "now", words.slice(i + 3)) : undefined;
  if (NEGATED_MODAL.has(word) || NEGATED_DO.has(word)) return isWord(next) ? modalPredicate(next, plural, "now", words.slice(i + 2)) : undefined;
  if (MODAL.has(word)) return isWord(next) ? modalPredicate(next, plural, "no longer", words.slice(i + 2)) : undefined;
  if (FAIL.test(word) && next === "to") return isWord(after) ? ["now", agree(after, plural), ...words.slice(i + 3)] : undefined;
  return undefined;
}

function isAuxiliary(word: string): boolean {
  const lower = word.toLowerCase();
  return BE.has(lower) || NEGATED_BE.has(lower) || MODAL.has(lower) || NEGATED_MODAL.has(lower) || DO.has(lower) || NEGATED_DO.has(lower) || FAIL.test(lower);
}

function validSubject(subject: readonly string[]): boolean {
  return subject.length > 0 && subject.length <= 6 && !subject.some((word) => NOT_IN_SUBJECT.test(word) || ADVERB.test(word) || /[,;:]$/.test(word));
}

/** The restated clause, or undefined when it cannot be turned around safely. */
function restate(words: string[], afterBugLead: boolean): string | undefined {
  const window = Math.min(words.length - 1, 8);
  for (let i = 1; i < window; i++) {
    if (!isAuxiliary(words[i] ?? "")) continue;
    const subject = words.slice(0, i);
    if (!validSubject(subject)) {
      // "where kubelet crashed when the name was long": the auxiliary is the inner clause's, and
      // only after a bug lead may a past-tense verb before it be the main one.
      if (afterBugLead) break;
      return undefined;
    }
    const predicate = turnAround(words, i, isPluralSubject(subject));
    return predicate ? [...subject, ...predicate].join(" ") : undefined;
  }
  // "where kubelet restarted the pod": only after an explicit bug lead is a bare verb the clause's.
  if (!afterBugLead) return undefined;
  for (let i = 1; i < Math.min(window, 5); i++) {
    const word = words[i] ?? "";
    const base = baseVerb(word) ?? BUG_PAST.get(word);
    if (base === undefined || !(/^[a-z]+ed$/.test(word) || BUG_PAST.has(word))) continue;
    const subject = words.slice(0, i);
    if (!validSubject(subject) || subject.some((part) => PREPOSITION.test(part))) return undefined;
    return [...subject, "no", "longer", agree(base, isPluralSubject(subject)), ...words.slice(i + 1)].join(" ");
  }
  return undefined;
}

/** "Fix X is negative" → "X is no longer negative"; undefined when the text is not such a fix. */
export function restateFix(text: string): string | undefined {
  const fix = text.match(FIX);
  if (!fix) return undefined;
  let rest = text.slice(fix[0].length);
  const lead = rest.match(BUG_LEAD);
  if (lead) rest = rest.slice(lead[0].length);
  // "a bug that resulted in ...", "an issue that could ...": the bug is the subject, there is none to restate.
  if (lead && /that\s+$/i.test(lead[0]) && /^(?:[a-z]+ed|[a-z]+s|would|could|can|may|might|will|should)$/.test(rest.split(/\s/, 1)[0] ?? "")) return undefined;
  // "X would download the keys, but would not write them": the bug is the half after "but", which
  // turning the first half around would miss, saying the opposite of the fix.
  if (CONTRAST.test(rest)) return undefined;
  // Spaces inside code spans must not split them: "`field is immutable`" holds no auxiliary.
  const trimmed = rest.trim();
  const words = (trimmed.includes("`") ? trimmed.replace(CODE_SPAN, (span) => span.replace(WHITESPACE, CODE_SPACE)) : trimmed).split(WORD_GAP);
  if (words.length < 3) return undefined;
  return restate(words, lead !== null)?.replaceAll(CODE_SPACE, " ");
}
