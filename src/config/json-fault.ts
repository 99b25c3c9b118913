import { cleanText } from "../markdown/escape.js";

/**
 * Where JSON.parse stopped, as an editor shows it: ` at line 3, column 5 (expected ',' or '}'
 * after property value)` rather than V8's character offset, which some of its messages do not
 * even give (`Unexpected token ']', "..." is not valid JSON`). `json` is the text JSON.parse read.
 */
export function jsonFault(json: string, message: string): string {
  if (json.trim() === "") return ": the file is empty (write {} for no settings)";
  const offset = /\s+(?:in JSON\s+)?at position (\d+)(?:\s*\(line \d+ column \d+\))?/.exec(message);
  const end = /^Unexpected end of JSON input/.test(message);
  const position = offset ? Number(offset[1]) : end ? json.length : syntaxErrorOffset(json);
  // V8 quotes the text around the fault, newlines and all: the message stays one line.
  if (position < 0) return ` (${cleanText(message, 160)})`;
  const fault = end
    ? "the file ends before the JSON does"
    : (offset ? message.slice(0, offset.index) + message.slice(offset.index + offset[0].length) : message).replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, "").trim();
  const before = json.slice(0, position).split("\n");
  return ` at line ${before.length}, column ${(before.at(-1) ?? "").length + 1} (${cleanText(fault.charAt(0).toLowerCase() + fault.slice(1), 160)})`;
}


/** The offset of the first character that is not JSON, by JSON's grammar; -1 when there is none. */
export function syntaxErrorOffset(text: string): number {
  let at = 0;
  const space = (): void => {
    while (at < text.length && " \t\n\r".includes(text.charAt(at))) at += 1;
  };
  const fail = (): never => {
    throw new SyntaxAt(at);
  };
  const expect = (char: string): void => {
    space();
    if (text.charAt(at) !== char) fail();
    at += 1;
  };
  const string = (): void => {
    expect('"');
    for (;;) {
      const char = text.charAt(at);
      if (char === "" || char < " ") fail();
      at += 1;
      if (char === '"') return;
      if (char === "\\") {
        const escaped = text.charAt(at);
        if (escaped === "" || !'"\\/bfnrtu'.includes(escaped)) fail();
        at += 1;
        if (escaped === "u") {
          for (let hex = 0; hex < 4; hex += 1) {
            if (!/^[0-9a-fA-F]$/.test(text.charAt(at))) fail();
            at += 1;
          }
        }
      }
    }
  };
  // A sequence of items between open and close, separated by commas: `[]`, `[1, 2]`, `{"a": 1}`.
  const items = (close: string, item: () => void): void => {
    at += 1;
    space();
    if (text.charAt(at) === close) {
      at += 1;
      return;
    }
    for (;;) {
      item();
      space();
      const char = text.charAt(at);
      if (char !== "," && char !== close) fail();
      at += 1;
      if (char === close) return;
    }
  };
  const value = (): void => {
    space();
    const char = text.charAt(at);
    if (char === "{") {
      items("}", () => {
        string();
        expect(":");
        value();
      });
    } else if (char === "[") {
      items("]", value);
    } else if (char === '"') {
      string();
    } else if (char === "-" || isDigit(char)) {
      number();
    } else {
      // true, false or null, failing at the first letter that differs, as JSON.parse does.
      const word = ["true", "false", "null"].find((candidate) => candidate.startsWith(char)) ?? fail();
      for (const letter of word) {
        if (text.charAt(at) !== letter) fail();
        at += 1;
      }
    }
  };
  const digits = (): void => {
    if (!isDigit(text.charAt(at))) fail();
    while (isDigit(text.charAt(at))) at += 1;
  };
  const number = (): void => {
    if (text.charAt(at) === "-") at += 1;
    if (text.charAt(at) === "0") at += 1;
    else digits();
    if (text.charAt(at) === ".") {
      at += 1;
      digits();
    }
    if (text.charAt(at) === "e" || text.charAt(at) === "E") {
      at += 1;
      if (text.charAt(at) === "+" || text.charAt(at) === "-") at += 1;
      digits();
    }
  };
  try {
    value();
    space();
    if (at < text.length) fail();
    return -1;
  } catch (error) {
    // Nesting deeper than the stack allows is no syntax error to place.
    if (error instanceof SyntaxAt) return error.offset;
    return -1;
  }
}

function isDigit(char: string): boolean {
  return char >= "0" && char <= "9" && char.length === 1;
}

class SyntaxAt {
  constructor(readonly offset: number) {}
}
