import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { FakeGitHub } from "./fake-github/server.js";
import { makeSyntheticWeek } from "./fake-github/server.js";
import { startFakeWorld, WEEK_FROM, WEEK_TO } from "./helpers/fake-world.js";
import { CLI, spawnCli } from "./helpers/run-cli.js";

// The other CLI tests call main() in-process; these are what only a real process shows:
// its exit status, which stream gets what, a reader that goes away, and a signal.

const OFFLINE_INFO = [
  "k8s-weekly: kubernetes/kubernetes: using the shipped sample week ending 2021-07-04",
  "k8s-weekly: using the shipped sample's release schedule, Kubernetes releases and KEP facts for the week ending 2021-07-04; the related projects' releases and the feature-gate checks keep their editor placeholders",
  "k8s-weekly: the data read also holds 3 PRs merged after the week (on 2021-07-09); left out, as a draft counts only PRs merged from 2021-06-28 to 2021-07-04",
];

let server: FakeGitHub | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("k8s-weekly as a process", () => {
  it("exits 0 with the draft alone on stdout and its progress on stderr", async () => {
    const result = await spawnCli(["draft", "--week", "2021-07-04", "--offline"]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith("---\nlayout: post\ntitle: Week Ending July 4, 2021\n")).toBe(true);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines.slice(0, 3)).toEqual(OFFLINE_INFO);
    expect(lines.slice(3)).toEqual([expect.stringMatching(/^k8s-weekly: week ending 2021-07-04: 33 merged, \d+ reported, \d+ skipped, 0 requests$/)]);
  });

  it("exits 2 for a usage error and 1 for a failure, with one line on stderr", async () => {
    expect(await spawnCli(["draft", "--week", "soon", "--offline"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'k8s-weekly: --week "soon" is not a date: use YYYY-MM-DD (the Sunday that ends the week) or "last"; see k8s-weekly draft --help\n',
    });
    expect(await spawnCli(["draft", "--week", "2020-01-05", "--offline"])).toEqual({
      code: 1,
      stdout: "",
      stderr: 'k8s-weekly: --offline: no cached or sample data for kubernetes/kubernetes, week ending 2020-01-05; run "k8s-weekly draft --week 2020-01-05" online once to cache it (or add the --api-url it was fetched from)\n',
    });
  });

  it("ends quietly with exit 0 when the reader closes the pipe before the draft is written", async () => {
    const child = spawn(process.execPath, [CLI, "draft", "--week", "2021-07-04", "--offline"], {
      env: { PATH: process.env.PATH ?? "", HOME: mkdtempSync(join(tmpdir(), "k8s-weekly-home-")) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Closed at once, long before the draft is ready: its write then meets EPIPE, as with `| head -0`.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(stderr.trimEnd().split("\n").slice(0, 3)).toEqual(OFFLINE_INFO);
    expect(stderr).not.toContain("EPIPE");
  });

  it("still writes the draft with -o when stderr's reader has gone away (`2>&1 | head -1`)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-stderr-"));
    const child = spawn(process.execPath, [CLI, "draft", "--week", "2021-07-04", "--offline", "-o", join(dir, "post.md")], {
      env: { PATH: process.env.PATH ?? "", HOME: mkdtempSync(join(tmpdir(), "k8s-weekly-home-")) },
      stdio: ["ignore", "ignore", "pipe"],
    });
    // Closed before the first progress line: every write to stderr then meets EPIPE.
    child.stderr.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(readFileSync(join(dir, "post.md"), "utf8").startsWith("---\nlayout: post\ntitle: Week Ending July 4, 2021\n")).toBe(true);
  });

  it("reads --input - from stdin", async () => {
    const child = spawn(process.execPath, [CLI, "draft", "--week", "2021-07-04", "--input", "-", "--format", "json", "-q"], {
      env: { PATH: process.env.PATH ?? "", HOME: mkdtempSync(join(tmpdir(), "k8s-weekly-home-")) },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(readFileSync(new URL("../samples/2021-07-04.json", import.meta.url)));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { stats: { merged: number } }).stats.merged).toBe(33);
  });

  it("waits a real second before retrying a 503: only tests shorten GitHub waits", async () => {
    server = await startFakeWorld({ items: [], validToken: "ghp_processRetryToken1234", faults: [{ endpoint: "graphql", nth: 1, kind: "503" }] });
    const fake = server;
    const run = spawnCli(["draft", "--week", "2021-07-04", "--api-url", fake.url, "--format", "json", "--allow-empty"], { GH_ENTERPRISE_TOKEN: "ghp_processRetryToken1234" });
    await expect.poll(() => fake.requests.length, { timeout: 15_000, interval: 10 }).toBeGreaterThanOrEqual(1);
    const failed = Date.now();
    await expect.poll(() => fake.requests.length, { timeout: 15_000, interval: 10 }).toBeGreaterThanOrEqual(2);
    expect(Date.now() - failed).toBeGreaterThanOrEqual(900);
    expect((await run).code).toBe(0);
    // The (empty) search with the context, then the KEP files kubernetes/enhancements changed that week.
    expect(fake.requests.map((request) => request.status)).toEqual([503, 200, 200]);
  });

  it("stops at once on Ctrl-C while GitHub is slow to answer, leaving no output file", async () => {
    server = await startFakeWorld({ items: [], validToken: "ghp_processSignalToken123", faults: [{ endpoint: "any", nth: 1, kind: "hang" }] });
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-signal-"));
    const out = mkdtempSync(join(tmpdir(), "k8s-weekly-signal-out-"));
    const child = spawn(process.execPath, [CLI, "draft", "--week", "2021-07-04", "--api-url", server.url, "-o", join(out, "post.md")], {
      env: { PATH: process.env.PATH ?? "", HOME: dir, XDG_CACHE_HOME: dir, GH_ENTERPRISE_TOKEN: "ghp_processSignalToken123" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("close", (code, signal) => resolve([code, signal])));
    const fake = server;
    await expect.poll(() => fake.requests.length, { timeout: 15_000, interval: 20 }).toBe(1);
    const interrupted = Date.now();
    child.kill("SIGINT");
    expect(await exited).toEqual([null, "SIGINT"]);
    expect(Date.now() - interrupted).toBeLessThan(2_000);
    expect(readdirSync(out)).toEqual([]);
  });

  it("removes its temporary file when SIGTERM lands mid-write, and still dies of the signal", async () => {
    // Some 6 MB of JSON: tens of milliseconds of writing and fsync, time enough to catch it.
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-midwrite-"));
    const input = join(dir, "week.json");
    writeFileSync(input, JSON.stringify(makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: 10_000, from: WEEK_FROM, to: WEEK_TO })));
    const out = mkdtempSync(join(tmpdir(), "k8s-weekly-midwrite-out-"));
    const child = spawn(process.execPath, [CLI, "draft", "--week", "2021-07-04", "--input", input, "-f", "json", "-q", "-o", join(out, "post.md")], {
      env: { PATH: process.env.PATH ?? "", HOME: dir, XDG_CACHE_HOME: dir },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("close", (code, signal) => resolve([code, signal])));
    // Bytes in the temporary file: the write has begun (the folder probe's file stays empty).
    const writing = () => readdirSync(out).some((name) => name.endsWith(".tmp") && (statSync(join(out, name), { throwIfNoEntry: false })?.size ?? 0) > 0);
    await expect.poll(writing, { timeout: 20_000, interval: 1 }).toBe(true);
    // Stopped, the process cannot finish the write before the signal is there.
    child.kill("SIGSTOP");
    child.kill("SIGTERM");
    child.kill("SIGCONT");
    expect(await exited).toEqual([null, "SIGTERM"]);
    expect(readdirSync(out)).toEqual([]);
  });
});
