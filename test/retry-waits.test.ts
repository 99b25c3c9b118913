import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../src/cli.js";
import { makeSyntheticWeek, type FakeGitHub, type Fault } from "./fake-github/server.js";
import { startFakeWorld } from "./helpers/fake-world.js";
import { CLI } from "./helpers/run-cli.js";

const TOKEN = "ghp_retryWaitsToken12345678";
const WEEK = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: 20, from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" });
/** One second of waiting on GitHub lasts this long here: long enough to tell 1 s from 4 s. */
const SECOND_MS = 100;

let servers: FakeGitHub[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

interface Retry {
  line: string;
  /** The wait the line announced, in the test's seconds. */
  announced: number;
  /** Milliseconds from the line to the same request going out again. */
  waited: number;
}

/** Runs a draft against a fake GitHub with these faults, timing each announced retry until its request is sent again. */
async function retries(faults: Fault[], env: Record<string, string>, items = WEEK): Promise<Retry[]> {
  const server = await startFakeWorld({ items, validToken: TOKEN, faults });
  servers.push(server);
  const sent: { key: string; at: number }[] = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    sent.push({ key: `${init?.method ?? "GET"} ${url} ${typeof init?.body === "string" ? init.body : ""}`, at: Date.now() });
    return realFetch(input, init);
  });
  const announced: { line: string; at: number; sentBefore: number }[] = [];
  let stderr = "";
  const code = await main(
    ["node", CLI, "draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json", "--refresh"],
    { PATH: process.env.PATH ?? "", HOME: tmpdir(), XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), "k8s-weekly-retry-waits-")), ...env },
    {
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
        for (const line of text.split("\n")) {
          if (line.includes("; retrying in ")) announced.push({ line, at: Date.now(), sentBefore: sent.length });
        }
      },
      cwd: process.cwd(),
      waitSecondMs: SECOND_MS,
    },
  );
  expect(code, stderr).toBe(0);
  return announced.map(({ line, at, sentBefore }) => {
    // The attempt that failed is the last one sent before the line; its retry is the next one with the same URL and body.
    const failed = sent[sentBefore - 1]!;
    const again = sent.slice(sentBefore).find((request) => request.key === failed.key);
    return { line, announced: Number(/retrying in (\d+) s/.exec(line)![1]), waited: again ? again.at - at : Number.NaN };
  });
}

function expectWaitsAsAnnounced(found: Retry[]): void {
  for (const retry of found) {
    // Not sooner than announced (a search's spacing runs from its attempt's start, a fault's few
    // milliseconds before the line); later only by a test-sized margin.
    expect(retry.waited, retry.line).toBeGreaterThanOrEqual(retry.announced * SECOND_MS - SECOND_MS / 2);
    expect(retry.waited, retry.line).toBeLessThan(retry.announced * SECOND_MS + 3 * SECOND_MS);
  }
}

describe("a retry waits as long as its stderr line says, 1 s and then 4 s", () => {
  it("GraphQL: 502 then 503 on the search, then a 502 on the next request", async () => {
    const found = await retries(
      [
        { endpoint: "graphql", nth: 1, kind: "502" },
        { endpoint: "graphql", nth: 2, kind: "503" },
        { endpoint: "graphql", nth: 4, kind: "502" },
      ],
      { GH_ENTERPRISE_TOKEN: TOKEN },
    );
    expect(found.map((retry) => retry.line)).toEqual([
      "k8s-weekly: POST /graphql: GitHub answered 502; retrying in 1 s (attempt 2 of 3)",
      "k8s-weekly: POST /graphql: GitHub answered 503; retrying in 4 s (attempt 3 of 3)",
      // A new request starts from 1 s again, whatever the one before it went through.
      "k8s-weekly: POST /graphql: GitHub answered 502; retrying in 1 s (attempt 2 of 3)",
    ]);
    expectWaitsAsAnnounced(found);
  }, 20_000);

  it("REST without a token: a search also keeps GitHub's 2 s between searches; each request starts from its first wait", async () => {
    const found = await retries(
      [
        { endpoint: "repos", nth: 1, kind: "502" },
        { endpoint: "search", nth: 1, kind: "502" },
        { endpoint: "search", nth: 2, kind: "503" },
        // The second page.
        { endpoint: "search", nth: 4, kind: "502" },
      ],
      {},
      makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: 150, from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" }),
    );
    expect(found.map((retry) => retry.line)).toEqual([
      "k8s-weekly: GET /repos/kubernetes/kubernetes: GitHub answered 502; retrying in 1 s (attempt 2 of 3)",
      "k8s-weekly: GET /search/issues: GitHub answered 502; retrying in 2 s (attempt 2 of 3)",
      "k8s-weekly: GET /search/issues: GitHub answered 503; retrying in 4 s (attempt 3 of 3)",
      "k8s-weekly: GET /search/issues: GitHub answered 502; retrying in 2 s (attempt 2 of 3)",
    ]);
    expectWaitsAsAnnounced(found);
  }, 20_000);
});
