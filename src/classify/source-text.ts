import { type Token, plain } from "./tokens.js";
import { WORD_GAP } from "./words.js";

/** Components that make a natural subject when a title starts "kubeadm: fix ...". */
const SUBJECT_PREFIX = /^(?:kube[\w-]*|kubectl|kubeadm|kubelet|client-go|cli-runtime|apiserver|scheduler|etcd)$/i;
const PREFIXES = [/^action[- ]required\s*:?\s*/i, /^KEP[- ]?\d+\s*[:-]\s*/i, /^\[[^\]]*\]\s*/, /^\w+\([^)]*\)\s*:\s*/];
const LABEL_PREFIX = /^`?([^:`]{1,60}?)`?:\s+(?=\S)/;
// Module constants: a regular expression literal in a function is a new object each time it runs.
const LIST_MARKER = /^[-*]\s+/;
const BRACKET_PREFIX = /^\[([A-Za-z][\w-]*)\]/;
const GROUP_OR_BRANCH = /^(?:sig-|release-|wg-)/i;
const ONE_WORD = /^[A-Za-z][\w-]*$/;
const LETTERS = /^[A-Za-z]+$/;
const CAPITALIZED = /^[A-Z][a-z]+$/;
const PHRASES: Array<[string[], string[]]> = [
  [["will", "be", "able", "to"], ["can"]],
  [["is", "now", "able", "to"], ["can", "now"]],
  [["is", "able", "to"], ["can"]],
  [["are", "able", "to"], ["can"]],
  [["could", "be"], ["can", "be"]],
  [["will", "now"], ["now"]],
  // Editors' lines in the picks files write "apiserver"/"APIserver" 56 times, "API server" 9; "the
  // widget API server" is another server, so only "the API server" is the kube-apiserver.
  [["the", "api", "server"], ["the", "APIserver"]],
];
const PROPER = /^(?:Kubernetes|Linux|Windows|Go|Beta|GA|Pod|Pods|Service|Services|Node|Nodes|Job|Jobs|Secret|Secrets)$/;

export interface Stripped {
  text: string;
  /** A component named in a "kubeadm: ..." prefix, the natural subject of the sentence. */
  subject?: string;
  /** Another one-word prefix ("DRA: ...", "[PodSecurity] ..."), kept when the rest is a bare noun phrase. */
  qualifier?: string;
}

/** Removes "KEP-123:", "[sig-x]", "feat(x):", "Action required:" and "area:" prefixes, remembering useful ones. */
export function stripPrefixes(text: string): Stripped {
  let rest = text.trim().replace(LIST_MARKER, "");
  let subject: string | undefined;
  let qualifier: string | undefined;
  for (let changed = true; changed; ) {
    changed = false;
    const bracket = rest.startsWith("[") ? rest.match(BRACKET_PREFIX)?.[1] : undefined;
    if (bracket && !GROUP_OR_BRANCH.test(bracket)) qualifier = bracket;
    for (const prefix of PREFIXES) {
      // Tested before replacing: most text starts with none of them, and a test costs less.
      if (!prefix.test(rest)) continue;
      const next = rest.replace(prefix, "");
      if (next !== rest && next !== "") [rest, changed] = [next, true];
    }
    // LABEL_PREFIX ends at the first colon, within 61 characters: most text has none there to try.
    const colon = rest.indexOf(":");
    const label = colon >= 1 && colon <= 60 ? rest.match(LABEL_PREFIX) : null;
    if (label?.[1] && label[1].trim().split(WORD_GAP).length <= 4) {
      const name = label[1].trim();
      if (SUBJECT_PREFIX.test(name)) subject = name.toLowerCase();
      else if (ONE_WORD.test(name)) qualifier = name;
      [rest, changed] = [rest.slice(label[0].length), true];
    }
  }
  // Literals, not conditional spreads, which V8 copies through a slow path: a week words thousands of lines.
  if (subject) return qualifier ? { text: rest, subject, qualifier } : { text: rest, subject };
  return qualifier ? { text: rest, qualifier } : { text: rest };
}

/** The note's first sentence; incomplete when it only introduces what follows (a list, a command). */
export function firstSentence(text: string): { text: string; incomplete: boolean } {
  // Only the first paragraph and its first sentence are read: nothing is split that is not kept.
  const trimmed = text.trim();
  const paragraphEnd = trimmed.search(PARAGRAPH_BREAK);
  const paragraph = collapseSpaces(paragraphEnd < 0 ? trimmed : trimmed.slice(0, paragraphEnd)).trim();
  const sentenceEnd = paragraph.search(SENTENCE_BREAK);
  const sentence = (sentenceEnd < 0 ? paragraph : paragraph.slice(0, sentenceEnd)).trim();
  const incomplete = sentence.endsWith(":") || (sentence === paragraph && paragraphEnd >= 0 && !SENTENCE_END.test(sentence));
  return { text: sentence, incomplete };
}

/** Runs of whitespace as one space; text whose only whitespace is single spaces is returned as it is, not copied. */
function collapseSpaces(text: string): string {
  return UNCOLLAPSED.test(text) ? text.replace(SPACES, " ") : text;
}

/** Two whitespace characters in a row, or one that is not a space. */
const UNCOLLAPSED = /\s\s|[^\S ]/;
const PARAGRAPH_BREAK = /\n\s*\n|\n(?=\s*[-*]\s)/;
const SPACES = /\s+/g;
// "e.g. Foo", "i.e. Bar", "vs. X" go on with the sentence.
const SENTENCE_BREAK = /(?<=[.!?])(?<!\b(?:[eE]\.g|[iI]\.e|vs)\.)\s+(?=[A-Z`"'(])/;
const SENTENCE_END = /[.!?]$/;

export function normalizePhrases(tokens: Token[]): Token[] {
  // Copied only once a phrase is found: most sentences hold none, and the copy was thrown away.
  let out = tokens;
  for (let i = 0; i < out.length; i++) {
    // "API Server tracing": in title case it is always the kube-apiserver, written as LWKD writes it.
    if (out[i]!.text === "API" && out[i + 1]?.text === "Server" && !out[i]!.code && !out[i + 1]!.code) {
      if (out === tokens) out = [...tokens];
      out.splice(i, 2, { text: "APIserver", code: false, lead: out[i]!.lead, trail: out[i + 1]!.trail });
    }
    for (const phrase of PHRASES) {
      // Destructured only on a match: array destructuring costs an iterator, at every word and phrase.
      if (!startsPhrase(out, i, phrase[0])) continue;
      if (out === tokens) out = [...tokens];
      const [from, to] = phrase;
      const replaced = to.map((text) => ({ text, code: false, lead: "", trail: "" }));
      const last = out[i + from.length - 1];
      if (last && replaced.length > 0) replaced[replaced.length - 1]!.trail = last.trail;
      out.splice(i, from.length, ...replaced);
    }
  }
  return out;
}

/**
 * A loop, not `every` with a closure, which allocated a context per word of every drafted line; and
 * words of another length are not lowercased (a new string when capitalized) only to be compared.
 */
function startsPhrase(tokens: readonly Token[], at: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const word = phrase[k] ?? "";
    const token = tokens[at + k];
    if (token?.text.length !== word.length || plain(token) !== word) return false;
  }
  return true;
}

/** "CEL Admission Plugin" → "CEL admission plugin": titles in title case read oddly mid-sentence. */
export function sentenceCaseTitle(tokens: Token[]): void {
  const words = tokens.slice(1).filter((token) => !token.code && LETTERS.test(token.text));
  const capitalized = words.filter((token) => CAPITALIZED.test(token.text) && !PROPER.test(token.text));
  if (capitalized.length < 2 || capitalized.length * 2 < words.length) return;
  for (const token of capitalized) token.text = token.text.toLowerCase();
}

