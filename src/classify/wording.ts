import { numberLabel, renderBullet } from "../markdown/escape.js";
import type { Bullet } from "../types.js";
import { MAX_WORDS, MIN_WORDS, isBreakAt, trim } from "./shorten.js";
import { firstSentence, normalizePhrases, sentenceCaseTitle, stripPrefixes } from "./source-text.js";
import { addArticle } from "./articles.js";
import { restateFix } from "./fix-wording.js";
import { applyHouseSpellings } from "./spellings.js";
import { type Token, plain, renderTokens, tokenize } from "./tokens.js";
import {
  AUXILIARIES,
  DANGLING,
  PREPOSITIONS,
  SUBORDINATE_START,
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
  subordinate: boolean;
  selfReference: boolean;
  incomplete: boolean;
}

function findVerb(tokens: Token[]): number {
  for (let i = 1; i < Math.min(tokens.length, 8); i++) {
    const token = tokens[i];
    if (!token || token.code) continue;
    // "kubectl now prints X": the news is "now prints", so the link starts there.
    if (isFiniteVerb(token.text) || (plain(token) === "now" && i + 1 < tokens.length)) return i;
    if (plain(tokens[i - 1]) === "now" && baseVerb(token.text) === token.text.toLowerCase()) return i - 1;
  }
  // Titles often drop the "s": "kubeadm certs check-expiration support json output".
  for (let i = 2; i < Math.min(tokens.length - 1, 8); i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const base = token.code ? undefined : baseVerb(token.text);
    if (base === token.text.toLowerCase() && next && !PREPOSITIONS.has(plain(next)) && !DANGLING.has(plain(tokens[i - 1]))) {
      token.text = thirdPerson(base);
      return i;
    }
  }
  return -1;
}

function leadingVerb(tokens: Token[]): boolean {
  const first = tokens[0];
  if (!first || first.code || baseVerb(first.text) === undefined) return false;
  // "Support for X" and "Fix to Y" are nouns, not instructions.
  return !PREPOSITIONS.has(plain(tokens[1]));
}

function conjugateFollowing(tokens: Token[]): void {
  for (let i = 1; i < tokens.length - 1; i++) {
    const next = tokens[i + 1];
    // "get, patch, edit and replace" is a list of names, not a second action.
    const list = tokens.slice(Math.max(0, i - 3), i).some((token) => token.trail.includes(","));
    if (plain(tokens[i]) !== "and" || !next || next.code || list || i + 1 === tokens.length - 1) continue;
    const base = baseVerb(next.text);
    if (base && base === next.text.toLowerCase()) next.text = thirdPerson(base);
  }
}

function structure(text: string, source: "note" | "title"): Draft {
  const sentence = source === "note" ? firstSentence(stripPrefixes(text).text) : { text, incomplete: false };
  // Asides in parentheses ("(part 1)", "(via the X annotation)") never make the short line.
  const stripped = stripPrefixes(sentence.text.replace(PARENTHETICAL, ""));
  const subordinate = SUBORDINATE_START.test(stripped.text);
  const selfReference = SELF_REFERENCE.test(stripped.text);
  // "Fix X is negative", "Fixed a bug where X did not Y" say what was broken; the line says what works.
  const restated = stripped.subject ? undefined : restateFix(stripped.text);
  let tokens = normalizePhrases(tokenize(restated ?? stripped.text));
  if (source === "title") sentenceCaseTitle(tokens);
  applyHouseSpellings(tokens);
  let verb: number;
  if (leadingVerb(tokens)) {
    const first = tokens[0]!;
    first.text = thirdPerson(baseVerb(first.text)!);
    conjugateFollowing(tokens);
    const subject = stripped.subject;
    if (subject) tokens = [{ text: subject, code: isIdentifier(subject), lead: "", trail: "" }, ...tokens];
    verb = stripped.subject ? 1 : 0;
  } else {
    verb = findVerb(tokens);
    const qualifier = stripped.subject ?? stripped.qualifier;
    if (verb < 0 && qualifier) tokens = [{ text: qualifier, code: isIdentifier(qualifier), lead: "", trail: "" }, ...tokens];
  }
  const nounPhrase = verb < 0;
  // Room for "Adds a" in front of a noun phrase.
  const trimmed = trim(tokens, nounPhrase ? MAX_WORDS - 2 : MAX_WORDS);
  tokens = trimmed.tokens;
  if (verb >= tokens.length) verb = -1;
  if (verb < 0 && tokens.length > 0) {
    // A title that only names its change ("CEL admission plugin") reads as what the PR adds.
    tokens = [word("adds"), lowerCommonFirst(tokens[0]!), ...tokens.slice(1)];
    verb = 0;
  }
  if (verb >= 0 && tokens.length < MAX_WORDS) addArticle(tokens, verb);
  // "Adds StatefulSet `X`" is too terse to read as news; "support for" names what changed.
  if (nounPhrase && verb === 0 && tokens.length < MIN_WORDS) tokens.splice(1, 0, word("support"), word("for"));
  return { tokens, verb, nounPhrase, hardCut: trimmed.hardCut, subordinate, selfReference, incomplete: sentence.incomplete };
}

const word = (text: string): Token => ({ text, code: false, lead: "", trail: "" });

function lowerCommonFirst(token: Token): Token {
  const lower = token.text.toLowerCase();
  if (token.code || !/^[A-Z][a-z]+$/.test(token.text) || !COMMON_OPENER.test(lower)) return token;
  return { ...token, text: lower };
}

/** The words to link: the object after a leading verb, the predicate after a subject, or the whole noun phrase. */
function linkSpan({ tokens, verb }: Structure): [number, number] {
  if (verb < 0) return [0, tokens.length];
  const start = verb === 0 ? 1 : verb;
  let end = start + 1;
  let cap = MAX_LINK_WORDS;
  while (end < tokens.length && end - start < cap) {
    // "support for X", "a flag to disable Y": a bare object reads as a key phrase only with its complement.
    const head = tokens.slice(start, end).filter((token) => !ARTICLES.has(plain(token)));
    const complement = verb === 0 && head.length < 2 && /^(?:for|of|to)$/.test(plain(tokens[end]));
    if (complement) cap = MAX_LINK_WORDS + 2;
    else if (isBreakAt(tokens, end)) break;
    end++;
    if (/[,;:]/.test(tokens[end - 1]?.trail ?? "")) break;
  }
  if (verb === 0 && start >= tokens.length) return [0, tokens.length];
  return [start, end];
}

function toBullet(draft: Structure, url: string): Bullet {
  const tokens = [...draft.tokens];
  const first = tokens[0];
  if (first && !first.code) tokens[0] = { ...first, text: capitalizeFirst(first.text) };
  const [start, end] = linkSpan(draft);
  const before = renderTokens(tokens.slice(0, start), false);
  const label = renderTokens(tokens.slice(start, end), end === tokens.length);
  const after = renderTokens(tokens.slice(end), true);
  return { ...(before !== "" ? { before } : {}), label, url, ...(after !== "" ? { after } : {}), also: [] };
}

// GENERIC_FIX names at most three words: longer spans are not rendered just to be tested.
const isGenericFix = (span: readonly Token[]): boolean => span.length <= 3 && GENERIC_FIX.test(renderTokens(span, true));

function penalty(draft: Draft, source: "note" | "title"): number {
  const words = draft.tokens.length;
  let score = 0;
  if (draft.subordinate) score += 5;
  if (draft.selfReference) score += 3;
  if (draft.incomplete) score += 2;
  if (draft.hardCut) score += 3;
  if (words < MIN_WORDS) score += 2;
  if (draft.nounPhrase) score += source === "note" ? 4 : 1;
  // "Fixes a bug", "Fixes the panic": the line names no fix at all.
  if (draft.verb === 0 && isGenericFix(draft.tokens.slice(...linkSpan(draft)))) score += 3;
  // "X can be", "Y is used": a cut left the predicate without its point.
  const last = draft.tokens.at(-1);
  if (draft.verb >= 0 && last && !last.code && (AUXILIARIES.has(plain(last)) || /^used$/i.test(last.text))) score += 3;
  if (plain(draft.tokens.at(-2)) === "to" && last && !last.code && /^[a-z]+$/.test(last.text)) score += 3;
  return score;
}

/**
 * A present-tense bullet of about 4–10 words with the link on its key phrase, drafted from the
 * release note when it makes a clean sentence, else from the title.
 */
export function sentenceBullet(title: string, note: string | null, url: string): Bullet {
  const drafts: Array<{ draft: Draft; score: number }> = [];
  for (const [text, source] of [[note, "note"], [title, "title"]] as const) {
    if (!text || text.trim() === "") continue;
    const draft = structure(text, source);
    if (draft.tokens.length === 0) continue;
    const score = penalty(draft, source);
    drafts.push({ draft, score });
    // Nothing scores below 0 and the note wins ties: a clean note needs no title draft.
    if (score === 0) break;
  }
  const best = drafts.reduce<(typeof drafts)[number] | undefined>(
    (chosen, candidate) => (chosen === undefined || candidate.score < chosen.score ? candidate : chosen),
    undefined,
  );
  if (!best) return { label: numberLabel(url), url, also: [] };
  return toBullet(best.draft, url);
}

/** `sentenceBullet` as the markdown it renders to. */
export function sentenceLine(title: string, note: string | null, url: string): string {
  return renderBullet(sentenceBullet(title, note, url));
}
