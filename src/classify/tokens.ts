import { codeSpan, escapeInline, escapeMidLine, joinInline } from "../markdown/escape.js";
import { trailingRunStart } from "../trailing-run.js";
import type { InlineMarkdown } from "../types.js";
import { isIdentifier, isPlainWord } from "./words.js";

/** One word of a sentence being drafted, with the punctuation that hugged it. */
export interface Token {
  text: string;
  code: boolean;
  lead: string;
  trail: string;
}

const RAW_TOKEN = /`[^`]+`\S*|\S+/g;
const LEAD = /^[(["'“‘]+/;
const TRAIL_CHARS: ReadonlySet<string> = new Set([...")]\"'”’,.;:!?"]);
const QUOTE = /["'“”‘’]/;
const QUOTES = /["'“”‘’]/g;
const DASH = /^[-–—]+$/;
/** A word without leading or trailing punctuation, quotes or backticks, and not a dash. */
const BARE_WORD = /^\w[\w-]*$/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const raw of text.match(RAW_TOKEN) ?? []) {
    // Most words are plain words: one test says they hold no punctuation and are no identifier.
    if (isPlainWord(raw)) {
      tokens.push({ text: raw, code: false, lead: "", trail: "" });
      continue;
    }
    // Other words without punctuation to split off: the general path below would find none.
    if (BARE_WORD.test(raw)) {
      tokens.push({ text: raw, code: isIdentifier(raw), lead: "", trail: "" });
      continue;
    }
    if (DASH.test(raw)) {
      const previous = tokens.at(-1);
      if (previous) previous.trail += ";";
      continue;
    }
    if (raw.startsWith("`")) {
      const end = raw.lastIndexOf("`");
      tokens.push({ text: raw.slice(1, end), code: true, lead: "", trail: raw.slice(end + 1) });
      continue;
    }
    const lead = raw.match(LEAD)?.[0] ?? "";
    const rest = raw.slice(lead.length);
    const trail = rest.slice(trailingRunStart(rest, TRAIL_CHARS));
    const core = rest.slice(0, rest.length - trail.length);
    if (core === "") continue;
    // A quoted single word names something ("reason", "age"): it reads best as code.
    const quoted = QUOTE.test(lead) && QUOTE.test(trail);
    const code = quoted || isIdentifier(core);
    tokens.push({
      text: core,
      code,
      lead: code ? lead.replace(QUOTES, "") : lead,
      trail: code ? trail.replace(QUOTES, "") : trail,
    });
  }
  return tokens;
}

/**
 * Markdown for tokens[start..end); when `isEnd`, the last of them loses its trailing punctuation
 * (bullets end without a period). A range, so that the pieces of a line need no copies of its tokens.
 */
export function renderTokens(tokens: readonly Token[], isEnd: boolean, start = 0, end = tokens.length): InlineMarkdown {
  const stop = Math.min(end, tokens.length);
  const parts: InlineMarkdown[] = [];
  for (let index = start; index < stop; index++) parts.push(renderToken(tokens[index]!, index === start, isEnd && index === stop - 1));
  return joinInline(parts, " ");
}

function renderToken(token: Token, first: boolean, last: boolean): InlineMarkdown {
  const trail = last ? "" : token.trail;
  // Only a piece's first word can stand at the start of the bullet, where "1." would start a list.
  const escape = first ? escapeInline : escapeMidLine;
  if (token.code) return joinInline([escape(token.lead), codeSpan(token.text), escapeMidLine(trail)], "");
  return escape(`${token.lead}${token.text}${trail}`);
}

// Regular expressions the wording runs per word are module constants: a literal inside a function
// is a new object each time it runs, and a large week drafts millions of words.
const CLAUSE_END = /[,;:]/;
const STATEMENT_END = /[.;:]/;

/** Whether a comma, semicolon or colon follows the word. */
export function endsClause(token: Token | undefined): boolean {
  return token !== undefined && CLAUSE_END.test(token.trail);
}

/** Whether a period, semicolon or colon follows the word. */
export function endsStatement(token: Token | undefined): boolean {
  return token !== undefined && STATEMENT_END.test(token.trail);
}

export function plain(token: Token | undefined): string {
  return token && !token.code ? token.text.toLowerCase() : "";
}
