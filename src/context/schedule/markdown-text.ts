/**
 * Plain text out of one markdown table cell or list item. Each pattern's body excludes its own
 * opening delimiter, so a scan stops at the next one and a hostile cell costs linear time.
 * Link targets may hold one level of parentheses (`javascript:alert(1)`), so that they go too.
 *
 * The fetched READMEs and release bodies are read by these line readers rather than by the
 * CommonMark parser that lint uses: its time on hostile text grows faster than the text (32 KB of
 * `[` takes half a second to several), and these files come from the network.
 */

// Real cells are under 300 characters; the cap bounds the work on a hostile one.
const MAX_CELL_LENGTH = 2000;

export function plainText(markdown: string, maxLength = MAX_CELL_LENGTH): string {
  return markdown
    .slice(0, maxLength)
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^<>]*>/g, " ")
    .replace(/!?\[([^[\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, "$1")
    .replace(/\[([^[\]]*)\]\[[^[\]]*\]/g, "$1")
    .replace(/\[([^[\]]*)\]/g, "$1")
    .replace(/\*+|__|`+|~~/g, "")
    .replace(/&nbsp;/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The cells of a markdown table row; pipes escaped as `\|` stay inside their cell. */
export function tableCells(line: string): string[] {
  let row = line.trim();
  if (row.startsWith("|")) row = row.slice(1);
  if (row.endsWith("|") && !row.endsWith("\\|")) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

export function isTableLine(line: string): boolean {
  return line.includes("|") && line.trim() !== "";
}

/** The `|---|:---:|` line under a table header. */
export function isDelimiterRow(line: string): boolean {
  const row = line.trim();
  return row.includes("-") && /^[\s:|-]+$/.test(row);
}

/**
 * Lines of a markdown document with HTML comments blanked out: localised copies keep the
 * English original of a table inside `<!-- -->`, which must not be read twice.
 */
export function visibleLines(markdown: string): string[] {
  const lines = markdown.split(/\r?\n/);
  let inComment = false;
  return lines.map((line) => {
    let visible = "";
    let rest = line;
    for (;;) {
      if (inComment) {
        const end = rest.indexOf("-->");
        if (end < 0) return visible;
        rest = rest.slice(end + 3);
        inComment = false;
      }
      const start = rest.indexOf("<!--");
      if (start < 0) return visible + rest;
      visible += rest.slice(0, start);
      rest = rest.slice(start + 4);
      inComment = true;
    }
  });
}
