/**
 * The classifier on 15 release cycles of release notes: each cycle's notes drafted as the PRs of one
 * synthetic week (title = the note's first sentence), scored against whether an LWKD post listed
 * them. Picks hold only release-noted PRs, so this measures what the draft keeps of real notes.
 */
import { type Classification, DEFAULT_RULES, classifyWeek } from "../src/classify/classify.js";
import { lineProblems } from "../src/lint/line-rules.js";
import type { ClassifiedSection } from "../src/classify/rules.js";
import type { Week } from "../src/types.js";
import { addShapes, addWording, describeWording, emptyWording } from "./eval-wording.js";
import { type VerbExample, learnVerbForms, verbExamples, verbFormsJson } from "./train-verb-forms.js";
import { VERB_FORMS } from "../src/classify/models.js";
import { type Pick, loadPicks } from "./picks.js";
import { type Example, examples, featuredPool, trainModels } from "./train.js";
import { rankFeatured } from "../src/classify/featured.js";

const SYNTHETIC_WEEK: Week = { ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" };
const MERGED_AT = "2021-07-01T12:00:00Z";
const DEFAULT_BRANCHES = { "kubernetes/kubernetes": "master" };
const RARELY_REPORTED_KINDS = ["documentation", "flake", "failing-test"];

interface Counts {
  notes: number;
  listed: number;
  drafted: number;
  hits: number;
  agreed: number;
  routineNoise: number;
  realNoise: number;
  lineIssues: number;
  /** Editor sections the draft chose differently, "editor→draft". */
  misplaced: Map<string, number>;
}

const empty = (): Counts => ({
  notes: 0, listed: 0, drafted: 0, hits: 0, agreed: 0, routineNoise: 0, realNoise: 0, lineIssues: 0, misplaced: new Map(),
});

function count(picks: readonly Pick[], draft: Classification): Counts {
  const placed = new Map<number, ClassifiedSection>(draft.reported.map((entry) => [entry.pr.number, entry.section]));
  const counts = empty();
  for (const { note } of picks) {
    counts.notes++;
    const section = placed.get(note.number);
    if (section !== undefined) counts.drafted++;
    if (note.lwkd_section === null) {
      if (section === undefined) continue;
      const routine = note.kinds.length > 0 && note.kinds.every((kind) => RARELY_REPORTED_KINDS.includes(kind));
      if (routine) counts.routineNoise++;
      else counts.realNoise++;
      continue;
    }
    counts.listed++;
    if (section === undefined) continue;
    counts.hits++;
    if (section === note.lwkd_section || note.lwkd_section === "featured") counts.agreed++;
    else {
      const key = `${note.lwkd_section}→${section}`;
      counts.misplaced.set(key, (counts.misplaced.get(key) ?? 0) + 1);
    }
  }
  counts.lineIssues = draft.reported.filter((entry) => lineProblems(entry.line, entry.section, entry.pr.url).length > 0).length;
  return counts;
}

function add(total: Counts, part: Counts): void {
  for (const key of ["notes", "listed", "drafted", "hits", "agreed", "routineNoise", "realNoise", "lineIssues"] as const) total[key] += part[key];
  for (const [key, value] of part.misplaced) total.misplaced.set(key, (total.misplaced.get(key) ?? 0) + value);
}

const fixed = (hit: number, total: number): string => (total === 0 ? "n/a" : (hit / total).toFixed(3));

/** Editors' featured PR among the top three candidates of its week's listed notes. */
function featuredAtThree(cycles: ReadonlyMap<string, Pick[]>): { hit: number; total: number } {
  const weeks = new Map<string, Pick[]>();
  for (const picks of cycles.values()) {
    for (const pick of picks) {
      if (pick.note.lwkd_week === null) continue;
      const group = weeks.get(pick.note.lwkd_week) ?? [];
      group.push(pick);
      weeks.set(pick.note.lwkd_week, group);
    }
  }
  let hit = 0;
  let total = 0;
  for (const group of weeks.values()) {
    const featured = group.filter((pick) => pick.note.lwkd_section === "featured").map((pick) => pick.note.number);
    if (featured.length === 0) continue;
    const draft = classifyWeek(group.map((pick) => pick.pr), { week: SYNTHETIC_WEEK, defaultBranches: DEFAULT_BRANCHES }, DEFAULT_RULES);
    const top = new Set(draft.featuredCandidates.slice(0, 3).map((candidate) => candidate.pr.number));
    total++;
    if (featured.some((number) => top.has(number))) hit++;
  }
  return { hit, total };
}

/**
 * featured@3 on cycles the model never saw: for each cycle, the Featured model is trained on the
 * others and ranks each of that cycle's weeks (its listed notes).
 */
function featuredAtThreeCrossValidated(dir: string): { hit: number; total: number } {
  const rows = examples(dir);
  let hit = 0;
  let total = 0;
  for (const release of new Set(rows.map((row) => row.release))) {
    const model = trainModels(rows.filter((row) => row.release !== release)).featured;
    const weeks = new Map<string, Example[]>();
    for (const row of featuredPool(rows.filter((item) => item.release === release))) {
      if (row.week === null) continue;
      weeks.set(row.week, [...(weeks.get(row.week) ?? []), row]);
    }
    for (const group of weeks.values()) {
      if (!group.some((row) => row.featured)) continue;
      const inputs = group.map((row) => ({ pr: row.pr, section: "other_merges" as const, features: row.features }));
      const top = new Set(rankFeatured(inputs, 3, model).map((candidate) => candidate.pr.number));
      total++;
      if (group.some((row) => row.featured && top.has(row.pr.number))) hit++;
    }
  }
  return { hit, total };
}

/** Whether src/classify/trained-models.json holds what `npm run train` learns from these files. */
function shippedVerbForms(verbs: readonly VerbExample[]): string {
  const fresh = verbFormsJson(learnVerbForms(verbs));
  return fresh === verbFormsJson(VERB_FORMS)
    ? `verb forms: the shipped table is what npm run train learns from these ${verbs.length} lines`
    : "verb forms: the shipped table differs from what npm run train learns from these files: run npm run train";
}

export function evalPicks(dir: string): string {
  const cycles = loadPicks(dir, MERGED_AT);
  const header = ["cycle", "notes", "listed", "base", "drafted", "recall", "precision", "agreement", "noise:routine", "noise:real", "line_style"];
  const widths = [8, 6, 7, 6, 8, 7, 10, 10, 14, 11, 11];
  const row = (values: string[]): string => values.map((value, i) => value.padEnd(widths[i] ?? 8)).join(" ");
  const rows = [row(header)];
  const total = empty();
  const render = (name: string, c: Counts): string =>
    row([
      name, String(c.notes), String(c.listed), fixed(c.listed, c.notes), String(c.drafted), fixed(c.hits, c.listed),
      fixed(c.hits, c.drafted), fixed(c.agreed, c.hits), String(c.routineNoise), String(c.realNoise), fixed(c.drafted - c.lineIssues, c.drafted),
    ]);
  const wording = emptyWording();
  const verbs = verbExamples(cycles);
  for (const [release, picks] of cycles) {
    // Each cycle's lines word their verbs as the other cycles taught: the figure for unseen cycles.
    const verbForms = learnVerbForms(verbs.filter((example) => example.release !== release));
    const draft = classifyWeek(picks.map((pick) => pick.pr), { week: SYNTHETIC_WEEK, defaultBranches: DEFAULT_BRANCHES, verbForms }, DEFAULT_RULES);
    const references = new Map(picks.flatMap(({ note }) => (typeof note.lwkd_line === "string" ? [[note.number, note.lwkd_line] as const] : [])));
    for (const entry of draft.reported) {
      const reference = references.get(entry.pr.number);
      if (reference !== undefined) addWording(wording, entry, reference);
    }
    addShapes(wording, draft.reported);
    const counts = count(picks, draft);
    add(total, counts);
    rows.push(render(release, counts));
  }
  rows.push(render("overall", total));
  const featured = featuredAtThree(cycles);
  const crossValidated = featuredAtThreeCrossValidated(dir);
  const misplaced = [...total.misplaced].sort((a, b) => b[1] - a[1]).map(([key, value]) => `${key} ${value}`);
  return [
    ...rows,
    "",
    "recall = editor-listed notes the draft lists; precision = listed share of what the draft lists (compare with base,",
    "the share editors listed); agreement = drafted listed notes in the editors' section (featured agrees with any);",
    "noise = passed-over notes the draft lists: routine (documentation, flake, failing-test only) or real notes.",
    `featured@3 (editors' featured PR among the top 3 candidates of its week's listed notes): ${fixed(featured.hit, featured.total)} (${featured.hit}/${featured.total}) with the shipped model (in-sample);`,
    `  ${fixed(crossValidated.hit, crossValidated.total)} (${crossValidated.hit}/${crossValidated.total}) with each cycle ranked by a model trained on the other cycles`,
    `misplaced (editor→draft): ${misplaced.join(", ")}`,
    "",
    "Wording against the editors' lwkd_line (drafted notes that have one). The lines are rule-based; the form of their",
    "leading verb is learned, and each cycle's lines use the forms learned from the other cycles:",
    describeWording("cross-validated by cycle", wording),
    shippedVerbForms(verbs),
  ].join("\n");
}
