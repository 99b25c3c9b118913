import { type Token, plain } from "./tokens.js";

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
  let rest = text.trim().replace(/^[-*]\s+/, "");
  let subject: string | undefined;
  let qualifier: string | undefined;
  for (let changed = true; changed; ) {
    changed = false;
    const bracket = rest.match(/^\[([A-Za-z][\w-]*)\]/)?.[1];
    if (bracket && !/^(?:sig-|release-|wg-)/i.test(bracket)) qualifier = bracket;
    for (const prefix of PREFIXES) {
      const next = rest.replace(prefix, "");
      if (next !== rest && next !== "") [rest, changed] = [next, true];
    }
    const label = rest.match(LABEL_PREFIX);
    if (label?.[1] && label[1].trim().split(/\s+/).length <= 4) {
      const name = label[1].trim();
      if (SUBJECT_PREFIX.test(name)) subject = name.toLowerCase();
      else if (/^[A-Za-z][\w-]*$/.test(name)) qualifier = name;
      [rest, changed] = [rest.slice(label[0].length), true];
    }
  }
  // Literals, not conditional spreads, which V8 copies through a slow path: a week words thousands of lines.
  if (subject) return qualifier ? { text: rest, subject, qualifier } : { text: rest, subject };
  return qualifier ? { text: rest, qualifier } : { text: rest };
}

/** The note's first sentence; incomplete when it only introduces what follows (a list, a command). */
export function firstSentence(text: string): { text: string; incomplete: boolean } {
  const paragraphs = text.trim().split(/\n\s*\n|\n(?=\s*[-*]\s)/);
  const paragraph = (paragraphs[0] ?? text).replace(/\s+/g, " ").trim();
  const sentence = (paragraph.split(/(?<=[.!?])\s+(?=[A-Z`"'(])/)[0] ?? paragraph).trim();
  const incomplete = /:$/.test(sentence) || (sentence === paragraph && paragraphs.length > 1 && !/[.!?]$/.test(sentence));
  return { text: sentence, incomplete };
}

export function normalizePhrases(tokens: Token[]): Token[] {
  const out = [...tokens];
  for (let i = 0; i < out.length; i++) {
    for (const [from, to] of PHRASES) {
      if (!startsPhrase(out, i, from)) continue;
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
  const words = tokens.slice(1).filter((token) => !token.code && /^[A-Za-z]+$/.test(token.text));
  const capitalized = words.filter((token) => /^[A-Z][a-z]+$/.test(token.text) && !PROPER.test(token.text));
  if (capitalized.length < 2 || capitalized.length * 2 < words.length) return;
  for (const token of capitalized) token.text = token.text.toLowerCase();
}

