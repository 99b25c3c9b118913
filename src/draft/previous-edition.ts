import { SECTION_KEYS, type DraftEntry, type SectionKey, type SkippedEntry } from "../types.js";
import { toolComment, withoutHtmlComments } from "../markdown/tool-comments.js";
import { outline } from "../markdown/outline.js";
import { readFrontMatter } from "../markdown/front-matter.js";
import { releaseKey } from "../repo-name.js";
import { isCalendarDate } from "../week.js";

/** The skip reason of a PR the previous edition already linked. */
export const PREVIOUS_EDITION = "previous-edition";

const POST_NAME = /^(\d{4}-\d{2}-\d{2})-update\.md$/;

// Bounded pieces and no nested quantifiers keep this linear on a hostile file. The trailing
// lookahead stops /pull/1234 from also counting as /pull/123.
// http:// and www. lead to the same page, and hand-written links use them.
const PULL_LINK = /https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})\/pull\/(\d{1,9})(?!\d)/gi;

/**
 * The PRs of `repos` that a post links, as `owner/name#number` keys in lower case: GitHub treats
 * owner and name case-insensitively, so `Kubernetes/Kubernetes` is the same repository.
 */
export function linkedPulls(text: string, repos: readonly string[]): Set<string> {
  const wanted = new Set(repos.map((repo) => repo.toLowerCase()));
  const linked = new Set<string>();
  // Pages named in comments (see linkedReleases) were not given to the readers.
  for (const match of withoutHtmlComments(text).matchAll(PULL_LINK)) {
    const [, owner, name, number] = match;
    const repo = `${owner}/${name}`.toLowerCase();
    if (wanted.has(repo)) linked.add(pullKey(repo, Number(number)));
  }
  return linked;
}

// Bounded like PULL_LINK. A tag is whatever GitHub allows in a release URL's last segment.
const RELEASE_LINK = /https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})\/releases\/tag\/([^\s)#?]{1,200})/gi;
// Go's release lines link go.dev, one anchor for every patch of a minor: the label names the version.
const GO_RELEASE_LINK = /\[(?:Go )?(\d{1,3}\.\d{1,3}(?:\.\d{1,3})?)\]\(https:\/\/go\.dev\/doc\//g;

/**
 * The releases a post links, as `owner/name@tag` keys (owner and name in lower case, the tag as
 * written; Go's as `golang/go@go1.16.5`): the Subprojects lines a post that ran past its Sunday
 * (`--through`) already gave, which the next edition should not give again.
 */
export function linkedReleases(text: string): Set<string> {
  const linked = new Set<string>();
  // An editor's "hold for next week: URL" or a draft's candidate lists name pages the post did not give its readers.
  const visible = withoutHtmlComments(text);
  for (const [, owner, name, tag] of visible.matchAll(RELEASE_LINK)) linked.add(releaseKey(`${owner}/${name}`, decodeTag(tag ?? "")));
  for (const [, version] of visible.matchAll(GO_RELEASE_LINK)) linked.add(releaseKey("golang/go", `go${version}`));
  return linked;
}

function decodeTag(tag: string): string {
  try {
    return decodeURIComponent(tag);
  } catch {
    return tag;
  }
}


export function pullKey(repo: string, number: number): string {
  return `${repo.toLowerCase()}#${number}`;
}

/** The date a post's file name carries (`2021-06-27-update.md`), or null for any other name. */
export function postDate(fileName: string): string | null {
  const date = POST_NAME.exec(fileName)?.[1];
  return date !== undefined && isCalendarDate(date) ? date : null;
}

/**
 * Of a folder's file names, the newest post dated strictly before the week's Sunday: the edition
 * this week follows, not this week's own draft or a later one.
 */
export function newestPostBefore(fileNames: readonly string[], weekEnding: string): string | null {
  let best: { name: string; date: string } | null = null;
  for (const name of fileNames) {
    const date = postDate(name);
    if (date !== null && date < weekEnding && (best === null || date > best.date)) best = { name, date };
  }
  return best?.name ?? null;
}

export interface PreviousEditionResult {
  sections: Record<SectionKey, DraftEntry[]>;
  skipped: SkippedEntry[];
  /** How many reported PRs moved to skipped. */
  moved: number;
}

/**
 * Moves every PR the previous edition linked out of the sections into skipped, so each PR is still
 * accounted for exactly once. Releases (no number) are never the previous edition's PRs.
 */
export function dropPreviouslyLinked(
  sections: Readonly<Record<SectionKey, readonly DraftEntry[]>>,
  skipped: readonly SkippedEntry[],
  linked: ReadonlySet<string>,
): PreviousEditionResult {
  // Most drafts have no previous edition at hand: no key need be built for each of their lines.
  if (linked.size === 0) {
    const copies = Object.fromEntries(SECTION_KEYS.map((key) => [key, [...sections[key]]])) as Record<SectionKey, DraftEntry[]>;
    return { sections: copies, skipped: [...skipped], moved: 0 };
  }
  const moved: SkippedEntry[] = [];
  const keep = (entry: DraftEntry): boolean => {
    if (entry.number === null || !linked.has(pullKey(entry.repo, entry.number))) return true;
    moved.push({ repo: entry.repo, number: entry.number, title: entry.title, reason: PREVIOUS_EDITION });
    return false;
  };
  const kept = Object.fromEntries(SECTION_KEYS.map((key) => [key, sections[key].filter(keep)])) as Record<SectionKey, DraftEntry[]>;
  return { sections: kept, skipped: [...skipped, ...moved], moved: moved.length };
}

const FEATURED_NOTE = "featured candidates";
const KEP_NOTE = "KEP candidates";

/**
 * The section of a draft (its `##` heading and what follows, down to the next) that holds the
 * tool's note `name`, as a reader sees it: comments left out. Empty when the editor deleted the
 * note, or it stands under no heading. Needs `loadMarkdown()` and `loadYaml()` to have finished.
 */
function sectionOfNote(text: string, name: string): string {
  const lines = text.split("\n");
  // The body alone: a front matter's closing --- under its last field would read as a heading.
  const front = readFrontMatter(text);
  const bodyStart = "problem" in front ? 0 : front.endLine + 1;
  const body = outline(lines.slice(bodyStart).join("\n"));
  // Outline blocks stand outside code, lists and quotes, and their lines are 1-based.
  const note = body.comments.find((block) => toolComment(block.value)?.name === name);
  if (note === undefined) return "";
  const sections = [...body.headings].filter(([, heading]) => heading.depth <= 2).map(([line]) => line).sort((a, b) => a - b);
  const holder = sections.filter((line) => line < note.start).at(-1);
  if (holder === undefined) return "";
  const next = sections.find((line) => line > note.end);
  return withoutHtmlComments(lines.slice(bodyStart + holder - 1, next === undefined ? lines.length : bodyStart + next - 1).join("\n"));
}

/**
 * The PRs of `repos` the editor has featured in a draft: those linked in the section that holds
 * the featured candidates note (a featured PR is a `###` of its own there). A refresh offers them
 * no more.
 */
export function featuredPulls(text: string, repos: readonly string[]): Set<string> {
  return linkedPulls(sectionOfNote(text, FEATURED_NOTE), repos);
}

// "KEP-2579", "KEP 2579", a KEP's folder ("keps/sig-auth/2579-psp-replacement") or its tracking issue.
const KEP_MENTION = /\bKEP[- ]?#?(\d{1,5})\b|\/keps\/[\w-]{1,60}\/(\d{1,5})-|\/enhancements\/issues\/(\d{1,5})\b/gi;

/** The KEPs, by number, the editor has written up in the section that holds the KEP candidates note. */
export function writtenKeps(text: string): Set<number> {
  const numbers = new Set<number>();
  for (const match of sectionOfNote(text, KEP_NOTE).matchAll(KEP_MENTION)) numbers.add(Number(match[1] ?? match[2] ?? match[3]));
  return numbers;
}
