/**
 * Prints figures, never fails: requests and wall time of whole drafts against the fake GitHub,
 * start-up time, and classify+render time from memory. Run with `npm run bench`.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
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

/** Asynchronous, because the fake GitHub answers from this same process. */
function timeCommand(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? "", HOME: tmpdir(), ...env }, cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${args.join(" ")} failed: ${stderr}`))));
  });
}

async function medianOf(runs: number, args: string[]): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) times.push(await timeCommand(args));
  return median(times);
}

async function draftRun(prCount: number, latencyMs: number): Promise<{ cold: { requests: number; ms: number }; warm: { requests: number; ms: number } }> {
  const items = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: prCount, from: WEEK_FROM, to: WEEK_TO, cherryPicks: Math.round(prCount / 15) });
  const world = await startFakeWorld({ items, validToken: TOKEN });
  const proxy = await startLatencyProxy(world.url, latencyMs);
  const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-bench-"));
  const config = mkdtempSync(join(tmpdir(), "k8s-weekly-bench-config-"));
  writeFileSync(join(config, "k8s-weekly.config.json"), JSON.stringify({ relatedRepos: RELATED_REPO_NAMES }));
  const args = [CLI, "draft", "--week", "2021-07-04", "--api-url", proxy.url, "-q"];
  const env = { GITHUB_TOKEN: TOKEN, XDG_CACHE_HOME: cache };
  try {
    const coldMs = await timeCommand(args, env, config);
    const coldRequests = world.requests.length;
    const warmMs = await timeCommand(args, env, config);
    return { cold: { requests: coldRequests, ms: coldMs }, warm: { requests: world.requests.length - coldRequests, ms: warmMs } };
  } finally {
    await proxy.close();
    await world.close();
  }
}

function classifyAndRender(count: number): number {
  const items = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count, from: WEEK_FROM, to: WEEK_TO, cherryPicks: Math.round(count / 15) });
  const prs = items.map((item) => pullRequestFromSearchItem(item, "kubernetes/kubernetes")).filter((pr): pr is PullRequest => pr !== null);
  const templates = defaultTemplates();
  const once = () => {
    const { draft, featuredCandidates } = buildDraft({ week, repoWeeks: [{ repo: "kubernetes/kubernetes", defaultBranch: "master", prs }], requests: 0, warnings: [] });
    renderPost(buildPostView(draft, featuredCandidates), templates);
  };
  once();
  const runs = [1, 2, 3, 4, 5].map(() => {
    const started = performance.now();
    once();
    return performance.now() - started;
  });
  return median(runs);
}

/** The whole CLI on an --input file of 80,000 PRs, one process: grouping and classifying must stay linear (target: under 5 s). */
async function largeInputRun(count = 80_000): Promise<number> {
  const items = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count, from: WEEK_FROM, to: WEEK_TO });
  const file = join(mkdtempSync(join(tmpdir(), "k8s-weekly-bench-input-")), "week.json");
  writeFileSync(file, JSON.stringify({ items }));
  return timeCommand([CLI, "draft", "--week", "2021-07-04", "--input", file, "--format", "json", "-q"]);
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const rows: string[][] = [["measure", "requests", "wall time"]];
for (const [count, latency] of [[150, 0], [150, 100], [2500, 0], [2500, 100]] as const) {
  const { cold, warm } = await draftRun(count, latency);
  rows.push([`cold draft, ${count} PRs, 35 related repos, ${latency} ms latency`, String(cold.requests), ms(cold.ms)]);
  rows.push([`warm re-run, ${count} PRs, ${latency} ms latency`, String(warm.requests), ms(warm.ms)]);
}
const help = await medianOf(20, [CLI, "--help"]);
const bare = await medianOf(20, ["-e", "0"]);
rows.push(["k8s-weekly --help, median of 20", "", ms(help)]);
rows.push(["node -e 0, median of 20", "", ms(bare)]);
rows.push(["classify + render 5,000 PRs from memory, median of 5", "", ms(classifyAndRender(5000))]);
rows.push(["80,000 PRs --input", "0", ms(await largeInputRun())]);

const width = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(width[column] ?? 0)).join("  "));
console.log(`\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}`);
