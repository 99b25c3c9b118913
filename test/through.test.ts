import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { collectWeek } from "../src/fetch/collect-week.js";
import { planWeekContext } from "../src/context/week-context.js";
import { createLogger } from "../src/logger.js";
import { makeSyntheticWeek, type FakeGitHub } from "./fake-github/server.js";
import { searchRequests, startFakeWorld } from "./helpers/fake-world.js";
import { runCli } from "./helpers/run-cli.js";

const TOKEN = "ghp_throughSecretToken123456";
const WEEK = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: 40, from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" });
// Merged on the Monday and Tuesday after the week, before the editors publish.
const AFTER = makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: 5, from: "2021-07-05T01:00:00Z", to: "2021-07-06T22:00:00Z", startNumber: 130_000 });
const numbers = (items: typeof WEEK) => items.map((item) => item.number).sort((a, b) => a - b);

interface SampleItem {
  number: number;
  html_url: string;
  title: string;
  body: string;
  closed_at: string;
  pull_request: { html_url: string; merged_at: string };
}

interface JsonDraft {
  week: { ending: string; from: string; to: string };
  sections: Record<string, Array<{ number: number | null }>>;
  skipped: Array<{ number: number }>;
  stats: { merged: number; requests: number };
}

function accounted(draft: JsonDraft): number[] {
  const entries = Object.values(draft.sections).flat().flatMap((entry) => (entry.number === null ? [] : [entry.number]));
  return [...entries, ...draft.skipped.map((entry) => entry.number)].sort((a, b) => a - b);
}

let server: FakeGitHub | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("draft --through", () => {
  it("fetches up to the end of the day given, caches that window apart from the plain week, and keeps the Sunday's title", async () => {
    server = await startFakeWorld({ items: [...WEEK, ...AFTER], validToken: TOKEN });
    const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-cache-"));
    const env = { GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: cache };
    const weeks = join(cache, "k8s-weekly", new URL(server.url).host.replace(":", "_"), "weeks", "kubernetes", "kubernetes");
    const args = ["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json"];

    const through = await runCli([...args, "--through", "2021-07-06"], env);
    expect(through.code).toBe(0);
    const extended = JSON.parse(through.stdout) as JsonDraft;
    expect(extended.week).toEqual({ ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-06T23:59:59Z" });
    expect(extended.stats.merged).toBe(45);
    expect(accounted(extended)).toEqual(numbers([...WEEK, ...AFTER]));
    // One request, searching the two halves of the longer window.
    const queries = searchRequests(server.requests).map((request) => [request.graphqlVariables?.q0, request.graphqlVariables?.q1]);
    expect(queries).toEqual([
      [
        "repo:kubernetes/kubernetes is:pr is:merged merged:2021-06-28T00:00:00Z..2021-07-02T11:59:59Z",
        "repo:kubernetes/kubernetes is:pr is:merged merged:2021-07-02T12:00:00Z..2021-07-06T23:59:59Z",
      ],
    ]);
    expect(readdirSync(weeks)).toEqual(["2021-07-04-through-2021-07-06.json"]);

    // The plain week is neither served from the longer window's cache nor poisoned by it.
    const plain = await runCli(args, env);
    expect(plain.code).toBe(0);
    const week = JSON.parse(plain.stdout) as JsonDraft;
    expect(week.week.to).toBe("2021-07-04T23:59:59Z");
    expect(accounted(week)).toEqual(numbers(WEEK));
    expect(week.stats.requests).toBeGreaterThan(0);
    expect(readdirSync(weeks).sort()).toEqual(["2021-07-04-through-2021-07-06.json", "2021-07-04.json"]);

    const offline = await runCli(["draft", "--week", "2021-07-04", "--through", "2021-07-06", "--offline", "--api-url", server.url, "--format", "json"], env);
    expect(offline.code).toBe(0);
    expect(offline.stderr).toContain("kubernetes/kubernetes: using the cached week ending 2021-07-04 through 2021-07-06\n");
    expect(accounted(JSON.parse(offline.stdout) as JsonDraft)).toEqual(numbers([...WEEK, ...AFTER]));

    const post = await runCli(["draft", "--week", "2021-07-04", "--through", "2021-07-06", "--offline", "--api-url", server.url], env);
    expect(post.stdout.startsWith("---\nlayout: post\ntitle: Week Ending July 4, 2021\ndate: 2021-07-06 22:00:00 -0000\nslug: 2021-07-04-update\n---\n")).toBe(true);
    const explained = await runCli(["draft", "--week", "2021-07-04", "--through", "2021-07-06", "--offline", "--api-url", server.url, "--explain", "-q"], env);
    expect(explained.stderr.split("\n").find((line) => line.startsWith("k8s-weekly: every PR"))).toBe("k8s-weekly: every PR merged in the week ending 2021-07-04 through 2021-07-06:");
  });

  it("does not cache a window whose last day is still going on", async () => {
    server = await startFakeWorld({ items: [...WEEK, ...AFTER], validToken: TOKEN });
    const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-cache-"));
    const lines: string[] = [];
    const week = { ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-06T23:59:59Z" };
    const collected = await collectWeek(
      { namedRepos: [], offline: false, refresh: false, getToken: () => TOKEN, apiUrl: server.url, timeoutSeconds: 10, maxWaitSeconds: 1, maxRequests: 1000, userAgent: "test" },
      ["kubernetes/kubernetes"],
      week,
      planWeekContext(["kubernetes/kubernetes"], week),
      { env: { XDG_CACHE_HOME: cache }, logger: createLogger({ write: (line) => lines.push(line) }), now: new Date("2021-07-06T15:00:00Z") },
    );
    expect(collected.repoWeeks[0]?.prs.length).toBe(45);
    expect(lines).toContain("k8s-weekly: kubernetes/kubernetes: not caching the week ending 2021-07-04 through 2021-07-06, it has not ended yet\n");
    expect(readdirSync(cache)).toEqual([]);
  });

  it("--offline with no cached --through window fails: the sample holds only Monday to Sunday", async () => {
    expect(await runCli(["draft", "--week", "2021-07-04", "--through", "2021-07-06", "--offline"])).toEqual({
      code: 1,
      stdout: "",
      stderr:
        'k8s-weekly: --offline: no cached or sample data for kubernetes/kubernetes, week ending 2021-07-04 through 2021-07-06; run "k8s-weekly draft --week 2021-07-04 --through 2021-07-06" online once to cache it (or add the --api-url it was fetched from)\n',
    });
  });

  it("--input keeps the PRs merged up to the end of the day given, and --update adds them to an earlier draft", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-through-"));
    const input = join(dir, "week.json");
    const sample = JSON.parse(readFileSync(new URL("../samples/2021-07-04.json", import.meta.url), "utf8")) as { items: SampleItem[] };
    const template = sample.items.find((item) => item.number === 102155) as SampleItem;
    const tuesday: SampleItem = {
      ...template,
      number: 103500,
      html_url: "https://github.com/kubernetes/kubernetes/pull/103500",
      title: "Added sort-by option for kubectl top node",
      body: "```release-note\nAdded `--sort-by` option for `kubectl top node`\n```\n",
      closed_at: "2021-07-06T10:00:00Z",
      pull_request: { ...template.pull_request, html_url: "https://github.com/kubernetes/kubernetes/pull/103500", merged_at: "2021-07-06T10:00:00Z" },
    };
    writeFileSync(input, JSON.stringify({ items: [...sample.items, tuesday] }));
    const friday = [103319, 103320, 103321];
    const sunday = JSON.parse((await runCli(["draft", "--week", "2021-07-04", "--input", input, "--format", "json"])).stdout) as JsonDraft;
    const weekNumbers = accounted(sunday);
    for (const number of friday) expect(weekNumbers).not.toContain(number);
    expect(weekNumbers).not.toContain(103500);
    const thursday = JSON.parse((await runCli(["draft", "--week", "2021-07-04", "--through", "2021-07-08", "--input", input, "--format", "json"])).stdout) as JsonDraft;
    expect(accounted(thursday)).toEqual([...weekNumbers, 103500]);
    const fri = await runCli(["draft", "--week", "2021-07-04", "--through", "2021-07-09", "--input", input, "--format", "json"]);
    expect(fri.stderr).not.toContain("left out");
    expect(accounted(JSON.parse(fri.stdout) as JsonDraft)).toEqual([...weekNumbers, 103500, ...friday].sort((a, b) => a - b));

    const post = join(dir, "2021-07-04-update.md");
    expect((await runCli(["draft", "--week", "2021-07-04", "--input", input, "-o", post])).code).toBe(0);
    expect(readFileSync(post, "utf8")).not.toContain("pull/103500");
    const update = await runCli(["draft", "--week", "2021-07-04", "--through", "2021-07-06", "--input", input, "--update", post]);
    expect(update.code).toBe(0);
    const updated = readFileSync(post, "utf8");
    expect(updated).toContain("slug: 2021-07-04-update\n");
    // The wording is the classifier's business; the PR must now have its line under Other Merges.
    const otherMerges = updated.slice(updated.indexOf("## Other Merges"), updated.indexOf("<!-- k8s-weekly:end other_merges -->"));
    expect(otherMerges).toMatch(/^\* .*\]\(https:\/\/github\.com\/kubernetes\/kubernetes\/pull\/103500\)/m);

    // Still dated the Sunday, but its sections now hold the Tuesday's PR: the markers say so, and a
    // later refresh over the week alone is refused rather than dropping that line.
    expect(updated).toContain("<!-- k8s-weekly:begin other_merges through=2021-07-06 ");
    const weekAlone = await runCli(["draft", "--week", "2021-07-04", "--input", input, "--update", post]);
    expect(weekAlone.code).toBe(2);
    expect(weekAlone.stderr).toBe(
      `k8s-weekly: --update ${post}: its sections were drafted through 2021-07-06, after the week ending 2021-07-04, and a refresh over the week alone would drop the PRs merged since; add --through 2021-07-06, or --through 2021-07-04 for the week alone; see k8s-weekly draft --help\n`,
    );
    expect(readFileSync(post, "utf8")).toBe(updated);
    const again = await runCli(["draft", "--week", "2021-07-04", "--through", "2021-07-06", "--input", input, "--update", post]);
    expect(again.code).toBe(0);
    expect(readFileSync(post, "utf8")).toBe(updated);
    // An explicit --through of the Sunday is the editor's choice: the week alone, and no record of a later day.
    const narrowing = await runCli(["draft", "--week", "2021-07-04", "--through", "2021-07-04", "--input", input, "--update", post]);
    expect(narrowing.code).toBe(0);
    expect(narrowing.stderr).toContain(
      `k8s-weekly: warning: ${post}: its sections were drafted through 2021-07-06; refreshed through 2021-07-04, they lose the lines of the PRs merged after it\n`,
    );
    const narrowed = readFileSync(post, "utf8");
    expect(narrowed).not.toContain("pull/103500");
    expect(narrowed).not.toContain("through=");

    // Drafted through the Tuesday: a refresh over the week alone would drop the Tuesday's PR, so it
    // is refused, and the file is left as it was.
    expect((await runCli(["draft", "--week", "2021-07-04", "--through", "2021-07-06", "--input", input, "-o", join(dir, "tuesday-post.md")])).code).toBe(0);
    const drafted = readFileSync(join(dir, "tuesday-post.md"), "utf8");
    expect(drafted).toContain("pull/103500");
    const plain = await runCli(["draft", "--week", "2021-07-04", "--input", input, "--update", join(dir, "tuesday-post.md")]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(
      `k8s-weekly: --update ${join(dir, "tuesday-post.md")}: its sections were drafted through 2021-07-06, after the week ending 2021-07-04, and a refresh over the week alone would drop the PRs merged since; add --through 2021-07-06, or --through 2021-07-04 for the week alone; see k8s-weekly draft --help\n`,
    );
    expect(readFileSync(join(dir, "tuesday-post.md"), "utf8")).toBe(drafted);
    // Run by the GitHub Action, whose user gives inputs rather than flags, the fix names its input;
    // in a workflow's own step (GITHUB_ACTIONS alone), the flags are still the user's.
    const refresh = ["draft", "--week", "2021-07-04", "--input", input, "--update", join(dir, "tuesday-post.md")];
    expect((await runCli(refresh, { K8S_WEEKLY_IN_ACTION: "true", GITHUB_ACTIONS: "true" })).stderr).toBe(
      `k8s-weekly: --update ${join(dir, "tuesday-post.md")}: its sections were drafted through 2021-07-06, after the week ending 2021-07-04, and a refresh over the week alone would drop the PRs merged since; set the action's through input to 2021-07-06 (the day "Run workflow" asks for in the example workflow), or to 2021-07-04 for the week alone; see k8s-weekly draft --help\n`,
    );
    expect((await runCli(refresh, { GITHUB_ACTIONS: "true" })).stderr).toBe(plain.stderr);
    expect(readFileSync(join(dir, "tuesday-post.md"), "utf8")).toBe(drafted);
    const same = await runCli(["draft", "--week", "2021-07-04", "--through", "2021-07-06", "--input", input, "--update", join(dir, "tuesday-post.md")]);
    expect(same.code).toBe(0);
    expect(readFileSync(join(dir, "tuesday-post.md"), "utf8")).toContain("pull/103500");
    // Its Subprojects section was never read (an --input run reads no releases): the day in that
    // marker holds no lines, so once the PR sections are narrowed to the week, a plain refresh runs.
    expect(readFileSync(join(dir, "tuesday-post.md"), "utf8")).toContain("<!-- k8s-weekly:begin subprojects unread through=2021-07-06 -->");
    expect((await runCli(["draft", "--week", "2021-07-04", "--through", "2021-07-04", "--input", input, "--update", join(dir, "tuesday-post.md")])).code).toBe(0);
    expect(await runCli(["draft", "--week", "2021-07-04", "--input", input, "--update", join(dir, "tuesday-post.md")])).toMatchObject({ code: 0, stdout: "" });
    expect(readFileSync(join(dir, "tuesday-post.md"), "utf8")).not.toContain("pull/103500");

    // --date says when the post goes out, not which window it holds: a plain refresh is fine.
    expect((await runCli(["draft", "--week", "2021-07-04", "--date", "2021-07-06", "--input", input, "-o", join(dir, "dated-post.md")])).code).toBe(0);
    expect((await runCli(["draft", "--week", "2021-07-04", "--input", input, "--update", join(dir, "dated-post.md")])).code).toBe(0);
  });

  it.each([
    ["2021-07-03", "k8s-weekly: --through 2021-07-03 is before the week's Sunday 2021-07-04: use 2021-07-04 or a later day, or add the --week of the post it ends; see k8s-weekly draft --help\n"],
    ["2099-01-01", "k8s-weekly: --through 2099-01-01 is more than 14 days after the week's Sunday 2021-07-04: use a day from 2021-07-04 to 2021-07-18, the day the post goes out; see k8s-weekly draft --help\n"],
    ["tuesday", 'k8s-weekly: --through "tuesday" is not a date: use YYYY-MM-DD, the week\'s Sunday (2021-07-04) or a later day; see k8s-weekly draft --help\n'],
    ["2021-07-32", "k8s-weekly: --through 2021-07-32 is not a calendar date: use an existing YYYY-MM-DD date; see k8s-weekly draft --help\n"],
  ])("--through %s exits 2 with one line, before any network work", async (value, stderr) => {
    // An API URL nothing listens on: reaching the network would fail with exit 1, not 2.
    const result = await runCli(["draft", "--week", "2021-07-04", "--through", value, "--api-url", "http://127.0.0.1:9"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    if (typeof stderr === "string") expect(result.stderr).toBe(stderr);
    else expect(result.stderr).toMatch(stderr);
  });
});
