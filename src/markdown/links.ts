import type { Nodes } from "mdast";
import { readMarkdown } from "../parsers.js";
import { plainText } from "./outline.js";

export interface MarkdownLink {
  /** What the reader sees. */
  label: string;
  url: string;
}

// A line of a post is under 300 characters; the cap bounds the parser's work on anything else.
const MAX_LINE = 4000;

/**
 * The links a renderer makes of one line: `[label](url)` and also the URLs and addresses GitHub
 * flavoured markdown links on its own, which a pattern for `[…](…)` does not see. Needs
 * `loadMarkdown()` to have finished.
 */
export function markdownLinks(line: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === "link") links.push({ label: plainText(node), url: node.url });
    else if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(readMarkdown(line.slice(0, MAX_LINE)));
  return links;
}
