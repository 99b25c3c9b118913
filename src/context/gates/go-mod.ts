/** Lines of a text, tolerating CRLF; non-strings (garbage callers) read as empty. */
function lines(text: string): string[] {
  return typeof text === "string" ? text.split(/\r?\n/) : [];
}

function isQuote(char: string): boolean {
  return char === '"' || char === "`";
}

function unquote(field: string): string {
  const start = isQuote(field.charAt(0)) ? 1 : 0;
  const end = field.length > start && isQuote(field.charAt(field.length - 1)) ? field.length - 1 : field.length;
  return start === 0 && end === field.length ? field : field.slice(start, end);
}

/** Whitespace-separated, unquoted fields of a trimmed line (by hand: this runs once per go.mod line). */
function splitFields(line: string): string[] {
  const fields: string[] = [];
  let start = -1;
  for (let index = 0; index <= line.length; index++) {
    const code = index < line.length ? line.charCodeAt(index) : 32;
    const space = code === 32 || code === 9 || code === 13 || code === 11 || code === 12;
    if (space && start !== -1) {
      fields.push(unquote(line.slice(start, index)));
      start = -1;
    } else if (!space && start === -1) {
      start = index;
    }
  }
  return fields;
}

/** "v1.2.3" and pseudo-versions; filesystem replacements ("./staging/…") have none. */
function looksLikeVersion(field: string | undefined): field is string {
  return field !== undefined && /^v\d/.test(field);
}

/**
 * Module → version from a go.mod. `replace a => b v1.2.3` wins over `require a v1.0.0` because
 * k/k pins every dependency both ways and the replacement is what gets built. The `go` directive
 * is reported as module "go" and `toolchain` as "toolchain". Never throws.
 */
export function parseGoMod(text: string): Map<string, string> {
  const required = new Map<string, string>();
  const replaced = new Map<string, string>();
  let block: string | null = null;
  for (const raw of lines(text)) {
    const comment = raw.indexOf("//");
    const line = (comment === -1 ? raw : raw.slice(0, comment)).trim();
    if (line === "") continue;
    if (block !== null && line.startsWith(")")) {
      block = null;
      continue;
    }
    let fields = splitFields(line);
    let verb: string | null = block;
    if (verb === null) {
      verb = fields[0] ?? "";
      fields = fields.slice(1);
      if (fields[0] === "(") {
        block = verb;
        continue;
      }
    }
    const [first, second] = fields;
    if (first === undefined) continue;
    if (verb === "go" || verb === "toolchain") {
      required.set(verb, first);
    } else if (verb === "require" && looksLikeVersion(second)) {
      required.set(first, second);
    } else if (verb === "replace") {
      const arrow = fields.indexOf("=>");
      const version = arrow === -1 ? undefined : fields[arrow + 2];
      if (arrow > 0 && looksLikeVersion(version)) replaced.set(first, version);
    }
  }
  for (const [module, version] of replaced) required.set(module, version);
  return required;
}
