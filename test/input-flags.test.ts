import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { groupByRepo } from "../src/fetch/collect-week.js";
import type { PullRequest } from "../src/types.js";
import { runCli } from "./helpers/run-cli.js";

const SAMPLE = JSON.parse(readFileSync(new URL("../samples/2021-07-04.json", import.meta.url), "utf8")) as { week_ending: string; items: Array<{ number: number; pull_request: { merged_at: string } }> };
const tempFile = (name: string, content: unknown) => {
  const file = join(mkdtempSync(join(tmpdir(), "k8s-weekly-input-")), name);
  writeFileSync(file, JSON.stringify(content));
  return file;
};

describe("input that does not fit the week", () => {
  it("an --input file of another week (by its week_ending) is exit 2 naming both weeks", async () => {
    const file = tempFile("week.json", SAMPLE);
    expect(await runCli(["draft", "--week", "2021-07-11", "--input", file])).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: --input ${file}: holds the week ending 2021-07-04, not the week ending 2021-07-11; give --week 2021-07-04 or the file of 2021-07-11; see k8s-weekly draft --help\n`,
    });
  });

  it("an --input file whose PRs all merged in another week is exit 2 naming both weeks", async () => {
    const file = tempFile("items.json", SAMPLE.items);
    expect(await runCli(["draft", "--week", "2021-06-27", "--input", file])).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: --input ${file}: none of its ${SAMPLE.items.length} PRs merged in the week ending 2021-06-27 (${SAMPLE.items.length - 3} merged in the week ending 2021-07-04); give the --week of the file or the right file; see k8s-weekly draft --help\n`,
    });
  });

  it("a PR merged before the week by UTC is named by its UTC day, whatever offset its time carries", async () => {
    const items = structuredClone(SAMPLE.items);
    const early = items[0] as (typeof items)[number];
    // 01:00 in UTC+2 is 23:00 on the Sunday before, in UTC.
    early.pull_request.merged_at = "2021-06-28T01:00:00+02:00";
    const file = tempFile("week.json", { week_ending: SAMPLE.week_ending, items });
    const result = await runCli(["draft", "--week", "2021-07-04", "--input", file, "--format", "json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`k8s-weekly: --input ${file} also holds 4 PRs merged outside the week (on 2021-06-27, 2021-07-09); left out`);
    expect((JSON.parse(result.stdout) as { stats: { merged: number } }).stats.merged).toBe(SAMPLE.items.length - 4);
  });

  it("an --input file with no PRs of the --repo asked for is exit 2 naming the repositories it holds", async () => {
    const file = tempFile("week.json", SAMPLE);
    expect(await runCli(["draft", "--week", "2021-07-04", "--input", file, "--repo", "kubernetes/kubectl", "-o", join(dirname(file), "post.md")])).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: --input ${file}: holds no PRs of kubernetes/kubectl, only of kubernetes/kubernetes; give --repo kubernetes/kubernetes, or leave --repo out to draft every repository in the file; see k8s-weekly draft --help\n`,
    });
    expect(existsSync(join(dirname(file), "post.md"))).toBe(false);
  });

  it("80,000 PRs from --input are grouped in linear time", () => {
    const prs: PullRequest[] = Array.from({ length: 80_000 }, (_, index) => ({
      repo: index % 10 === 0 ? "kubernetes/kubectl" : "kubernetes/kubernetes",
      number: index,
      url: `https://github.com/kubernetes/kubernetes/pull/${index}`,
      title: `PR ${index}`,
      author: "someone",
      authorIsBot: false,
      labels: [],
      body: "",
      mergedAt: "2021-06-30T12:00:00Z",
      baseRef: "master",
    }));
    const started = performance.now();
    const grouped = groupByRepo(prs, []);
    // Copying the array on every push took 68 s for the whole draft; linear grouping takes milliseconds.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(grouped.map((repoWeek) => [repoWeek.repo, repoWeek.prs.length, repoWeek.defaultBranch])).toEqual([
      ["kubernetes/kubectl", 8_000, "master"],
      ["kubernetes/kubernetes", 72_000, "master"],
    ]);
  });
});

describe("flags that contradict each other are usage errors", () => {
  it.each([
    [["-q", "-v"], "k8s-weekly: option '-q, --quiet' cannot be used with option '-v, --verbose'; see k8s-weekly draft --help\n"],
    [["--offline", "--refresh"], "k8s-weekly: option '--offline' cannot be used with option '--refresh'; see k8s-weekly draft --help\n"],
    [["--input", "x.json", "--offline"], "k8s-weekly: option '--input <file>' cannot be used with option '--offline'; see k8s-weekly draft --help\n"],
    [["--input", "x.json", "--refresh"], "k8s-weekly: option '--input <file>' cannot be used with option '--refresh'; see k8s-weekly draft --help\n"],
    [["--offline", "-f", "json", "--template", "post.md.hbs"], "k8s-weekly: --template post.md.hbs: --format json writes the draft as data, which no template renders; leave out --template, or drop --format json; see k8s-weekly draft --help\n"],
    [["--offline", "--format", "json", "--partials", "partials"], "k8s-weekly: --partials partials: --format json writes the draft as data, which no template renders; leave out --partials, or drop --format json; see k8s-weekly draft --help\n"],
  ])("%j", async (flags, stderr) => {
    expect(await runCli(["draft", "--week", "2021-07-04", ...flags])).toEqual({ code: 2, stdout: "", stderr });
  });
});
