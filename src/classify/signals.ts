import type { PullRequest } from "../types.js";
import type { RuleTable } from "./rules.js";
import { withoutHtmlComments } from "../markdown/tool-comments.js";

export type PatternName = keyof RuleTable["patterns"];

/** A rule table with its pattern sources compiled once per classification run. */
export interface CompiledRules {
  table: RuleTable;
  re: Record<PatternName, RegExp>;
  /** `table.skipTitlePatterns`, each source with its expression. */
  skipTitles: ReadonlyArray<readonly [string, RegExp]>;
  /** `table.skipAuthors` in lower case: a login to match, or with `suffix` the end of one ("*[bot]"). */
  skipAuthors: ReadonlyArray<{ suffix: boolean; text: string }>;
}

/** The flags every rule pattern is compiled with: titles and notes are matched in any case. */
export const PATTERN_FLAGS = "i";

export function compileRules(table: RuleTable): CompiledRules {
  const entries = Object.entries(table.patterns).map(([name, source]) => [name, new RegExp(source, PATTERN_FLAGS)]);
  const skipTitles = table.skipTitlePatterns.map((source) => [source, new RegExp(source, PATTERN_FLAGS)] as const);
  const skipAuthors = table.skipAuthors.map((pattern) => {
    const lower = pattern.toLowerCase();
    return lower.startsWith("*") ? { suffix: true, text: lower.slice(1) } : { suffix: false, text: lower };
  });
  return { table, re: Object.fromEntries(entries) as Record<PatternName, RegExp>, skipTitles, skipAuthors };
}

/** What every rule reads about one PR, derived once. */
export interface PRSignals {
  /** The title without cherry-pick and release-branch prefixes. */
  title: string;
  /**
   * The PR's labels as given. A handful per PR, asked about by a score of rules: a Set built per
   * PR cost a large week more than scanning the list for each rule did.
   */
  labels: readonly string[];
  /** The release note text when it is a real note (not NONE, not empty). */
  note: string | null;
  /** "absent" means neither a release-note label nor a block: the source did not carry them. */
  noteState: "text" | "none" | "absent";
  actionRequired: boolean;
  kep?: string;
}

// The prow releasenote plugin's matcher, plus an unterminated block (stored bodies are sometimes cut).
// The fence's info string ("release-note", "release-notes", "release-note-action-required") is
// not part of the note.
const NOTE_BLOCK = /(?:release note\*\*:?\s*(?:<!--[^<>]*-->\s*)?```(?:release-note[\w-]*)?|```release-note[\w-]*)([\s\S]*?)(?:```|$)/i;
// Authors answer "Does this PR introduce a user-facing change?" with more than the template's NONE.
const NONE_NOTE = /^\W*(?:(?:none)+|no|n\/?a|nothing|not applicable)\W*$/i;
const ACTION_REQUIRED = /\baction required\b/i;
const BRANCH_PREFIX = /^\s*\[(?:release-[\d.]+|[\w.-]*\d+\.\d+)\]\s*/i;
const CHERRY_PICK_PREFIX = /^\s*(?:automated|manual)\s+cherry[- ]?pick\s+of\s+(?:#\d+(?:\s*(?:,|;|&|and)\s*)?)+:?\s*/i;

/** The raw text of the release-note block, or null when the body has none. */
export function releaseNoteBlock(body: string): string | null {
  const match = body.match(NOTE_BLOCK);
  if (!match) return null;
  return withoutHtmlComments(match[1] ?? "").trim();
}

export function stripCherryPickTitle(title: string): string {
  return title.replace(BRANCH_PREFIX, "").replace(CHERRY_PICK_PREFIX, "").replace(BRANCH_PREFIX, "").trim();
}

// Loops rather than some/find with a closure over the labels: every rule asks these of every PR.
export function hasAny(labels: readonly string[], names: readonly string[]): boolean {
  return firstLabel(labels, names) !== undefined;
}

export function firstLabel(labels: readonly string[], names: readonly string[]): string | undefined {
  for (const name of names) if (labels.includes(name)) return name;
  return undefined;
}

const KEP_FINDERS: Array<[RegExp, (match: RegExpMatchArray) => string]> = [
  [/github\.com\/kubernetes\/enhancements\/issues?\/(\d+)/i, (m) => `https://github.com/kubernetes/enhancements/issues/${m[1]}`],
  [/kep\.k8s\.io\/(\d+)/i, (m) => `https://kep.k8s.io/${m[1]}`],
  [
    /(?:github\.com\/kubernetes\/enhancements\/(?:tree|blob)\/[\w.-]+\/|git\.k8s\.io\/enhancements\/)(?:keps\/)?(sig-[\w-]+\/\d+-[\w.-]*[\w])/i,
    (m) => `https://github.com/kubernetes/enhancements/tree/master/keps/${m[1]}`,
  ],
];
/** Every finder's link names the enhancements repository or kep.k8s.io: one scan rules out most bodies. */
const KEP_HINT = /enhancements|kep\.k8s\.io/i;
const TITLE_KEP = /\bKEP[- ]?(\d{2,5})\b/i;

/** The KEP a PR implements: a link in the body first, else a "KEP-1234" title prefix. */
export function findKep(body: string, title: string): string | undefined {
  for (const [pattern, canonical] of KEP_HINT.test(body) ? KEP_FINDERS : []) {
    const match = body.match(pattern);
    if (match) return canonical(match);
  }
  const fromTitle = title.match(TITLE_KEP);
  return fromTitle ? `https://kep.k8s.io/${fromTitle[1]}` : undefined;
}

// A PR body names a handful of KEPs at most; past this many, the rest are not looked at.
const MAX_KEP_LINKS = 10;

/**
 * Every KEP a PR names, as the canonical links findKep gives, in the order of the finders and
 * then of the text, each once: body links first, then a "KEP-1234" title prefix.
 */
export function findKepLinks(body: string, title: string): string[] {
  const links = new Set<string>();
  for (const [pattern, canonical] of KEP_FINDERS) {
    for (const match of body.matchAll(new RegExp(pattern.source, "gi"))) {
      if (links.size >= MAX_KEP_LINKS) return [...links];
      links.add(canonical(match));
    }
  }
  const fromTitle = title.match(TITLE_KEP);
  if (fromTitle && links.size < MAX_KEP_LINKS) links.add(`https://kep.k8s.io/${fromTitle[1]}`);
  return [...links];
}

export function readSignals(pr: PullRequest, rules: CompiledRules): PRSignals {
  const labels = pr.labels;
  const names = rules.table.labels;
  const block = releaseNoteBlock(pr.body);
  let noteState: PRSignals["noteState"];
  let note: string | null = null;
  if (block !== null && block !== "" && !NONE_NOTE.test(block)) {
    noteState = "text";
    note = block;
  } else if (block !== null) {
    noteState = hasAny(labels, names.releaseNote) && block === "" ? "text" : "none";
  } else if (hasAny(labels, names.releaseNote)) {
    noteState = "text";
  } else {
    noteState = hasAny(labels, names.releaseNoteNone) ? "none" : "absent";
  }
  const actionRequired = hasAny(labels, names.actionRequired) || ACTION_REQUIRED.test(note ?? "");
  const kep = findKep(pr.body, pr.title);
  const title = stripCherryPickTitle(pr.title);
  // Not a conditional spread, which V8 copies through a slow path once per PR.
  return kep ? { title, labels, note, noteState, actionRequired, kep } : { title, labels, note, noteState, actionRequired };
}
