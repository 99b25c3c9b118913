import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeSyntheticWeek, type FakeGitHub } from "./fake-github/server.js";
import { startFakeWorld } from "./helpers/fake-world.js";
import { runCli } from "./helpers/run-cli.js";
import { json, pullNode, searchPage, startHostile, type HostileServer } from "./hostile/server.js";

const TOKEN = "ghp_responsesToken123456";
let closers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(closers.map((server) => server.close()));
  closers = [];
});

/** The PRs `nodes` in the first search window; `context` data beside them, as the week's context rides along. */
async function hostile(nodes: unknown[], context: Record<string, unknown> = {}): Promise<HostileServer> {
  let sent = false;
  const server = await startHostile((request, res) =>
    json(res, searchPage(request, () => (sent ? { issueCount: 0 } : ((sent = true), { issueCount: nodes.length, nodes })), context)),
  );
  closers.push(server);
  return server;
}

describe("responses are checked before they are used or cached", () => {
  it("a PR with a malformed field or a foreign URL is skipped with a warning naming it; the rest is drafted and nothing cached", async () => {
    const server = await hostile([
      pullNode(1),
      pullNode(2, { title: 123 }),
      pullNode(3, { author: { __typename: "User", login: 7 } }),
      pullNode(4, { labels: { nodes: [{ name: 42 }] } }),
      pullNode(5, { body: { text: "x" } }),
      pullNode(6, { url: "https://evil.example/phish" }),
      pullNode(7, { url: "https://github.com/kubernetes/kubernetes/pull/8" }),
      pullNode(9, { url: "javascript:alert(1)//github.com/kubernetes/kubernetes/pull/9" }),
    ]);
    const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-responses-"));
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--token", TOKEN, "--format", "json"], { XDG_CACHE_HOME: cache });
    expect(result.code).toBe(0);
    const warnings = result.stderr.split("\n").filter((line) => line.startsWith("k8s-weekly: warning: ") && line.includes(": skipped, "));
    expect(warnings).toEqual([
      "k8s-weekly: warning: kubernetes/kubernetes#2: skipped, GitHub sent it malformed (title must be string)",
      "k8s-weekly: warning: kubernetes/kubernetes#3: skipped, GitHub sent it malformed (author.login must be string)",
      "k8s-weekly: warning: kubernetes/kubernetes#4: skipped, GitHub sent it malformed (labels.nodes.0.name must be string)",
      "k8s-weekly: warning: kubernetes/kubernetes#5: skipped, GitHub sent it malformed (body must be string)",
      'k8s-weekly: warning: kubernetes/kubernetes#6: skipped, its url "https://evil.example/phish" is not a pull request page on github.com',
      'k8s-weekly: warning: kubernetes/kubernetes#7: skipped, its url "https://github.com/kubernetes/kubernetes/pull/8" is not a pull request page on github.com',
      'k8s-weekly: warning: kubernetes/kubernetes#9: skipped, its url "javascript:alert(1)//github.com/kubernetes/kubernetes/pull/9" is not a pull request page on github.com',
    ]);
    expect((JSON.parse(result.stdout) as { stats: { merged: number } }).stats.merged).toBe(1);
    expect(JSON.stringify((JSON.parse(result.stdout) as { sections: unknown }).sections)).not.toContain("evil.example");
    expect(existsSync(join(cache, "k8s-weekly", new URL(server.url).host.replace(":", "_"), "weeks"))).toBe(false);
  });

  it("a release whose URL is not on the web host is not linked", async () => {
    const release = (tagName: string, url: string) => ({ tagName, name: tagName, url, description: "Fixes", isDraft: false, isPrerelease: false, publishedAt: "2021-06-30T10:00:00Z" });
    const server = await hostile([pullNode(1)], {
      r0: { releases: { nodes: [release("v9.9.9", "https://evil.example/phish"), release("v1.0.1", "https://github.com/kubernetes/release/releases/tag/v1.0.1"), { tagName: 5 }] } },
    });
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--token", TOKEN]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('skipped release "v9.9.9", its url is not a release page on github.com');
    expect(result.stderr).toContain("skipped a release GitHub sent malformed");
    expect(result.stdout).not.toContain("evil.example");
  });

  it("an --input item with a bad html_url is an error naming the file and the item", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-input-"));
    const item = (number: number, html_url: string) => ({ number, title: "Fix kubelet", html_url, pull_request: { merged_at: "2021-06-30T12:00:00Z" } });
    for (const url of ["https://evil.example/kubernetes/kubernetes/pull/2", "https://[github.com/kubernetes/kubernetes/pull/2"]) {
      const file = join(dir, "week.json");
      writeFileSync(file, JSON.stringify([item(1, "https://github.com/kubernetes/kubernetes/pull/1"), item(2, url)]));
      const result = await runCli(["draft", "--week", "2021-07-04", "--input", file]);
      expect(result).toEqual({
        code: 2,
        stdout: "",
        stderr: `k8s-weekly: --input ${file}: item 1 (#2) has html_url ${JSON.stringify(url)}, not a pull request page on github.com; fix the file; see k8s-weekly draft --help\n`,
      });
    }
  });
});

describe("the week's context riding on the first search request", () => {
  const nodes = [pullNode(1), pullNode(2), pullNode(3)];
  /** The PRs in the first window of the first request only, as a week of three PRs would be. */
  function firstWindow(): () => { issueCount: number; nodes?: unknown[] } {
    let sent = false;
    return () => (sent ? { issueCount: 0 } : ((sent = true), { issueCount: nodes.length, nodes }));
  }
  async function draft(server: HostileServer) {
    closers.push(server);
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--token", TOKEN, "--format", "json"]);
    const operations = server.requests.map((request) => /^query (\w+)/.exec((JSON.parse(request.body) as { query: string }).query)?.[1]);
    return { ...result, operations };
  }

  it("an error under one of the context's fields is the context's: a warning, and the PRs are drafted", async () => {
    const page = firstWindow();
    const server = await startHostile((request, res) => {
      const answer = searchPage(request, page, { r0: null }) as { data: object };
      json(res, { ...answer, errors: [{ type: "FORBIDDEN", path: ["r0"], locations: [{ line: 9, column: 3 }], message: "Resource not accessible by integration" }] });
    });
    const result = await draft(server);
    expect(result.code).toBe(0);
    expect(result.operations).toEqual(["MergedPullsAndWeekContext"]);
    expect(result.stderr).toContain(
      "warning: fetching releases, the release schedule and feature-gate files: GitHub answered with an error (Resource not accessible by integration); those sections keep their editor placeholders\n",
    );
    expect((JSON.parse(result.stdout) as { stats: { merged: number; requests: number } }).stats).toMatchObject({ merged: 3, requests: 1 });
  });

  it("an error under a search field fails the PRs, as when they were asked for alone", async () => {
    const page = firstWindow();
    const server = await startHostile((request, res) => {
      const answer = searchPage(request, page) as { data: Record<string, unknown> };
      json(res, { data: { ...answer.data, pulls1: null }, errors: [{ type: "SERVICE_UNAVAILABLE", path: ["pulls1"], message: "Search is unavailable" }] });
    });
    const result = await draft(server);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe("k8s-weekly: fetching PRs merged in kubernetes/kubernetes: GitHub answered with an error (Search is unavailable)");
  });

  it("a combined query GitHub refuses outright is sent again without the context, which is then asked for apart", async () => {
    const page = firstWindow();
    const refused = { errors: [{ path: ["query WeekContext", "r0", "releases", "nodes", "description"], extensions: { code: "undefinedField" }, locations: [{ line: 12, column: 40 }], message: "Field 'description' doesn't exist on type 'Release'" }] };
    const server = await startHostile((request, res) => {
      if (request.body.includes("WeekContext")) return json(res, refused);
      json(res, searchPage(request, page));
    });
    const result = await draft(server);
    expect(result.code).toBe(0);
    expect(result.operations).toEqual(["MergedPullsAndWeekContext", "MergedPulls", "WeekContext"]);
    expect(result.stderr).toContain(
      "warning: fetching releases, the release schedule and feature-gate files: GitHub answered with an error (Field 'description' doesn't exist on type 'Release'); those sections keep their editor placeholders\n",
    );
    expect((JSON.parse(result.stdout) as { stats: { merged: number; requests: number } }).stats).toMatchObject({ merged: 3, requests: 3 });
  });

  it("a rate limit on the combined query is not taken for a refusal: nothing is sent again without the context", async () => {
    const server = await startHostile((_request, res) =>
      json(res, { errors: [{ type: "RATE_LIMITED", message: "API rate limit already exceeded for user ID 1." }] }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 7200) }),
    );
    const result = await draft(server);
    expect(result.code).toBe(1);
    expect(result.operations.every((name) => name === "MergedPullsAndWeekContext")).toBe(true);
    expect(result.stderr.trimEnd().split("\n").at(-1)).toMatch(/^k8s-weekly: fetching PRs merged in kubernetes\/kubernetes: GitHub rate limit exhausted until /);
  });
});

describe("the cache belongs to one server", () => {
  const items = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: 40, from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" });

  async function world(): Promise<FakeGitHub> {
    const server = await startFakeWorld({ items, validToken: TOKEN });
    closers.push(server);
    return server;
  }

  it("a week drafted against one server is not served for another", async () => {
    const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-hosts-"));
    const [first, second] = [await world(), await world()];
    const args = (server: FakeGitHub) => ["draft", "--week", "2021-07-04", "--api-url", server.url, "--token", TOKEN, "--format", "json"];
    expect((await runCli(args(first), { XDG_CACHE_HOME: cache })).code).toBe(0);
    const other = await runCli(args(second), { XDG_CACHE_HOME: cache });
    expect(other.code).toBe(0);
    expect((JSON.parse(other.stdout) as { stats: { requests: number } }).stats.requests).toBeGreaterThan(0);
    expect(second.requests.length).toBeGreaterThan(0);
    // Each server's files sit apart, and the default host's cache stays empty.
    expect(readdirSync(join(cache, "k8s-weekly")).sort()).toEqual([first, second].map((server) => new URL(server.url).host.replace(":", "_")).sort());
    expect((await runCli(["draft", "--week", "2021-07-04", "--offline", "--format", "json"], { XDG_CACHE_HOME: cache })).stderr).toContain("using the shipped sample");
  });

  it("a cached context file that fails its schema is ignored and replaced, offline too", async () => {
    const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-context-"));
    const server = await world();
    const args = ["draft", "--week", "2021-07-04", "--api-url", server.url, "--token", TOKEN, "--format", "json"];
    expect((await runCli(args, { XDG_CACHE_HOME: cache })).code).toBe(0);
    const folder = join(cache, "k8s-weekly", new URL(server.url).host.replace(":", "_"), "context");
    const [name] = readdirSync(folder);
    const file = join(folder, name ?? "");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, JSON.stringify({ ...(JSON.parse(good) as object), data: {} }));
    const offline = await runCli([...args, "--offline"], { XDG_CACHE_HOME: cache });
    expect(offline.code).toBe(0);
    expect(offline.stderr).toContain(`warning: ignoring a corrupt cache file ${file}; it will be replaced`);
    const online = await runCli(args, { XDG_CACHE_HOME: cache });
    expect(online.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(good);

    // Past the bounds a fetch keeps: a KEP issue's title of 5,000 characters, a thousand labels.
    const parsed = JSON.parse(good) as { data: { keps: { issues: Record<string, unknown> } } };
    parsed.data.keps.issues["9999"] = { number: 9999, title: "t".repeat(5000), url: "x", milestone: null, labels: Array.from({ length: 1000 }, () => "l") };
    writeFileSync(file, JSON.stringify(parsed));
    const bounded = await runCli([...args, "--offline"], { XDG_CACHE_HOME: cache });
    expect(bounded.code).toBe(0);
    expect(bounded.stderr).toContain(`warning: ignoring a corrupt cache file ${file}; it will be replaced`);

    // KEP files are cached as the facts read from them: a fact no kep.yaml could have given is refused.
    const facts = { title: "Widgets", number: 9001, sig: "sig-node", stage: "alpha", latestMilestone: "v1.22", status: "implementable" };
    for (const reading of [
      { ok: true, facts: { ...facts, stage: "omega" } },
      { ok: true, facts: { ...facts, sig: "sig-node\n## Injected" } },
      { ok: true, facts: { ...facts, title: "t".repeat(201) } },
      { ok: true },
    ]) {
      const withFacts = JSON.parse(good) as { data: { keps: { end: Record<string, unknown> } } };
      withFacts.data.keps.end["keps/sig-node/9001-widgets/kep.yaml"] = reading;
      writeFileSync(file, JSON.stringify(withFacts));
      const refused = await runCli([...args, "--offline"], { XDG_CACHE_HOME: cache });
      expect(refused.stderr).toContain(`warning: ignoring a corrupt cache file ${file}; it will be replaced`);
    }
  });
});
