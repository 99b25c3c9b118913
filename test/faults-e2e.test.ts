import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeSyntheticWeek, startFakeGitHub, type FakeGitHub, type Fault } from "./fake-github/server.js";
import { startFakeWorld } from "./helpers/fake-world.js";
import { runCli, type CliResult } from "./helpers/run-cli.js";

const TOKEN = "ghp_faultSecretToken0987654321";
const WEEK = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: 150, from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z", cherryPicks: 10 });

let servers: FakeGitHub[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function runAgainst(faults: Fault[], extraArgs: string[] = [], items = WEEK): Promise<{ result: CliResult; server: FakeGitHub; outDir: string }> {
  const server = await startFakeWorld({ items, validToken: TOKEN, faults });
  servers.push(server);
  const outDir = mkdtempSync(join(tmpdir(), "k8s-weekly-faults-"));
  const result = await runCli(
    ["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json", "--verbose", "-o", join(outDir, "draft.json"), ...extraArgs],
    { GH_ENTERPRISE_TOKEN: TOKEN },
  );
  expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN);
  return { result, server, outDir };
}

function expectFailure(result: CliResult, outDir: string, code: number, message: unknown): void {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe("");
  expect(result.stderr.trimEnd().split("\n").at(-1)).toEqual(message);
  expect(readdirSync(outDir)).toEqual([]);
}

describe("faults on the way to GitHub", () => {
  it("a server nobody answers at ends with exit 1, naming --offline as a way on", async () => {
    // Port 9 (discard) has no listener here: the connection is refused at once, on every retry.
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", "http://127.0.0.1:9", "-q"], { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), "k8s-weekly-refused-")) });
    expect(result.code).toBe(1);
    // The line before it warns that no token was found, as on any run without one.
    expect(result.stderr.trimEnd().split("\n").at(-1)).toMatch(
      /^k8s-weekly: fetching PRs merged in kubernetes\/kubernetes: could not reach GitHub \(.*\); check --api-url and the network, or add --offline to draft from the cache or a shipped sample week$/,
    );
  });

  it("502, 503 and a dropped connection are retried and the draft is complete", async () => {
    const { result, server, outDir } = await runAgainst([
      { endpoint: "graphql", nth: 1, kind: "502" },
      { endpoint: "graphql", nth: 2, kind: "drop" },
      { endpoint: "graphql", nth: 4, kind: "503" },
    ]);
    expect(result.code).toBe(0);
    expect(readdirSync(outDir)).toEqual(["draft.json"]);
    // The PRs with the context, then the KEP request: 502 and a drop before the first, 503 before the second.
    expect(server.requests.map((request) => request.status)).toEqual([502, 0, 200, 503, 200]);
  }, 30_000);

  it("a secondary rate limit (403 and 429 with retry-after) is waited out", async () => {
    const { result, server } = await runAgainst([
      { endpoint: "graphql", nth: 1, kind: "secondary-403", retryAfter: 1 },
      { endpoint: "graphql", nth: 3, kind: "secondary-429", retryAfter: 1 },
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("warning: GitHub secondary rate limit on POST /graphql; retrying in 1s");
    expect(server.requests.map((request) => request.status)).toEqual([403, 200, 429, 200]);
  }, 30_000);

  it("a secondary rate limit asking for a wait longer than --max-wait stops at once, never retried", async () => {
    for (const kind of ["secondary-429", "secondary-403"] as const) {
      const { result, server, outDir } = await runAgainst([{ endpoint: "graphql", nth: 1, kind, retryAfter: 120 }], ["--max-wait", "60"]);
      expectFailure(
        result,
        outDir,
        1,
        `k8s-weekly: fetching PRs merged in kubernetes/kubernetes: GitHub refused with ${kind.slice(-3)} (secondary rate limit) and asked to wait 120 s; run again after that, or raise --max-wait above it to wait it out`,
      );
      expect(server.requests.map((request) => request.status)).toEqual([Number(kind.slice(-3))]);
    }
  });

  it("an exhausted primary limit that resets soon is waited for", async () => {
    const { result, server } = await runAgainst([{ endpoint: "graphql", nth: 1, kind: "primary", resetIn: 1 }]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: GitHub rate limit reached on POST \/graphql; waiting \d+s for the reset/);
    expect(server.requests.map((request) => request.status)).toEqual([200, 200, 200]);
  }, 30_000);

  it("an exhausted primary limit that resets later than --max-wait ends with exit 1 naming the reset", async () => {
    const { result, outDir } = await runAgainst([{ endpoint: "graphql", nth: 1, kind: "primary", resetIn: 3600 }], ["--max-wait", "60"]);
    expectFailure(result, outDir, 1, expect.stringMatching(
      /^k8s-weekly: fetching PRs merged in kubernetes\/kubernetes: GitHub rate limit exhausted until \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z; run again after the reset or raise --max-wait$/,
    ));
  });

  it("a server that never answers times out and ends with exit 1, not a hang", async () => {
    const faults: Fault[] = [1, 2, 3].map((nth) => ({ endpoint: "graphql", nth, kind: "hang" }));
    const started = Date.now();
    const { result, outDir } = await runAgainst(faults, ["--timeout", "0.5"]);
    expectFailure(result, outDir, 1, "k8s-weekly: fetching PRs merged in kubernetes/kubernetes: GitHub did not answer in time; check --api-url or raise --timeout");
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it("malformed JSON is a clear failure", async () => {
    const faults: Fault[] = [1, 2, 3].map((nth) => ({ endpoint: "graphql", nth, kind: "malformed" }));
    const { result, outDir } = await runAgainst(faults);
    expectFailure(result, outDir, 1, "k8s-weekly: fetching PRs merged in kubernetes/kubernetes: GitHub sent a response that is not the JSON k8s-weekly expects (truncated or malformed); try again");
  });

  it("incomplete search results are asked for again", async () => {
    const server = await startFakeGitHub({ repos: [{ owner: "kubernetes", name: "kubernetes", items: WEEK }], faults: [{ endpoint: "search", nth: 1, kind: "incomplete" }] });
    servers.push(server);
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json"]);
    expect(result.code).toBe(0);
    expect(server.requests.filter((request) => request.endpoint === "search").map((request) => request.query.page ?? "1")).toEqual(["1", "1", "2"]);
    expect(result.stderr).not.toContain("incomplete results");
  }, 30_000);

  it("an empty week is a failure (exit 1, nothing cached), and a warning with --allow-empty", async () => {
    const { result, outDir } = await runAgainst([], [], []);
    expectFailure(result, outDir, 1, "k8s-weekly: no merged PRs found for kubernetes/kubernetes in the week ending 2021-07-04: check the token's access and --repo, or add --allow-empty to draft it anyway");
    const allowed = await runAgainst([], ["--allow-empty"], []);
    expect(allowed.result.code).toBe(0);
    expect(allowed.result.stderr).toContain("warning: no merged PRs found for the week ending 2021-07-04");
    expect(allowed.result.stderr).toContain("k8s-weekly: kubernetes/kubernetes: not caching this week, it has no merged PRs\n");
  });

  it("a 401 for a bad token is exit 1 and the token is printed nowhere", async () => {
    const server = await startFakeGitHub({ repos: [{ owner: "kubernetes", name: "kubernetes", items: WEEK }], validToken: TOKEN });
    servers.push(server);
    const wrong = "ghp_wrongTokenWrongTokenWrong1";
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--verbose", "--token", wrong]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).not.toContain(wrong);
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe(
      // A server other than github.com takes the enterprise variables, and gh's login for its host.
      `k8s-weekly: fetching PRs merged in kubernetes/kubernetes: GitHub rejected the token (401 Bad credentials); check --token, GH_ENTERPRISE_TOKEN, GITHUB_ENTERPRISE_TOKEN or gh auth login --hostname ${new URL(server.url).host}`,
    );
  });

  it("a repository that does not exist is exit 1 through REST (422) too", async () => {
    const server = await startFakeGitHub({ repos: [{ owner: "kubernetes", name: "kubernetes", items: WEEK }] });
    servers.push(server);
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--repo", "kubernetes/nope"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe(
      "k8s-weekly: fetching PRs merged in kubernetes/nope: GitHub answered 404 (Not Found - https://docs.github.com/rest/repos/repos#get-a-repository); check that the repository exists and the token can read it",
    );
  });
});
