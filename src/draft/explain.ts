import { SECTION_KEYS, type Draft, type DraftEntry } from "../types.js";
import { isExtended } from "../week.js";
import { cleanText } from "../markdown/escape.js";

/**
 * One line per PR of the window, in number order: where it went, by which rule and how notable
 * it looked, or why it was skipped.
 */
// Reasons and signals can carry label names from GitHub: cleanText keeps their control characters off the terminal.
export function explainDraft(draft: Draft): string {
  const rows: Array<{ repo: string; number: number; text: string }> = [];
  for (const key of SECTION_KEYS) {
    for (const entry of draft.sections[key]) {
      if (entry.number === null) continue;
      rows.push({ repo: entry.repo, number: entry.number, text: `${key} (${cleanText(entry.reason)})${notability(entry)}` });
    }
  }
  for (const entry of draft.skipped) rows.push({ repo: entry.repo, number: entry.number, text: `skipped: ${cleanText(entry.reason)}` });
  rows.sort((a, b) => (a.repo === b.repo ? a.number - b.number : a.repo < b.repo ? -1 : 1));
  // Indented under a header line in the style of every other stderr line, so the report reads as one message.
  const lines = rows.map((row) => `  ${row.repo}#${row.number}  ${row.text}`);
  const window = isExtended(draft.week) ? ` through ${draft.week.to.slice(0, 10)}` : "";
  return `k8s-weekly: every PR merged in the week ending ${draft.week.ending}${window}:\n${lines.join("\n")}\n`;
}

function notability(entry: DraftEntry): string {
  if (entry.score === undefined) return "";
  const signals = entry.signals && entry.signals.length > 0 ? `: ${entry.signals.map((signal) => cleanText(signal)).join(", ")}` : "";
  return ` score ${entry.score.toFixed(2)}${signals}`;
}
