import { createHash } from "node:crypto";
import { safeUrl } from "../markdown/escape.js";
import { TOOL_COMMENT } from "../markdown/tool-comments.js";

/**
 * Markers around the generated sections let `--update` refresh them and keep every byte outside.
 * The begin marker records, per linked page (`key`), either `key=HASH`: the tool wrote this line
 * in this section and owns it while its hash matches; or `key=-`: the page is known (the tool or
 * the editor put it in the post once) but the line, if any, is the editor's. Only owned lines
 * are ever rewritten or removed; a known page missing from the post was deleted by the editor
 * and is never added again.
 */
export { MARKED_SECTIONS, type MarkedSection } from "../sections.js";

/** The state value of a page that is known but whose line the tool does not own. */
export const KNOWN = "-";

export function lineHash(line: string): string {
  return createHash("sha256").update(line.trimEnd()).digest("hex").slice(0, 10);
}

export interface MarkerNotes {
  /**
   * The last day of a window that runs past the Sunday (`--through`): a later `--update` over the
   * week alone would drop the lines of the PRs merged after it, so it reads this first.
   */
  through?: string;
  /** The run read nothing for this section (no releases without a token): `--update` keeps it as it is. */
  unread?: boolean;
}

export function beginMarker(section: string, generated: ReadonlyMap<string, string>, notes: MarkerNotes = {}): string {
  const state = [...generated.entries()].map(([key, hash]) => ` ${key}=${hash}`).join("");
  const unread = notes.unread === true ? " unread" : "";
  const through = notes.through === undefined ? "" : ` through=${notes.through}`;
  return `${TOOL_COMMENT}:begin ${section}${unread}${through}${state} -->`;
}

export function endMarker(section: string): string {
  return `${TOOL_COMMENT}:end ${section} -->`;
}

export interface Region {
  section: string;
  /** Index of the begin marker line and of the end marker line. */
  begin: number;
  end: number;
  state: Map<string, string>;
  /** The last day of the window the section was drafted for, when it ran past the Sunday. */
  through?: string;
  /** The run that wrote the marker read nothing for this section. */
  unread: boolean;
}

// Editors' tools add trailing spaces and CRLF line ends; neither damages a marker.
const BEGIN = /^<!-- k8s-weekly:begin ([a-z_]+)( unread)?(?: through=(\d{4}-\d{2}-\d{2}))?((?: [^ ]+=(?:[0-9a-f]+|-))*) -->\s*$/;
const END = /^<!-- k8s-weekly:end ([a-z_]+) -->\s*$/;
const ANY_MARKER = /<!-- k8s-weekly:(begin|end)\b/;

/** Finds the marked regions of a post (lines may end in CR); throws a plain Error describing the first problem. */
export function findRegions(lines: readonly string[]): Region[] {
  const regions: Region[] = [];
  let open: Omit<Region, "end"> | null = null;
  lines.forEach((line, index) => {
    const begin = line.match(BEGIN);
    const end = line.match(END);
    if (begin?.[1]) {
      if (open) throw new Error(`line ${index + 1}: begin marker for ${begin[1]} inside ${open.section}`);
      const state = new Map<string, string>();
      for (const pair of (begin[4] ?? "").trim().split(" ").filter(Boolean)) {
        const at = pair.lastIndexOf("=");
        state.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const unread = begin[2] !== undefined;
      open = begin[3] === undefined ? { section: begin[1], begin: index, state, unread } : { section: begin[1], begin: index, state, unread, through: begin[3] };
    } else if (end?.[1]) {
      if (!open || open.section !== end[1]) throw new Error(`line ${index + 1}: end marker for ${end[1]} without its begin marker`);
      regions.push({ ...open, end: index });
      open = null;
    } else if (ANY_MARKER.test(line)) {
      throw new Error(`line ${index + 1}: a damaged k8s-weekly marker`);
    }
  });
  if (open) throw new Error(`the ${(open as { section: string }).section} section has no end marker`);
  const seen = new Set<string>();
  for (const region of regions) {
    if (seen.has(region.section)) throw new Error(`the ${region.section} markers appear twice`);
    seen.add(region.section);
  }
  return regions;
}

const LINK_TARGET = /\]\((https?:\/\/[^\s)]+)\)/;
const PAGE = /^https?:\/\/(?:github\.com\/)?([^\s)]+)$/;

/** What identifies a page across runs: its link target less the scheme and github.com (GitHub, GHE, go.dev). */
export function pageKey(url: string): string | null {
  return url.match(PAGE)?.[1] ?? null;
}

/** The page a line of the post links first: how `--update` knows an edited line. */
export function lineKey(line: string): string | null {
  const target = line.match(LINK_TARGET)?.[1];
  return target === undefined ? null : pageKey(target);
}

/** The marker state for a section's generated bullets: the page from the data, the hash of the line. */
export function stateOfEntries(entries: ReadonlyArray<{ line: string; bullet: { url: string } }>): Map<string, string> {
  const state = new Map<string, string>();
  for (const entry of entries) {
    const key = pageKey(safeUrl(entry.bullet.url));
    if (key && !state.has(key)) state.set(key, lineHash(entry.line));
  }
  return state;
}

/**
 * The post with each begin marker's hashes taken from the lines as rendered. The view-model hashes
 * the draft's `line`, and a template that words a bullet its own way (a `pr-line` partial) renders
 * another: without this, `--update` would own none of its lines. A post whose markers do not
 * parse is left as it is, for `--update` to refuse.
 */
export function restampMarkers(post: string): string {
  const lines = post.split("\n");
  let regions: Region[];
  try {
    regions = findRegions(lines);
  } catch {
    return post;
  }
  for (const region of regions) {
    const rendered = stateOfLines(lines.slice(region.begin + 1, region.end));
    const state = new Map([...region.state].map(([key, hash]) => [key, rendered.get(key) ?? hash] as const));
    const notes = region.through === undefined ? { unread: region.unread } : { unread: region.unread, through: region.through };
    lines[region.begin] = beginMarker(region.section, state, notes);
  }
  return lines.join("\n");
}

/** The marker state for lines of the post. */
export function stateOfLines(lines: readonly string[]): Map<string, string> {
  const state = new Map<string, string>();
  for (const line of lines) {
    const key = lineKey(line);
    if (key && !state.has(key)) state.set(key, lineHash(line));
  }
  return state;
}
