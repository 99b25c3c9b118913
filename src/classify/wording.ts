import { link } from "../draft/escape.js";
import { type Token, plain, renderTokens, tokenize } from "./tokens.js";
import {
  CLAUSE_BREAKS,
  DANGLING,
  PREPOSITIONS,
  SUBORDINATE_START,
  baseVerb,
  capitalizeFirst,
  isFiniteVerb,
  thirdPerson,
} from "./words.js";

export const MIN_WORDS = 4;
export const MAX_WORDS = 10;
const MAX_LINK_WORDS = 6;

/** Components that make a natural subject when a title starts "kubeadm: fix ...". */
const SUBJECT_PREFIX = /^(?:kube[\w-]*|kubectl|kubeadm|kubelet|client-go|cli-runtime|apiserver|scheduler|etcd)$/i;
const PREFIXES = [/^action[- ]required\s*:?\s*/i, /^KEP[- ]?\d+\s*[:-]\s*/i, /^\[[^\]]*\]\s*/, /^\w+\([^)]*\)\s*:\s*/];
const LABEL_PREFIX = /^([^:`]{1,60}?):\s+(?=\S)/;
const PHRASES: Array<[string[], string[]]> = [
  [["will", "be", "able", "to"], ["can"]],
  [["is", "now", "able", "to"], ["can", "now"]],
  [["is", "able", "to"], ["can"]],
  [["are", "able", "to"], ["can"]],
  [["could", "be"], ["can", "be"]],
  [["will", "now"], ["now"]],
];
const SELF_REFERENCE = /^(?:this|the)\s+(?:change|pr|pull request|commit|patch)\b/i;
const PROPER = /^(?:Kubernetes|Linux|Windows|Go|Beta|GA|Pod|Pods|Service|Services|Node|Nodes|Job|Jobs|Secret|Secrets)$/;

interface Structure {
  tokens: Token[];
  /** Index of the main verb; -1 for a noun phrase that gets "is added". */
  verb: number;
  hardCut: boolean;
}

/** How a candidate sentence may read badly: "If X, ..." openers, "This PR ..." self-references. */
interface Draft extends Structure {
  subordinate: boolean;
  selfReference: boolean;
}

function stripPrefixes(text: string): { text: string; subject?: string } {
  let rest = text.trim().replace(/^[-*]\s+/, "");
  let subject: string | undefined;
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of PREFIXES) {
      const next = rest.replace(prefix, "");
      if (next !== rest && next !== "") [rest, changed] = [next, true];
    }
    const label = rest.match(LABEL_PREFIX);
    if (label?.[1] && label[1].trim().split(/\s+/).length <= 4) {
      const name = label[1].trim();
      if (SUBJECT_PREFIX.test(name)) subject = name.toLowerCase();
      [rest, changed] = [rest.slice(label[0].length), true];
    }
  }
  return { text: rest, ...(subject ? { subject } : {}) };
}

function firstSentence(text: string): string {
  const paragraph = text.split(/\n\s*\n|\n(?=[-*]\s)/)[0] ?? text;
  return (paragraph.replace(/\s+/g, " ").split(/(?<=[.!?])\s+(?=[A-Z`"'(])/)[0] ?? paragraph).trim();
}

function normalizePhrases(tokens: Token[]): Token[] {
  const out = [...tokens];
  for (let i = 0; i < out.length; i++) {
    for (const [from, to] of PHRASES) {
      if (from.every((word, k) => plain(out[i + k]) === word)) {
        const replaced = to.map((text) => ({ text, code: false, lead: "", trail: "" }));
        const last = out[i + from.length - 1];
        if (last && replaced.length > 0) replaced[replaced.length - 1]!.trail = last.trail;
        out.splice(i, from.length, ...replaced);
      }
    }
  }
  return out;
}

/** "CEL Admission Plugin" → "CEL admission plugin": titles in title case read oddly mid-sentence. */
function sentenceCaseTitle(tokens: Token[]): void {
  const words = tokens.slice(1).filter((token) => !token.code && /^[A-Za-z]+$/.test(token.text));
  const capitalized = words.filter((token) => /^[A-Z][a-z]+$/.test(token.text) && !PROPER.test(token.text));
  if (capitalized.length < 2 || capitalized.length * 2 < words.length) return;
  for (const token of capitalized) token.text = token.text.toLowerCase();
}

function findVerb(tokens: Token[]): number {
  for (let i = 1; i < Math.min(tokens.length, 8); i++) {
    const token = tokens[i];
    if (!token || token.code) continue;
    if (isFiniteVerb(token.text)) return i;
    if (plain(tokens[i - 1]) === "now" && baseVerb(token.text) === token.text.toLowerCase()) return i - 1;
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
    if (plain(tokens[i]) !== "and" || !next || next.code) continue;
    const base = baseVerb(next.text);
    if (base && base === next.text.toLowerCase()) next.text = thirdPerson(base);
  }
}

function dropDangling(tokens: Token[]): Token[] {
  const out = [...tokens];
  while (out.length > 1 && DANGLING.has(plain(out.at(-1)))) out.pop();
  return out;
}

/** Shortens to the sentence's point: clause punctuation, then clause words, then prepositions, then a hard cut. */
function trim(tokens: Token[], max: number): { tokens: Token[]; hardCut: boolean } {
  let out = tokens;
  for (let i = MIN_WORDS - 1; out.length > max && i < out.length - 1; i++) {
    const token = out[i];
    const next = out[i + 1];
    if (token && /[,;:]/.test(token.trail)) out = out.slice(0, i + 1);
    else if (next && /\(/.test(next.lead)) out = out.slice(0, i + 1);
  }
  if (out.length > max) {
    const cut = out.findIndex((token, i) => i >= MIN_WORDS - 1 && CLAUSE_BREAKS.has(plain(token)));
    if (cut > 0) out = out.slice(0, cut);
  }
  if (out.length > max) {
    for (let i = Math.min(out.length, max + 1) - 1; i >= MIN_WORDS; i--) {
      const word = plain(out[i]);
      if (PREPOSITIONS.has(word) && word !== "and" && word !== "or") {
        out = out.slice(0, i);
        break;
      }
    }
  }
  const hardCut = out.length > max;
  return { tokens: dropDangling(hardCut ? out.slice(0, max) : out), hardCut };
}

function structure(text: string, source: "note" | "title"): Draft {
  const stripped = stripPrefixes(source === "note" ? firstSentence(stripPrefixes(text).text) : text);
  const subordinate = SUBORDINATE_START.test(stripped.text);
  const selfReference = SELF_REFERENCE.test(stripped.text);
  let tokens = normalizePhrases(tokenize(stripped.text));
  if (source === "title") sentenceCaseTitle(tokens);
  let verb: number;
  if (leadingVerb(tokens)) {
    const first = tokens[0]!;
    first.text = thirdPerson(baseVerb(first.text)!);
    conjugateFollowing(tokens);
    if (stripped.subject) tokens = [{ text: stripped.subject, code: false, lead: "", trail: "" }, ...tokens];
    verb = stripped.subject ? 1 : 0;
  } else {
    verb = findVerb(tokens);
  }
  const room = verb < 0 ? MAX_WORDS - 2 : MAX_WORDS;
  const trimmed = trim(tokens, room);
  if (verb >= trimmed.tokens.length) verb = -1;
  return { tokens: trimmed.tokens, verb, hardCut: trimmed.hardCut, subordinate, selfReference };
}

/** The words to link: the object after a leading verb, the predicate after a subject, or the whole noun phrase. */
function linkSpan({ tokens, verb }: Structure): [number, number] {
  if (verb < 0) return [0, tokens.length];
  const isBreak = (i: number): boolean => PREPOSITIONS.has(plain(tokens[i])) || CLAUSE_BREAKS.has(plain(tokens[i]));
  if (verb === 0) {
    let end = 1;
    while (end < tokens.length && end < 1 + MAX_LINK_WORDS - 1 && !(end > 1 && isBreak(end))) end++;
    return end > 1 ? [1, end] : [0, Math.min(tokens.length, 3)];
  }
  let end = verb + 1;
  while (end < tokens.length && end < verb + MAX_LINK_WORDS && !(end > verb + 1 && isBreak(end))) end++;
  return [verb, end];
}

function render(draft: Structure, url: string): string {
  const tokens = [...draft.tokens];
  const first = tokens[0];
  if (first && !first.code) tokens[0] = { ...first, text: capitalizeFirst(first.text) };
  const [start, end] = linkSpan(draft);
  const tail = draft.verb < 0 ? (/[^su]s$/i.test(tokens.at(-1)?.text ?? "") ? "are added" : "is added") : "";
  const before = renderTokens(tokens.slice(0, start), false);
  const label = renderTokens(tokens.slice(start, end), end === tokens.length);
  const after = renderTokens(tokens.slice(end), true);
  return ["*", before, link(label, url), after, tail].filter((part) => part !== "").join(" ");
}

function penalty(draft: Draft, source: "note" | "title"): number {
  const words = draft.tokens.length + (draft.verb < 0 ? 2 : 0);
  let score = 0;
  if (draft.subordinate) score += 5;
  if (draft.selfReference) score += 3;
  if (draft.hardCut) score += 3;
  if (words < MIN_WORDS) score += 2;
  if (draft.verb < 0) score += source === "note" ? 4 : 1;
  return score;
}

/**
 * A present-tense bullet of about 4–10 words with the link on its key phrase, drafted from the
 * release note when it makes a clean sentence, else from the title.
 */
export function sentenceLine(title: string, note: string | null, url: string): string {
  const drafts: Array<{ draft: Draft; score: number }> = [];
  for (const [text, source] of [[note, "note"], [title, "title"]] as const) {
    if (!text || text.trim() === "") continue;
    const draft = structure(text, source);
    if (draft.tokens.length > 0) drafts.push({ draft, score: penalty(draft, source) });
  }
  const best = drafts.reduce<(typeof drafts)[number] | undefined>(
    (chosen, candidate) => (chosen === undefined || candidate.score < chosen.score ? candidate : chosen),
    undefined,
  );
  if (!best) return `* ${link(`#${url.split("/").at(-1) ?? ""}`, url)}`;
  return render(best.draft, url);
}
