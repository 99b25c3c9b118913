import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveWeek } from "../src/week.js";
import { runCli } from "./helpers/run-cli.js";

const SAMPLE_NUMBERS = (
  JSON.parse(readFileSync(new URL("../samples/2021-07-04.json", import.meta.url), "utf8")) as {
    items: Array<{ number: number; pull_request: { merged_at: string } }>;
  }
).items
  .filter((item) => item.pull_request.merged_at >= "2021-06-28T00:00:00Z" && item.pull_request.merged_at <= "2021-07-04T23:59:59Z")
  .map((item) => item.number)
  .sort((a, b) => a - b);

interface JsonDraft {
  week: { ending: string; from: string; to: string };
  sections: Record<string, Array<{ number: number; line: string; reason: string; url: string }>>;
  skipped: Array<{ number: number; reason: string }>;
  stats: { merged: number; reported: number; skipped: number; requests: number };
}

describe("k8s-weekly draft --offline", () => {
  it("prints the shipped sample week with LWKD front matter, and only the draft on stdout", async () => {
    const result = await runCli(["draft", "--week", "2021-07-04", "--offline"]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith("---\nlayout: post\ntitle: Week Ending July 4, 2021\ndate: 2021-07-04 22:00:00 -0000\nslug: 2021-07-04-update\n---\n")).toBe(true);
    expect(result.stderr).toContain("kubernetes/kubernetes: using the shipped sample week ending 2021-07-04");
    expect(result.stdout).not.toContain("using the shipped sample");
  });

  it("accounts for every PR of the sample week exactly once, in a section or in skipped", async () => {
    const result = await runCli(["draft", "--week", "2021-07-04", "--offline", "--format", "json"]);
    expect(result.code).toBe(0);
    const draft = JSON.parse(result.stdout) as JsonDraft;
    expect(draft.week).toEqual({ ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" });
    const listed = [...Object.values(draft.sections).flat().map((entry) => entry.number), ...draft.skipped.map((entry) => entry.number)];
    expect(listed.sort((a, b) => a - b)).toEqual(SAMPLE_NUMBERS);
    // Every section lists PRs except subprojects, which lists releases of other projects.
    const reported = Object.entries(draft.sections).flatMap(([key, entries]) => (key === "subprojects" ? [] : entries)).length;
    expect(draft.stats).toEqual({ merged: SAMPLE_NUMBERS.length, reported, skipped: draft.skipped.length, requests: 0 });
    expect(draft.stats.reported + draft.stats.skipped).toBe(SAMPLE_NUMBERS.length);
    expect(result.stderr).toContain(`week ending 2021-07-04: ${SAMPLE_NUMBERS.length} merged, ${reported} reported, ${draft.skipped.length} skipped, 0 requests\n`);
    const markdown = (await runCli(["draft", "--week", "2021-07-04", "--offline"])).stdout;
    for (const entry of Object.values(draft.sections).flat()) expect(markdown).toContain(entry.line);
  });

  it("fills the Release Schedule from the sample: the Code Freeze deadline as the editors wrote it, the coming week, the patch releases", async () => {
    const result = await runCli(["draft", "--week", "2021-07-04", "--offline"]);
    expect(result.code).toBe(0);
    const section = result.stdout.slice(result.stdout.indexOf("## Release Schedule"), result.stdout.indexOf("## Featured PRs"));
    expect(section).toBe(`## Release Schedule

**Next Deadline: Code Freeze, July 8th**

Coming up in 1.22: 1.22.0-beta.1 release (Thursday, July 8), Code Freeze (Thursday, July 8), Docs deadline - Open placeholder PRs (Friday, July 9)

Cherry-picks for the next patch releases (1.21.3, 1.20.9, 1.19.13, due Wednesday, July 14) are due Saturday, July 10

`);
    expect(result.stderr).toContain(
      "using the shipped sample's release schedule, Kubernetes releases and KEP facts for the week ending 2021-07-04; the related projects' releases and the feature-gate checks keep their editor placeholders",
    );
    // What the sample does not ship is not reported as missing on GitHub.
    expect(result.stderr).not.toContain("warning");
  });

  it("gives KEP candidates from the sample's KEP facts, and the same in the JSON", async () => {
    const json = JSON.parse((await runCli(["draft", "--week", "2021-07-04", "--offline", "--format", "json"])).stdout) as {
      kepCandidates: Array<{ number: number | null; title: string; sig: string | null; stage: string | null; latestMilestone: string | null; url: string; reasons: string[] }>;
    };
    expect(json.kepCandidates.map(({ number, title, sig, stage, latestMilestone }) => ({ number, title, sig, stage, latestMilestone }))).toEqual([
      { number: 2579, title: "Pod Security Admission Control", sig: "sig-auth", stage: "alpha", latestMilestone: "v1.22" },
      { number: 2485, title: "ReadWriteOncePod PersistentVolume AccessMode", sig: "sig-storage", stage: "alpha", latestMilestone: "v1.22" },
      { number: 2365, title: "IngressClass namespaced params", sig: "sig-network", stage: "beta", latestMilestone: "v1.22" },
    ]);
    expect(json.kepCandidates[0]?.url).toBe("https://github.com/kubernetes/enhancements/blob/master/keps/sig-auth/2579-psp-replacement/README.md");
    expect(json.kepCandidates[0]?.reasons).toEqual(["linked by #103364"]);
  });

  it("drafts the whole sample post as the snapshot has it", async () => {
    // A deliberate change to the draft shows here as a diff to review; update with vitest -u.
    const result = await runCli(["draft", "--week", "2021-07-04", "--offline"]);
    await expect(result.stdout).toMatchFileSnapshot("__snapshots__/2021-07-04-offline.md");
  });

  it("takes any day of the week and says which week it used", async () => {
    const result = await runCli(["draft", "--week", "2021-07-01", "--offline", "--format", "json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("2021-07-01 is not a Sunday: using the week 2021-06-28 to 2021-07-04");
    expect((JSON.parse(result.stdout) as JsonDraft).week.ending).toBe("2021-07-04");
  });

  it("fails with exit 1 for a week it has no data for, naming the week and how to fetch it", async () => {
    const result = await runCli(["draft", "--week", "2020-01-05", "--offline"]);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr:
        'k8s-weekly: --offline: no cached or sample data for kubernetes/kubernetes, week ending 2020-01-05; run "k8s-weekly draft --week 2020-01-05" online once to cache it (or add the --api-url it was fetched from)\n',
    });
    // Each server has its own cache: the command that fills it names the same server.
    const mirror = await runCli(["draft", "--week", "2020-01-05", "--offline", "--api-url", "http://127.0.0.1:4444"]);
    expect(mirror.stderr).toBe(
      'k8s-weekly: --offline: no cached or sample data for kubernetes/kubernetes, week ending 2020-01-05; run "k8s-weekly draft --week 2020-01-05 --api-url http://127.0.0.1:4444" online once to cache it\n',
    );
  });
});

describe("bad input", () => {
  it.each([
    [["draft", "--week", "2021-02-30", "--offline"], "k8s-weekly: --week 2021-02-30 is not a calendar date: use an existing YYYY-MM-DD date; see k8s-weekly draft --help\n"],
    [["draft", "--week", "soon", "--offline"], 'k8s-weekly: --week "soon" is not a date: use YYYY-MM-DD (the Sunday that ends the week) or "last"; see k8s-weekly draft --help\n'],
    [["draft", "--week", "0001-01-07", "--offline"], 'k8s-weekly: --week 0001-01-07 is before Kubernetes began (June 2014): use a date from 2014-06-02 to LAST, or "last"; see k8s-weekly draft --help\n'],
    [["week", "--week", "9999-12-27"], 'k8s-weekly: --week 9999-12-27 is in the future: use a date from 2014-06-02 to LAST, or "last"; see k8s-weekly week --help\n'],
    [["week", "--week", "2021-07-04", "--through", "2026-11-30"], "k8s-weekly: --through 2026-11-30 is more than 14 days after the week's Sunday 2021-07-04: use a day from 2021-07-04 to 2021-07-18, the day the post goes out; see k8s-weekly week --help\n"],
    [["draft", "--week", "2021-07-04", "--offline", "--date", "2021-06-28 01:00:00 +0200"], "k8s-weekly: --date 2021-06-28 01:00:00 +0200: is 2021-06-27 23:00:00 in UTC, before the week ending 2021-07-04 begins (2021-06-28); give the day the post goes out; see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--offline", "--repo", "kubernetes"], "k8s-weekly: --repo kubernetes: expected OWNER/NAME, e.g. kubernetes/kubernetes; see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--offline", "--date", "July 4"], 'k8s-weekly: --date July 4: use an existing date as YYYY-MM-DD or "YYYY-MM-DD HH:MM:SS -0000"; see k8s-weekly draft --help\n'],
    [["draft", "--week", "2021-07-04", "--offline", "--date", "2021-02-30"], 'k8s-weekly: --date 2021-02-30: use an existing date as YYYY-MM-DD or "YYYY-MM-DD HH:MM:SS -0000"; see k8s-weekly draft --help\n'],
    [["draft", "--week", "2021-07-04", "--offline", "--date", "2021-07-04 25:00:00 -0000"], 'k8s-weekly: --date 2021-07-04 25:00:00 -0000: use an existing date as YYYY-MM-DD or "YYYY-MM-DD HH:MM:SS -0000"; see k8s-weekly draft --help\n'],
    [["draft", "--week", "2021-07-04", "--offline", "--date", "2020-07-06"], "k8s-weekly: --date 2020-07-06: is before the week ending 2021-07-04 begins (2021-06-28); give the day the post goes out; see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--offline", "--timeout", "3000000"], "k8s-weekly: option '--timeout <seconds>' argument '3000000' is invalid. expected a number of seconds above 0 and at most 2147483 (24 days); see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--api-url", "https://api.github.com/?x=1"], "k8s-weekly: --api-url https://api.github.com/?x=1: has a query or fragment; give the API's base URL alone, e.g. https://api.github.com; see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--api-url", "notaurl"], "k8s-weekly: --api-url notaurl: not a URL; use e.g. https://api.github.com or https://HOST/api/v3; see k8s-weekly draft --help\n"],
    [["draft", "--tokn=ghp_abcdefghijklmnopqrstuvwxyz"], "k8s-weekly: unknown option '--tokn=***'; see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--input", "/nonexistent/week.json"], "k8s-weekly: --input /nonexistent/week.json: does not exist; give an existing JSON file; see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--offline", "-o", "/nonexistent/dir/post.md"], "k8s-weekly: -o /nonexistent/dir/post.md: the folder /nonexistent/dir does not exist; create it first; see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--offline", "-o", "/etc/passwd/post.md"], "k8s-weekly: -o /etc/passwd/post.md: /etc/passwd is a file, not a folder; give a path inside a folder; see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--offline", "--format", "html"], "k8s-weekly: option '-f, --format <format>' argument 'html' is invalid. Allowed choices are markdown, json; see k8s-weekly draft --help\n"],
    [["draft", "--weeks", "2021-07-04"], "k8s-weekly: unknown option '--weeks' (did you mean --week?); see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--input", ""], "k8s-weekly: --input '': give a file (--input FILE, or --input - for stdin); see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--offline", "--previous", ""], "k8s-weekly: --previous '': give a file or folder (--previous FILE); see k8s-weekly draft --help\n"],
    [["finalize", "-"], "k8s-weekly: finalize -: reads no stdin, since it rewrites its file in place; give the draft's file; see k8s-weekly finalize --help\n"],
  ])("%j exits 2 with one clear line and nothing on stdout", async (args, stderr) => {
    const result = await runCli(args);
    // LAST: the Sunday of the last week that has ended, the latest --week a run can take today.
    expect(result).toEqual({ code: 2, stdout: "", stderr: stderr.replace("LAST", resolveWeek("last", new Date()).week.ending) });
  });

  it("rejects an --input item whose URL is not a pull request", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-input-"));
    const file = join(dir, "week.json");
    writeFileSync(file, JSON.stringify([{ number: 1, title: "x", html_url: "javascript:alert(1)", pull_request: { merged_at: "2021-06-30T00:00:00Z" } }]));
    expect(await runCli(["draft", "--week", "2021-07-04", "--input", file])).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: --input ${file}: item 0 (#1) has html_url "javascript:alert(1)", not a pull request page on github.com; fix the file; see k8s-weekly draft --help\n`,
    });
  });

  it("refuses to --update the draft of another week", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-update-"));
    const post = join(dir, "2021-07-04-update.md");
    expect((await runCli(["draft", "--week", "2021-07-04", "--offline", "-o", post])).code).toBe(0);
    const before = readFileSync(post, "utf8");
    const result = await runCli(["draft", "--week", "2021-07-11", "--offline", "--update", post]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: --update ${post}: is the draft for the week ending 2021-07-04, not 2021-07-11; give --week 2021-07-04 or the right file; see k8s-weekly draft --help\n`,
    });
    expect(readFileSync(post, "utf8")).toBe(before);
  });

  it("reads the week of an --update post from its front matter, quoted or not, and never from the body", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-update-"));
    const post = join(dir, "2021-07-04-update.md");
    expect((await runCli(["draft", "--week", "2021-07-04", "--offline", "-o", post])).code).toBe(0);
    const drafted = readFileSync(post, "utf8");
    writeFileSync(post, drafted.replace("slug: 2021-07-04-update", 'slug: "2021-07-04-update"'));
    const quoted = await runCli(["draft", "--week", "2021-07-11", "--offline", "--update", post]);
    expect(quoted.stderr).toContain("is the draft for the week ending 2021-07-04, not 2021-07-11");
    writeFileSync(post, `${drafted}\nslug: 2021-06-27-update\n`);
    expect((await runCli(["draft", "--week", "2021-07-04", "--offline", "--update", post])).code).toBe(0);
  });

  it("reads an --input file saved with a byte order mark", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-input-"));
    const items = JSON.stringify((JSON.parse(readFileSync(new URL("../samples/2021-07-04.json", import.meta.url), "utf8")) as { items: unknown[] }).items);
    writeFileSync(join(dir, "plain.json"), items);
    writeFileSync(join(dir, "marked.json"), `\uFEFF${items}`);
    const plain = await runCli(["draft", "--week", "2021-07-04", "--input", join(dir, "plain.json"), "--format", "json"]);
    const marked = await runCli(["draft", "--week", "2021-07-04", "--input", join(dir, "marked.json"), "--format", "json"]);
    expect(plain.code).toBe(0);
    expect(marked).toEqual({ ...plain, stderr: plain.stderr.replaceAll("plain.json", "marked.json") });
  });

  it("rejects an --input file that is not JSON or not search items", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-input-"));
    writeFileSync(join(dir, "bad.json"), "{ not json");
    writeFileSync(join(dir, "shape.json"), JSON.stringify({ pulls: [] }));
    const bad = await runCli(["draft", "--week", "2021-07-04", "--input", join(dir, "bad.json")]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toBe(`k8s-weekly: --input ${join(dir, "bad.json")}: not valid JSON at line 1, column 3 (unexpected 'n'); give a JSON array of GitHub search items; see k8s-weekly draft --help\n`);
    // A proxy's HTML page: placed by line and column, none of it quoted.
    writeFileSync(join(dir, "page.json"), "<html>\n<body>Bad gateway</body>\n</html>\n");
    const page = await runCli(["draft", "--week", "2021-07-04", "--input", join(dir, "page.json")]);
    expect(page.stderr).toBe(
      `k8s-weekly: --input ${join(dir, "page.json")}: not valid JSON at line 1, column 1 (unexpected '<'); give a JSON array of GitHub search items; see k8s-weekly draft --help\n`,
    );
    writeFileSync(join(dir, "blank.json"), " \n");
    expect((await runCli(["draft", "--week", "2021-07-04", "--input", join(dir, "blank.json")])).stderr).toBe(
      `k8s-weekly: --input ${join(dir, "blank.json")}: is empty; give a JSON array of GitHub search items; see k8s-weekly draft --help\n`,
    );
    const shape = await runCli(["draft", "--week", "2021-07-04", "--input", join(dir, "shape.json")]);
    expect(shape).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: --input ${join(dir, "shape.json")}: expected an array of GitHub search items, or an object with an "items" or "prs" array; see k8s-weekly draft --help\n`,
    });
  });
});

describe("--input", () => {
  it("drafts from a corpus-shaped week file, applying the same window", async () => {
    const sample = new URL("../samples/2021-07-04.json", import.meta.url);
    const result = await runCli(["draft", "--week", "2021-07-04", "--input", sample.pathname, "--format", "json"]);
    expect(result.code).toBe(0);
    const draft = JSON.parse(result.stdout) as JsonDraft;
    expect(draft.stats.merged).toBe(SAMPLE_NUMBERS.length);
    expect(draft.stats.requests).toBe(0);
    expect(result.stderr).toContain(`k8s-weekly: --input ${sample.pathname} also holds 3 PRs merged after the week (on 2021-07-09); left out, as a draft counts only PRs merged from 2021-06-28 to 2021-07-04\n`);
  });
});

describe("-o", () => {
  it("writes the file, and refuses to replace it without --force, leaving it untouched", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-out-"));
    const file = join(dir, "2021-07-04-update.md");
    const first = await runCli(["draft", "--week", "2021-07-04", "--offline", "-o", file]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("");
    const written = readFileSync(file, "utf8");
    expect(written.startsWith("---\nlayout: post\n")).toBe(true);

    writeFileSync(file, "editor's work\n");
    const refused = await runCli(["draft", "--week", "2021-07-04", "--offline", "-o", file]);
    expect(refused).toEqual({ code: 2, stdout: "", stderr: `k8s-weekly: -o ${file}: the file exists; use --update ${file} instead of -o to refresh it keeping the editor's edits, or add --force to replace it; see k8s-weekly draft --help\n` });
    expect(readFileSync(file, "utf8")).toBe("editor's work\n");

    const forced = await runCli(["draft", "--week", "2021-07-04", "--offline", "-o", file, "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(written);
    expect(existsSync(file)).toBe(true);
  });
});
