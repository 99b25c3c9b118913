import { cleanText } from "./markdown/escape.js";

/**
 * Where JSON.parse stopped, as an editor shows it: ` at line 3, column 5 (unexpected '"')` rather
 * than V8's character offset, which some of its messages do not give and whose quote of the file
 * could itself hold "at position 0". The place comes from JSON's own grammar (`syntaxErrorOffset`);
 * V8's message is used only for a fault that is no syntax error (nesting too deep).
 */
export function jsonFault(json: string, message: string): string {
  if (json.trim() === "") return ": the file is empty (write {} for no settings)";
  const position = syntaxErrorOffset(json);
  if (position < 0) return ` (${cleanText(message, 160)})`;
  const before = json.slice(0, position).split("\n");
  const where = ` at line ${before.length}, column ${(before.at(-1) ?? "").length + 1}`;
  return position >= json.length ? `${where} (the file ends before the JSON does)` : `${where} (unexpected ${describeCharacter(json.charAt(position))})`;
}

function describeCharacter(char: string): string {
  if (char === "\n" || char === "\r") return "line break";
  if (char === "\t") return "tab";
  return char < " " ? "control character" : `'${char}'`;
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
  return char >= "0" && char <= "9";
}

class SyntaxAt {
  constructor(readonly offset: number) {}
}
