/**
 * One `key: value` line of the small, regular YAML files this module reads (zeitgeist's
 * dependencies.yaml, the versioned feature list). A full YAML parser would be a new dependency for
 * two generated files whose shape never varies; this reads them line by line in linear time.
 */
export interface YamlLine {
  /** Column where the key starts, after any "- ". */
  column: number;
  /** Whether the line starts a list item ("- key: value"). */
  item: boolean;
  key: string;
  value: string;
}

/** A scalar without quotes or a trailing comment: `"etcd"` → etcd, `3.5.0 # pinned` → 3.5.0. */
export function yamlScalar(raw: string): string {
  const text = raw.trim();
  const quote = text.charAt(0);
  if (quote === '"' || quote === "'") {
    const end = text.indexOf(quote, 1);
    return end === -1 ? text.slice(1) : text.slice(1, end);
  }
  const comment = text.indexOf(" #");
  return (comment === -1 ? text : text.slice(0, comment)).trim();
}

export function readYamlLine(line: string): YamlLine | null {
  let column = 0;
  while (column < line.length && (line.charAt(column) === " " || line.charAt(column) === "\t")) column++;
  let item = false;
  if (line.startsWith("- ", column) || line.slice(column) === "-") {
    item = true;
    column += 2;
    while (column < line.length && line.charAt(column) === " ") column++;
  }
  const rest = line.slice(column);
  if (rest.startsWith("#")) return null;
  // Keys may hold ": " only when quoted ("golang: upstream version" is a value, not a key).
  const colon = rest.indexOf(":");
  if (colon <= 0) return null;
  return { column, item, key: yamlScalar(rest.slice(0, colon)), value: yamlScalar(rest.slice(colon + 1)) };
}

/** Lines of a text, tolerating CRLF; non-strings (garbage callers) read as empty. */
export function lines(text: string): string[] {
  if (typeof text !== "string") return [];
  const split = text.split("\n");
  for (let index = 0; index < split.length; index++) {
    const line = split[index] ?? "";
    if (line.endsWith("\r")) split[index] = line.slice(0, -1);
  }
  return split;
}
