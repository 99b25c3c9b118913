/**
 * Learns the draft's two models from the picks data and writes them to
 * src/classify/trained-models.json:
 *   npm run train -- ../shared/corpus/picks
 * - notability: the chance that editors list a drafted PR (orders Other Merges, cut from the bottom);
 * - featured: the chance that editors feature a PR they list (ranks Featured candidates).
 * Deterministic: the same data gives the same bytes (fixed order, fixed iterations, rounded weights).
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_RULES, classifyWeek } from "../src/classify/classify.js";
import { type LogisticModel, prFeatures, scoreFeatures } from "../src/classify/notability.js";
import { compileRules, readSignals } from "../src/classify/signals.js";
import type { PullRequest } from "../src/types.js";
import { PRESENT_TENSE, type VerbForms } from "../src/classify/verb-forms.js";
import { corpusDir } from "./corpus-dir.js";
import { learnVerbForms, verbExamples, verbFormsJson } from "./train-verb-forms.js";
import { type PickNote, loadPicks } from "./picks.js";

export interface Example {
  pr: PullRequest;
  release: string;
  /** The Sunday of the post that listed the PR, or null. */
  week: string | null;
  features: string[];
  listed: boolean;
  featured: boolean;
  section: string;
}

const MERGED_AT = "2021-07-01T12:00:00Z";
const WEEK = { ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" };
/** A feature seen fewer times than this says more about a few PRs than about editors. */
const MIN_SUPPORT = 25;
const ITERATIONS = 1500;
const LEARNING_RATE = 0.5;
const L2 = 2;

/** Every drafted note with a real note, with the features the tool would compute for it. */
export function examples(dir: string): Example[] {
  const rules = compileRules(DEFAULT_RULES);
  const result: Example[] = [];
  for (const picks of loadPicks(dir, MERGED_AT).values()) {
    const draft = classifyWeek(picks.map((pick) => pick.pr), { week: WEEK, defaultBranches: { "kubernetes/kubernetes": "master" } });
    const notes = new Map<number, PickNote>(picks.map((pick) => [pick.note.number, pick.note]));
    for (const entry of draft.reported) {
      const note = notes.get(entry.pr.number);
      const signals = readSignals(entry.pr, rules);
      if (!note || signals.note === null) continue;
      result.push({
        pr: entry.pr,
        release: note.release,
        week: note.lwkd_week,
        features: prFeatures(entry.pr, signals, entry.section),
        listed: note.lwkd_section !== null,
        featured: note.lwkd_section === "featured",
        section: entry.section,
      });
    }
  }
  return result;
}

/** L2-regularised logistic regression by full-batch gradient descent, in a fixed order. */
export function fit(data: ReadonlyArray<{ features: readonly string[]; label: boolean }>): LogisticModel {
  const support = new Map<string, number>();
  for (const row of data) for (const feature of row.features) support.set(feature, (support.get(feature) ?? 0) + 1);
  const names = [...support].filter(([, count]) => count >= MIN_SUPPORT).map(([name]) => name).sort();
  const index = new Map(names.map((name, i) => [name, i]));
  const rows = data.map((row) => ({
    columns: row.features.map((feature) => index.get(feature)).filter((i): i is number => i !== undefined),
    label: row.label ? 1 : 0,
  }));
  const weights = new Float64Array(names.length);
  let intercept = 0;
  const n = rows.length;
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gradient = new Float64Array(names.length);
    let interceptGradient = 0;
    for (const row of rows) {
      let logOdds = intercept;
      for (const column of row.columns) logOdds += weights[column] ?? 0;
      const error = 1 / (1 + Math.exp(-logOdds)) - row.label;
      interceptGradient += error;
      for (const column of row.columns) gradient[column] = (gradient[column] ?? 0) + error;
    }
    intercept -= (LEARNING_RATE * interceptGradient) / n;
    for (let i = 0; i < names.length; i++) {
      weights[i] = (weights[i] ?? 0) - (LEARNING_RATE * ((gradient[i] ?? 0) + L2 * (weights[i] ?? 0))) / n;
    }
  }
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return {
    intercept: round(intercept),
    weights: names.map((name, i) => [name, round(weights[i] ?? 0)] as const).filter(([, weight]) => weight !== 0),
  };
}

/** ROC AUC: the chance that a positive outranks a negative (ties count half). */
export function auc(scored: ReadonlyArray<{ score: number; label: boolean }>): number {
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]?.score === sorted[i]?.score) j++;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (sorted[k]?.label) { rankSum += rank; positives++; }
    i = j;
  }
  const negatives = sorted.length - positives;
  return positives === 0 || negatives === 0 ? NaN : (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export const featuredPool = (rows: readonly Example[]): Example[] => rows.filter((row) => row.listed && row.section !== "version_updates");

export function trainModels(data: readonly Example[]): { notability: LogisticModel; featured: LogisticModel } {
  return {
    notability: fit(data.map((row) => ({ features: row.features, label: row.listed }))),
    featured: fit(featuredPool(data).map((row) => ({ features: row.features, label: row.featured }))),
  };
}

function heldOutAuc(train: readonly Example[], test: readonly Example[]): { listed: number; featured: number } {
  const models = trainModels(train);
  return {
    listed: auc(test.map((row) => ({ score: scoreFeatures(models.notability, row.features).probability, label: row.listed }))),
    featured: auc(featuredPool(test).map((row) => ({ score: scoreFeatures(models.featured, row.features).probability, label: row.featured }))),
  };
}

/** How the models rank cycles they never saw: each cycle left out in turn, and the newest cycles. */
function heldOut(data: readonly Example[]): string {
  const minor = (release: string): number => Number(release.split(".")[1]);
  const releases = [...new Set(data.map((row) => row.release))];
  const folds = releases.map((release) => heldOutAuc(data.filter((row) => row.release !== release), data.filter((row) => row.release === release)));
  const mean = (values: number[]): string => (values.filter((value) => !Number.isNaN(value)).reduce((sum, value) => sum + value, 0) / values.filter((value) => !Number.isNaN(value)).length).toFixed(3);
  const newest = heldOutAuc(data.filter((row) => minor(row.release) <= 31), data.filter((row) => minor(row.release) > 31));
  return [
    `each cycle left out in turn (${releases.length} folds): notability AUC ${mean(folds.map((fold) => fold.listed))}, featured AUC ${mean(folds.map((fold) => fold.featured))}`,
    `trained on 1.20–1.31, scored on 1.32+: notability AUC ${newest.listed.toFixed(3)}, featured AUC ${newest.featured.toFixed(3)}`,
  ].join("\n");
}

/** One weight a line, so that a retrained model reviews as a readable diff. */
export function modelsJson(trainedOn: string, models: Record<string, LogisticModel>, verbForms: VerbForms = PRESENT_TENSE): string {
  const model = (value: LogisticModel): string =>
    `{\n  "intercept": ${value.intercept},\n  "weights": [\n${value.weights.map(([name, weight]) => `   [${JSON.stringify(name)}, ${weight}]`).join(",\n")}\n  ]\n }`;
  const entries = Object.entries(models).map(([name, value]) => ` ${JSON.stringify(name)}: ${model(value)}`);
  return `{\n "trainedOn": ${JSON.stringify(trainedOn)},\n${entries.join(",\n")},\n "verbForms": ${verbFormsJson(verbForms)}\n}\n`;
}

function main(argv: string[]): void {
  const dir = corpusDir(argv.find((arg) => !arg.startsWith("--")) ?? "../shared/corpus/picks", "npm run train -- DIR");
  if (dir === null) return;
  const data = examples(dir);
  const models = trainModels(data);
  const verbForms = learnVerbForms(verbExamples(loadPicks(dir, MERGED_AT)));
  const file = fileURLToPath(new URL("../../src/classify/trained-models.json", import.meta.url));
  const json = modelsJson(`${data.length} drafted release notes of ${dir.split("/").filter(Boolean).pop() ?? dir}`, models, verbForms);
  writeFileSync(file, json);
  console.log(
    `wrote ${file}: notability ${models.notability.weights.length} weights, featured ${models.featured.weights.length}, ` +
      `verb forms ${verbForms.byVerb.size} by verb and ${verbForms.bySource.size} by source form`,
  );
  console.log(heldOut(data));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
