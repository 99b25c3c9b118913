import { createHash } from "node:crypto";
import { TOOL_COMMENT, toolComment } from "./tool-comments.js";

/**
 * The notes the tool leaves for the editor (`<!-- k8s-weekly featured candidates: ... -->`), as lines
 * of a post. Each one the tool renders carries a stamp on its closing line, a hash of its text, so
 * that `--update` replaces only a note that is still exactly what the tool wrote: a line the editor
 * typed into one, or a copy they trimmed, stays theirs.
 */

export interface NoteBlock {
  /** The note's title, as `toolComment` reads it ("featured candidates"). */
  name: string;
  /** Indexes of its first and last lines. */
  start: number;
  end: number;
}

/** A note longer than this is no note of the tool's: the scan for its end stops there. */
const MAX_NOTE_LINES = 200;
const MARKER_LINE = /<!-- k8s-weekly:(?:begin|end)\b/;
const STAMP = /\s*sha=([0-9a-f]{10}) -->\s*$/;

/**
 * The tool's notes among `lines` (which may end in CR): a comment of its own lines that opens with
 * TOOL_COMMENT and closes before a blank line, a marker or MAX_NOTE_LINES. One that does not close
 * so is not the tool's any more (its `-->` was deleted, say) and is not read as a note.
 */
export function noteBlocks(lines: readonly string[]): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  for (let start = 0; start < lines.length; start++) {
    const first = lines[start] as string;
    if (!first.startsWith(TOOL_COMMENT) || MARKER_LINE.test(first)) continue;
    let end = start;
    while (end < lines.length && end - start < MAX_NOTE_LINES && !(lines[end] as string).includes("-->")) {
      const next = lines[end + 1];
      if (next === undefined || next.trim() === "" || MARKER_LINE.test(next)) break;
      end++;
    }
    if (!(lines[end] as string).includes("-->")) continue;
    const comment = toolComment(plain(lines.slice(start, end + 1)).join("\n"));
    if (comment?.kind === "note") blocks.push({ name: comment.name, start, end });
    start = end;
  }
  return blocks;
}

/** The note's lines with its stamp on the last one, as the tool renders it. */
export function stampNote(note: readonly string[]): string[] {
  const lines = withoutStamp(note);
  const last = lines.length - 1;
  const hash = noteHash(lines);
  const close = lines[last] as string;
  lines[last] = close.trim() === "-->" ? `sha=${hash} -->` : close.replace(/\s*-->\s*$/, ` sha=${hash} -->`);
  return lines;
}

/** Whether a note is still exactly what the tool wrote: its stamp matches its text. */
export function isUnchangedNote(note: readonly string[]): boolean {
  const stamp = plain(note).at(-1)?.match(STAMP)?.[1];
  return stamp !== undefined && stamp === noteHash(withoutStamp(note));
}

/** The note as it was before its stamp: the stamp alone on the closing line leaves "-->". */
function withoutStamp(note: readonly string[]): string[] {
  const lines = plain(note);
  const last = lines.length - 1;
  const close = lines[last] as string;
  const stamp = close.match(STAMP);
  if (stamp?.index !== undefined) {
    const before = close.slice(0, stamp.index);
    lines[last] = before.trim() === "" ? "-->" : `${before} -->`;
  }
  return lines;
}

function noteHash(lines: readonly string[]): string {
  return createHash("sha256").update(lines.map((line) => line.trimEnd()).join("\n")).digest("hex").slice(0, 10);
}

const plain = (lines: readonly string[]): string[] => lines.map((line) => line.replace(/\r$/, ""));
