import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeSyntheticWeek, type FakeGitHub } from "./fake-github/server.js";
import { startFakeWorld } from "./helpers/fake-world.js";
import { runCli, spawnCli } from "./helpers/run-cli.js";

const TOKEN = "ghp_cacheSecretToken12345";
const ITEMS = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: 120, from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" });

let server: FakeGitHub | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function setUp(): Promise<{ env: Record<string, string>; file: string; args: string[] }> {
  server = await startFakeWorld({ items: ITEMS, validToken: TOKEN });
  const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-cache-"));
  return {
    env: { GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: cache },
    file: join(cache, "k8s-weekly", new URL(server.url).host.replace(":", "_"), "weeks", "kubernetes", "kubernetes", "2021-07-04.json"),
    args: ["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json"],
  };
}

describe("the on-disk cache", () => {
  it("a cache folder that cannot be created is a warning, and the draft is made (no hang)", async () => {
    const { env, args } = await setUp();
    // /proc takes no new folders; Node 20's recursive mkdir never settled there.
    const result = await runCli(args, { ...env, XDG_CACHE_HOME: "/proc/k8s-weekly-no-such-cache" });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: could not write the cache \/proc\/k8s-weekly-no-such-cache\/k8s-weekly\/[^\n]*\/2021-07-04\.json: ENOENT/);
    expect((JSON.parse(result.stdout) as { stats: { merged: number } }).stats.merged).toBe(ITEMS.length);
  }, 20_000);

  it.each([
    ["truncated", (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ["not a cache file", () => JSON.stringify({ format: "k8s-weekly-cache/2", repo: "kubernetes/kubernetes", prs: "nope" })],
    ["for another week", (text: string) => text.replace('"weekEnding":"2021-07-04"', '"weekEnding":"2021-06-27"')],
  ])("a %s cache file is ignored, refetched and replaced", async (_name, damage) => {
    const { env, file, args } = await setUp();
    const first = await runCli(args, env);
    expect(first.code).toBe(0);
    const good = readFileSync(file, "utf8");
    writeFileSync(file, damage(good));
    const second = await runCli(args, env);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`warning: ignoring a corrupt cache file ${file}; it will be replaced`);
    const [before, after] = [first, second].map((run) => JSON.parse(run.stdout) as { sections: unknown; skipped: unknown });
    expect(after?.sections).toEqual(before?.sections);
    expect(after?.skipped).toEqual(before?.skipped);
    expect(readFileSync(file, "utf8")).toBe(good);
    // The PRs with the context, then the KEP files; the second time only the PRs, alone (both halves
    // of the week in one request), as the context and its KEP files came from the cache.
    expect(server?.requests.map((request) => request.graphqlQuery?.match(/^query (\w+)/)?.[1])).toEqual(["MergedPullsAndWeekContext", "WeekKeps", "MergedPulls"]);
  });

  it("two runs at once leave one whole cache file and no temporary files", async () => {
    const { env, file, args } = await setUp();
    // Separate processes: within one, write-file-atomic queues writes to a file, hiding the race.
    const [a, b, c] = await Promise.all([spawnCli(args, env), spawnCli(args, env), spawnCli(args, env)]);
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    // The same draft from each, whichever of them found the cache another had just written: only
    // the request count may differ (a busy machine staggers the starts).
    const withoutRequests = (stdout: string): unknown => {
      const draft = JSON.parse(stdout) as { stats: { requests?: number } };
      delete draft.stats.requests;
      return draft;
    };
    expect(withoutRequests(b.stdout)).toEqual(withoutRequests(a.stdout));
    expect(withoutRequests(c.stdout)).toEqual(withoutRequests(a.stdout));
    expect(() => JSON.parse(readFileSync(file, "utf8")) as unknown).not.toThrow();
    expect(readdirSync(join(file, ".."))).toEqual(["2021-07-04.json"]);
    const warm = JSON.parse((await runCli(args, env)).stdout) as { sections: unknown; skipped: unknown; stats: { requests: number } };
    const cold = JSON.parse(a.stdout) as typeof warm;
    expect(warm.sections).toEqual(cold.sections);
    expect(warm.skipped).toEqual(cold.skipped);
    expect(warm.stats.requests).toBe(0);
  });
});
