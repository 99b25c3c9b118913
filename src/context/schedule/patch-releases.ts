import { isIsoDay } from "./dates.js";
import { isDelimiterRow, isTableLine, plainText, tableCells, visibleLines } from "./markdown-text.js";
import type { PatchEvent } from "./types.js";

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
  if (isIsoDay(cherryPick)) events.push({ kind: "cherry-pick-deadline", date: cherryPick, releases });
  if (isIsoDay(target)) events.push({ kind: "patch-release", date: target, releases: [...releases] });
}

interface YamlRecord {
  indent: number;
  release?: string;
  cherryPickDeadline?: string;
  targetDate?: string;
}

const KEY_LINE = /^( *)(- +)?([A-Za-z_][\w-]*) *:(?: +(.*))?$/;

/**
 * Patch events of kubernetes/website `data/releases/schedule.yaml` (2023 on): every mapping with
 * `release` plus `cherryPickDeadline`/`targetDate`, under `next` (block or `{ … }` form),
 * `previousPatches` or `upcoming_releases`. A line reader for this one shape, not a YAML parser:
 * each list item and each nested block starts a new record, and unknown lines are skipped.
 */
export function parseWebsiteSchedule(yaml: string): PatchEvent[] {
  const events: PatchEvent[] = [];
  let record: YamlRecord | null = null;
  const flush = (): void => {
    const releases = record?.release === undefined ? null : releaseLabel(record.release);
    if (record && releases) pushEvents(events, releases, record.cherryPickDeadline ?? "", record.targetDate ?? "");
    record = null;
  };
  // Lines of a folded `note: >-` belong to the note, however they look.
  let scalarIndent: number | null = null;
  for (const rawLine of yaml.split(/\r?\n/)) {
    const leading = rawLine.length - rawLine.trimStart().length;
    if (scalarIndent !== null && (rawLine.trim() === "" || leading > scalarIndent)) continue;
    scalarIndent = null;
    const comment = rawLine.search(/\s#/);
    const line = rawLine.length > 1000 ? "" : (comment >= 0 ? rawLine.slice(0, comment) : rawLine).trimEnd();
    const match = KEY_LINE.exec(line);
    if (!match) continue;
    const [, spaces = "", dash, key = "", rawValue = ""] = match;
    const indent = spaces.length + (dash?.length ?? 0);
    const value = rawValue.trim();
    if (dash !== undefined || record === null || indent !== record.indent) {
      flush();
      record = { indent };
    }
    if (value.startsWith(">") || value.startsWith("|")) {
      scalarIndent = indent;
    } else if (value.startsWith("{")) {
      flush();
      record = flowMapping(value);
      flush();
    } else if (value === "") {
      flush();
    } else {
      setField(record as YamlRecord, key, value);
    }
  }
  flush();
  return events;
}

function flowMapping(text: string): YamlRecord {
  const fields: YamlRecord = { indent: -1 };
  for (const pair of text.replace(/^\{|\}$/g, "").split(",")) {
    const colon = pair.indexOf(":");
    if (colon > 0) setField(fields, pair.slice(0, colon).trim(), pair.slice(colon + 1).trim());
  }
  return fields;
}

function setField(record: YamlRecord, key: string, rawValue: string): void {
  const value = rawValue.replace(/^(["'])(.*)\1$/, "$2").trim();
  if (key === "release" || key === "cherryPickDeadline" || key === "targetDate") record[key] = value;
}
