import type { Nodes } from "mdast";
import { readMarkdown } from "../parsers.js";

export interface OutlineHeading {
  depth: number;
  /** The heading as a reader sees it: no `#`s, closing sequence or emphasis marks. */
  text: string;
  /** Its last line: a setext heading ends on its underline. */
  endLine: number;
}

/** Where a markdown document's headings and code blocks are, by 1-based line. */
export interface Outline {
  headings: Map<number, OutlineHeading>;
  /** Lines inside fenced or indented code, fences included. */
  codeLines: Set<number>;
  /** HTML comments that stand as blocks of their own, outside lists and quotes: their lines and text. */
  comments: OutlineComment[];
}

export interface OutlineComment {
  /** First and last line, 1-based. */
  start: number;
  end: number;
  /** The block as written, from `<!--` (line ends normalised to LF). */
  value: string;
}

/**
 * Reads the block structure with a CommonMark parser, so a fence closes only with its own kind and
 * length and `## X ##` is the heading "X". Needs `loadMarkdown()` to have finished.
 */
export function outline(markdown: string): Outline {
  const headings = new Map<number, OutlineHeading>();
  const codeLines = new Set<number>();
  const comments: OutlineComment[] = [];
  for (const node of readMarkdown(markdown).children) {
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (start === undefined || end === undefined) continue;
    if (node.type === "heading") headings.set(start, { depth: node.depth, text: plainText(node).trim(), endLine: end });
    else if (node.type === "code") for (let line = start; line <= end; line++) codeLines.add(line);
    else if (node.type === "html" && node.value.startsWith("<!--")) comments.push({ start, end, value: node.value.replace(/\r\n?/g, "\n") });
  }
  return { headings, codeLines, comments };
}

/** The text of a node's leaves, the way mdast-util-to-string reads it. */
export function plainText(node: Nodes): string {
  if ("value" in node && node.type !== "html") return node.value;
  if ("children" in node) return node.children.map((child) => plainText(child)).join("");
  if (node.type === "image" || node.type === "imageReference") return node.alt ?? "";
  return "";
}
