import { readFrontMatter } from "../markdown/front-matter.js";
import { outline } from "../markdown/outline.js";
import { toolComment, type ToolComment } from "../markdown/tool-comments.js";
import { FailureError } from "../errors.js";
import { byteOrderMarkOf, withoutByteOrderMark } from "../byte-order-mark.js";

export interface FinalizedPost {
  /** The post without the tool's comments. */
  text: string;
  /** What was removed, in the order of the post. */
  removed: ToolComment[];
  /** For each line of `text`, the 1-based line of the draft it comes from. */
  sourceLine: number[];
}

/**
 * The post that gets published: the draft less every comment the tool wrote (the `--update`
 * markers with their hash lists, the notes with candidates for the editor). Every other byte
 * stays: line ends (CRLF too), comments of the editor's, and anything that only looks like the
 * tool's, inside a code block, a list, a quote or a line of text. Only blocks that are a comment
 * of the tool's from their first character to their last are removed, whole lines at a time.
 *
 * A removed block leaves no trace: where blank lines framed it, one of them goes with it, so that
 * runs of empty sections do not become runs of blank lines; and where it stood between two lines
 * of text, one blank line takes its place, since markdown would otherwise join those lines (but not
 * between two list items, which stay one list).
 * Needs `loadParsers()` to have finished. Pure.
 */
export function finalizePost(input: string): FinalizedPost {
  const bom = byteOrderMarkOf(input);
  const lines = input.slice(bom.length).split("\n");
  const found = toolCommentsOf(lines);
  const removedAt = new Set(found.flatMap(({ lines: at }) => at));
  const removed = found.map(({ comment }) => comment);

  const isBlank = (line: string | undefined) => line !== undefined && line.trim() === "";
  const lineEnd = input.includes("\r\n") ? "\r" : "";
  const kept: string[] = [];
  const sourceLine: number[] = [];
  let gap: number | null = null;
  lines.forEach((line, index) => {
    if (removedAt.has(index)) {
      gap ??= index;
      return;
    }
    if (gap !== null) {
      const previous = kept[kept.length - 1];
      if (isBlank(previous) && isBlank(line)) {
        // The blank line after the removed block would double the one before it. At the end of
        // the file, the one before becomes the end (a CRLF file must not end in a bare CR).
        if (index === lines.length - 1 && line === "") kept[kept.length - 1] = "";
        gap = null;
        return;
      }
      // Two list items stay one list: a blank line between them would loosen the whole list.
      if (previous !== undefined && !isBlank(previous) && !isBlank(line) && !(isListItem(previous) && isListItem(line))) {
        kept.push(lineEnd);
        sourceLine.push(gap + 1);
      }
      gap = null;
    }
    kept.push(line);
    sourceLine.push(index + 1);
  });
  return { text: `${bom}${kept.join("\n")}`, removed, sourceLine };
}

const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s/;
const isListItem = (line: string): boolean => LIST_ITEM.test(line);

/**
 * The tool's comments in a post, as `finalize` sees them: blocks of their own in the body, not in
 * code, lists or quotes. Needs `loadParsers()` to have finished.
 */
export function toolComments(text: string): ToolComment[] {
  return toolCommentsOf(withoutByteOrderMark(text).split("\n")).map(({ comment }) => comment);
}

/** Each tool comment with the 0-based indexes of its lines. */
function toolCommentsOf(lines: readonly string[]): Array<{ comment: ToolComment; lines: number[] }> {
  // The body alone: a front matter's closing --- under its last field would read as a heading.
  const front = readFrontMatter(lines.join("\n"));
  const bodyStart = "problem" in front ? 0 : front.endLine + 1;
  return outline(lines.slice(bodyStart).join("\n")).comments.flatMap((block) => {
    const comment = toolComment(block.value);
    if (comment === null) return [];
    const at: number[] = [];
    for (let line = block.start; line <= block.end; line += 1) at.push(bodyStart + line - 1);
    // The lines about to go must be the comment's own, opening and closing it: if the parser's
    // lines and ours ever disagreed, an editor's line would go instead.
    const first = lines[at[0] ?? -1] ?? "";
    const last = lines[at[at.length - 1] ?? -1] ?? "";
    if (!first.trimStart().startsWith("<!--") || !last.trimEnd().endsWith("-->")) {
      throw new FailureError(`finalize: the tool's note "${block.value.slice(0, 40)}" was not found where the markdown parser put it; the post was left as it is`);
    }
    return [{ comment, lines: at }];
  });
}
