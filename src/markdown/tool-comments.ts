/**
 * Every HTML comment the tool writes into a post opens with this: the `--update` markers
 * (`<!-- k8s-weekly:begin SECTION ... -->`, `<!-- k8s-weekly:end SECTION -->`) and the notes it
 * leaves for the editor (`<!-- k8s-weekly featured candidates: ... -->` and every other list of
 * candidates, `<!-- k8s-weekly: changes ... -->`). `lint` reports what is left of them and
 * `finalize` removes them by this prefix alone, so a template that adds a note needs no code.
 */
export const TOOL_COMMENT = "<!-- k8s-weekly";

export interface ToolComment {
  /** A marker of `--update`, or a note for the editor. */
  kind: "marker" | "note";
  /** The marker's section, or the note's title (`featured candidates`). */
  name: string;
}

const MARKER = /^<!-- k8s-weekly:(?:begin|end) ([a-z_]+)[ \t]/;

/**
 * What a comment block (an outline's `comments` entry) is when the tool wrote it; null for an
 * editor's comment. A block is the tool's only when it is one comment and nothing else: one that
 * runs on after its `-->` holds an editor's words, and is left alone.
 */
export function toolComment(block: string): ToolComment | null {
  const text = block.trimEnd();
  const next = text.charAt(TOOL_COMMENT.length);
  if (!text.startsWith(TOOL_COMMENT) || (next !== " " && next !== ":")) return null;
  if (!text.endsWith("-->") || text.indexOf("-->") !== text.length - 3) return null;
  const marker = `${text.slice(0, -3)} `.match(MARKER);
  if (marker?.[1] !== undefined) return { kind: "marker", name: marker[1] };
  const title = text.slice(TOOL_COMMENT.length, -3).replace(/^[:\s]+/, "").split(/[:\n]/)[0]?.trim() ?? "";
  return { kind: "note", name: title };
}

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** Text without its HTML comments, an unclosed one running to the end: what a reader of the page sees. */
export function withoutHtmlComments(text: string): string {
  return text.includes("<!--") ? text.replace(HTML_COMMENT, "") : text;
}
