import { readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeSyntheticWeek, type FakeGitHub, type FakeSearchItem } from "./fake-github/server.js";
import { searchRequests, startFakeWorld } from "./helpers/fake-world.js";
import { runCli } from "./helpers/run-cli.js";

const TOKEN = "ghp_e2eSecretToken1234567890";
const SAMPLE = JSON.parse(readFileSync(new URL("../samples/2021-07-04.json", import.meta.url), "utf8")) as { items: FakeSearchItem[] };
const IN_WINDOW = (item: FakeSearchItem) =>
  item.pull_request.merged_at !== null && item.pull_request.merged_at >= "2021-06-28T00:00:00Z" && item.pull_request.merged_at <= "2021-07-04T23:59:59Z";

interface JsonDraft {
  week: { ending: string };
  sections: Record<string, Array<{ number: number; line: string; reason: string }>>;
  skipped: Array<{ number: number; reason: string }>;
  stats: { merged: number; reported: number; skipped: number; requests: number };
}

let servers: FakeGitHub[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function fake(items: FakeSearchItem[], options: { searchTypeBeforeItems?: boolean } = {}): Promise<FakeGitHub> {
  const server = await startFakeWorld({ items, validToken: TOKEN, ...options });
  servers.push(server);
  return server;
}

function accounted(draft: JsonDraft): number[] {
  const prEntries = Object.entries(draft.sections).flatMap(([key, entries]) => (key === "subprojects" ? [] : entries));
  return [...prEntries.map((entry) => entry.number), ...draft.skipped.map((entry) => entry.number)].sort(
    (a, b) => a - b,
  );
}

describe("k8s-weekly draft against GitHub", () => {
  it("drafts a normal week in two GraphQL requests (the PRs with the context, then the KEPs they link), every PR once, with the API version pinned", async () => {
    const server = await fake(SAMPLE.items);
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json"], { GH_ENTERPRISE_TOKEN: TOKEN });
    // Every repository of the default list exists: a normal week warns of nothing.
    expect(result.stderr.split("\n").filter((line) => line.startsWith("k8s-weekly: warning"))).toEqual([]);
    // A project that never made a release is so every week: said, not warned of.
    expect(result.stderr).toContain("k8s-weekly: kubernetes/kubeadm: has no releases, so it never has a Subprojects line\n");
    expect(result.code).toBe(0);
    const draft = JSON.parse(result.stdout) as JsonDraft;
    expect(accounted(draft)).toEqual(SAMPLE.items.filter(IN_WINDOW).map((item) => item.number).sort((a, b) => a - b));
    expect(draft.stats.requests).toBe(2);
    expect(server.requests.map((request) => `${request.method} ${request.path} ${request.status} ${request.apiVersion}`)).toEqual([
      "POST /graphql 200 2022-11-28",
      "POST /graphql 200 2022-11-28",
    ]);
    expect(server.graphqlErrors).toEqual([]);
    expect(result.stderr).toContain("kubernetes/kubernetes: page 1, 33 of 33 PRs\n");
  });

  it("--verbose logs each request with its status, time and rate limit left; --quiet keeps only warnings", async () => {
    const server = await fake(SAMPLE.items);
    const verbose = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--verbose"], { GH_ENTERPRISE_TOKEN: TOKEN });
    const requestLines = verbose.stderr.split("\n").filter((line) => line.startsWith("k8s-weekly: POST "));
    expect(requestLines).toHaveLength(2);
    for (const line of requestLines) expect(line).toMatch(/^k8s-weekly: POST \/graphql 200 \d+ms \(rate limit left: \d+\)$/);
    const quiet = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--quiet", "--refresh"], { GH_ENTERPRISE_TOKEN: TOKEN });
    expect(quiet.stderr.split("\n").filter((line) => line !== "" && !line.startsWith("k8s-weekly: warning: "))).toEqual([]);
    expect(quiet.stdout).toBe(verbose.stdout);
  });

  it("asks for a 150-PR week, in two halves, and its context in one request", async () => {
    const items = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: 150, from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z", cherryPicks: 12 });
    const server = await fake(items);
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json"], { GH_ENTERPRISE_TOKEN: TOKEN });
    expect(result.code).toBe(0);
    const draft = JSON.parse(result.stdout) as JsonDraft;
    expect(draft.stats.merged).toBe(150);
    expect(accounted(draft)).toEqual(items.map((item) => item.number).sort((a, b) => a - b));
    expect(searchRequests(server.requests).length).toBe(1);
    expect(server.requests[0]?.graphqlQuery).toMatch(/^query MergedPullsAndWeekContext\(/);
    expect(Object.keys(server.requests[0]?.graphqlVariables ?? {}).filter((name) => /^q\d$/.test(name))).toEqual(["q0", "q1"]);
    // The PRs with the week's context, then the KEP files the week's PRs link.
    expect(draft.stats.requests).toBe(2);
  });

  it("a half of the week with more than 100 PRs pages on by cursor, alone once the other half is done", async () => {
    // The week's halves meet at Thursday 11:59:59: 250 PRs before, 30 after.
    const early = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: 250, from: "2021-06-28T00:00:00Z", to: "2021-06-30T23:00:00Z" });
    const late = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: 30, from: "2021-07-02T00:00:00Z", to: "2021-07-04T23:00:00Z", startNumber: 130_000 });
    const server = await fake([...early, ...late]);
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json"], { GH_ENTERPRISE_TOKEN: TOKEN });
    expect(result.code).toBe(0);
    const draft = JSON.parse(result.stdout) as JsonDraft;
    expect(accounted(draft)).toEqual([...early, ...late].map((item) => item.number).sort((a, b) => a - b));
    const searches = searchRequests(server.requests).map((request) => {
      const variables = request.graphqlVariables ?? {};
      return Object.keys(variables).filter((name) => /^q\d+$/.test(name)).map((name) => [String(variables[name]).replace(/^.* (?=merged:)/, ""), variables[`c${name.slice(1)}`] === null ? "first" : "next"]);
    });
    expect(searches).toEqual([
      [["merged:2021-06-28T00:00:00Z..2021-07-01T11:59:59Z", "first"], ["merged:2021-07-01T12:00:00Z..2021-07-04T23:59:59Z", "first"]],
      [["merged:2021-06-28T00:00:00Z..2021-07-01T11:59:59Z", "next"]],
      [["merged:2021-06-28T00:00:00Z..2021-07-01T11:59:59Z", "next"]],
    ]);
    expect(result.stderr).toContain(
      "k8s-weekly: kubernetes/kubernetes: page 1, 130 of 280 PRs\nk8s-weekly: kubernetes/kubernetes: page 2, 230 of 280 PRs\nk8s-weekly: kubernetes/kubernetes: page 3, 280 of 280 PRs\n",
    );
    // Three search requests, the first with the context, and the KEP files.
    expect(draft.stats.requests).toBe(4);
    expect(server.graphqlErrors).toEqual([]);
  });

  it("fetches a 2,500-PR week completely, splitting the window below the 1,000-result cap", async () => {
    const items = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: 2500, from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z", cherryPicks: 200 });
    const server = await fake(items);
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json", "-q"], { GH_ENTERPRISE_TOKEN: TOKEN });
    expect(result.stderr).not.toContain("fetched");
    expect(result.code).toBe(0);
    const draft = JSON.parse(result.stdout) as JsonDraft;
    expect(draft.stats.merged).toBe(2500);
    expect(accounted(draft)).toEqual(items.map((item) => item.number).sort((a, b) => a - b));
    expect(server.graphqlErrors).toEqual([]);
    const pagesPerRequest = searchRequests(server.requests).map((request) => Object.keys(request.graphqlVariables ?? {}).filter((name) => /^q\d+$/.test(name)).length);
    // The halves count 1,250 each, past the cap: split into quarters of 625, seven pages each,
    // asked for two a request (1 + 28 / 2 search requests), then the KEP files.
    expect(pagesPerRequest).toEqual(Array.from({ length: 15 }, () => 2));
    expect(draft.stats.requests).toBe(16);
  });

  it("drafts without a token through REST search, following Link headers, with a warning", async () => {
    const items = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: 230, from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" });
    const server = await fake(items, { searchTypeBeforeItems: true });
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json"]);
    expect(result.code).toBe(0);
    const host = new URL(server.url).host;
    expect(result.stderr).toContain(
      `warning: no token for ${host} (--token, GH_ENTERPRISE_TOKEN, GITHUB_ENTERPRISE_TOKEN or gh auth login --hostname ${host}): GitHub allows far fewer requests without one`,
    );
    const draft = JSON.parse(result.stdout) as JsonDraft;
    expect(draft.stats.merged).toBe(230);
    expect(result.stderr).toContain("warning: releases, the release schedule and feature-gate checks need a token (GraphQL); those sections keep their editor placeholders");
    expect(server.requests.map((request) => `${request.method} ${request.path} ${request.query.page ?? "1"}`)).toEqual([
      "GET /repos/kubernetes/kubernetes 1",
      "GET /search/issues 1",
      "GET /search/issues 2",
      "GET /search/issues 3",
    ]);
  }, 30_000);

  it("a re-run of a past week sends no request, and --offline serves it from the cache", async () => {
    const server = await fake(SAMPLE.items);
    const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-cache-"));
    const env = { GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: cache };
    const first = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url], env);
    expect(first.code).toBe(0);
    const second = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url], env);
    expect(second.stdout).toBe(first.stdout);
    const offline = await runCli(["draft", "--week", "2021-07-04", "--offline", "--api-url", server.url], { XDG_CACHE_HOME: cache });
    expect(offline.stdout).toBe(first.stdout);
    expect(offline.stderr).toContain("kubernetes/kubernetes: using the cached week ending 2021-07-04");
    expect(server.requests.length).toBe(2);
    const refreshed = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--refresh"], env);
    expect(refreshed.stdout).toBe(first.stdout);
    expect(server.requests.length).toBe(4);
  });

  it("warns, naming both counts, when GitHub reports more PRs than it hands out", async () => {
    // Search results drift while paging; a PR seen twice is one PR, so the counts disagree.
    const server = await fake([...SAMPLE.items, SAMPLE.items[0] as FakeSearchItem]);
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json"], { GH_ENTERPRISE_TOKEN: TOKEN });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("warning: kubernetes/kubernetes: fetched 33 merged PRs but GitHub reported 34; the draft may be incomplete\n");
    expect((JSON.parse(result.stdout) as { warnings: string[] }).warnings).toContain(
      "kubernetes/kubernetes: fetched 33 merged PRs but GitHub reported 34; the draft may be incomplete",
    );
  });

  it("fails with exit 1 and a clear message for a bad token, never printing it", async () => {
    const server = await fake(SAMPLE.items);
    const badToken = "ghp_thisTokenIsWrong000000000000";
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--verbose"], { GH_ENTERPRISE_TOKEN: badToken });
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: expect.stringContaining(
        `k8s-weekly: fetching PRs merged in kubernetes/kubernetes: GitHub rejected the token (401 Bad credentials); check --token, GH_ENTERPRISE_TOKEN, GITHUB_ENTERPRISE_TOKEN or gh auth login --hostname ${new URL(server.url).host}\n`,
      ),
    });
    expect(result.stderr).not.toContain(badToken);
  });

  it("fails with exit 1 for a repository that does not exist", async () => {
    const server = await fake(SAMPLE.items);
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--repo", "kubernetes/ngninx-ingress"], { GH_ENTERPRISE_TOKEN: TOKEN });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("k8s-weekly: GitHub token: from GH_ENTERPRISE_TOKEN\nk8s-weekly: fetching PRs merged in kubernetes/ngninx-ingress: GitHub has no such repository (Could not resolve to a Repository with the name 'kubernetes/ngninx-ingress'.); check --repo and that the token can read it\n");
  });
});
