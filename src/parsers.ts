import type { Root } from "mdast";

/**
 * The YAML and markdown parsers, loaded on demand: together they cost more to import than the rest
 * of an offline draft, and only the commands that read fetched files or posts need them. Those
 * commands await `loadParsers()` once; the readers below stay synchronous so the pure functions
 * that use them need not change shape.
 */
type YamlModule = typeof import("yaml");
type MarkdownReader = (markdown: string) => Root;

let yamlModule: YamlModule | undefined;
let markdownReader: MarkdownReader | undefined;

export async function loadYaml(): Promise<void> {
  if (yamlModule) return;
  // yaml ships CommonJS for Node: bundled, its module holds only a default export.
  const loaded = (await import("yaml")) as YamlModule & { default?: YamlModule };
  yamlModule = loaded.default ?? loaded;
}

export async function loadMarkdown(): Promise<void> {
  if (markdownReader) return;
  const [{ fromMarkdown }, { gfmFromMarkdown }, { gfm }] = await Promise.all([
    import("mdast-util-from-markdown"),
    import("mdast-util-gfm"),
    import("micromark-extension-gfm"),
  ]);
  const extensions = [gfm()];
  const mdastExtensions = [gfmFromMarkdown()];
  markdownReader = (markdown) => fromMarkdown(markdown, { extensions, mdastExtensions });
}

export async function loadParsers(): Promise<void> {
  await Promise.all([loadYaml(), loadMarkdown()]);
}

function notLoaded(what: string): Error {
  return new Error(`internal error: the ${what} parser is used before load${what === "YAML" ? "Yaml" : "Markdown"}() finished`);
}

/**
 * A YAML document as plain data, every scalar a string (the failsafe schema), so that a version
 * "1.20" is not read as the number 1.2. What a damaged document still holds is kept, unless
 * `strict`; null when nothing can be read. Never throws on input.
 */
export function readYaml(text: string, options: { strict?: boolean } = {}): unknown {
  if (!yamlModule) throw notLoaded("YAML");
  if (typeof text !== "string" || text.length > MAX_YAML_LENGTH || flowDepth(text) > MAX_FLOW_DEPTH || blockDepth(text) > MAX_BLOCK_DEPTH) return null;
  try {
    const document = yamlModule.parseDocument(text, { schema: "failsafe", uniqueKeys: false, prettyErrors: false });
    if (options.strict && document.errors.length > 0) return null;
    // Maps, not objects: a key read from fetched text must never become an object key.
    return document.toJS({ maxAliasCount: 100, mapAsMap: true }) as unknown;
  } catch {
    return null;
  }
}

// The files read are 1–50 KB. The parser takes about 4 µs a character on this project's CI
// machine, and time quadratic in the nesting of `{`/`[` collections, so both are bounded.
export const MAX_YAML_LENGTH = 256 * 1024;
const MAX_FLOW_DEPTH = 16;

// Block collections nest by indentation or by markers chained on one line ("- - - x", "? ? x"):
// the parser recurses once a level, and a few thousand levels exhaust the stack, and then, on the
// next deep document, memory in a way no try/catch can stop. The files read nest under 12 levels.
const MAX_BLOCK_DEPTH = 64;
const CHAINED_MARKERS = /^(?:[-?:][ \t]+)+/;

/** An upper bound of block nesting: each line's indentation (two columns a level) plus the markers that open it. */
function blockDepth(text: string): number {
  let deepest = 0;
  for (const line of text.split("\n")) {
    const body = line.trimStart();
    const indent = line.length - body.length;
    const markers = body.match(CHAINED_MARKERS)?.[0].replace(/[ \t]/g, "").length ?? 0;
    deepest = Math.max(deepest, Math.ceil(indent / 2) + markers);
  }
  return deepest;
}

/** The deepest nesting of flow brackets, counting those inside strings too: an upper bound. */
function flowDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 123 || code === 91) deepest = Math.max(deepest, ++depth);
    else if ((code === 125 || code === 93) && depth > 0) depth--;
  }
  return deepest;
}

/** The mdast tree (CommonMark and GitHub's tables, strikethrough and autolinks) of a markdown text. */
export function readMarkdown(markdown: string): Root {
  if (!markdownReader) throw notLoaded("markdown");
  // A lone carriage return ends a line for CommonMark but not for the tool's own line splitting
  // (on "\n"): read as a space, it leaves every node's line where the tool counts it, so that a
  // line found here is the line finalize and lint act on. Offsets stay the same.
  return markdownReader(typeof markdown === "string" ? markdown.replace(/\r(?!\n)/g, " ") : "");
}

/** A YAML mapping with its string keys; null for anything else. */
export function yamlMap(value: unknown): Map<string, unknown> | null {
  if (!(value instanceof Map)) return null;
  const map = new Map<string, unknown>();
  for (const [key, entry] of value as Map<unknown, unknown>) if (typeof key === "string") map.set(key, entry);
  return map;
}

export function yamlList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function yamlString(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}
