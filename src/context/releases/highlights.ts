import { capitalizeFirst } from "../../classify/words.js";
import { plainText } from "../schedule/markdown-text.js";

// Longer lines are cut before any pattern runs, so a hostile body costs linear time.
const MAX_LINE = 500;
// A highlight is a whole phrase of at most this many words, never the start of a longer one:
// "KCP: allow skipping" says less than no highlight at all.
const MAX_WORDS = 6;
const MAX_CANDIDATES = 3;

const HIGHLIGHTS = /\b(?:highlights?|notable (?:changes|updates|features)|what'?s changed|what’s changed|major (?:changes|themes)|key (?:changes|features)|new features)\b/i;
// Sections whose bullets say nothing about the release itself.
const NOISE_SECTION = /contributors|dependenc|checksum|download|(?:container|docker|release) images|assets|install|upgrad|full changelog|sha256|signature/i;
const NOISE_ITEM = /^(?:@|full changelog|new contributors|build\(deps\)|chore\(deps\)|bump |update (?:module|dependenc|go\.mod)|sha256|https?:\/\/\S+$)|made their first contribution/i;
const STOPWORDS = new Set([
  "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "if", "in", "into", "is", "of", "on", "or",
  "so", "than", "that", "the", "to", "via", "when", "where", "which", "with", "now", "will", "has", "have", "can",
]);
// "CRI-O v1.21.1" or "Release 2.28.1": a heading that only names the release says nothing new.
const ONLY_A_VERSION = /^(?:[\p{L}-]+\s+){0,2}v?\d+\.\d+(?:\.\d+)?(?:[-+][\w.]+)?$/iu;

interface Item {
  kind: "heading" | "bullet";
  level: number;
  text: string;
}

/**
 * A whole phrase of up to six words on what a release brings, read from the body's structure:
 * security fixes first ("Fix CVE-2021-32760"), then the first heading or bullet under a
 * Highlights / Notable changes / What's Changed heading, else the first bullet. In sentence case,
 * as the PR lines are; plain text, still to be escaped; "" when the body has nothing usable. Prose
 * paragraphs are never used: they are greetings.
 */
export function releaseHighlights(body: string | null): string {
  return highlightCandidates(body)[0] ?? "";
}

/** The same reading, with the next few highlights after the first, for lines that have room. */
export function highlightCandidates(body: string | null): string[] {
  if (!body || body.trim() === "") return [];
  const candidates: string[] = [];
  const security = securityHighlight(body);
  if (security) candidates.push(sentenceCase(security));
  const items = structure(body);
  const section = highlightSection(items);
  for (const item of section ?? items) {
    if (candidates.length >= MAX_CANDIDATES) break;
    if (!section && item.kind === "heading") continue;
    // The security fix is already said; its bullet would say it again, worse.
    if (security && /\b(?:cve|ghsa|security)\b/i.test(item.text)) continue;
    const short = sentenceCase(shorten(item.text));
    if (short !== "" && !candidates.includes(short)) candidates.push(short);
  }
  return candidates;
}

function securityHighlight(body: string): string {
  const cves = [...new Set([...body.matchAll(/\bCVE-\d{4}-\d{4,7}\b/gi)].slice(0, 50).map((match) => match[0].toUpperCase()))];
  if (cves.length > 2) return `fix ${cves.length} CVEs`;
  if (cves.length > 0) return `fix ${cves.join(", ")}`;
  const advisory = /\bGHSA(?:-[0-9a-z]{4}){3}\b/i.exec(body);
  if (advisory) return `fix ${advisory[0].replace(/^ghsa/i, "GHSA")}`;
  return /^#{1,6}[ \t]+[^\n]{0,40}\bsecurity\b/im.test(body) ? "security fixes" : "";
}

/**
 * Headings and list items in order, outside code fences and HTML comments, noise sections dropped.
 * Line by line, not with the markdown parser: see markdown-text.ts for why fetched text is not parsed.
 */
function structure(body: string): Item[] {
  const items: Item[] = [];
  let fenced = false;
  let comment = false;
  let noise = 0;
  for (const rawLine of body.split("\n")) {
    const line = rawLine.slice(0, MAX_LINE).trimEnd();
    if (comment) {
      comment = !line.includes("-->");
      continue;
    }
    if (/^\s{0,3}(?:```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || line.trim() === "") continue;
    if (line.trimStart().startsWith("<!--") && !line.includes("-->")) {
      comment = true;
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})[ \t]+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      if (noise > 0 && level <= noise) noise = 0;
      if (NOISE_SECTION.test(heading[2] ?? "")) noise = level;
      else if (noise === 0) items.push({ kind: "heading", level, text: heading[2] ?? "" });
      continue;
    }
    const bullet = /^( {0,3})(?:[-*+]|\d{1,3}[.)])[ \t]+(.*)$/.exec(line);
    if (bullet && noise === 0) items.push({ kind: "bullet", level: 7, text: bullet[2] ?? "" });
  }
  return items;
}

/** Items under the first highlights heading, up to the next heading of its level or higher. */
function highlightSection(items: Item[]): Item[] | null {
  const start = items.findIndex((item) => item.kind === "heading" && HIGHLIGHTS.test(item.text));
  if (start < 0) return null;
  const level = items[start]?.level ?? 1;
  const section: Item[] = [];
  for (const item of items.slice(start + 1)) {
    if (item.kind === "heading" && item.level <= level) break;
    section.push(item);
  }
  return section.length > 0 ? section : null;
}

/** "**Add runc 1.0.0** ([#5521](…)) by @someone" → "Add runc 1.0.0", as the item writes it. */
export function shorten(raw: string): string {
  // A bold lead-in of a few words is the author's own summary of the item.
  const lead = /^\s*(?:\*\*|__)([^*_\n]{1,60})(?:\*\*|__)/.exec(raw)?.[1];
  let text = (lead && /\S\s+\S/.test(lead) ? lead : raw)
    .replace(/\{\{[^{}]*\}\}|\{%[^{}]*%\}/g, " ")
    .replace(/\bby @[\w-]+ in \S+/gi, " ");
  text = plainText(text, MAX_LINE)
    .replace(/\bhttps?:\/\/\S+/gi, " ")
    .replace(/\(\s*#?\d+\s*\)|#\d+\b|@[\w-]+/g, " ")
    .replace(/^\s*\[[^[\]]*\]\s*/, "")
    // Generated changelogs start items with the commit hash, a change kind or a scope.
    .replace(/^\s*[0-9a-f]{7,40}\b\s*/i, "")
    .replace(/^\s*\[?(?:bugfix|bug fix|enhancement|feature|change|security)\]?:?\s+/i, "")
    .replace(/^\s*\([^()]{1,30}\)\s*/, "")
    .replace(/^(?:feat|fix|chore|docs|refactor|perf|build|ci|test)(?:\([^()]*\))?!?:\s*/i, "")
    .replace(/[{}<>|]/g, " ");
  const trimmed = text.trim();
  // A table of contents ("- [Downloads](#downloads)") names sections, it does not say what changed.
  const tocEntry = NOISE_SECTION.test(trimmed) && trimmed.split(/\s+/).length <= 3;
  if (NOISE_ITEM.test(trimmed) || ONLY_A_VERSION.test(trimmed) || tocEntry) return "";
  // "nerdctl compose: support build.args" and "HTTP SD: accept …": the component the item is about
  // is a scope, like a commit's. The line names the project already; the phrase after the scope is
  // what the highlight says, and what must be whole.
  const scope = SCOPE.exec(text)?.[0] ?? "";
  const clause = text.slice(scope.length).split(CLAUSE_END)[0] ?? "";
  const words = clause.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length > MAX_WORDS) return "";
  while (words.length > 0 && STOPWORDS.has((words[words.length - 1] ?? "").toLowerCase().replace(/[^\p{L}]/gu, ""))) words.pop();
  return words.join(" ").replace(/[\s.,;:!?…\-–—(]+$/, "");
}

/**
 * "support build.args" → "Support build.args", as the tool starts every line; a first word that is
 * not a plain lower-case word ("v1.22", "healthPort", "eBPF") and the names capitalizeFirst keeps
 * ("containerd", "kubectl") stay as written.
 */
function sentenceCase(phrase: string): string {
  const gap = phrase.indexOf(" ");
  const first = gap < 0 ? phrase : phrase.slice(0, gap);
  return /^\p{Ll}[\p{Ll}'’-]*$/u.test(first) ? capitalizeFirst(phrase) : phrase;
}

/** Up to three words and a colon: "KCP:", "HTTP SD:", "minikube image:". */
const SCOPE = /^\s*(?:[\p{L}\p{N}][\w./-]*\s+){0,2}[\p{L}\p{N}][\w./-]*:\s+(?=\S)/u;
/** Where an item's first clause ends; a comma may join a list ("add save, tag and push"), so it does not. */
const CLAUSE_END = /[;:(]\s|\.(?:\s|$)|\s[-–—]\s/u;

/** "Add support" → "add support", for a highlight after another; "HTTP", "CRI-O" and "etcd" stay as written. */
export function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}*(?:[\s:]|$)/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
