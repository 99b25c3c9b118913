/**
 * A tiny Go lexer, just enough to read map literals. It never backtracks, so its run time is
 * linear in the input whatever the input is, and it never throws: unterminated comments and
 * strings simply end at the end of the text (or line). Tokens live in typed arrays and their text
 * is sliced only when asked for, so a megabyte of punctuation costs no per-token objects.
 */

export const IDENT = 1;
export const STRING = 2;
export const NUMBER = 3;
export const PUNCT = 4;

const NEWLINE = 10;
const QUOTE = 34;
const QUOTE_SINGLE = 39;
const BACKTICK = 96;
const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const DOT = 46;

function isIdentStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isIdentPart(code: number): boolean {
  return isIdentStart(code) || isDigit(code);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11;
}

/** Index just past a quoted literal starting at `start`; Go's "" and '' literals cannot span lines. */
function endOfQuoted(source: string, start: number, quote: number): number {
  let index = start + 1;
  while (index < source.length) {
    const code = source.charCodeAt(index);
    if (code === BACKSLASH) index += 2;
    else if (code === quote) return index + 1;
    else if (code === NEWLINE) return index;
    else index++;
  }
  return source.length;
}

export class GoTokens {
  readonly count: number;
  private readonly kinds: Uint8Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(private readonly source: string) {
    // There are never more tokens than characters.
    const capacity = source.length + 1;
    this.kinds = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.count = this.lex();
  }

  private lex(): number {
    const { source, kinds, starts, ends } = this;
    const length = source.length;
    let count = 0;
    const push = (kind: number, start: number, end: number) => {
      kinds[count] = kind;
      starts[count] = start;
      ends[count] = end;
      count++;
    };
    let index = 0;
    while (index < length) {
      const code = source.charCodeAt(index);
      if (isSpace(code)) {
        index++;
      } else if (code === SLASH && source.charCodeAt(index + 1) === SLASH) {
        const end = source.indexOf("\n", index + 2);
        index = end === -1 ? length : end + 1;
      } else if (code === SLASH && source.charCodeAt(index + 1) === STAR) {
        const end = source.indexOf("*/", index + 2);
        index = end === -1 ? length : end + 2;
      } else if (code === QUOTE || code === QUOTE_SINGLE) {
        const end = endOfQuoted(source, index, code);
        const closed = end > index + 1 && source.charCodeAt(end - 1) === code;
        if (code === QUOTE) push(STRING, index + 1, closed ? end - 1 : end);
        index = end;
      } else if (code === BACKTICK) {
        const end = source.indexOf("`", index + 1);
        const stop = end === -1 ? length : end;
        push(STRING, index + 1, stop);
        index = stop + 1;
      } else if (isIdentStart(code)) {
        const start = index;
        index++;
        for (;;) {
          while (index < length && isIdentPart(source.charCodeAt(index))) index++;
          // "pkg.Name" stays one token so that map keys and stage values read as a single word.
          if (source.charCodeAt(index) === DOT && isIdentStart(source.charCodeAt(index + 1))) index += 2;
          else break;
        }
        push(IDENT, start, index);
      } else if (isDigit(code)) {
        const start = index;
        while (index < length && (isIdentPart(source.charCodeAt(index)) || source.charCodeAt(index) === DOT)) index++;
        push(NUMBER, start, index);
      } else {
        push(PUNCT, index, index + 1);
        index++;
      }
    }
    return count;
  }

  /** 0 past the end, so lookahead never needs a bounds check. */
  kind(index: number): number {
    return index >= 0 && index < this.count ? (this.kinds[index] ?? 0) : 0;
  }

  /** Identifiers keep their package qualifier ("featuregate.Beta"); strings lose their quotes. */
  text(index: number): string {
    return this.kind(index) === 0 ? "" : this.source.slice(this.starts[index], this.ends[index]);
  }

  isPunct(index: number, char: string): boolean {
    return this.kind(index) === PUNCT && this.source.charCodeAt(this.starts[index] ?? 0) === char.charCodeAt(0);
  }

  /** Whether the identifier at `index` ends with `suffix`, without slicing it out. */
  identEndsWith(index: number, suffix: string): boolean {
    if (this.kind(index) !== IDENT) return false;
    const end = this.ends[index] ?? 0;
    return end - (this.starts[index] ?? 0) >= suffix.length && this.source.startsWith(suffix, end - suffix.length);
  }

  /**
   * Index of the bracket closing the one at `open`, or `limit` when the text ends first. Only the
   * bracket's own kind is counted, which is all that unbalanced garbage can ask of us.
   */
  closingIndex(open: number, limit = this.count): number {
    const opener = this.text(open);
    const closer = opener === "{" ? "}" : opener === "(" ? ")" : opener === "[" ? "]" : null;
    if (this.kind(open) !== PUNCT || closer === null) return open;
    let depth = 0;
    for (let index = open; index < limit; index++) {
      if (this.isPunct(index, opener)) depth++;
      else if (this.isPunct(index, closer) && --depth === 0) return index;
    }
    return limit;
  }
}
