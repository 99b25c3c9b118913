import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "./helpers/run-cli.js";
import { json, pullNode, searchPage, startHostile, type HostileHandler, type HostileServer, type SearchRange } from "./hostile/server.js";

const TOKEN = "ghp_hostileServerToken42";

let servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function hostile(handler: HostileHandler): Promise<HostileServer> {
  const server = await startHostile(handler);
  servers.push(server);
  return server;
}

async function draft(server: HostileServer, extra: string[] = [], token: string | null = TOKEN): Promise<CliResult & { ms: number; cache: string }> {
  const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-hostile-"));
  const started = Date.now();
  const result = await runCli(
    ["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json", ...(token ? ["--token", token] : []), ...extra],
    { XDG_CACHE_HOME: cache },
  );
  expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN);
  return { ...result, ms: Date.now() - started, cache };
}

const lastLine = (result: CliResult) => result.stderr.trimEnd().split("\n").at(-1);

describe("every fetch is bounded", () => {
  it("the same endCursor with hasNextPage every time is an error at once", async () => {
    let number = 0;
    const server = await hostile((request, res) => {
      number += 1;
      json(res, searchPage(request, { issueCount: 500, nodes: [pullNode(number)], hasNextPage: true, endCursor: "Y3Vyc29yOjE=" }));
    });
    const result = await draft(server);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(lastLine(result)).toBe(
      "k8s-weekly: fetching PRs merged in kubernetes/kubernetes: kubernetes/kubernetes: GitHub gave the same search cursor twice (Y3Vyc29yOjE=); stopping instead of fetching the same page again, try again later",
    );
    expect(server.requests.length).toBeLessThan(5);
    expect(result.ms).toBeLessThan(5000);
  }, 20_000);

  it("a REST Link rel=\"next\" to the same page is an error at once", async () => {
    const server = await hostile((request, res, origin) => {
      if (request.url.pathname === "/repos/kubernetes/kubernetes") return json(res, { full_name: "kubernetes/kubernetes", default_branch: "master" });
      json(res, { total_count: 500, incomplete_results: false, items: [] }, { link: `<${origin}/search/issues?q=x&page=2>; rel="next"` });
    });
    const result = await draft(server, [], null);
    expect(result.code).toBe(1);
    expect(lastLine(result)).toMatch(/^k8s-weekly: fetching PRs merged in kubernetes\/kubernetes: kubernetes\/kubernetes: GitHub gave the same next page URL twice \(http:\/\/127\.0\.0\.1:\d+\/search\/issues\?q=x&page=2\); stopping/);
    expect(server.requests.length).toBeLessThan(6);
    expect(result.ms).toBeLessThan(5000);
  }, 20_000);

  it("a server that always reports more than 1,000 results: splitting stops at the first one-second window", async () => {
    const server = await hostile((request, res) => json(res, searchPage(request, { issueCount: 5000 })));
    // The server hands out no PR at all: only --allow-empty lets the run reach its end.
    const result = await draft(server, ["--allow-empty"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "warning: kubernetes/kubernetes: GitHub reported 5000 PRs merged in the one second 2021-06-28T00:00:00.000Z, more than the 1000 a search hands out, and splitting stops at one second; fetched 0 of them, the draft may be incomplete and is not cached",
    );
    // About 20 halvings down to one second, then the windows still pending, each once.
    expect(server.requests.length).toBeLessThan(50);
    expect(existsSync(join(result.cache, "k8s-weekly", "weeks"))).toBe(false);
    expect(result.ms).toBeLessThan(5000);
  }, 20_000);

  it("a server that hands out new pages forever is stopped by --max-requests (default 1,000)", async () => {
    let page = 0;
    const server = await hostile((request, res) => {
      page += 1;
      json(res, searchPage(request, { issueCount: 900, nodes: [pullNode(page)], hasNextPage: true, endCursor: `cursor-${page}` }));
    });
    const result = await draft(server, ["--max-requests", "30"]);
    expect(result.code).toBe(1);
    expect(lastLine(result)).toBe(
      "k8s-weekly: fetching PRs merged in kubernetes/kubernetes: stopped after 30 requests to GitHub (--max-requests); raise --max-requests (a week takes a few, more only when the server misbehaves)",
    );
    expect(server.requests).toHaveLength(30);
    // No waiting between the 30 requests: even a third of a second each would pass 10 s. The
    // bound leaves room for a loaded CI machine, where 100 plain round trips have taken 5 s.
    expect(result.ms).toBeLessThan(10_000);
    expect((await runCli(["draft", "--help"])).stdout).toMatch(/--max-requests <count>\s+most requests one run sends to GitHub; past it the\s+run fails \(default: 1000\)/);
  }, 20_000);

  it("splitting stops at a one-second window with a warning, and the week is drafted but not cached", async () => {
    const busy = Date.parse("2021-06-30T12:00:00Z") / 1000;
    const server = await hostile((request, res) => {
      const holds = (range: SearchRange | null) => range !== null && range.from <= busy && busy <= range.to;
      json(res, searchPage(request, (range) => (holds(range) ? { issueCount: 1500, nodes: [pullNode(1)] } : { issueCount: 0 })));
    });
    const result = await draft(server);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "warning: kubernetes/kubernetes: GitHub reported 1500 PRs merged in the one second 2021-06-30T12:00:00.000Z, more than the 1000 a search hands out, and splitting stops at one second; fetched 1 of them, the draft may be incomplete and is not cached",
    );
    expect((JSON.parse(result.stdout) as { stats: { merged: number } }).stats.merged).toBe(1);
    expect(existsSync(join(result.cache, "k8s-weekly", "weeks"))).toBe(false);
    expect(server.requests.length).toBeLessThan(60);
  }, 20_000);
});

describe("nothing is fetched from another host", () => {
  it("a Link URL to another host is not followed", async () => {
    const elsewhere = await hostile((_request, res) => json(res, { total_count: 1, incomplete_results: false, items: [] }));
    const server = await hostile((request, res) => {
      if (request.url.pathname === "/repos/kubernetes/kubernetes") return json(res, { full_name: "kubernetes/kubernetes", default_branch: "master" });
      json(res, { total_count: 200, incomplete_results: false, items: [] }, { link: `<${elsewhere.url}/search/issues?page=2>; rel="next"` });
    });
    const result = await draft(server, [], null);
    expect(result.code).toBe(1);
    expect(lastLine(result)).toBe(
      `k8s-weekly: fetching PRs merged in kubernetes/kubernetes: GitHub pointed GET /search/issues to ${new URL(elsewhere.url).host}, which is not the API host ${new URL(server.url).host}; k8s-weekly follows no link or redirect off it (check --api-url)`,
    );
    expect(elsewhere.requests).toEqual([]);
  });

  it("a redirect off the API host is not followed, and the token never reaches it", async () => {
    const elsewhere = await hostile((request, res) => json(res, searchPage(request, { issueCount: 0 })));
    const server = await hostile((_request, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/graphql` });
      res.end();
    });
    const result = await draft(server);
    expect(result.code).toBe(1);
    expect(lastLine(result)).toContain(`GitHub pointed POST /graphql to ${new URL(elsewhere.url).host}, which is not the API host`);
    expect(elsewhere.requests).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });
});

describe("responses are bounded in size and time", () => {
  it("an answer larger than 50 MB is an error, not read into memory", async () => {
    const server = await hostile((_request, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = "x".repeat(1024 * 1024);
      res.write('{"data": {"padding": "');
      let sent = 0;
      const more = (): void => {
        while (sent < 60) {
          sent += 1;
          if (!res.write(chunk)) return void res.once("drain", more);
        }
        res.end('"}}');
      };
      more();
    });
    const result = await draft(server);
    expect(result.code).toBe(1);
    expect(lastLine(result)).toBe(
      "k8s-weekly: fetching PRs merged in kubernetes/kubernetes: GitHub's answer to POST /graphql is larger than 50 MB; k8s-weekly does not read it (check --api-url)",
    );
    expect(server.requests).toHaveLength(1);
  }, 20_000);

  it("a body that stalls is a timeout; -v logs each attempt once and says before each retry how long it waits", async () => {
    const server = await hostile((_request, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data": {"search": ');
    });
    const result = await draft(server, ["--timeout", "0.3", "-v"]);
    expect(result.code).toBe(1);
    expect(lastLine(result)).toBe(
      "k8s-weekly: fetching PRs merged in kubernetes/kubernetes: GitHub did not finish sending its answer to POST /graphql in 0.3 s; check --api-url or raise --timeout",
    );
    const lines = result.stderr.split("\n");
    expect(lines.filter((line) => line.includes("/graphql"))).toEqual([
      "k8s-weekly: POST /graphql 200 but did not finish sending in 0.3 s (timed out)",
      "k8s-weekly: POST /graphql: 200 but did not finish sending in 0.3 s (timed out); retrying in 1 s (attempt 2 of 3)",
      "k8s-weekly: POST /graphql 200 but did not finish sending in 0.3 s (timed out)",
      "k8s-weekly: POST /graphql: 200 but did not finish sending in 0.3 s (timed out); retrying in 4 s (attempt 3 of 3)",
      "k8s-weekly: POST /graphql 200 but did not finish sending in 0.3 s (timed out)",
      expect.stringContaining("k8s-weekly: fetching PRs merged"),
    ]);
  }, 20_000);

  it("a server that never answers: -v logs each attempt once, as a timeout", async () => {
    const server = await hostile(() => {});
    const result = await draft(server, ["--timeout", "0.3", "-v"]);
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n").filter((line) => line.startsWith("k8s-weekly: POST /graphql"))).toEqual([
      "k8s-weekly: POST /graphql no answer in 0.3 s (timed out)",
      "k8s-weekly: POST /graphql: no answer in 0.3 s (timed out); retrying in 1 s (attempt 2 of 3)",
      "k8s-weekly: POST /graphql no answer in 0.3 s (timed out)",
      "k8s-weekly: POST /graphql: no answer in 0.3 s (timed out); retrying in 4 s (attempt 3 of 3)",
      "k8s-weekly: POST /graphql no answer in 0.3 s (timed out)",
    ]);
  }, 20_000);
});
