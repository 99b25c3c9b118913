/**
 * How strongly a PR's text names a gate or a dependency. Plain string scanning with explicit
 * boundary checks: the searched words come from the files being diffed, so they are never turned
 * into regular expressions.
 */

/** A text prepared once per PR: lowercased, and split into alphanumeric words. */
export interface IndexedText {
  lower: string;
  words: string[];
}

export function indexText(text: string): IndexedText {
  const lower = typeof text === "string" ? text.toLowerCase() : "";
  return { lower, words: lower.split(/[^a-z0-9]+/).filter((word) => word !== "") };
}

function isWordChar(char: string): boolean {
  return /^[a-z0-9_]$/.test(char);
}

/** Whether `needle` occurs in `text` with acceptable characters on both sides. */
function occurs(text: string, needle: string, bounded: (before: string, after: string, at: number) => boolean): boolean {
  if (needle === "") return false;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (bounded(text.charAt(at - 1), text.charAt(at + needle.length), at)) return true;
  }
  return false;
}

/** True when consecutive words spell the gate: "service LB node-port control" → ServiceLBNodePortControl. */
function spelledInWords(words: readonly string[], target: string): boolean {
  for (let start = 0; start < words.length; start++) {
    let spelled = "";
    for (let index = start; index < words.length && spelled.length < target.length; index++) {
      spelled += words[index];
      if (!target.startsWith(spelled)) break;
      if (spelled === target) return true;
    }
  }
  return false;
}

/** 2: the gate's exact name as a word; 1: the same words split apart; 0: not mentioned. */
export function gateMention(text: IndexedText, gate: string): 0 | 1 | 2 {
  const target = gate.toLowerCase();
  if (occurs(text.lower, target, (before, after) => !isWordChar(before) && !isWordChar(after))) return 2;
  const squashed = target.replace(/[^a-z0-9]+/g, "");
  if (squashed.length < 6 || !text.words.join("").includes(squashed)) return 0;
  return spelledInWords(text.words, squashed) ? 1 : 0;
}

/** A dependency name with no letter, digit, "_" or "-" glued to either side. */
export function termMention(text: IndexedText, term: string): boolean {
  const glued = (char: string) => isWordChar(char) || char === "-";
  return occurs(text.lower, term.toLowerCase(), (before, after) => !glued(before) && !glued(after));
}

/**
 * The version as written in a title: "v4.1.2", "4.1.2", "go1.16", or a pseudo-version's commit
 * hash. Versions without a dot ("1") are too common in prose to count.
 */
export function versionMention(text: IndexedText, version: string): boolean {
  const core = version.toLowerCase().replace(/^(?:v|go)(?=\d)/, "");
  const needles = core.includes(".") ? [core] : [];
  const hash = /-([0-9a-f]{12})$/.exec(core)?.[1];
  if (hash) needles.push(hash);
  return needles.some((needle) =>
    occurs(text.lower, needle, (_before, after, at) => {
      let start = at;
      if (text.lower.charAt(start - 1) === "v") start -= 1;
      else if (text.lower.slice(start - 2, start) === "go") start -= 2;
      const before = text.lower.charAt(start - 1);
      const dottedDigit = after === "." && /\d/.test(text.lower.charAt(at + needle.length + 1));
      return !isWordChar(before) && before !== "." && !isWordChar(after) && !dottedDigit;
    }),
  );
}

const GENERIC = new Set([
  "api", "apis", "client", "server", "core", "common", "types", "proto", "tools", "internal", "sdk",
  "util", "utils", "yaml", "json", "errors", "sync", "text", "time", "term", "crypto", "image",
  "images", "kube", "test", "tests", "version", "upstream", "release", "dependents", "github",
]);
const CODE_HOSTS = new Set(["github.com", "gitlab.com", "bitbucket.org"]);

/**
 * Words that name a dependency in a PR: the full name, the part before a zeitgeist ": comment",
 * the module's repository and last path element ("sigs.k8s.io/structured-merge-diff/v4" →
 * structured-merge-diff), "x/net" for golang.org/x, and configured aliases (smd).
 */
export function dependencyTerms(name: string, aliases: Readonly<Record<string, string>> = {}): string[] {
  const full = name.toLowerCase().trim();
  const base = full.split(":")[0]?.trim() ?? full;
  const derived: string[] = [];
  const segments = base.split("/").filter((segment) => segment !== "" && !/^v\d+$/.test(segment));
  if (segments.length > 1) {
    derived.push(segments[segments.length - 1] ?? "");
    derived.push(segments[CODE_HOSTS.has(segments[0] ?? "") ? 2 : 1] ?? "");
    if (segments[0] === "golang.org" && segments[1] === "x") derived.push(`x/${segments[2] ?? ""}`);
  } else {
    // zeitgeist names such as "etcd-image" or "coredns-kubeadm" are talked about as "etcd", "coredns".
    derived.push(base.split("-")[0] ?? "");
  }
  const terms = new Set([full, base, ...derived.filter((term) => term.length >= 4 && !GENERIC.has(term))]);
  if (terms.has("go") || terms.has("golang")) {
    terms.delete("go");
    terms.add("golang");
  }
  for (const [alias, canonical] of Object.entries(aliases)) {
    if (terms.has(canonical.toLowerCase()) && alias.length >= 3) terms.add(alias.toLowerCase());
  }
  terms.delete("go");
  terms.delete("");
  return [...terms];
}
