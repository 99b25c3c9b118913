/**
 * The one place where untrusted text (titles, release notes, user names, release names) becomes
 * safe markdown for a Jekyll post. Templates never escape: everything they receive is already safe.
 */

import type { Bullet, InlineMarkdown } from "../types.js";

const MAX_TEXT_LENGTH = 300;

// What a reader cannot see can disguise what a line says: Unicode's default-ignorable set (zero
// widths, fillers, tag characters, variation selectors), its bidi controls, and every control
// character but newline and tab. Property escapes follow Unicode's own lists, where a hand-kept
// range list misses characters.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]|(?![\n\t])\p{Cc}/gu;

/** Collapses untrusted text to one clean line, cut to a readable length. */
export function cleanText(text: string, maxLength = MAX_TEXT_LENGTH): string {
  // GitHub shows "&lt;tags&gt;" in a note as "<tags>": so does the post, once escaped again. Decoded
  // first, so that what an entity spells passes the same cleaning as the rest.
  const decoded = text.includes("&") ? text.replace(ENTITY, decodeEntity) : text;
  // A lone carriage return separates words like a newline does, so it becomes one before controls go.
  const oneLine = decoded.replace(/\r\n?/g, "\n").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  const chars = Array.from(oneLine);
  return chars.length > maxLength ? `${chars.slice(0, maxLength - 1).join("").trimEnd()}…` : oneLine;
}

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,6}));/g;
// A Map: the name comes from fetched text and must never look up Object.prototype.
const NAMED_ENTITIES = new Map([["lt", "<"], ["gt", ">"], ["amp", "&"], ["quot", '"'], ["apos", "'"], ["nbsp", " "]]);

function decodeEntity(entity: string, decimal: string | undefined, hex: string | undefined, name: string | undefined): string {
  if (name !== undefined) return NAMED_ENTITIES.get(name) ?? entity;
  const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? "", 16);
  // Past Unicode, or a lone surrogate: no character, so the entity stays as written (and is escaped).
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity;
}

/**
 * Escapes text so that markdown reads it as literal characters: no HTML, no links or images,
 * no emphasis surprises, no Liquid tags, and nothing that starts a block at the start of a line.
 */
export function escapeInline(text: string, maxLength = MAX_TEXT_LENGTH): InlineMarkdown {
  return escapeLineStart(escapeMidLine(text, maxLength));
}

/**
 * `escapeInline` for text that follows other text on its line, such as the second word of a
 * bullet: "1.24" or "#123" there starts no list and no heading, and reads better unescaped.
 */
export function escapeMidLine(text: string, maxLength = MAX_TEXT_LENGTH): InlineMarkdown {
  // Most words of a line are plain ASCII: nothing to clean, nothing to escape, no link to disarm.
  // They skip the general path, which a week of many thousands of PRs would run per word.
  // An empty lead or trail beside a code span is common, and the general path returns it as it is.
  if (text === "" || (text.length <= maxLength && LETTERS.test(text))) return text as InlineMarkdown;
  if (text.length <= maxLength && PLAIN_TEXT.test(text) && !text.includes("://") && !/www\./i.test(text)) return text as InlineMarkdown;
  return escapeInert(text, maxLength);
}

/** What would start a block at the start of a line: a list item, a heading, a setext underline. */
function escapeLineStart(text: InlineMarkdown): InlineMarkdown {
  const first = text.charCodeAt(0);
  // Only a digit or one of - + = # can start a block here; everything else is already inert.
  if (!(first >= 48 && first <= 57) && first !== 45 && first !== 43 && first !== 61 && first !== 35) return text;
  return text.replace(/^([-+=#])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2") as InlineMarkdown;
}

/** A plain word: the fast path below would return it unchanged. */
const LETTERS = /^[A-Za-z]+$/;

/** Letters and digits, single spaces and punctuation that markdown, HTML and Liquid read as literal text. */
const PLAIN_TEXT = /^[A-Za-z0-9](?:[A-Za-z0-9,.;:!?'"()/-]| (?! |$))*$/;

/** `escapeInline` for any text: exported so a test can hold the fast path to the same output. */
export function escapeAnyText(text: string, maxLength = MAX_TEXT_LENGTH): InlineMarkdown {
  return escapeLineStart(escapeInert(text, maxLength));
}

function escapeInert(text: string, maxLength: number): InlineMarkdown {
  const clean = cleanText(text, maxLength);
  let escaped = "";
  let last = 0;
  // GFM finds autolinks after entities are decoded, so escaping cannot stop them: URLs and
  // e-mail addresses become inert code spans instead.
  for (const match of clean.matchAll(LINKISH)) {
    escaped += escapeText(clean.slice(last, match.index)) + (/[{}`]/.test(match[0]) ? "(link removed)" : `\`${match[0]}\``);
    last = match.index + match[0].length;
  }
  escaped += escapeText(clean.slice(last));
  return escaped as InlineMarkdown;
}

// No word boundaries: GFM also links "_www.x" and "*http://x", after emphasis markers.
// Brackets stay outside the code span: a "]:" inside it could still end a link label and start a
// reference definition, which is parsed before code spans are.
const LINKISH = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>[\]]*[^\s<>.,;:!?)[\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

function escapeText(text: string): string {
  // Entities where a backslash escape is not enough: kramdown and CommonMark disagree on `\&`,
  // and Liquid ignores backslashes. An ampersand is only read as one when an entity's name and
  // semicolon follow, so "CPU & memory" stays as the editor would type it.
  return text
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;")
    .replace(/[<>~|{}@]/g, (char) => ENTITIES[char] ?? char)
    .replace(/[\\`*_[\]]/g, (char) => `\\${char}`)
    // Kramdown reads "$$...$$" as math; "\$" is literal in kramdown and CommonMark alike.
    .replace(/\$\$/g, () => "\\$\\$");
}

const ENTITIES: Record<string, string> = {
  "<": "&lt;",
  ">": "&gt;",
  "~": "&#126;",
  "|": "&#124;",
  "{": "&#123;",
  "}": "&#125;",
  "@": "&#64;",
};

/**
 * Untrusted text for inside an HTML comment, the tool's notes to the editor. Markdown does not
 * run there, so there are no backslash escapes for the editor to read past: only what could end
 * the comment, or what Liquid runs even inside one, is neutralized.
 */
export function commentText(text: string, maxLength = MAX_TEXT_LENGTH): string {
  return cleanText(text, maxLength)
    .replace(/-(?=-)/g, "- ")
    .replace(/[<>{}]/g, (char) => ENTITIES[char] ?? char);
}

/**
 * An identifier in backticks that stays code: the fence is longer than any backtick run inside it.
 * Liquid would run inside a code span too, and brackets could end a link label around it, so text
 * with braces or brackets is escaped as plain text instead.
 */
export function codeSpan(identifier: string): InlineMarkdown {
  const text = cleanText(identifier, 120);
  if (/[{}[\]]/.test(text)) return escapeInline(text, 120);
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}` as InlineMarkdown;
}

/** Safe fragments side by side: nothing, a space or a comma between them cannot open or close anything. */
export function joinInline(parts: readonly InlineMarkdown[], separator: "" | " " | ", "): InlineMarkdown {
  return parts.join(separator) as InlineMarkdown;
}

/** Escaped, minus the "1\." escape for a leading number: inside brackets it cannot start a list. */
export function escapeLinkLabel(label: string, maxLength = 80): InlineMarkdown {
  return escapeInline(label, maxLength).replace(/^(\d+)\\([.)])/, "$1$2") as InlineMarkdown;
}

/** "#123" from a PR's URL: the label of last resort when nothing else describes the PR. */
export function numberLabel(url: string): InlineMarkdown {
  // The URL may come from an input file, so its last segment is escaped like any other text;
  // a real PR number is digits and comes out unchanged.
  return `#${escapeLinkLabel(url.split("/").at(-1) ?? "")}` as InlineMarkdown;
}

/**
 * The one writer of a post's bullets: `* before [label](url)pause after: highlights; also [l](u), …`.
 * Every text piece is already escaped; every link target passes `safeUrl` here.
 */
export function renderBullet(bullet: Bullet): string {
  // Pieces side by side, without a list to filter and join for every line of a large week.
  const before = bullet.before ? ` ${bullet.before}` : "";
  const after = bullet.after ? ` ${bullet.after}` : "";
  const main = `*${before} ${link(bullet.label, bullet.url)}${bullet.pause ?? ""}${after}`;
  const highlights = bullet.highlights ? `: ${bullet.highlights}` : "";
  const also = bullet.also.length > 0 ? `; also ${bullet.also.map((other) => link(other.label, other.url)).join(", ")}` : "";
  return `${main}${highlights}${also}`;
}

/** A link whose label is untrusted text and whose target the tool built itself. */
export function link(label: string, url: string): string {
  // Kramdown, which Jekyll renders with, reads "[^" as a footnote reference, and has no backslash
  // escape for "^": the entity keeps it a link in kramdown and CommonMark alike.
  return `[${label.startsWith("^") ? `&#94;${label.slice(1)}` : label}](${safeUrl(url)})`;
}

/** Only http(s) URLs become link targets; anything else is refused loudly because it is a bug. */
const CANONICAL_PAGE = /^https:\/\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\.)+[a-z]+\/[\w-][\w.-]*\/[\w-][\w.-]*\/(?:pull|issues|releases\/tag)\/[\w-][\w.-]*$/;

export function safeUrl(url: string): string {
  // A PR page's URL as GitHub spells it is already what the URL parser would give back: a week of
  // many thousands of bullets need not parse it again.
  if (CANONICAL_PAGE.test(url)) return url;
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`refusing to link to a non-http URL: ${parsed.protocol}`);
  }
  // Parentheses and angle brackets would end a markdown link target early; braces would be Liquid.
  return parsed.href.replace(/[()<>\s{}[\]]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
