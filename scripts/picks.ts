/**
 * Reads ../shared/corpus/picks (release notes of whole release cycles, each marked with whether an
 * LWKD post listed it) and turns every note into the pull request GitHub would have sent: its
 * labels, its release-note block, and the note's first sentence as the title (the files carry no
 * titles). Only measurement and training read this; the tool never does.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { ClassifiedSection } from "../src/classify/rules.js";
import type { PullRequest } from "../src/types.js";

export interface PickNote {
  number: number;
  release: string;
  kinds: string[];
  sigs: string[];
  areas: string[];
  action_required: boolean;
  author: string;
  note: string;
  lwkd_section: ClassifiedSection | null;
  lwkd_week: string | null;
  /** The bullet the post gave this PR when it linked it alone: a reference for wording only. */
  lwkd_line?: string | null;
}

export interface Pick {
  note: PickNote;
  pr: PullRequest;
}

const SECTIONS = new Set<string>(["featured", "other_merges", "promotions", "deprecated", "version_updates"]);

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function checkNote(value: unknown, file: string): PickNote {
  const note = value as Partial<PickNote> | null;
  const ok =
    note !== null && typeof note === "object" && Number.isInteger(note.number) && typeof note.release === "string" &&
    isStringArray(note.kinds) && isStringArray(note.sigs) && isStringArray(note.areas) && typeof note.note === "string" &&
    typeof note.author === "string" && typeof note.action_required === "boolean" &&
    (note.lwkd_section === null || (typeof note.lwkd_section === "string" && SECTIONS.has(note.lwkd_section))) &&
    (note.lwkd_week === null || typeof note.lwkd_week === "string") &&
    (note.lwkd_line === undefined || note.lwkd_line === null || typeof note.lwkd_line === "string");
  if (!ok) throw new Error(`${file}: a note lacks number, release, kinds, sigs, areas, note, author or lwkd_section`);
  return note as PickNote;
}

/** The first sentence of a note, as an author would title the PR. */
export function titleOf(note: string): string {
  const firstLine = note.trim().split(/\n/)[0] ?? "";
  const sentence = firstLine.match(/^.*?[.!?](?=\s|$)/);
  return (sentence ? sentence[0] : firstLine).replace(/[.!?]$/, "").slice(0, 200);
}

export function pullRequestOf(note: PickNote, mergedAt: string): PullRequest {
  const labels = [
    ...note.kinds.map((kind) => `kind/${kind}`),
    ...note.sigs.map((sig) => `sig/${sig}`),
    ...note.areas.map((area) => `area/${area}`),
    note.action_required ? "release-note-action-required" : "release-note",
  ];
  return {
    repo: "kubernetes/kubernetes",
    number: note.number,
    url: `https://github.com/kubernetes/kubernetes/pull/${note.number}`,
    title: titleOf(note.note),
    author: note.author,
    authorIsBot: false,
    labels,
    body: `#### What type of PR is this?\n\n#### Does this PR introduce a user-facing change?\n\`\`\`release-note\n${note.note}\n\`\`\`\n`,
    mergedAt,
    baseRef: "master",
  };
}

/** Every cycle in the folder, in release order; `mergedAt` places all PRs in one synthetic week. */
export function loadPicks(dir: string, mergedAt: string): Map<string, Pick[]> {
  const files = readdirSync(dir).filter((name) => /^release-\d+\.\d+\.json$/.test(name));
  files.sort((a, b) => minor(a) - minor(b));
  const cycles = new Map<string, Pick[]>();
  for (const file of files) {
    const data = JSON.parse(readFileSync(join(dir, file), "utf8")) as { release?: unknown; notes?: unknown };
    if (!Array.isArray(data.notes)) throw new Error(`${file}: no notes array`);
    const notes = data.notes.map((value) => checkNote(value, file));
    cycles.set(String(data.release ?? file), notes.map((note) => ({ note, pr: pullRequestOf(note, mergedAt) })));
  }
  if (cycles.size === 0) throw new Error(`${dir}: no release-1.NN.json files; give the corpus's picks folder`);
  return cycles;
}

function minor(file: string): number {
  return Number(file.match(/\d+\.(\d+)/)?.[1] ?? 0);
}
