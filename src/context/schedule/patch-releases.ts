import { isIsoDay } from "./dates.js";
import { isDelimiterRow, isTableLine, plainText, tableCells, visibleLines } from "./markdown-text.js";
import type { PatchEvent } from "./types.js";
import { readYaml, yamlList, yamlMap, yamlString } from "../../parsers.js";

interface PatchColumns {
  release: number;
  cherryPick: number;
  target: number;
}

/**
 * Patch events of sig-release's `releases/patch-releases.md` (2019–2022): the per-branch tables
 * (`| PATCH RELEASE | CHERRY PICK DEADLINE | TARGET DATE | NOTE |`) and the monthly one
 * (`| Monthly Patch Release | Cherry Pick Deadline | Target date |`). The end-of-life table has
 * neither date column and is left out. Never throws.
 */
export function parsePatchReleasesMarkdown(markdown: string): PatchEvent[] {
  const events: PatchEvent[] = [];
  let columns: PatchColumns | null = null;
  for (const line of visibleLines(markdown)) {
    if (!isTableLine(line)) {
      columns = null;
      continue;
    }
    if (line.length > 4000) continue;
    const cells = tableCells(line);
    const header = /patch release/i.test(line) ? patchColumns(cells) : null;
    if (header) {
      columns = header;
      continue;
    }
    if (!columns || isDelimiterRow(line)) continue;
    const releases = releaseLabel(plainText(cells[columns.release] ?? "", 100));
    if (!releases) continue;
    pushEvents(events, releases, plainText(cells[columns.cherryPick] ?? "", 40), plainText(cells[columns.target] ?? "", 40));
  }
  return events;
}

function patchColumns(cells: string[]): PatchColumns | null {
  const names = cells.map((cell) => plainText(cell, 200).toLowerCase());
  const release = names.findIndex((name) => name.includes("patch release"));
  const cherryPick = names.findIndex((name) => name.includes("cherry"));
  const target = names.findIndex((name) => name.includes("target"));
  return release >= 0 && (cherryPick >= 0 || target >= 0) ? { release, cherryPick, target } : null;
}

/**
 * A patch version names itself; a month ("August 2021", "2023-08") stands for every supported
 * branch. Minor releases (x.y.0, listed among the website's patches) and template rows
 * ("X.Y.ZZZ") are not patch events.
 */
function releaseLabel(text: string): string[] | null {
  if (/^v?\d+\.\d+\.\d+$/.test(text)) return /\.0$/.test(text) ? null : [text.replace(/^v/, "")];
  if (/^[A-Za-z]+\.? \d{4}$/.test(text) || /^\d{4}-\d{2}$/.test(text)) return [];
  return null;
}

function pushEvents(events: PatchEvent[], releases: string[], cherryPick: string, target: string): void {
  const both = isIsoDay(cherryPick) && isIsoDay(target);
  if (isIsoDay(cherryPick)) events.push({ kind: "cherry-pick-deadline", date: cherryPick, releases, ...(both ? { pairedDate: target } : {}) });
  if (isIsoDay(target)) events.push({ kind: "patch-release", date: target, releases: [...releases], ...(both ? { pairedDate: cherryPick } : {}) });
}

// The file nests three levels deep; a deeper document is not the schedule.
const MAX_DEPTH = 16;

/**
 * Patch events of kubernetes/website `data/releases/schedule.yaml` (2023 on): every mapping with
 * `release` plus `cherryPickDeadline`/`targetDate`, in document order, wherever it sits (`next`,
 * `previousPatches`, `upcoming_releases`). Never throws.
 */
export function parseWebsiteSchedule(yaml: string): PatchEvent[] {
  const events: PatchEvent[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const fields = yamlMap(value);
    if (fields) {
      const release = yamlString(fields.get("release"));
      const releases = release === null ? null : releaseLabel(release.trim());
      if (releases) pushEvents(events, releases, dateText(fields.get("cherryPickDeadline")), dateText(fields.get("targetDate")));
      for (const child of fields.values()) visit(child, depth + 1);
    } else {
      for (const child of yamlList(value)) visit(child, depth + 1);
    }
  };
  visit(readYaml(yaml), 0);
  return events;
}

function dateText(value: unknown): string {
  return yamlString(value)?.trim() ?? "";
}
