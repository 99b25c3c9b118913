import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveWeekJson } from "../src/commands/week.js";
import { resolveWeek } from "../src/week.js";
import { corpusDir } from "../scripts/corpus-dir.js";
import type { FakeGitHub, FakeSearchItem } from "./fake-github/server.js";
import { startFakeWorld } from "./helpers/fake-world.js";
import { runCli } from "./helpers/run-cli.js";

// What a newcomer meets in the first hour: the help, the first errors, the first offline draft.

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const SAMPLE = JSON.parse(readFileSync(new URL("../samples/2021-07-04.json", import.meta.url), "utf8")) as { items: FakeSearchItem[] };

describe("help", () => {
  it("draft --help is as recorded", async () => {
    const result = await runCli(["draft", "--help"]);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot("__snapshots__/help/draft.txt");
  });

  it("the top-level help is as recorded", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot("__snapshots__/help/k8s-weekly.txt");
  });

  it("draft --help lists the environment variables it reads and the exit codes; no boolean shows a default", async () => {
    const help = (await runCli(["draft", "--help"])).stdout;
    for (const variable of ["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_API_URL", "XDG_CACHE_HOME", "NO_COLOR"]) expect(help).toContain(variable);
    expect(help).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}130, 143 {2}stopped by Ctrl-C \(SIGINT\) or SIGTERM/);
    expect(help).toMatch(/\n {2}-o, --output <file> +write to this file atomically \(- is stdout\)\n/);
    expect(help).not.toContain("default: false");
    expect((await runCli(["templates", "export", "--help"])).stdout).not.toContain("default: false");
  });

  it("help COMMAND prints that command's help; help of an unknown command is one line and exit 2", async () => {
    expect(await runCli(["help", "draft"])).toEqual(await runCli(["draft", "--help"]));
    expect(await runCli(["help", "templates", "export"])).toEqual(await runCli(["templates", "export", "--help"]));
    expect(await runCli(["help", "nosuch"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "k8s-weekly: unknown command 'nosuch' (commands: draft, lint, finalize, templates, week); see k8s-weekly --help\n",
    });
    expect(await runCli(["nosuch"])).toEqual({ code: 2, stdout: "", stderr: "k8s-weekly: unknown command 'nosuch'; see k8s-weekly --help\n" });
  });

  it("help help prints help's own usage, as the root help lists it; a name past a command without subcommands lists the commands", async () => {
    const own = await runCli(["help", "help"]);
    expect(own).toEqual(await runCli(["help", "--help"]));
    expect(own.code).toBe(0);
    expect(own.stdout).toMatch(/^Usage: k8s-weekly help \[options\] \[command\.\.\.\]\n/);
    expect(await runCli(["help", "draft", "lint"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "k8s-weekly: unknown command 'draft lint': draft has no subcommands (commands: draft, lint, finalize, templates, week); see k8s-weekly --help\n",
    });
    expect((await runCli(["help", "templates", "export", "x"])).stderr).toBe(
      "k8s-weekly: unknown command 'templates export x': templates export has no subcommands (commands: draft, lint, finalize, templates, week); see k8s-weekly --help\n",
    );
    expect((await runCli(["help", "templates", "nosuch"])).stderr).toBe("k8s-weekly: unknown command 'templates nosuch' (commands: export); see k8s-weekly --help\n");
  });
});

describe("usage errors", () => {
  it.each([
    [["draft", "--weeks", "last"], "k8s-weekly: unknown option '--weeks' (did you mean --week?); see k8s-weekly draft --help\n"],
    [["draft", "--week", "someday"], 'k8s-weekly: --week "someday" is not a date: use YYYY-MM-DD (the Sunday that ends the week) or "last"; see k8s-weekly draft --help\n'],
    [["draft", "extra"], "k8s-weekly: too many arguments for 'draft'. Expected 0 arguments but got 1; see k8s-weekly draft --help\n"],
    [["lint"], "k8s-weekly: missing required argument 'files'; see k8s-weekly lint --help\n"],
    [["templates", "export"], "k8s-weekly: missing required argument 'dir'; see k8s-weekly templates export --help\n"],
    [["week", "--through", "monday"], "k8s-weekly: --through \"monday\" is not a date: use YYYY-MM-DD, the week's Sunday (" ],
  ])("%j is one line ending with the help of its command", async (args, stderr) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.startsWith(stderr)).toBe(true);
    expect(result.stderr).toMatch(/^[^\n]*; see k8s-weekly [a-z ]+ --help\n$/);
  });

  // Commander takes the next word as an option's value, even a flag; and -w=DATE as the value "=DATE".
  const POST = join(mkdtempSync(join(tmpdir(), "k8s-weekly-equals-")), "post.md");
  it.each([
    [["draft", "--week", "--offline"], "k8s-weekly: --week needs a date (--week YYYY-MM-DD); see k8s-weekly draft --help\n"],
    [["draft", "-w=2021-07-04", "--offline"], "k8s-weekly: -w=2021-07-04: a short option takes its value after a space; write -w 2021-07-04 or --week=2021-07-04; see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--through", "--offline"], "k8s-weekly: --through needs a date (--through YYYY-MM-DD); see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--offline", "--date", "-q"], "k8s-weekly: --date needs a date (--date YYYY-MM-DD); see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "-o", "--offline"], "k8s-weekly: -o needs a file name (-o FILE, or -o - for stdout); see k8s-weekly draft --help\n"],
    // Before the fix this wrote a file named "=post.md": in a folder of its own.
    [["draft", "--week", "2021-07-04", "--offline", `-o=${POST}`], `k8s-weekly: -o=${POST}: a short option takes its value after a space; write -o ${POST} or --output=${POST}; see k8s-weekly draft --help\n`],
    [["draft", "--update", "--offline"], "k8s-weekly: --update needs a file (--update FILE); see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--input", "--offline"], "k8s-weekly: --input needs a file (--input FILE, or --input - for stdin); see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--offline", "--previous", "-q"], "k8s-weekly: --previous needs a file or folder (--previous FILE); see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--offline", "--template", "-q"], "k8s-weekly: --template needs a file (--template FILE); see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--offline", "--partials", "-q"], "k8s-weekly: --partials needs a folder (--partials DIR); see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "-c", "--offline"], "k8s-weekly: --config needs a file (--config FILE); see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--token", "--offline"], "k8s-weekly: --token needs a token (--token TOKEN); see k8s-weekly draft --help\n"],
    [["draft", "--week", "2021-07-04", "--offline", "-r", "-q"], "k8s-weekly: --repo needs a repository (--repo OWNER/NAME); see k8s-weekly draft --help\n"],
    [["week", "--week", "--through", "2021-07-06"], "k8s-weekly: --week needs a date (--week YYYY-MM-DD); see k8s-weekly week --help\n"],
    [["week", "-w=2021-07-04"], "k8s-weekly: -w=2021-07-04: a short option takes its value after a space; write -w 2021-07-04 or --week=2021-07-04; see k8s-weekly week --help\n"],
    [["week", "--week", "2021-07-04", "--through", "=2021-07-06"], 'k8s-weekly: --through "=2021-07-06": write --through 2021-07-06 or --through=2021-07-06; see k8s-weekly week --help\n'],
    [["lint", "-c", "--draft", "post.md"], "k8s-weekly: --config needs a file (--config FILE); see k8s-weekly lint --help\n"],
    [["finalize", "post.md", "-c", "--force"], "k8s-weekly: --config needs a file (--config FILE); see k8s-weekly finalize --help\n"],
    [["finalize", "post.md", "-o", "--force"], "k8s-weekly: -o needs a value (-o -, which prints the post on stdout); see k8s-weekly finalize --help\n"],
  ])("%j: a flag taken as the value of the option before it is one line naming the value needed", async (args, stderr) => {
    expect(await runCli(args)).toEqual({ code: 2, stdout: "", stderr });
  });

  // An empty value (an unset variable, `-c "$CONFIG"`) read as no option would quietly use the default.
  it.each([
    [["draft", "--week", ""], "--week '': give a date (--week YYYY-MM-DD)", "draft"],
    [["draft", "--through", ""], "--through '': give a date (--through YYYY-MM-DD)", "draft"],
    [["draft", "--date", ""], "--date '': give a date (--date YYYY-MM-DD)", "draft"],
    [["draft", "-o", ""], "-o '': give a file name (-o FILE, or -o - for stdout)", "draft"],
    [["draft", "--output="], "-o '': give a file name (-o FILE, or -o - for stdout)", "draft"],
    [["draft", "--update", ""], "--update '': give a file (--update FILE)", "draft"],
    [["draft", "--input", ""], "--input '': give a file (--input FILE, or --input - for stdin)", "draft"],
    [["draft", "--previous", ""], "--previous '': give a file or folder (--previous FILE)", "draft"],
    [["draft", "-c", ""], "--config '': give a file (--config FILE)", "draft"],
    [["draft", "--config="], "--config '': give a file (--config FILE)", "draft"],
    [["draft", "--template", ""], "--template '': give a file (--template FILE)", "draft"],
    [["draft", "--partials", ""], "--partials '': give a folder (--partials DIR)", "draft"],
    [["draft", "--token", ""], "--token '': give a token (--token TOKEN)", "draft"],
    [["draft", "-r", "kubernetes/kubernetes", "-r", ""], "--repo '': give a repository (--repo OWNER/NAME)", "draft"],
    [["week", "--week", ""], "--week '': give a date (--week YYYY-MM-DD)", "week"],
    [["week", "--through", ""], "--through '': give a date (--through YYYY-MM-DD)", "week"],
    [["lint", "-c", "", "post.md"], "--config '': give a file (--config FILE)", "lint"],
    [["finalize", "post.md", "-c", ""], "--config '': give a file (--config FILE)", "finalize"],
    [["finalize", "post.md", "-o", ""], "-o '': give a value (-o -, which prints the post on stdout)", "finalize"],
  ])("%j: an empty value is one line naming the option and the value it needs", async (args, message, command) => {
    // In a folder with a config: `-c ''` must not fall back to it, nor the others run the week.
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-empty-"));
    writeFileSync(join(dir, "k8s-weekly.config.json"), "{}");
    // --offline keeps a draft that wrongly ran (the old behaviour) off the network.
    const full = args[0] === "draft" && !args.includes("--input") ? [...args, "--offline"] : args;
    expect(await runCli(full, {}, dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: ${message}; see k8s-weekly ${command} --help\n`,
    });
  });
});

describe("stderr", () => {
  it("every line of a run starts with k8s-weekly: (a warning with k8s-weekly: warning:), the --explain report indented under its header", async () => {
    const world = await startFakeWorld({ items: SAMPLE.items });
    try {
      const runs = [
        await runCli(["draft", "--week", "2021-07-04", "--offline", "--explain"]),
        // No token: warnings, and -v logs every request.
        await runCli(["draft", "--week", "2021-07-04", "--api-url", world.url, "-v"]),
        await runCli(["draft", "--week", "soon"]),
        await runCli(["week", "--week", "2021-07-01"]),
        await runCli(["templates", "export", mkdtempSync(join(tmpdir(), "k8s-weekly-export-"))]),
      ];
      const lines = runs.flatMap((run) => run.stderr.trimEnd().split("\n"));
      expect(lines.some((line) => line.startsWith("k8s-weekly: warning: "))).toBe(true);
      expect(lines.some((line) => line.startsWith("  kubernetes/kubernetes#"))).toBe(true);
      for (const line of lines) expect(line).toMatch(/^(k8s-weekly: | {2}kubernetes\/kubernetes#)/);
    } finally {
      await world.close();
    }
  });

  it("the first offline run says why it leaves PRs of the sample out", async () => {
    const result = await runCli(["draft", "--week", "2021-07-04", "--offline"]);
    expect(result.stderr).toContain(
      "k8s-weekly: the data read also holds 3 PRs merged after the week (on 2021-07-09); left out, as a draft counts only PRs merged from 2021-06-28 to 2021-07-04\n",
    );
  });
});

describe("names are case-insensitive", () => {
  let world: FakeGitHub | null = null;
  afterEach(async () => {
    await world?.close();
    world = null;
  });

  it("--week Last and LAST are last week", async () => {
    const now = new Date("2021-07-07T12:00:00Z");
    expect(resolveWeek("Last", now)).toEqual(resolveWeek("last", now));
    expect(resolveWeek("LAST", now).week.ending).toBe("2021-07-04");
    const cli = await runCli(["week", "--week", "LAST"]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toBe((await runCli(["week", "--week", "last"])).stdout);
  });

  it("--repo Kubernetes/Kubernetes drafts kubernetes/kubernetes, cached under the lower-case name", async () => {
    const offline = await runCli(["draft", "--week", "2021-07-04", "--offline", "--repo", "Kubernetes/Kubernetes"]);
    expect(offline.code).toBe(0);
    expect(offline.stdout).toBe((await runCli(["draft", "--week", "2021-07-04", "--offline"])).stdout);

    const token = "ghp_caseInsensitiveToken0000";
    world = await startFakeWorld({ items: SAMPLE.items, validToken: token });
    const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-cache-"));
    const env = { GH_ENTERPRISE_TOKEN: token, XDG_CACHE_HOME: cache };
    const online = await runCli(["draft", "--week", "2021-07-04", "--api-url", world.url, "--repo", "KUBERNETES/kubernetes", "--format", "json"], env);
    expect(online.code).toBe(0);
    expect((JSON.parse(online.stdout) as { stats: { merged: number } }).stats.merged).toBe(33);
    const host = new URL(world.url).host.replace(":", "_");
    expect(readdirSync(join(cache, "k8s-weekly", host, "weeks"))).toEqual(["kubernetes"]);
    expect(readdirSync(join(cache, "k8s-weekly", host, "weeks", "kubernetes"))).toEqual(["kubernetes"]);
    const warm = await runCli(["draft", "--week", "2021-07-04", "--api-url", world.url, "--repo", "kubernetes/Kubernetes", "--format", "json", "--offline"], env);
    expect(warm.stderr).toContain("k8s-weekly: kubernetes/kubernetes: using the cached week ending 2021-07-04\n");
    const withoutRequests = (text: string): unknown => ({ ...(JSON.parse(text) as object), stats: null });
    expect(withoutRequests(warm.stdout)).toEqual(withoutRequests(online.stdout));
  });
});

describe("--through", () => {
  it("dates the post that day at 22:00 UTC unless --date says otherwise", async () => {
    const world = await startFakeWorld({ items: SAMPLE.items, validToken: "ghp_throughDateToken00000" });
    try {
      const env = { GH_ENTERPRISE_TOKEN: "ghp_throughDateToken00000" };
      const args = ["draft", "--week", "2021-07-04", "--through", "2021-07-06", "--api-url", world.url];
      expect((await runCli(args, env)).stdout).toContain("\ndate: 2021-07-06 22:00:00 -0000\nslug: 2021-07-04-update\n");
      expect((await runCli([...args, "--date", "2021-07-07"], env)).stdout).toContain("\ndate: 2021-07-07 22:00:00 -0000\n");
    } finally {
      await world.close();
    }
  });
});

describe("week", () => {
  it("prints the window a draft with the same flags uses, as the JSON draft's week", async () => {
    const now = new Date("2021-07-10T00:00:00Z");
    expect(resolveWeekJson("2021-07-01", "2021-07-06", now)).toEqual({
      json: '{"ending":"2021-07-04","from":"2021-06-28T00:00:00Z","to":"2021-07-06T23:59:59Z"}\n',
      note: "2021-07-01 is not a Sunday: using the week 2021-06-28 to 2021-07-04",
    });
    const cli = await runCli(["week", "--week", "2021-07-04"]);
    const draft = JSON.parse((await runCli(["draft", "--week", "2021-07-04", "--offline", "--format", "json"])).stdout) as { week: unknown };
    expect(cli).toEqual({ code: 0, stdout: `${JSON.stringify(draft.week)}\n`, stderr: "" });
  });
});

describe("README", () => {
  it("the JSON example shows every top-level key a JSON draft has", async () => {
    const example = /### JSON \(`--format json`\)\n\n```json\n([\s\S]*?)\n```/.exec(README)?.[1];
    expect(example).toBeDefined();
    const draft = JSON.parse((await runCli(["draft", "--week", "2021-07-04", "--offline", "--format", "json"])).stdout) as object;
    expect(Object.keys(JSON.parse(example ?? "{}") as object).sort()).toEqual(Object.keys(draft).sort());
  });

  it("the --explain example is what the tool prints for the sample week", async () => {
    const example = /`--explain` prints[\s\S]*?```text\n([\s\S]*?)\n```/.exec(README)?.[1];
    expect(example?.split("\n")).toHaveLength(3);
    const explained = (await runCli(["draft", "--week", "2021-07-04", "--offline", "--explain", "-o", "-"])).stderr.split("\n");
    for (const line of example?.split("\n") ?? []) expect(explained).toContain(line);
  });

  it("the Quick start's first command keeps npm's output off stdout, so only the draft is printed", () => {
    const first = /## Quick start\n\n```sh\n(.*)\n/.exec(README)?.[1] ?? "";
    expect(first).toMatch(/^npm ci (>&2|--silent) && node bin\/k8s-weekly\.js draft --week 2021-07-04 --offline$/);
  });

  it("the config example's $schema works without a registry release", () => {
    expect(README).not.toContain('"$schema": "./node_modules/k8s-weekly/');
  });

  it("documents featured mode \"top\" with the minScore it needs, which the sample week's best candidate does not reach", async () => {
    expect(README).toContain("`minScore`\n(default 0.2)");
    expect(README).toContain("the sample week's best candidate\nscores 0.117 and nothing moves at the default; `\"minScore\": 0.1` moves it.");
    const featured = async (settings: object) => {
      const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-config-"));
      writeFileSync(join(dir, "k8s-weekly.config.json"), JSON.stringify({ rules: { featured: settings } }));
      const json = JSON.parse((await runCli(["draft", "--week", "2021-07-04", "--offline", "--format", "json"], {}, dir)).stdout) as {
        sections: { featured: Array<{ number: number; reason: string }> };
        featuredCandidates: Array<{ number: number; score: number }>;
      };
      return { moved: json.sections.featured.map((entry) => [entry.number, entry.reason]), candidates: json.featuredCandidates.map((candidate) => [candidate.number, candidate.score]) };
    };
    expect(await featured({ mode: "top" })).toEqual({ moved: [], candidates: [[98866, 0.117], [99494, 0.1], [101946, 0.094]] });
    // The PR moved under Featured PRs is no longer offered as a candidate: the next one is.
    expect(await featured({ mode: "top", minScore: 0.1 })).toEqual({
      moved: [[98866, "featured:top-score+release-note:action-required"]],
      candidates: [[99494, 0.1], [101946, 0.094], [103364, 0.093]],
    });
  });

  it("the finalize exit codes are the code's: a folder no file can be created in is a usage error (2), found before anything is done, and the fix is finalize's", async () => {
    expect(README).toContain("| 1 | it is not finished, or the file changed meanwhile, or writing it failed midway (a full disk) |\n");
    expect(README).toContain(
      "| 2 | a usage error: a file that cannot be read, is not a regular file or not UTF-8, a file in a folder where no file can be created (tried before anything is changed: make the folder writable, or print the post with `-o -`),",
    );
    // /proc/self/status reads as a regular file, in a folder where even root creates nothing.
    expect(await runCli(["finalize", "/proc/self/status"])).toEqual({
      code: 2,
      stdout: "",
      stderr: expect.stringMatching(/^k8s-weekly: finalize \/proc\/self\/status: cannot create files in \/proc\/self \((?:[A-Z]+|permission denied)\); make the folder writable, or print the post with -o -; see k8s-weekly finalize --help\n$/),
    });
  });

  // Help and README are read by different people at different times: they must not disagree.
  it.each([
    ["draft", "### Options of `k8s-weekly draft`", "### Exit codes"],
    ["lint", "### `lint`", "### `lint`"],
    ["finalize", "### `finalize`", "### `finalize`"],
    ["week", "### `week`", "### `week`"],
    ["templates export", "## Templates", "## Templates"],
  ])("%s: the README documents every option its --help lists, and the same exit codes", async (command, optionsHeading, exitsHeading) => {
    const help = (await runCli([...command.split(" "), "--help"])).stdout;
    const block = (title: string): string[] => {
      const lines = help.split("\n");
      const start = lines.indexOf(`${title}:`);
      expect(start, `${command} --help has "${title}:"`).toBeGreaterThan(0);
      const end = lines.indexOf("", start);
      return lines.slice(start + 1, end === -1 ? undefined : end);
    };
    const options = block("Options").flatMap((line) => {
      const [, short, long] = /^ {2}(?:(-\w), )?(--[\w-]+)/.exec(line) ?? [];
      return long === undefined || long === "--help" ? [] : [short, long].filter((flag) => flag !== undefined);
    });
    expect(options.length).toBeGreaterThan(0);
    const documented = readmeSection(optionsHeading);
    for (const flag of options) expect(documented, `${flag} of ${command} in the README's ${optionsHeading}`).toMatch(new RegExp(`(?<![\\w-])${flag}(?![\\w-])`));
    const codes = (lines: string[], row: RegExp): string[] => lines.flatMap((line) => row.exec(line)?.[1]?.split(", ") ?? []).sort();
    const helpCodes = codes(block("Exit codes"), /^ {2}(\d+(?:, \d+)*) /);
    expect(helpCodes.length).toBeGreaterThanOrEqual(3);
    expect(helpCodes).toEqual(codes(readmeSection(exitsHeading).split("\n"), /^\| (\d+(?:, \d+)*) \|/));
  });

  it("the schema claims no address but the one the config example points $schema at", () => {
    const url = /"\$schema": "([^"]+)"/.exec(README)?.[1];
    expect(url).toBe("https://raw.githubusercontent.com/OWNER/REPO/main/schema/config.schema.json");
    const schema = JSON.parse(readFileSync(new URL("../schema/config.schema.json", import.meta.url), "utf8")) as { $id?: string };
    expect(schema.$id ?? url).toBe(url);
  });
});

/** The README's text under the heading that starts so, to the next heading (a line in a code block is none). */
function readmeSection(heading: string): string {
  const lines = README.split("\n");
  const start = lines.findIndex((line) => line.startsWith(heading));
  expect(start, `the README has a heading ${heading}`).toBeGreaterThanOrEqual(0);
  const body: string[] = [];
  let fenced = false;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("```")) fenced = !fenced;
    else if (!fenced && /^#{1,6} /.test(line)) break;
    body.push(line);
  }
  return body.join("\n");
}

describe("npm run eval and train without the corpus", () => {
  it("a missing folder is one line and exit 2", () => {
    const lines: string[] = [];
    const before = process.exitCode;
    try {
      expect(corpusDir("/nonexistent/weeks", "npm run eval -- DIR", (line) => lines.push(line))).toBeNull();
      expect(process.exitCode).toBe(2);
    } finally {
      process.exitCode = before;
    }
    expect(lines).toEqual([
      "npm run eval: no corpus folder at /nonexistent/weeks (ENOENT); the corpus is not in the repository, give the folder that holds it: npm run eval -- DIR\n",
    ]);
    expect(corpusDir(tmpdir(), "npm run eval -- DIR", () => {})).toBe(tmpdir());
  });
});
