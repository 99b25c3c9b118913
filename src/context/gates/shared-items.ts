/**
 * A week changes a few entries of build/dependencies.yaml, whose hundreds of entries cost the YAML
 * parser tens of milliseconds at each end. An entry with the same text at both ends holds the same
 * name and version at both: only the others need parsing. This splits the text, it does not read
 * YAML: what the two halves hold is still read by the parser, and a text that does not split as
 * expected is parsed whole.
 */

export interface TextPair {
  before: string;
  after: string;
}

/**
 * The two texts of a YAML file whose items form one block sequence (a header, then `- ` items at
 * one indentation to the end), less the items both ends hold with the same text; null when the
 * texts are not of that shape, or their headers differ.
 */
export function withoutSharedItems(pair: TextPair): TextPair | null {
  // An alias may point into an item left out: such a file is parsed whole.
  if (ANCHOR_OR_ALIAS.test(pair.before) || ANCHOR_OR_ALIAS.test(pair.after)) return null;
  const before = splitItems(pair.before);
  const after = splitItems(pair.after);
  if (!before || !after || before.header !== after.header || before.indent !== after.indent) return null;
  const unmatched = new Map<string, number>();
  for (const item of before.items) unmatched.set(item, (unmatched.get(item) ?? 0) + 1);
  const shared = new Map<string, number>();
  for (const item of after.items) {
    const left = unmatched.get(item) ?? 0;
    if (left > 0) {
      unmatched.set(item, left - 1);
      shared.set(item, (shared.get(item) ?? 0) + 1);
    }
  }
  return { before: rebuild(before, new Map(shared)), after: rebuild(after, new Map(shared)) };
}

interface SplitText {
  header: string;
  indent: string;
  items: string[];
}

const ITEM_START = /^( *)- /;
const ANCHOR_OR_ALIAS = /(?:^|[\s:[{,-])[&*][^\s]/m;

function splitItems(text: string): SplitText | null {
  const lines = text.split("\n");
  const first = lines.findIndex((line) => ITEM_START.test(line));
  if (first < 0) return null;
  const indent = ITEM_START.exec(lines[first] as string)?.[1] ?? "";
  const start = `${indent}- `;
  const items: string[] = [];
  let current: string[] = [];
  for (const line of lines.slice(first)) {
    if (line.startsWith(start)) {
      if (current.length > 0) items.push(current.join("\n"));
      current = [line];
      continue;
    }
    // Anything less indented than an item's content that is not blank or a comment ends the
    // sequence: another top-level key, which this shape does not have.
    const content = line.trimStart();
    if (content !== "" && !content.startsWith("#") && line.length - content.length <= indent.length) return null;
    current.push(line);
  }
  items.push(current.join("\n"));
  return { header: lines.slice(0, first).join("\n"), indent, items };
}

function rebuild(text: SplitText, shared: Map<string, number>): string {
  const kept = text.items.filter((item) => {
    const left = shared.get(item) ?? 0;
    if (left === 0) return true;
    shared.set(item, left - 1);
    return false;
  });
  return [text.header, ...kept].join("\n");
}
