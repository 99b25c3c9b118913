import { numberLabel, renderBullet } from "../markdown/escape.js";
import { trailingRunStart } from "../trailing-run.js";
import type { Bullet, InlineMarkdown, Pause } from "../types.js";
import { MAX_WORDS, MIN_WORDS, isBreakAt, trim } from "./shorten.js";
import { type Stripped, firstSentence, normalizePhrases, sentenceCaseTitle, stripPrefixes } from "./source-text.js";
import { VERB_FORMS } from "./models.js";
import { type VerbForms, formOf, isPresentTense, leadingVerbText } from "./verb-forms.js";
import { addArticle } from "./articles.js";
import { restateFix } from "./fix-wording.js";
import { applyHouseSpellings } from "./spellings.js";
import { type Token, endsClause, endsStatement, plain, renderTokens, tokenize } from "./tokens.js";
import {
  AUXILIARIES,
  NEGATED_AUXILIARIES,
  CLAUSE_BREAKS,
  COORDINATORS,
  DANGLING,
  PREPOSITIONS,
  SUBORDINATE_START,
  WORD_GAP,
  baseVerb,
  capitalizeFirst,
  isFiniteVerb,
  isIdentifier,
  thirdPerson,
} from "./words.js";

export { MAX_WORDS, MIN_WORDS } from "./shorten.js";
const MAX_LINK_WORDS = 6;

const ARTICLES = new Set(["a", "an", "the"]);
const PARENTHETICAL = /\s+\([^()`]+\)/g;
const GENERIC_FIX = /^(?:(?:a|an|the)\s+)?(?:bug|issue|regression|problem|panic|race(?:\s+condition)?|crash)s?$/i;
/** Sentence-initial words of a noun phrase that are plain English, lowercase after "Adds". */
const COMMON_OPENER = /^(?:the|a|an|new|support|improved|better|more|optional|initial|basic|experimental|default|custom|dynamic|[a-z]+(?:ed|ing|al|ive|ble|ous|tion|ment|ness|ity|ary|ic))$/;
const SELF_REFERENCE = /^(?:this|the)\s+(?:change|pr|pull request|commit|patch)\b/i;
const TRAILING_COMMA = /,$/;
const PARTICIPLE_ENDING = /(?:ed|ing)$/;
const CAPITALIZED_WORD = /^[A-Z][a-z]+$/;
const LOWERCASE_WORD = /^[a-z]+$/;
const USED = /^used$/i;
const REQUIREMENT = new Set(["should", "must"]);
/** "support for X", "a flag to disable Y": words that start an object's complement. */
const COMPLEMENT_STARTS = new Set(["for", "of", "to"]);

interface Structure {
  tokens: Token[];
  /** Index of the main verb; -1 when there is none (only for an empty draft). */
  verb: number;
  hardCut: boolean;
}

/** How a candidate may read badly: "If X, ..." openers, "This PR ..." self-references, "run this:" intros. */
interface Draft extends Structure {
  /** A bare noun phrase ("CEL admission plugin") that got "Adds" as its verb: weaker than a real sentence. */
  nounPhrase: boolean;
  /** Two words at most, which "Adds support for" had to pad: a guess at what the PR did ("endpoint race"). */
  padded: boolean;
  subordinate: boolean;
  selfReference: boolean;
  incomplete: boolean;
}

const RELATIVE = new Set(["which", "that", "who", "whose", "whom"]);
/** Verb forms that carry a clause's tense: "been" or "be" only continue a verb group. */
const TENSED = new Set([..."is are was were will would can could should may might must has have had does do".split(" "), ...NEGATED_AUXILIARIES]);
const isTensed = (token: Token | undefined): boolean =>
  token !== undefined && !token.code && (TENSED.has(plain(token)) || (isFiniteVerb(token.text) && !AUXILIARIES.has(plain(token))));

/**
 * "X which was deprecated in 1.25 is now removed": the relative clause holds the first verb, and a
 * short line cut there would say nothing of the news. Without it, the main verb comes into reach.
 */
function withoutRelativeClause(tokens: Token[]): Token[] {
  for (let i = 1; i < Math.min(tokens.length, 8); i++) {
    // A verb before the pronoun means the pronoun belongs to the object ("serves APIs that have ...").
    if (isTensed(tokens[i - 1]) || endsStatement(tokens[i - 1])) return tokens;
    if (!RELATIVE.has(plain(tokens[i])) || !isTensed(tokens[i + 1])) continue;
    // The clause's own verb group ("have previously been running") is not the main verb.
    let j = i + 2;
    while (j < tokens.length && !tokens[j]!.code && baseVerb(tokens[j]!.text) !== undefined) j++;
    for (; j < Math.min(tokens.length, i + 14); j++) {
      if (endsStatement(tokens[j - 1])) return tokens;
      if (!isTensed(tokens[j])) continue;
      const subject = tokens.slice(0, i).map((part, index) => (index === i - 1 ? { ...part, trail: part.trail.replace(TRAILING_COMMA, "") } : part));
      return [...subject, ...tokens.slice(j)];
    }
    return tokens;
  }
  return tokens;
}

/**
 * Whether the verb found is the main clause's, after a plain subject: not the verb of an opener
 * ("When invoked, ..."), of a relative clause ("Logs that were ..."), or a second verb after one.
 */
function isMainClauseVerb(tokens: readonly Token[], verb: number): boolean {
  const first = tokens[0];
  if (!first || first.code === false && (baseVerb(first.text) !== undefined || PREPOSITIONS.has(plain(first)) || SUBORDINATE_START.test(first.text))) {
    return false;
  }
  if (!isTensed(tokens[verb]) || RELATIVE.has(plain(tokens[verb - 1]))) return false;
  return tokens.slice(0, verb).every((token, index) => {
    const word = plain(token);
    // A list before the verb ("Node affinity, node selectors ... are") has no single head to keep.
    return !isTensed(token) && !word.endsWith("n't") && !CLAUSE_BREAKS.has(word) && !RELATIVE.has(word) && !(index < verb - 1 && token.trail.includes(","));
  });
}

/** Where a subject's head noun phrase ends: before its first preposition, clause word, participle or comma; -1 if it runs to the verb. */
function subjectHead(tokens: readonly Token[], verb: number): number {
  for (let k = 1; k < verb; k++) {
    const word = plain(tokens[k]);
    if (PREPOSITIONS.has(word) || CLAUSE_BREAKS.has(word) || (tokens[k - 1]?.trail.includes(",") ?? false)) return k;
    // "endpoints passed in ...", but not "the deprecated plugin": a participle after a noun starts a modifier.
    if (k > 1 && !ARTICLES.has(plain(tokens[k - 1])) && PARTICIPLE_ENDING.test(word) && baseVerb(word) !== undefined) return k;
  }
  return -1;
}

/**
 * The subject before the verb at `verb`, short enough for a line: up to its first modifier, or all
 * of a short plain one, or else its determiner and last two words, where English puts the head noun.
 */
function shortSubject(tokens: readonly Token[], verb: number): Token[] | undefined {
  if (verb <= 6) return tokens.slice(0, verb);
  const head = subjectHead(tokens, verb);
  // "Some of the drivers": a quantifier is no head; the line would say "Some indicates". And "X and
  // Y are": half of a coordinated subject says less than the whole.
  if (head > 0 && (QUANTIFIERS.has(plain(tokens[head - 1])) || COORDINATORS.has(plain(tokens[head])))) return undefined;
  if (head > 1 && head <= 5) return tokens.slice(0, head);
  const tail = tokens.slice(verb - 2, verb);
  // "X and clients", "to dockershim": a tail that starts with a function word is no noun phrase.
  if (head > 0 || tail.some((token) => DANGLING.has(plain(token)) || PREPOSITIONS.has(plain(token)))) return undefined;
  const determiner = ARTICLES.has(plain(tokens[0])) ? [tokens[0]!] : [];
  return [...determiner, ...tail];
}

/** "the deprecated flag", "a newly added field": a past form after these describes, and the verb may come later. */
const DESCRIBING_BEFORE_PAST = new Set([...ARTICLES, "newly", "recently", "previously", "already", "been", "be", "being", "not", "no"]);

const QUANTIFIERS = new Set("some all each any none many most one both several either neither".split(" "));

/** Words that open a noun phrase: after an -s word they mark it a verb with its object. */
const DETERMINERS = new Set([...ARTICLES, "its", "their", "all", "each", "every", "any"]);
const S_ENDING = /^[a-z]{3,}[^su]s$/;

/**
 * "The kubelet recognizes the flag", "X mirrors all labels": an -s word the verb list does not know,
 * right after the subject's noun and before a determiner, is the verb; a plural noun is not followed so.
 */
function isUnknownThirdPerson(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (i > 4 || token.code || token.trail !== "" || !S_ENDING.test(token.text) || baseVerb(token.text) !== undefined) return false;
  const before = plain(tokens[i - 1]);
  return DETERMINERS.has(plain(tokens[i + 1])) && !tokens[i - 1]!.trail && !PREPOSITIONS.has(before) && !DETERMINERS.has(before);
}

/** "kubeadm certs check-expiration support json output": a verb found in its base form after a subject takes its "s". */
function agreeWithSubject(tokens: Token[], verb: number): void {
  const token = tokens[verb];
  if (verb < 1 || !token || token.code) return;
  const base = baseVerb(token.text);
  if (base !== undefined && base === token.text.toLowerCase()) tokens[verb] = { ...token, text: thirdPerson(base) };
}

/** Where a clause that opens with "how", "why" or "whether" has had its verb: its subject's words and that verb are the clause's. */
function afterQuestionClause(tokens: readonly Token[], question: number): number {
  let at = question + 1;
  const end = Math.min(tokens.length, question + 8);
  while (at < end && !(isTensed(tokens[at]) || (!tokens[at]!.code && baseVerb(tokens[at]!.text) !== undefined))) at++;
  return at;
}

function findVerb(tokens: readonly Token[]): number {
  let end = Math.min(tokens.length, 8);
  let afterQuestion = false;
  for (let i = 1; i < end; i++) {
    const token = tokens[i];
    if (!token || token.code) continue;
    // "Logging of why pods fail was improved": the question's verb is not the sentence's, which may
    // come after it, and then only as a helper ("handles updates": the -s word is the object).
    if (QUESTION_WORDS.has(plain(token))) {
      i = afterQuestionClause(tokens, i);
      end = Math.min(tokens.length, i + 6);
      afterQuestion = true;
      continue;
    }
    if (afterQuestion) {
      if (TENSED.has(plain(token))) return i;
      continue;
    }
    // "kubectl now prints X": the news is "now prints", so the link starts there.
    if (isFiniteVerb(token.text) || (plain(token) === "now" && i + 1 < tokens.length)) return i;
    if (isUnknownThirdPerson(tokens, i)) return i;
    if (plain(tokens[i - 1]) === "now" && baseVerb(token.text) === token.text.toLowerCase()) return i - 1;
  }
  // A long subject ("The X controller command line flag `--y` has been removed") puts its verb
  // further on: a tense-bearing word there is still the main verb when nothing before it is one.
  for (let i = 8; i < Math.min(tokens.length, 14); i++) {
    if (isTensed(tokens[i]) && isMainClauseVerb(tokens, i) && shortSubject(tokens, i)) return i;
  }
  // Release notes of later cycles tell the change in the past tense: "kube-scheduler implemented
  // scheduling hints". A past form after a plain subject, with no verb or comma before it, is the verb.
  const opener = tokens[0];
  const plainSubject = opener !== undefined && (opener.code || (baseVerb(opener.text) === undefined && !PREPOSITIONS.has(plain(opener)) && !SUBORDINATE_START.test(opener.text)));
  for (let i = 1; plainSubject && i < Math.min(tokens.length - 1, 8); i++) {
    const token = tokens[i]!;
    const before = tokens[i - 1]!;
    if (isTensed(before) || endsClause(before) || PREPOSITIONS.has(plain(before)) || CLAUSE_BREAKS.has(plain(before))) break;
    if (DESCRIBING_BEFORE_PAST.has(plain(before))) continue;
    const base = token.code ? undefined : baseVerb(token.text);
    if (base !== undefined && formOf(token.text, base) === "past" && plain(tokens[i + 1]) !== "by") return i;
  }
  // Titles often drop the "s": "kubeadm certs check-expiration support json output" (respelled by
  // agreeWithSubject once the verb is taken).
  for (let i = 2; i < Math.min(tokens.length - 1, 8); i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const base = token.code ? undefined : baseVerb(token.text);
    // "did not report", "doesn't add": the verb group is the verb, and its base form stays one.
    const previous = plain(tokens[i - 1]);
    if (base === token.text.toLowerCase() && previous === "not" && DO_FORMS.has(plain(tokens[i - 2]))) return i - 2;
    if (base === token.text.toLowerCase() && NEGATED_DO.has(previous)) return i - 1;
    if (base === token.text.toLowerCase() && next && !PREPOSITIONS.has(plain(next)) && !DANGLING.has(previous) && previous !== "not" && !AUXILIARIES.has(previous)) return i;
  }
  return -1;
}

const PARTICLES = new Set(["on", "off", "up", "out", "down"]);
const QUESTION_WORDS = new Set(["why", "how", "whether"]);
/** "Removal of X", "Deprecation of Y": the noun of a change, and the verb it makes. */
const CHANGE_NOUNS: ReadonlyMap<string, string> = new Map([["removal", "removes"], ["deprecation", "deprecates"]]);
const DO_FORMS = new Set(["do", "does", "did"]);
const NEGATED_DO = new Set(["don't", "doesn't", "didn't"]);
/** Verbs that say what a change did: the only ones a note writes as a label ("fix: ..."). */
const CHANGE_VERBS = new Set(["fix", "add", "change", "update", "remove", "deprecate", "bump"]);
/** Verbs a title also uses as nouns: "Support on Windows", "Fix on arm64". */
const NOUN_LIKE_VERBS = new Set(["support", "fix", "update", "change", "upgrade", "report", "log", "check", "cache"]);

function leadingVerb(tokens: Token[]): boolean {
  const first = tokens[0];
  if (!first || first.code || baseVerb(first.text) === undefined) return false;
  // "Support for X" and "Fix to Y" are nouns, not instructions; "Turn on X" is a verb and its
  // particle, and "Promoted to", "Stopped using" can only be verbs.
  const next = plain(tokens[1]);
  const base = baseVerb(first.text)!;
  if (formOf(first.text, base) === "past") return !describesSubject(tokens);
  return !PREPOSITIONS.has(next) || (PARTICLES.has(next) && !NOUN_LIKE_VERBS.has(base));
}

/**
 * "Terminated Pods will not be re-admitted", "Evicted and other Pods are ...", "Deprecated in 1.20,
 * the flag is removed": a past form that opens the subject (or an opening phrase) of a later verb
 * describes; it is not the change.
 */
function describesSubject(tokens: readonly Token[]): boolean {
  if (COORDINATORS.has(plain(tokens[1]))) return true;
  let inPhrase = false;
  for (let i = 1; i < Math.min(tokens.length, 10); i++) {
    const word = plain(tokens[i]);
    if (CLAUSE_BREAKS.has(word) || RELATIVE.has(word)) return false;
    // "Exposed the endpoint for health checks": after a preposition, "checks" is a noun's plural.
    if (isTensed(tokens[i]) && (TENSED.has(word) || !inPhrase)) return true;
    if (PREPOSITIONS.has(word)) inPhrase = true;
    // A comma right after a short phrase ("Deprecated in v1.20,") ends an opener, not an object.
    if (endsClause(tokens[i])) return i <= 3 && PREPOSITIONS.has(plain(tokens[1]));
  }
  return false;
}

/** "Adds X and removes Y", "Add X and remove Y": a second action takes the leading verb's form. */
function conjugateFollowing(tokens: Token[], form: "base" | "third"): void {
  for (let i = 1; i < tokens.length - 1; i++) {
    const next = tokens[i + 1];
    if (plain(tokens[i]) !== "and" || !next || next.code || i + 1 === tokens.length - 1) continue;
    // "get, patch, edit and replace" is a list of names, not a second action.
    if (tokens.slice(Math.max(0, i - 3), i).some((token) => token.trail.includes(","))) continue;
    const base = baseVerb(next.text);
    if (base === undefined) continue;
    const lower = next.text.toLowerCase();
    if (form === "third" && lower === base) next.text = thirdPerson(base);
    if (form === "base" && lower === thirdPerson(base)) next.text = base;
  }
}

interface Opening {
  stripped: Stripped;
  /** The sentence's words, spelled the house way, before any is changed to make the line. */
  tokens: Token[];
  subordinate: boolean;
  selfReference: boolean;
  incomplete: boolean;
}

/** The sentence a line is drafted from, without the prefixes and openers the line never keeps. */
function opening(text: string, source: "note" | "title"): Opening {
  // A note's "kubelet: ..." prefix is cut before its first sentence is found, and its subject kept.
  const outer = source === "note" ? stripPrefixes(text) : undefined;
  const sentence = outer ? firstSentence(outer.text) : { text, incomplete: false };
  // Asides in parentheses ("(part 1)", "(via the X annotation)") never make the short line.
  const inner = stripPrefixes(sentence.text.replace(PARENTHETICAL, ""));
  const prefixed = outer?.subject && !inner.subject ? { ...inner, subject: outer.subject } : inner;
  const opened = SUBORDINATE_START.test(prefixed.text);
  // "In the X object, the Y field now accepts Z": a phrase that sets the scene is no condition, and
  // a sentence that has none after its comma is read whole, as before.
  const main = opened || FRAMING_START.test(prefixed.text) ? mainClause(prefixed.text) : undefined;
  const stripped = main === undefined ? prefixed : { ...prefixed, text: main };
  const subordinate = opened && main === undefined;
  const selfReference = SELF_REFERENCE.test(stripped.text);
  // "Fix X is negative", "Fixed a bug where X did not Y" say what was broken; the line says what works.
  const restated = restateFix(stripped.text);
  const tokens = normalizePhrases(tokenize(restated ?? stripped.text));
  if (source === "title") sentenceCaseTitle(tokens);
  applyHouseSpellings(tokens);
  return { stripped, tokens, subordinate, selfReference, incomplete: sentence.incomplete };
}

/** The verb a line drafted from `text` opens with, as the text writes it ("Fixed"), if it opens with one. */
export function leadingVerbWord(text: string, source: "note" | "title"): string | undefined {
  const { tokens } = opening(text, source);
  return leadingVerb(tokens) ? tokens[0]?.text : undefined;
}

/**
 * "Warn instead of failing", "Enable using protobuf", "Exposed the /livez endpoints for health
 * checks": a known verb that opens a sentence in which no other verb is found is its verb after all,
 * not the noun of "Adds Warn". Only "Support for X", "Fix to Y" stay nouns, unless a prefix names
 * who does them ("etcd: Update to v3.5.4").
 */
function verbOfLastResort(tokens: readonly Token[], named: boolean): boolean {
  const first = tokens[0];
  if (!first || first.code || tokens.length < 2) return false;
  const base = baseVerb(first.text);
  if (base === undefined) return isUnknownImperative(tokens);
  return named || !NOUN_LIKE_VERBS.has(base) || !PREPOSITIONS.has(plain(tokens[1]));
}

/** Words that open a sentence before its subject ("Currently the kubelet", "Now the flag"), or are it ("Setting the X was allowed"). */
const SENTENCE_ADVERB = /ly$|ing$|^(?:now|also|then|only|even|still|here|there|this|these|those|some|many|most|both|other)$/;

/** "Leave the probe path empty": a plain word the verb list does not know, before a determiner, gives an order. */
function isUnknownImperative(tokens: readonly Token[]): boolean {
  const first = tokens[0]!;
  const word = plain(first);
  // "Do not return early", "Don't retry": a negative order.
  if ((word === "do" || word === "don't") && (plain(tokens[1]) === "not" || baseVerb(tokens[1]?.text ?? "") !== undefined)) return true;
  return (
    !first.code && first.trail === "" && LOWERCASE_WORD.test(word) && DETERMINERS.has(plain(tokens[1])) &&
    !DETERMINERS.has(word) && !PREPOSITIONS.has(word) && !CLAUSE_BREAKS.has(word) && !SUBORDINATE_START.test(word) && !SENTENCE_ADVERB.test(word)
  );
}

/** "do not try to ...", "leave the path empty": the text after a "fix:" label has its own verb. */
function opensWithVerb(tokens: readonly Token[]): boolean {
  const first = plain(tokens[0]);
  return baseVerb(first) !== undefined || AUXILIARIES.has(first) || first === "do" || first === "don't" || first === "not" || isUnknownImperative(tokens);
}

function structure(text: string, source: "note" | "title", verbForms: VerbForms): Draft {
  const { stripped, subordinate, selfReference, incomplete, tokens: words } = opening(text, source);
  let tokens = words;
  let verb: number;
  const leading = leadingVerb(tokens);
  const withoutRelative = leading ? tokens : withoutRelativeClause(tokens);
  const found = leading ? -1 : findVerb(withoutRelative);
  // "fix: widget path error", "Fixed: X": with no verb after it, a change verb written as a label is the sentence's.
  const labelVerb = !leading && found < 0 && stripped.qualifier !== undefined && CHANGE_VERBS.has(baseVerb(stripped.qualifier) ?? "") && !opensWithVerb(tokens);
  if (labelVerb) tokens = [word(stripped.qualifier!), ...tokens];
  if (leading || labelVerb || (found < 0 && verbOfLastResort(tokens, (stripped.subject ?? stripped.qualifier) !== undefined))) {
    const first = tokens[0]!;
    // "`FooGate`: promoted to GA": a verb with no object says nothing without its prefix.
    const named = labelVerb ? stripped.subject : (stripped.subject ?? (tokens.length === 1 || PREPOSITIONS.has(plain(tokens[1])) ? stripped.qualifier : undefined));
    // "kubelet: fix kubelet panics": the component already follows its verb.
    const subject = named !== undefined && plain(tokens[1]) !== named.toLowerCase() ? named : undefined;
    const written = leadingVerbText(first.text, verbForms);
    // After a subject the verb agrees with it: "kubelet fixes", never "kubelet fix".
    first.text = subject && written === baseVerb(written) ? thirdPerson(written) : written;
    if (isPresentTense(first.text)) conjugateFollowing(tokens, "third");
    else if (first.text === baseVerb(first.text)) conjugateFollowing(tokens, "base");
    if (subject) tokens = [{ text: subject, code: isIdentifier(subject), lead: "", trail: "" }, ...tokens];
    verb = subject ? 1 : 0;
  } else {
    tokens = [...withoutRelative];
    verb = found;
    const qualifier = stripped.subject ?? stripped.qualifier;
    // "kubeadm: now respects X": the prefix is the subject of a predicate that opens the text.
    const predicateFirst = verb <= 1 && (plain(tokens[0]) === "now" || isTensed(tokens[0]));
    if (qualifier && (verb < 0 || predicateFirst)) {
      tokens = [{ text: qualifier, code: isIdentifier(qualifier), lead: "", trail: "" }, ...tokens];
      if (verb >= 0) verb = findVerb(tokens);
    }
    agreeWithSubject(tokens, verb);
  }
  // Room for "Adds a" in front of a noun phrase.
  let trimmed = trim(tokens, verb < 0 ? MAX_WORDS - 2 : MAX_WORDS);
  const subject = verb > 0 && trimmed.tokens.length < Math.min(tokens.length, verb + 3) && isMainClauseVerb(tokens, verb) ? shortSubject(tokens, verb) : undefined;
  if (subject) {
    // The cut fell in or before the verb phrase of a long subject, which would leave a noun phrase
    // that says nothing happened. A shorter subject and the verb phrase say what did.
    tokens = [...subject, ...tokens.slice(verb)];
    verb = subject.length;
    trimmed = trim(tokens, MAX_WORDS);
  }
  tokens = trimmed.tokens;
  if (verb >= tokens.length) verb = -1;
  const nounPhrase = verb < 0;
  if (verb < 0 && tokens.length > 0) {
    // A title that only names its change ("CEL admission plugin") reads as what the PR adds.
    tokens = [word("adds"), lowerCommonFirst(tokens[0]!), ...tokens.slice(1)];
    verb = 0;
  }
  if (verb >= 0 && tokens.length < MAX_WORDS) addArticle(tokens, verb);
  // "Adds StatefulSet `X`" is too terse to read as news; "support for" names what changed.
  const padded = nounPhrase && verb === 0 && tokens.length < MIN_WORDS;
  if (padded) tokens.splice(1, 0, word("support"), word("for"));
  return { tokens, verb, nounPhrase, padded, hardCut: trimmed.hardCut, subordinate, selfReference, incomplete };
}

const word = (text: string): Token => ({ text, code: false, lead: "", trail: "" });

/** How far into a sentence the comma that ends an opening clause may stand. */
const MAX_OPENER_WORDS = 16;
/** Enough of the main clause for its subject and verb: eight words of any length a note has. */
const CLAUSE_HEAD_CHARS = 400;
const OPENER_COMMA = /,\s+/g;
const BACK_REFERENCE = /^(?:it|its|they|them|their|this|these|those|then|we|you|there)$/i;
/** Pronouns after the subject that can only mean something the opener named: "now creates it". */
const OBJECT_REFERENCE = /^(?:it|they|them|this|these|those)$/i;
/** "If X, the kubelet now skips Y" does not say the kubelet always skips Y: a condition stays. */
const CONDITION = /^(?:if|unless|although|for example|note)\b/i;
/**
 * Phrases that open a sentence without narrowing its claim: a purpose ("To ease upgrades, X now
 * ..."), or the API object the main clause names again ("In the X object, its Y field now ...").
 * "For static pods,", "On Linux,", "By default," limit where the change holds and stay.
 */
const FRAMING_START = /^(?:to\s+[a-z]+\b|in\s+the\s+[^,]{1,80}?\s(?:object|objects|configuration|config|api|resource|resources|spec|field|type)\s*,)/i;
const BUG_TELLING = /^(?:not|never|was|were|had|did|might|could|incorrectly|wrongly|error|errors|fails?|failed|panics?|panicked|crash(?:es|ed)?)$|n't$/;

/**
 * "When creating a PVC with X, the controller now keeps Y": the news is the main clause after the
 * opener's comma. Only a clause that starts with its subject and reaches a finite verb soon is taken;
 * otherwise the comma may be a list's, and the sentence stays whole.
 */
function mainClause(text: string): string | undefined {
  if (CONDITION.test(text)) return undefined;
  for (const comma of text.matchAll(OPENER_COMMA)) {
    if (text.slice(0, comma.index).split(WORD_GAP).length > MAX_OPENER_WORDS) return undefined;
    const rest = text.slice(comma.index + comma[0].length);
    // "For X, if Y, Z": a condition after the frame still holds the main clause back.
    if (CONDITION.test(rest)) return undefined;
    // Only the clause's first words are read: a hostile note may run on for pages after the comma.
    const tokens = tokenize(rest.slice(0, CLAUSE_HEAD_CHARS));
    const first = tokens[0];
    if (!first || tokens.length < MIN_WORDS || (!first.code && (COORDINATORS.has(plain(first)) || baseVerb(first.text) !== undefined))) continue;
    // "Then X", "it", "they": a clause that points back at its opener cannot stand without it.
    if (!first.code && BACK_REFERENCE.test(first.text)) return undefined;
    const predicate = tokens.slice(1, 8);
    if (predicate.some((token) => !token.code && OBJECT_REFERENCE.test(token.text))) return undefined;
    // "When X, the pod was not restarted" tells the bug, not the change: such a clause needs its opener.
    if (predicate.some((token) => BUG_TELLING.test(plain(token)))) return undefined;
    const verb = tokens.findIndex((token, index) => index > 0 && index < 8 && (isTensed(token) || plain(token) === "now"));
    // "X, Y and Z, the user now ...": a comma before the verb means the opener's list went on.
    if (verb > 0 && tokens.slice(0, verb).every((token) => !endsClause(token))) return capitalizeFirst(rest);
    return undefined;
  }
  return undefined;
}

function lowerCommonFirst(token: Token): Token {
  const lower = token.text.toLowerCase();
  if (token.code || !CAPITALIZED_WORD.test(token.text) || !COMMON_OPENER.test(lower)) return token;
  return { ...token, text: lower };
}

function wordsBesideArticles(tokens: readonly Token[], start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) if (!ARTICLES.has(plain(tokens[i]))) count++;
  return count;
}

/** The words to link: the object after a leading verb, the predicate after a subject, or the whole noun phrase. */
/** "can be used", "is now configured": auxiliaries ending in a participle, with no word of the news yet. */
function isHelperGroup(tokens: readonly Token[], start: number, end: number): boolean {
  if (end - start < 2 || !PARTICIPLE_ENDING.test(plain(tokens[end - 1]))) return false;
  for (let i = start; i < end - 1; i++) if (!AUXILIARIES.has(plain(tokens[i])) && plain(tokens[i]) !== "now") return false;
  return true;
}

function linkSpan({ tokens, verb }: Structure): [number, number] {
  if (verb < 0) return [0, tokens.length];
  const start = verb === 0 ? 1 : verb;
  let end = start + 1;
  let cap = MAX_LINK_WORDS;
  // "Deprecate [`kubectl convert`]; it will be removed": a clause may end on the link's first word.
  while (end < tokens.length && end - start < cap && !endsClause(tokens[start])) {
    // "support for X", "a flag to disable Y": a bare object reads as a key phrase only with its complement.
    const complement = verb === 0 && COMPLEMENT_STARTS.has(plain(tokens[end])) && wordsBesideArticles(tokens, start, end) < 2;
    if (complement) cap = MAX_LINK_WORDS + 2;
    // "[can be used] to speed up X": a verb group of helpers says nothing until its purpose.
    else if (plain(tokens[end]) === "to" && isHelperGroup(tokens, start, end)) cap = MAX_LINK_WORDS + 2;
    else if (isBreakAt(tokens, end)) break;
    end++;
    if (endsClause(tokens[end - 1])) break;
  }
  if (verb === 0 && start >= tokens.length) return [0, tokens.length];
  // "[supports X and] Y", "[adds a]": a key phrase never ends on a word that needs the next one.
  while (end - start > 1 && DANGLING.has(plain(tokens[end - 1]))) end--;
  // A lone "[an]" takes the words it needs, up to the link's usual length.
  while (end < tokens.length && end - start < MAX_LINK_WORDS && DANGLING.has(plain(tokens[end - 1]))) end++;
  return [start, end];
}

function toBullet(draft: Structure, url: string): Bullet {
  const tokens = [...draft.tokens];
  const first = tokens[0];
  if (first && !first.code) tokens[0] = { ...first, text: capitalizeFirst(first.text) };
  const [start, end] = linkSpan(draft);
  const before = renderTokens(tokens, false, 0, start);
  // "[is enabled](url), cluster admins can": a clause's comma follows the link, never ends its label.
  const last = tokens[end - 1];
  const pauseStart = end < tokens.length && last ? trailingPauseStart(last.trail) : -1;
  const pause = last && pauseStart >= 0 ? (last.trail.charAt(pauseStart) as Pause) : undefined;
  if (last && pause !== undefined) tokens[end - 1] = { ...last, trail: last.trail.slice(0, pauseStart) };
  const label = renderTokens(tokens, end === tokens.length, start, end);
  const after = renderTokens(tokens, true, end);
  const bullet = bulletOf(before, label, url, after);
  // Rare: the common shapes above stay literals.
  return pause === undefined ? bullet : withPause(bullet, pause);
}

/** Where the run of commas, semicolons and colons that ends a word's trail starts; -1 if it has none. */
function trailingPauseStart(trail: string): number {
  const start = trailingRunStart(trail, PAUSES);
  return start < trail.length ? start : -1;
}

const PAUSES: ReadonlySet<string> = new Set([",", ";", ":"]);

/** The bullet with its pause after the url, where the JSON lists it. */
function withPause({ before, label, url, after, also }: Bullet, pause: Pause): Bullet {
  const head = before === undefined ? { label, url, pause } : { before, label, url, pause };
  return after === undefined ? { ...head, also } : { ...head, after, also };
}

/**
 * A bullet without its empty pieces, keys in the order the JSON output has always had. Literals,
 * not conditional spreads: V8 copies those through a slow path, once per line of a large week.
 */
function bulletOf(before: InlineMarkdown, label: InlineMarkdown, url: string, after: InlineMarkdown): Bullet {
  if (before === "") return after === "" ? { label, url, also: [] } : { label, url, after, also: [] };
  return after === "" ? { before, label, url, also: [] } : { before, label, url, after, also: [] };
}

// GENERIC_FIX names at most three words: longer spans are not rendered just to be tested.
function isGenericFix(tokens: readonly Token[], [start, end]: readonly [number, number]): boolean {
  return Math.min(end, tokens.length) - start <= 3 && GENERIC_FIX.test(renderTokens(tokens, true, start, end));
}

function penalty(draft: Draft, source: "note" | "title"): number {
  const words = draft.tokens.length;
  let score = 0;
  if (draft.subordinate) score += 5;
  if (draft.selfReference) score += 3;
  if (draft.incomplete) score += 2;
  if (draft.hardCut) score += 3;
  if (words < MIN_WORDS) score += 2;
  if (draft.nounPhrase) score += source === "note" ? 4 : 1;
  if (draft.padded) score += 3;
  // "Fixes a bug", "Fixes the panic": the line names no fix at all.
  // "kubeadm fixes a bug" says no more with its component in front.
  if ((draft.verb === 0 || draft.verb === 1) && isGenericFix(draft.tokens, [draft.verb + 1, linkSpan(draft)[1]])) score += 3;
  // "X can be", "Y is used": a cut left the predicate without its point.
  const last = draft.tokens.at(-1);
  if (draft.verb >= 0 && last && !last.code && (AUXILIARIES.has(plain(last)) || USED.test(last.text))) score += 3;
  // "allows users to configure": the cut left a purpose without its object ("to beta" is whole).
  if (plain(draft.tokens.at(-2)) === "to" && last && !last.code && LOWERCASE_WORD.test(last.text) && baseVerb(last.text) === last.text) score += 3;
  // "X should not be negative" states a rule, not what changed: a title that says what was fixed reads better.
  if (draft.verb > 0 && REQUIREMENT.has(plain(draft.tokens[draft.verb]))) score += 3;
  return score;
}

/**
 * A one-sentence bullet of about 4–10 words with the link on its key phrase, drafted from the
 * release note when it makes a clean sentence, else from the title; its leading verb takes the
 * form editors give it (`verbForms`, learned by `npm run train`). A text that only names its change
 * gets `nounVerb`.
 */
export function sentenceBullet(title: string, note: string | null, url: string, verbForms: VerbForms = VERB_FORMS, nounVerb = "adds"): Bullet {
  const draft = bestDraft(title, note, verbForms);
  if (!draft) return { label: numberLabel(url), url, also: [] };
  // "Removes [the beta X admission plugin]": in Deprecated, a named change was never added; and
  // "Removal of X" names its own verb: "Removes [X]".
  if (!draft.nounPhrase || nounVerb === "adds") return toBullet(draft, url);
  const named = draft.tokens.slice(1);
  const change = CHANGE_NOUNS.get(plain(named[0]));
  const tokens = change !== undefined && plain(named[1]) === "of" && named.length > 2 ? [word(change), ...named.slice(2)] : [word(nounVerb), ...named];
  return toBullet({ ...draft, tokens }, url);
}

function bestDraft(title: string, note: string | null, verbForms: VerbForms): Draft | undefined {
  let best: { draft: Draft; score: number } | undefined;
  for (const source of DRAFT_SOURCES) {
    const text = source === "note" ? note : title;
    if (!text || text.trim() === "") continue;
    const draft = structure(text, source, verbForms);
    if (draft.tokens.length === 0) continue;
    const score = penalty(draft, source);
    if (best === undefined || score < best.score) best = { draft, score };
    // Nothing scores below 0 and the note wins ties: a clean note needs no title draft.
    if (score === 0) break;
  }
  return best?.draft;
}

/**
 * Whether the line `sentenceBullet` drafts is a subject and a verb phrase taken from the PR's own
 * words, or a fallback an editor will want to reword: a bare noun phrase that was given "Adds", or
 * a sentence that keeps its opening condition because its main clause could not stand alone.
 */
export function lineShape(title: string, note: string | null): "sentence" | "noun phrase" | "opener" | "empty" {
  const draft = bestDraft(title, note, VERB_FORMS);
  if (!draft) return "empty";
  if (draft.nounPhrase) return "noun phrase";
  return draft.subordinate ? "opener" : "sentence";
}

/** The note first, then the title; a constant, not a list of pairs built per line. */
const DRAFT_SOURCES = ["note", "title"] as const;

/** `sentenceBullet` as the markdown it renders to. */
export function sentenceLine(title: string, note: string | null, url: string, verbForms: VerbForms = VERB_FORMS): string {
  return renderBullet(sentenceBullet(title, note, url, verbForms));
}
