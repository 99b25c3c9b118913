/**
 * Wording: how close drafted lines come to the lines editors published, as word-level ROUGE-L F1
 * (scripts/rouge.ts), and how many sentence lines are fallbacks an editor will reword.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { type ClassifiedPR, DEFAULT_RULES } from "../src/classify/classify.js";
import { compileRules, readSignals } from "../src/classify/signals.js";
import { lineShape } from "../src/classify/wording.js";
import { rougeL } from "./rouge.js";

export interface WordingScore {
  lines: number;
  rouge: number;
  bySection: Map<string, { lines: number; rouge: number }>;
  /** Every drafted Other Merges and Deprecated line, by `lineShape`: references or not. */
  shapes: Map<ReturnType<typeof lineShape>, number>;
}

export const emptyWording = (): WordingScore => ({ lines: 0, rouge: 0, bySection: new Map(), shapes: new Map() });

const COMPILED = compileRules(DEFAULT_RULES);
const SENTENCE_SECTIONS = new Set(["other_merges", "deprecated"]);

/** Counts the shape of each sentence line (Promotions and Version Updates lines have fixed forms). */
export function addShapes(score: WordingScore, reported: readonly ClassifiedPR[]): void {
  for (const entry of reported) {
    if (!SENTENCE_SECTIONS.has(entry.section)) continue;
    const shape = lineShape(entry.pr.title, readSignals(entry.pr, COMPILED).note);
    score.shapes.set(shape, (score.shapes.get(shape) ?? 0) + 1);
  }
}

export function addWording(score: WordingScore, entry: ClassifiedPR, reference: string): void {
  const value = rougeL(entry.line, reference);
  score.lines++;
  score.rouge += value;
  const section = score.bySection.get(entry.section) ?? { lines: 0, rouge: 0 };
  score.bySection.set(entry.section, { lines: section.lines + 1, rouge: section.rouge + value });
}

/** The bullets of a post that link exactly one kubernetes/kubernetes PR, by PR number. */
export function postLines(markdown: string): Map<number, string> {
  const lines = new Map<number, string>();
  for (const line of markdown.split("\n")) {
    if (!/^\s*[*-]\s/.test(line)) continue;
    const numbers = new Set([...line.matchAll(/github\.com\/kubernetes\/kubernetes\/pull\/(\d+)/g)].map((match) => Number(match[1])));
    const [number] = numbers;
    if (numbers.size === 1 && number !== undefined && !lines.has(number)) lines.set(number, line.trim());
  }
  return lines;
}

/** The weeks' drafted lines against the posts' lines for the same PRs (posts named `<week>-….md`). */
export function weeksWording(drafts: ReadonlyArray<{ week: string; reported: readonly ClassifiedPR[] }>, postsDir: string): WordingScore {
  const score = emptyWording();
  const posts = readdirSync(postsDir).filter((name) => name.endsWith(".md"));
  for (const { week, reported } of drafts) {
    const post = posts.find((name) => name.startsWith(week));
    if (!post) continue;
    const lines = postLines(readFileSync(join(postsDir, post), "utf8"));
    for (const entry of reported) {
      const reference = lines.get(entry.pr.number);
      if (reference !== undefined) addWording(score, entry, reference);
    }
    addShapes(score, reported);
  }
  return score;
}

export function describeWording(name: string, score: WordingScore): string {
  const mean = (sum: number, n: number): string => (n === 0 ? "n/a" : (sum / n).toFixed(3));
  const sections = [...score.bySection]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([section, value]) => `${section} ${mean(value.rouge, value.lines)} (${value.lines})`);
  const lines = `${name}: ROUGE-L F1 ${mean(score.rouge, score.lines)} over ${score.lines} lines; by section: ${sections.join(", ")}`;
  const total = [...score.shapes.values()].reduce((sum, n) => sum + n, 0);
  if (total === 0) return lines;
  const count = (shape: ReturnType<typeof lineShape>): number => score.shapes.get(shape) ?? 0;
  const fallbacks = count("noun phrase") + count("opener") + count("empty");
  return (
    `${lines}\nfallbacks: ${fallbacks} of ${total} Other Merges and Deprecated lines (${((100 * fallbacks) / total).toFixed(1)} %): ` +
    `${count("noun phrase")} name a change and were given "Adds", ${count("opener")} keep their opening condition, ${count("empty")} are the PR number`
  );
}
