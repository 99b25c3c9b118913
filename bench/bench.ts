/**
 * Prints figures, never fails: requests and wall time of whole drafts against the fake GitHub,
 * start-up time, and classify+render time from memory. Run with `npm run bench`, which builds the
 * bundle that bin/k8s-weekly.js runs first. `--quick` measures start-up and the cold 150-PR week only.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDraft } from "../src/draft/build-draft.js";
import { pullRequestFromSearchItem } from "../src/fetch/search-item.js";
import { defaultTemplates, renderPost } from "../src/render/render-post.js";
import { buildPostView } from "../src/render/view-model.js";
import type { PullRequest } from "../src/types.js";
import { RELATED_REPO_NAMES } from "../test/fake-github/context-fixtures.js";
import { makeSyntheticWeek } from "../test/fake-github/server.js";
import { startFakeWorld, WEEK_FROM, WEEK_TO } from "../test/helpers/fake-world.js";
import { startLatencyProxy } from "./latency-proxy.js";

const CLI = fileURLToPath(new URL("../bin/k8s-weekly.js", import.meta.url));
const TOKEN = "ghp_benchToken";
const week = { ending: "2021-07-04", from: WEEK_FROM, to: WEEK_TO };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Write-only, as a shell's `> /dev/null` opens it: spawn's "ignore" opens it read-write, which the
 * CLI takes for a closed stdout (`>&-`) and refuses.
 */
const devNull = openSync("/dev/null", "w");

/** Asynchronous, because the fake GitHub answers from this same process. */
function timeCommand(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? "", HOME: tmpdir(), ...env }, cwd, stdio: ["ignore", devNull, "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${args.join(" ")} failed: ${stderr}`))));
  });
}

/**
 * Medians of commands run in turn, so that bare Node and the CLI see the same moments of a busy
 * machine: a figure measured a minute apart from its baseline says little on shared cores.
 */
async function interleavedMedians(runs: number, commands: Record<string, string[]>): Promise<Record<string, number>> {
  const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-bench-start-"));
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const [name, args] of Object.entries(commands)) times[name]?.push(await timeCommand(args, { XDG_CACHE_HOME: cache }));
  }
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}

/** Cold runs each start from an empty cache; the warm re-run follows the last of them. */
async function draftRun(prCount: number, latencyMs: number, coldRuns = 1): Promise<{ cold: { requests: number; ms: number }; warm: { requests: number; ms: number } }> {
  const items = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: prCount, from: WEEK_FROM, to: WEEK_TO, cherryPicks: Math.round(prCount / 15) });
  const world = await startFakeWorld({ items, validToken: TOKEN });
  const proxy = await startLatencyProxy(world.url, latencyMs);
  const config = mkdtempSync(join(tmpdir(), "k8s-weekly-bench-config-"));
  writeFileSync(join(config, "k8s-weekly.config.json"), JSON.stringify({ relatedRepos: RELATED_REPO_NAMES }));
  const args = [CLI, "draft", "--week", "2021-07-04", "--api-url", proxy.url, "-q"];
  try {
    // The fake GitHub builds its GraphQL schema on the first query, in this process: not the CLI's time.
    await timeCommand(args, { GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), "k8s-weekly-bench-")) }, config);
    const cold: number[] = [];
    let env: Record<string, string> = {};
    let requests = 0;
    for (let run = 0; run < coldRuns; run += 1) {
      env = { GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), "k8s-weekly-bench-")) };
      const before = world.requests.length;
      cold.push(await timeCommand(args, env, config));
      requests = world.requests.length - before;
    }
    const before = world.requests.length;
    const warmMs = await timeCommand(args, env, config);
    return { cold: { requests, ms: median(cold) }, warm: { requests: world.requests.length - before, ms: warmMs } };
  } finally {
    await proxy.close();
    await world.close();
  }
}

async function classifyAndRender(count: number): Promise<number> {
  const items = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count, from: WEEK_FROM, to: WEEK_TO, cherryPicks: Math.round(count / 15) });
  const prs = items.map((item) => pullRequestFromSearchItem(item, "kubernetes/kubernetes")).filter((pr): pr is PullRequest => pr !== null);
  const templates = defaultTemplates();
  const once = async () => {
    const { draft, featuredCandidates } = buildDraft({ week, repoWeeks: [{ repo: "kubernetes/kubernetes", defaultBranch: "master", prs }], requests: 0, warnings: [] });
    await renderPost(buildPostView(draft, featuredCandidates), templates);
  };
  await once();
  const runs: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    await once();
    runs.push(performance.now() - started);
  }
  return median(runs);
}

/**
 * The whole CLI on an --input file of 80,000 PRs, one process: grouping and classifying must stay
 * linear (target: under 5 s). A median, like the other rows: one run of five seconds on two shared
 * cores swings by a second with whatever else the machine does.
 */
async function largeInputRun(runs: number, count = 80_000): Promise<number> {
  const items = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count, from: WEEK_FROM, to: WEEK_TO });
  const file = join(mkdtempSync(join(tmpdir(), "k8s-weekly-bench-input-")), "week.json");
  writeFileSync(file, JSON.stringify({ items }));
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) times.push(await timeCommand([CLI, "draft", "--week", "2021-07-04", "--input", file, "--format", "json", "-q"]));
  return median(times);
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const quick = process.argv.includes("--quick");
const loadBefore = loadavg()[0] ?? 0;
const rows: string[][] = [["measure", "requests", "wall time", "target"]];

const STARTS = 15;
const start = await interleavedMedians(STARTS, {
  node: ["-e", "0"],
  help: [CLI, "--help"],
  offline: [CLI, "draft", "--week", "2021-07-04", "--offline", "-q"],
});
const bare = start.node ?? 0;
const verdict = (value: number, limit: number) => `≤ ${ms(limit)}: ${value <= limit ? "met" : "not met"}`;
rows.push([`node -e 0, median of ${STARTS}`, "", ms(bare), ""]);
rows.push([`k8s-weekly --help, median of ${STARTS}`, "", `${ms(start.help ?? 0)} (node + ${ms((start.help ?? 0) - bare)})`, `node + 50 ms ${verdict(start.help ?? 0, bare + 50)}`]);
rows.push([`offline draft of 2021-07-04, median of ${STARTS}`, "0", `${ms(start.offline ?? 0)} (node + ${ms((start.offline ?? 0) - bare)})`, `node + 150 ms ${verdict(start.offline ?? 0, bare + 150)}`]);

const COLD_RUNS = 5;
const cases = quick ? ([[150, 100]] as const) : ([[150, 0], [150, 100], [2500, 0], [2500, 100]] as const);
for (const [count, latency] of cases) {
  const runs = count === 150 && latency === 100 ? COLD_RUNS : 1;
  const { cold, warm } = await draftRun(count, latency, runs);
  const target = count === 150 && latency === 100 ? verdict(cold.ms, 700) : "";
  rows.push([`cold draft, ${count} PRs, 36 related repos, ${latency} ms latency${runs > 1 ? `, median of ${runs}` : ""}`, String(cold.requests), ms(cold.ms), target]);
  rows.push([`warm re-run, ${count} PRs, ${latency} ms latency`, String(warm.requests), ms(warm.ms), ""]);
}
if (!quick) rows.push(["classify + render 5,000 PRs from memory, median of 5", "", ms(await classifyAndRender(5000)), ""]);
const LARGE_RUNS = 3;
if (!quick) {
  const large = await largeInputRun(LARGE_RUNS);
  rows.push([`80,000 PRs --input, median of ${LARGE_RUNS}`, "0", ms(large), `under 5 s: ${large < 5000 ? "met" : "not met"}`]);
}

const width = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(width[column] ?? 0)).join("  ").trimEnd());
console.log(`\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}`);
console.log(`load average (1 min): ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after; figures on busy cores run long`);
