import { SECTION_KEYS, type Draft } from "../types.js";
import { isExtended } from "../week.js";

/** One line per PR of the week, in number order: where it went and by which rule, or why not. */
export function explainDraft(draft: Draft): string {
  const rows: Array<{ repo: string; number: number; text: string }> = [];
  for (const key of SECTION_KEYS) {
    for (const entry of draft.sections[key]) {
      if (entry.number === null) continue;
      rows.push({ repo: entry.repo, number: entry.number, text: `${key} (${entry.reason})` });
    }
  }
  for (const entry of draft.skipped) rows.push({ repo: entry.repo, number: entry.number, text: `skipped: ${entry.reason}` });
  rows.sort((a, b) => (a.repo === b.repo ? a.number - b.number : a.repo < b.repo ? -1 : 1));
  const lines = rows.map((row) => `${row.repo}#${row.number}  ${row.text}`);
  const window = isExtended(draft.week) ? ` through ${draft.week.to.slice(0, 10)}` : "";
  return `Every PR merged in the week ending ${draft.week.ending}${window}:\n${lines.join("\n")}\n`;
}
