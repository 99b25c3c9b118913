/**
 * The one place where untrusted text (titles, release notes, user names, release names) becomes
 * safe markdown for a Jekyll post. Templates never escape: everything they receive is already safe.
 */

const MAX_TEXT_LENGTH = 300;

// What a reader cannot see can disguise what a line says: Unicode's default-ignorable set (zero
// widths, fillers, tag characters, variation selectors), its bidi controls, and every control
// character but newline and tab. Property escapes follow Unicode's own lists, where a hand-kept
// range list misses characters.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]|(?![\n\t])\p{Cc}/gu;

/** Collapses untrusted text to one clean line, cut to a readable length. */
export function cleanText(text: string, maxLength = MAX_TEXT_LENGTH): string {
  // A lone carriage return separates words like a newline does, so it becomes one before controls go.
  const oneLine = text.replace(/\r\n?/g, "\n").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  const chars = Array.from(oneLine);
  return chars.length > maxLength ? `${chars.slice(0, maxLength - 1).join("").trimEnd()}…` : oneLine;
}

/**
 * Escapes text so that markdown reads it as literal characters: no HTML, no links or images,
 * no emphasis surprises, no Liquid tags, and nothing that starts a block at the start of a line.
 */
export function escapeInline(text: string, maxLength = MAX_TEXT_LENGTH): string {
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
  return escaped.replace(/^([-+=#])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}

// No word boundaries: GFM also links "_www.x" and "*http://x", after emphasis markers.
// Brackets stay outside the code span: a "]:" inside it could still end a link label and start a
// reference definition, which is parsed before code spans are.
const LINKISH = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>[\]]*[^\s<>.,;:!?)[\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

function escapeText(text: string): string {
  // Entities where a backslash escape is not enough: kramdown and CommonMark disagree on `\&`,
  // and Liquid ignores backslashes.
  return text.replace(/[&<>~|{}@]/g, (char) => ENTITIES[char] ?? char).replace(/[\\`*_[\]]/g, (char) => `\\${char}`);
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "~": "&#126;",
  "|": "&#124;",
  "{": "&#123;",
  "}": "&#125;",
  "@": "&#64;",
};

/**
 * An identifier in backticks that stays code: the fence is longer than any backtick run inside it.
 * Liquid would run inside a code span too, and brackets could end a link label around it, so text
 * with braces or brackets is escaped as plain text instead.
 */
export function codeSpan(identifier: string): string {
  const text = cleanText(identifier, 120);
  if (/[{}[\]]/.test(text)) return escapeInline(text, 120);
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** `* [label](url)`: the bullet Promotions and Version Updates use, from untrusted text. */
export function linkBullet(text: string, url: string): string {
  return `* ${link(escapeInline(text), url)}`;
}

/** A link whose label is untrusted text and whose target the tool built itself. */
export function link(label: string, url: string): string {
  return `[${label}](${safeUrl(url)})`;
}

/** Only http(s) URLs become link targets; anything else is refused loudly because it is a bug. */
export function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`refusing to link to a non-http URL: ${parsed.protocol}`);
  }
  // Parentheses and angle brackets would end a markdown link target early; braces would be Liquid.
  return parsed.href.replace(/[()<>\s{}[\]]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
