import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDraft } from "../src/draft/build-draft.js";
import { escapeInline } from "../src/markdown/escape.js";
import { dropPreviouslyLinked, featuredPulls, linkedPulls, linkedReleases, newestPostBefore, postDate, writtenKeps } from "../src/draft/previous-edition.js";
import { loadMarkdown, loadYaml } from "../src/parsers.js";
import type { DraftEntry, PullRequest, SectionKey } from "../src/types.js";
import { runCli } from "./helpers/run-cli.js";

const url = (n: number, repo = "kubernetes/kubernetes") => `https://github.com/${repo}/pull/${n}`;

describe("linkedPulls", () => {
  it("finds every PR link of the drafted repositories, in any case, and nothing else", () => {
    const post = [
      `* [Promote X to beta](${url(101711)})`,
      `see https://github.com/Kubernetes/Kubernetes/pull/103462#discussion_r1 and ${url(103462)}/files`,
      `* [kubectl thing](${url(1234, "kubernetes/kubectl")})`,
      `a longer number: ${url(1234567)}`,
      `issues are not PRs: https://github.com/kubernetes/kubernetes/issues/100`,
      `the same page by http and www: http://github.com/kubernetes/kubernetes/pull/7 https://www.github.com/kubernetes/kubernetes/pull/70`,
      `not a PR page: https://github.com/kubernetes/kubernetes/pulls/8 https://gist.github.com/kubernetes/kubernetes/pull/80`,
      `https://github.com/kubernetes/kubernetes-sigs/pull/9 https://github.com/kubernetes/kubernetes/pull/`,
    ].join("\n");
    expect([...linkedPulls(post, ["kubernetes/kubernetes"])]).toEqual([
      "kubernetes/kubernetes#101711",
      "kubernetes/kubernetes#103462",
      "kubernetes/kubernetes#1234567",
      "kubernetes/kubernetes#7",
      "kubernetes/kubernetes#70",
    ]);
    expect([...linkedPulls(post, ["kubernetes/kubectl", "kubernetes/kubernetes"])]).toContain("kubernetes/kubectl#1234");
    expect(linkedPulls("", ["kubernetes/kubernetes"]).size).toBe(0);
  });

  it("stays fast on a large hostile file", () => {
    const hostile = `${"https://github.com/".repeat(50_000)}${"a".repeat(200_000)}/pull/${"9".repeat(100_000)}`;
    const started = Date.now();
    expect(linkedPulls(hostile, ["kubernetes/kubernetes"]).size).toBe(0);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("linkedReleases", () => {
  it("finds the releases a post gave, Go's by the version its label names, and nothing in its comments", () => {
    const post = [
      "* [containerd v1.5.4](https://github.com/containerd/containerd/releases/tag/v1.5.4): fix CVE; also [v1.4.8](http://github.com/Containerd/Containerd/releases/tag/v1.4.8)",
      "* [kustomize v4.2.0](https://github.com/kubernetes-sigs/kustomize/releases/tag/kustomize%2Fv4.2.0)",
      "* [Go 1.16.5](https://go.dev/doc/devel/release#go1.16.minor); also [1.15.13](https://go.dev/doc/devel/release#go1.15.minor)",
      "<!-- k8s-weekly featured candidates:\n  a held release https://github.com/kubernetes/kops/releases/tag/v1.21.0\n-->",
      "<!-- editor: hold for next week: https://github.com/kubernetes/kubernetes/pull/130201 -->",
    ].join("\n");
    expect([...linkedReleases(post)].sort()).toEqual([
      "containerd/containerd@v1.4.8",
      "containerd/containerd@v1.5.4",
      "golang/go@go1.15.13",
      "golang/go@go1.16.5",
      "kubernetes-sigs/kustomize@kustomize/v4.2.0",
    ]);
    expect(linkedPulls(post, ["kubernetes/kubernetes"]).size).toBe(0);
  });
});

describe("featuredPulls", () => {
  const note = ["<!-- k8s-weekly featured candidates:", `  #300 A candidate (${url(300)}) score 0.10`, "sha=0123456789 -->"];
  const front = ["---", "layout: post", "title: Week Ending July 4, 2021", "slug: 2021-07-04-update", "---"];
  const post = (above: string[], below: string[] = []) =>
    [...front, "## Developer News", "", `Thanks to ${url(100)}`, "", "## Featured PRs", "", ...above, "", ...note, "", ...below, "", "## KEP of the Week", "", `Read ${url(400)}`, "", `* [Other](${url(500)})`].join("\n");
  const keys = (text: string) => [...featuredPulls(text, ["kubernetes/kubernetes"])].sort();

  it("reads every PR linked in the section that holds the candidates note, above it and below, not in a comment or the next section", async () => {
    await Promise.all([loadMarkdown(), loadYaml()]);
    const above = [`### [#200: A widget to beta](${url(200)})`, "", `Its follow-up ${url(201)} lands next.`, "<!-- editor: also https://github.com/kubernetes/kubernetes/pull/202 -->", "", `### [#203: Gadgets](${url(203)})`];
    const below = [`### [#204: Sprockets](${url(204)})`, "", "Why sprockets matter."];
    const expected = ["kubernetes/kubernetes#200", "kubernetes/kubernetes#201", "kubernetes/kubernetes#203", "kubernetes/kubernetes#204"];
    expect(keys(post(above, below))).toEqual(expected);
    expect(keys(post(above, below).replaceAll("\n", "\r\n"))).toEqual(expected);
  });

  it("finds nothing when the editor deleted the note, or the note stands in a code block or under no heading", async () => {
    await Promise.all([loadMarkdown(), loadYaml()]);
    const featured = [`### [#200: A widget](${url(200)})`];
    expect(keys(post(featured).replace(note.join("\n"), ""))).toEqual([]);
    expect(keys(post(featured).replace(note.join("\n"), ["```", ...note, "```"].join("\n")))).toEqual([]);
    expect(keys([`[#200](${url(200)})`, "", ...note].join("\n"))).toEqual([]);
  });
});

describe("writtenKeps", () => {
  it("reads the KEPs named in the section that holds the KEP candidates note, by number, folder or tracking issue", async () => {
    await Promise.all([loadMarkdown(), loadYaml()]);
    const note = ["<!-- k8s-weekly KEP candidates:", "  KEP-9 Other (https://github.com/kubernetes/enhancements/issues/9)", "sha=0123456789 -->"];
    const post = [
      "## Featured PRs", "", "KEP-1 is featured elsewhere", "",
      "## KEP of the Week", "", "### KEP 2579: admission", "", "See [its folder](https://github.com/kubernetes/enhancements/tree/master/keps/sig-auth/3000-widgets) and https://github.com/kubernetes/enhancements/issues/4000.", "", ...note, "",
      "## Other Merges", "", "KEP-5 is not this section's",
    ].join("\n");
    expect([...writtenKeps(post)].sort((a, b) => a - b)).toEqual([2579, 3000, 4000]);
    expect(writtenKeps(post.replace(note.join("\n"), "")).size).toBe(0);
  });
});

describe("choosing the previous post in a folder", () => {
  it("takes the newest post dated strictly before the week's Sunday", () => {
    const names = ["2021-06-20-update.md", "2021-06-27-update.md", "2021-07-04-update.md", "2021-07-11-update.md", "notes.md", "2021-06-30-draft.md", "2021-02-30-update.md"];
    expect(newestPostBefore(names, "2021-07-04")).toBe("2021-06-27-update.md");
    expect(newestPostBefore(names, "2021-06-27")).toBe("2021-06-20-update.md");
    expect(newestPostBefore(names, "2021-06-20")).toBeNull();
    expect(newestPostBefore([], "2021-07-04")).toBeNull();
  });

  it("reads the date from YYYY-MM-DD-update.md names only", () => {
    expect(postDate("2021-06-27-update.md")).toBe("2021-06-27");
    expect(postDate("2021-02-30-update.md")).toBeNull();
    expect(postDate("post.md")).toBeNull();
  });
});

const entry = (number: number | null, repo = "kubernetes/kubernetes"): DraftEntry => ({
  repo,
  number,
  url: number === null ? "https://github.com/containerd/containerd/releases/tag/v1.5.4" : url(number, repo),
  title: `PR ${number ?? "release"}`,
  author: "someone",
  line: `* line ${number ?? "release"}`,
  bullet: { label: escapeInline(`line ${number ?? "release"}`), url: number === null ? "https://github.com/containerd/containerd/releases/tag/v1.5.4" : url(number, repo), also: [] },
  reason: "release-note",
});

describe("dropPreviouslyLinked", () => {
  it("moves linked PRs from every section to skipped as previous-edition, and leaves releases alone", () => {
    const sections: Record<SectionKey, DraftEntry[]> = {
      featured: [entry(1)],
      other_merges: [entry(2), entry(3)],
      promotions: [],
      deprecated: [],
      version_updates: [entry(4, "kubernetes/kubectl")],
      subprojects: [entry(null)],
    };
    const linked = new Set(["kubernetes/kubernetes#1", "kubernetes/kubernetes#3", "kubernetes/kubernetes#4"]);
    const result = dropPreviouslyLinked(sections, [{ repo: "kubernetes/kubernetes", number: 9, title: "PR 9", reason: "cherry-pick" }], linked);
    expect(result.sections).toEqual({ ...sections, featured: [], other_merges: [entry(2)] });
    expect(result.skipped).toEqual([
      { repo: "kubernetes/kubernetes", number: 9, title: "PR 9", reason: "cherry-pick" },
      { repo: "kubernetes/kubernetes", number: 1, title: "PR 1", reason: "previous-edition" },
      { repo: "kubernetes/kubernetes", number: 3, title: "PR 3", reason: "previous-edition" },
    ]);
    expect(result.moved).toBe(2);
  });
});

describe("buildDraft with the previous edition's links", () => {
  const week = { ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" };
  const pr = (number: number, title: string): PullRequest => ({
    repo: "kubernetes/kubernetes",
    number,
    url: url(number),
    title,
    author: "someone",
    authorIsBot: false,
    labels: ["kind/feature", "release-note"],
    body: `\`\`\`release-note\n${title}\n\`\`\`\n`,
    mergedAt: "2021-06-30T12:00:00Z",
    baseRef: "master",
  });

  it("still accounts for every PR once, and no longer offers a linked PR as a Featured candidate", () => {
    const prs = [pr(200001, "Add the --frobnicate flag to kubectl debug"), pr(200002, "Add the --sort-by flag to kubectl top node")];
    const repoWeeks = [{ repo: "kubernetes/kubernetes", defaultBranch: "master", prs }];
    const plain = buildDraft({ week, repoWeeks, requests: 0, warnings: [] });
    expect(plain.featuredCandidates.map((candidate) => candidate.pr.number)).toContain(200001);
    const result = buildDraft({ week, repoWeeks, requests: 0, warnings: [], previouslyLinked: new Set(["kubernetes/kubernetes#200001"]) });
    expect(result.previousEdition).toBe(1);
    expect(result.draft.skipped).toContainEqual({ repo: "kubernetes/kubernetes", number: 200001, title: "Add the --frobnicate flag to kubectl debug", reason: "previous-edition" });
    const reported = Object.values(result.draft.sections).flat().map((entry) => entry.number);
    expect(reported).toEqual([200002]);
    expect(result.draft.stats).toEqual({ merged: 2, reported: 1, skipped: 1, requests: 0 });
    expect(result.featuredCandidates.map((candidate) => candidate.pr.number)).not.toContain(200001);
  });

  it("still offers as many Featured candidates when the previous edition linked the best of them", () => {
    const prs = [201, 202, 203, 204, 205].map((number) => pr(number, `Add the --option-${number} flag to kubectl debug`));
    const repoWeeks = [{ repo: "kubernetes/kubernetes", defaultBranch: "master", prs }];
    const plain = buildDraft({ week, repoWeeks, requests: 0, warnings: [] }).featuredCandidates.map((candidate) => candidate.pr.number);
    expect(plain).toEqual([201, 202, 203]);
    const linked = new Set(["kubernetes/kubernetes#201", "kubernetes/kubernetes#203"]);
    const result = buildDraft({ week, repoWeeks, requests: 0, warnings: [], previouslyLinked: linked });
    expect(result.featuredCandidates.map((candidate) => candidate.pr.number)).toEqual([202, 204, 205]);
  });
});

interface JsonDraft {
  sections: Record<string, Array<{ number: number | null }>>;
  skipped: Array<{ repo: string; number: number; title: string; reason: string }>;
  stats: { merged: number; reported: number; skipped: number; requests: number };
}

const OFFLINE = ["draft", "--week", "2021-07-04", "--offline", "--format", "json"];

function postsFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-posts-"));
  // 103462 and 101711 are reported in the sample week; 99999 is not a PR of the week.
  writeFileSync(join(dir, "2021-06-20-update.md"), `* [old](${url(102155)})\n`);
  writeFileSync(join(dir, "2021-06-27-update.md"), `* [ServiceInternalTrafficPolicy to Beta](${url(103462)})\n* [x](${url(101711)}) [y](${url(99999)})\n`);
  writeFileSync(join(dir, "2021-07-04-update.md"), `* [this week](${url(98306)})\n`);
  return dir;
}

describe("draft --previous", () => {
  it("skips the PRs the newest earlier post in a folder linked, as previous-edition", async () => {
    const dir = postsFolder();
    const plain = JSON.parse((await runCli(OFFLINE)).stdout) as JsonDraft;
    const result = await runCli([...OFFLINE, "--previous", dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`previous edition ${join(dir, "2021-06-27-update.md")}: links 3 PRs of kubernetes/kubernetes\n`);
    expect(result.stderr).toContain("skipped 2 PRs the previous edition already linked\n");
    const draft = JSON.parse(result.stdout) as JsonDraft;
    expect(draft.skipped.filter((skip) => skip.reason === "previous-edition")).toEqual([
      { repo: "kubernetes/kubernetes", number: 101711, title: "graduate IngressClassNamespacedParams to beta", reason: "previous-edition" },
      { repo: "kubernetes/kubernetes", number: 103462, title: "Promote the ServiceInternalTrafficPolicy field to Beta and on by default", reason: "previous-edition" },
    ]);
    const reported = Object.values(draft.sections).flat().map((entry) => entry.number);
    expect(reported).not.toContain(101711);
    expect(reported).not.toContain(103462);
    expect(reported).toContain(102155);
    expect(reported).toContain(98306);
    expect(draft.stats).toEqual({ merged: plain.stats.merged, reported: plain.stats.reported - 2, skipped: plain.stats.skipped + 2, requests: 0 });
  });

  it("takes a post file as it is, and previousPost in the config relative to the config's folder", async () => {
    const dir = postsFolder();
    const byFile = JSON.parse((await runCli([...OFFLINE, "--previous", join(dir, "2021-06-20-update.md")])).stdout) as JsonDraft;
    expect(byFile.skipped.filter((skip) => skip.reason === "previous-edition").map((skip) => skip.number)).toEqual([102155]);

    const project = mkdtempSync(join(tmpdir(), "k8s-weekly-site-"));
    mkdirSync(join(project, "_posts"));
    writeFileSync(join(project, "_posts", "2021-06-27-update.md"), `* [a](${url(103462)})\n`);
    writeFileSync(join(project, "k8s-weekly.config.json"), JSON.stringify({ previousPost: "_posts" }));
    const byConfig = await runCli(OFFLINE, {}, project);
    expect(byConfig.code).toBe(0);
    expect((JSON.parse(byConfig.stdout) as JsonDraft).skipped.filter((skip) => skip.reason === "previous-edition").map((skip) => skip.number)).toEqual([103462]);
    // The flag beats the config file.
    const flag = JSON.parse((await runCli([...OFFLINE, "--previous", join(dir, "2021-06-20-update.md")], {}, project)).stdout) as JsonDraft;
    expect(flag.skipped.filter((skip) => skip.reason === "previous-edition").map((skip) => skip.number)).toEqual([102155]);
  });

  it("drafts a new site's first week with previousPost set: the config's folder has no earlier post yet", async () => {
    const project = mkdtempSync(join(tmpdir(), "k8s-weekly-site-"));
    mkdirSync(join(project, "_posts"));
    writeFileSync(join(project, "k8s-weekly.config.json"), JSON.stringify({ previousPost: "_posts" }));
    const first = await runCli(["draft", "--week", "2021-07-04", "--offline", "--format", "json"], {}, project);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`k8s-weekly: previousPost ${join(project, "_posts")} (in ${join(project, "k8s-weekly.config.json")}): no post dated before 2021-07-04 yet; nothing to leave out\n`);
    expect((JSON.parse(first.stdout) as JsonDraft).skipped.filter((skip) => skip.reason === "previous-edition")).toEqual([]);
  });

  it("rejects a missing file, a folder with no earlier post, this week's own post and a bad config value, before any network work", async () => {
    const dir = postsFolder();
    const empty = mkdtempSync(join(tmpdir(), "k8s-weekly-posts-"));
    writeFileSync(join(empty, "2021-07-11-update.md"), "later\n");
    // An API URL nothing listens on: reaching the network would fail with exit 1, not 2.
    const online = ["draft", "--week", "2021-07-04", "--api-url", "http://127.0.0.1:9", "-q"];
    expect(await runCli([...online, "--previous", "/nonexistent/2021-06-27-update.md"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "k8s-weekly: --previous /nonexistent/2021-06-27-update.md: does not exist; give the previous post (YYYY-MM-DD-update.md) or the folder of posts; see k8s-weekly draft --help\n",
    });
    expect(await runCli([...online, "--previous", empty])).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: --previous ${empty}: has no post dated before 2021-07-04 (YYYY-MM-DD-update.md); give the folder of earlier posts or one post; see k8s-weekly draft --help\n`,
    });
    const own = join(dir, "2021-07-04-update.md");
    expect(await runCli([...online, "--previous", own])).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: --previous ${own}: is the post of 2021-07-04, not one before the week ending 2021-07-04; give the previous post; see k8s-weekly draft --help\n`,
    });
    // Named anyhow, this week's own draft says which week it is in its front matter.
    const renamed = join(dir, "post.md");
    writeFileSync(renamed, "---\nlayout: post\ntitle: Week Ending July 4, 2021\ndate: 2021-07-04 22:00:00 -0000\nslug: 2021-07-04-update\n---\n\n* [a line](https://github.com/kubernetes/kubernetes/pull/103326)\n");
    expect(await runCli([...online, "--previous", renamed])).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: --previous ${renamed}: is the post of 2021-07-04 (its slug), not one before the week ending 2021-07-04; give the previous post; see k8s-weekly draft --help\n`,
    });
    const project = mkdtempSync(join(tmpdir(), "k8s-weekly-site-"));
    writeFileSync(join(project, "k8s-weekly.config.json"), JSON.stringify({ previousPost: "_posts" }));
    expect(await runCli(online, {}, project)).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: previousPost ${join(project, "_posts")} (in ${join(project, "k8s-weekly.config.json")}): does not exist; give the previous post (YYYY-MM-DD-update.md) or the folder of posts; see k8s-weekly draft --help\n`,
    });
    writeFileSync(join(project, "k8s-weekly.config.json"), JSON.stringify({ previousPost: 7 }));
    expect(await runCli(online, {}, project)).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: config ${join(project, "k8s-weekly.config.json")}: previousPost: expected a string; see k8s-weekly draft --help\n`,
    });
  });

  it("rejects a post that is not UTF-8 text or is empty, named by the flag, the config or the folder that chose it, before any network work", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-posts-"));
    const binary = join(dir, "binary.md");
    writeFileSync(binary, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`* [a](${url(103462)})\n`, "utf16le")]));
    const empty = join(dir, "empty.md");
    writeFileSync(empty, "");
    const blank = join(dir, "blank.md");
    writeFileSync(blank, "\uFEFF\n  \n");
    const online = ["draft", "--week", "2021-07-04", "--api-url", "http://127.0.0.1:9", "-q"];
    const usage = (message: string) => ({ code: 2, stdout: "", stderr: `k8s-weekly: ${message}; see k8s-weekly draft --help\n` });
    expect(await runCli([...online, "--previous", binary])).toEqual(usage(`--previous ${binary}: is not UTF-8 text; save the post as UTF-8 first`));
    expect(await runCli([...online, "--previous", empty])).toEqual(usage(`--previous ${empty}: is empty, not a post; give the previous post (YYYY-MM-DD-update.md)`));
    expect(await runCli([...online, "--previous", blank])).toEqual(usage(`--previous ${blank}: is empty, not a post; give the previous post (YYYY-MM-DD-update.md)`));

    // The newest post of the folder is the one chosen, and the one named.
    const posts = join(dir, "_posts");
    mkdirSync(posts);
    writeFileSync(join(posts, "2021-06-20-update.md"), `* [old](${url(102155)})\n`);
    writeFileSync(join(posts, "2021-06-27-update.md"), readFileSync(binary));
    const newest = join(posts, "2021-06-27-update.md");
    expect(await runCli([...online, "--previous", posts])).toEqual(usage(`--previous ${posts}: ${newest}: is not UTF-8 text; save the post as UTF-8 first`));
    writeFileSync(newest, "");
    expect(await runCli([...online, "--previous", posts])).toEqual(usage(`--previous ${posts}: ${newest}: is empty, not a post; give the previous post (YYYY-MM-DD-update.md)`));

    const config = join(dir, "k8s-weekly.config.json");
    writeFileSync(config, JSON.stringify({ previousPost: "binary.md" }));
    expect(await runCli(online, {}, dir)).toEqual(usage(`previousPost ${binary} (in ${config}): is not UTF-8 text; save the post as UTF-8 first`));
    writeFileSync(config, JSON.stringify({ previousPost: "_posts" }));
    expect(await runCli(online, {}, dir)).toEqual(usage(`previousPost ${posts} (in ${config}): ${newest}: is empty, not a post; give the previous post (YYYY-MM-DD-update.md)`));
  });
});
