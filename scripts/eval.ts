/**
 * Measures the classifier against what LWKD editors published:
 *   npm run eval -- ../shared/corpus/weeks [--lines]
 * Reads only the PRs (as GitHub would send them) and the published sections; the corpus's
 * bookkeeping fields never reach the classifier. Exits 0, as it reports and does not gate; 2 when the
 * corpus folder is not there (the corpus is not part of the repository).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { type Classification, DEFAULT_RULES, type RuleTable, classifyWeek } from "../src/classify/classify.js";
import { type PublishedSections, type Ratio, type WeekScore, poolScores, scoreWeek, share } from "../src/classify/evaluate.js";
import { lineProblems } from "../src/lint/line-rules.js";
import { type SearchItem, pullRequestFromSearchItem } from "../src/fetch/search-item.js";
import type { PullRequest, Week } from "../src/types.js";
import { loadMarkdown } from "../src/parsers.js";
import { isInWeek } from "../src/week.js";
import { corpusDir } from "./corpus-dir.js";
import { evalPicks } from "./eval-picks.js";
import { describeWording, weeksWording } from "./eval-wording.js";

const REPO = "kubernetes/kubernetes";
const DEFAULT_BRANCHES = { [REPO]: "master" };

interface WeekFile {
  week_ending: string;
  window: { from: string; to: string };
  /** The day the editors published: they list PRs merged up to then (`--through`). */
  published_at?: string;
  prs: Array<SearchItem & { negative_kind?: string }>;
  published: PublishedSections;
}

interface LoadedWeek {
  name: string;
  week: Week;
  prs: PullRequest[];
  inWindow: PullRequest[];
  published: PublishedSections;
  /** PRs the corpus marks as routine (NONE-note cleanups, tests, docs, flakes) that editors passed over. */
  routine: Set<number>;
}

function loadWeek(path: string, through: boolean): LoadedWeek {
  const file = JSON.parse(readFileSync(path, "utf8")) as WeekFile;
  const end = through && file.published_at ? file.published_at : file.window.to;
  const week: Week = {
    ending: file.week_ending,
    from: `${file.window.from}T00:00:00Z`,
    to: `${end}T23:59:59Z`,
  };
  const routine = new Set(file.prs.filter((item) => item.negative_kind === "easy").map((item) => item.number));
  const prs = file.prs
    .map((item) => pullRequestFromSearchItem(item, REPO))
    .filter((pr): pr is PullRequest => pr !== null);
  const inWindow = prs.filter((pr) => isInWeek(pr.mergedAt, week));
  return { name: file.week_ending, week, prs, inWindow, published: file.published, routine };
}

function run(week: LoadedWeek, rules: RuleTable): { draft: Classification; score: WeekScore } {
  const draft = classifyWeek(week.inWindow, { week: week.week, defaultBranches: DEFAULT_BRANCHES }, rules);
  const numbers = { window: week.inWindow.map((pr) => pr.number), known: week.prs.map((pr) => pr.number) };
  return { draft, score: scoreWeek(draft, week.published, numbers) };
}

function cell(value: Ratio): string {
  const fraction = share(value);
  return fraction === null ? `  n/a (0/0)` : `${fraction.toFixed(2)} (${value.hit}/${value.total})`;
}

const COLUMNS = ["week", "window", "listed", "excluded", "drafted", "recall", "agreement", "precision", "promotions", "version_upd", "deprecated", "routine", "real_notes", "featured@3", "line_style"];
const WIDTHS = [11, 7, 7, 9, 8, 14, 14, 14, 14, 14, 14, 8, 11, 14, 14];

interface Extra {
  routine: number;
  real: number;
  styled: number;
}

function row(values: string[]): string {
  return values.map((value, i) => value.padEnd(WIDTHS[i] ?? 10)).join(" ");
}

function scoreRow(name: string, window: number, drafted: number, score: WeekScore, extra: Extra): string {
  return row([
    name, String(window), String(score.listed), String(score.excludedMissing.length), String(drafted),
    cell(score.recall), cell(score.agreement), cell({ hit: score.recall.hit, total: drafted }), cell(score.promotions), cell(score.versionUpdates),
    cell(score.deprecated), String(extra.routine), String(extra.real), cell(score.featuredCandidates), cell({ hit: extra.styled, total: drafted }),
  ]);
}

function main(argv: string[]): void {
  const picks = argv.indexOf("--picks");
  if (picks >= 0) {
    const picksDir = corpusDir(argv[picks + 1] ?? "../shared/corpus/picks", "npm run eval -- --picks DIR");
    if (picksDir !== null) console.log(evalPicks(picksDir));
    return;
  }
  const dir = corpusDir(argv.find((arg) => !arg.startsWith("--")) ?? "../shared/corpus/weeks", "npm run eval -- DIR");
  if (dir === null) return;
  const through = !argv.includes("--no-through");
  const showLines = argv.includes("--lines");
  const weeks = readdirSync(dir).filter((name) => name.endsWith(".json")).sort().map((name) => loadWeek(join(dir, name), through));
  const lines: string[] = [row(COLUMNS)];
  const scores: WeekScore[] = [];
  const details: string[] = [];
  const drafts: Array<{ week: string; reported: Classification["reported"] }> = [];
  let window = 0;
  let drafted = 0;
  const total: Extra = { routine: 0, real: 0, styled: 0 };
  for (const week of weeks) {
    const { draft, score } = run(week, DEFAULT_RULES);
    const problems = draft.reported.flatMap((entry) =>
      lineProblems(entry.line, entry.section, entry.pr.url).map((problem) => `#${entry.pr.number} ${problem}: ${entry.line}`),
    );
    scores.push(score);
    drafts.push({ week: week.name, reported: draft.reported });
    window += week.inWindow.length;
    drafted += draft.reported.length;
    const styled = draft.reported.filter((entry) => lineProblems(entry.line, entry.section, entry.pr.url).length === 0).length;
    const routine = score.noisy.filter((number) => week.routine.has(number)).length;
    const extra: Extra = { routine, real: score.noisy.length - routine, styled };
    for (const key of ["routine", "real", "styled"] as const) total[key] += extra[key];
    lines.push(scoreRow(week.name, week.inWindow.length, draft.reported.length, score, extra));
    details.push(
      `${week.name}: missed [${score.missed.join(", ")}]; misplaced [${score.misplaced.map((m) => `#${m.number} ${m.editor}→${m.draft}`).join(", ")}]; noise [${score.noisy.join(", ")}]; ` +
        `left out of the window: ${week.prs.length - week.inWindow.length}; featured candidates ${draft.featuredCandidates.map((c) => `#${c.pr.number}(${c.score})`).join(" ")}`,
      ...problems.map((problem) => `  line rule: ${problem}`),
    );
    if (showLines) {
      details.push(...draft.reported.map((entry) => `  [${entry.section}] ${entry.reason}\n    ${entry.line}`));
      details.push(...draft.skipped.map((entry) => `  [skipped] #${entry.pr.number} ${entry.reason}: ${entry.pr.title}`));
    }
  }
  const overall = poolScores(scores);
  lines.push(scoreRow("overall", window, drafted, overall, total));
  console.log(lines.join("\n"));
  console.log(
    `\nEditor-listed PRs absent from the corpus are excluded from every denominator: ${overall.excludedMissing.length} excluded ` +
      `(${overall.excludedMissing.map((number) => `#${number}`).join(", ")}); listed PRs merged outside the window count as missed.`,
  );
  console.log(
    `Overall = pooled counts over the weeks. Window = Monday to ${through ? "the day the editors published (--through; --no-through for Sunday)" : "Sunday"}.\n` +
      "precision = listed share of what the draft lists; routine / real_notes = unlisted PRs the draft lists that are routine\n" +
      "(NONE-note cleanups, tests, docs, flakes) or real release notes editors passed over; line_style = lines that keep the style rules.",
  );

  const modes: Array<RuleTable["featured"]["mode"]> = ["candidates-only", "top"];
  const comparison = modes.map((mode) => {
    const rules: RuleTable = { ...DEFAULT_RULES, featured: { ...DEFAULT_RULES.featured, mode } };
    const pooled = poolScores(weeks.map((week) => run(week, rules).score));
    return `${mode}${mode === DEFAULT_RULES.featured.mode ? " (default)" : ""}: recall ${cell(pooled.recall)}, agreement ${cell(pooled.agreement)}`;
  });
  console.log(`\nFeatured placement: ${comparison.join("; ")}`);
  const postsDir = join(dir, "..", "posts");
  if (existsSync(postsDir)) console.log(`\nWording against the posts in ${postsDir} (lines matched by their PR link):\n${describeWording("weeks", weeksWording(drafts, postsDir))}`);
  console.log(`\n${details.join("\n")}`);
}

// The line rules read each drafted line with the markdown parser.
await loadMarkdown();
main(process.argv.slice(2));
