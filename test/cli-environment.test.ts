import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { FakeGitHub } from "./fake-github/server.js";
import { startFakeWorld } from "./helpers/fake-world.js";
import { CLI, runCli, spawnCli } from "./helpers/run-cli.js";

const SAMPLE = JSON.parse(readFileSync(new URL("../samples/2021-07-04.json", import.meta.url), "utf8")) as { items: [] };
const TOKEN = "ghp_environmentToken777";

let server: FakeGitHub | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("where the token and the API URL come from", () => {
  it("GITHUB_API_URL and GITHUB_TOKEN, as GitHub Actions sets them", async () => {
    server = await startFakeWorld({ items: SAMPLE.items, validToken: TOKEN });
    const result = await runCli(["draft", "--week", "2021-07-04", "--format", "json"], { GITHUB_API_URL: server.url, GITHUB_TOKEN: TOKEN });
    expect(result.code).toBe(0);
    expect(server.requests.every((request) => request.hadAuth)).toBe(true);
  });

  it("`gh auth token` when no token is given and the GitHub CLI is logged in", async () => {
    server = await startFakeWorld({ items: SAMPLE.items, validToken: TOKEN });
    const bin = mkdtempSync(join(tmpdir(), "k8s-weekly-gh-"));
    writeFileSync(join(bin, "gh"), `#!/bin/sh\n[ "$1 $2" = "auth token" ] && echo ${TOKEN}\n`);
    chmodSync(join(bin, "gh"), 0o755);
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json", "--verbose"], { PATH: `${bin}:${process.env.PATH ?? ""}` });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain("no token");
    expect(result.stderr).not.toContain(TOKEN);
    expect(server.requests.every((request) => request.hadAuth)).toBe(true);
  });

  it("does not ask the GitHub CLI when the command line is wrong or the run is offline", async () => {
    const bin = mkdtempSync(join(tmpdir(), "k8s-weekly-gh-"));
    const marker = join(bin, "asked");
    writeFileSync(join(bin, "gh"), `#!/bin/sh\ntouch ${marker}\necho ${TOKEN}\n`);
    chmodSync(join(bin, "gh"), 0o755);
    const env = { PATH: `${bin}:${process.env.PATH ?? ""}` };
    expect((await runCli(["draft", "--week", "2021-02-30"], env)).code).toBe(2);
    expect((await runCli(["draft", "--week", "2021-07-04", "--offline"], env)).code).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });
});

describe("templates from the command line", () => {
  it("exports the defaults, which render the same post when given back", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-templates-"));
    const exported = await runCli(["templates", "export", join(dir, "lwkd")]);
    expect(exported.code).toBe(0);
    expect(existsSync(join(dir, "lwkd", "partials", "section.hbs"))).toBe(true);
    const standard = await runCli(["draft", "--week", "2021-07-04", "--offline"]);
    const custom = await runCli(["draft", "--week", "2021-07-04", "--offline", "--template", join(dir, "lwkd", "post.md.hbs"), "--partials", join(dir, "lwkd", "partials")]);
    expect(custom.stdout).toBe(standard.stdout);
  });

  it("a folder that cannot be made is exit 2 naming it and the fix, not a raw ENOTDIR", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-templates-"));
    writeFileSync(join(dir, "draft.md"), "x\n");
    expect(await runCli(["templates", "export", join(dir, "draft.md", "x")])).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: templates export ${join(dir, "draft.md", "x")}: ${join(dir, "draft.md")} is a file, not a folder; give another folder; see k8s-weekly templates export --help\n`,
    });
    mkdirSync(join(dir, "lwkd"));
    writeFileSync(join(dir, "lwkd", "partials"), "x\n");
    expect((await runCli(["templates", "export", join(dir, "lwkd")])).stderr).toBe(
      `k8s-weekly: templates export ${join(dir, "lwkd")}: ${join(dir, "lwkd", "partials")} is a file, not a folder; give another folder; see k8s-weekly templates export --help\n`,
    );
    expect(readdirSync(dir).sort()).toEqual(["draft.md", "lwkd"]);
  });

  it("a template or partial that is not UTF-8 text is exit 2 naming the file, not a Handlebars lexical error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-templates-"));
    expect((await runCli(["templates", "export", join(dir, "lwkd")])).code).toBe(0);
    const main = join(dir, "lwkd", "post.md.hbs");
    const partial = join(dir, "lwkd", "partials", "shoutouts.hbs");
    // Saved as UTF-16 by an editor on Windows.
    const utf16 = (file: string) => writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(file, "utf8"), "utf16le")]));
    utf16(main);
    utf16(partial);
    const post = join(dir, "post.md");
    const usage = (file: string) => ({ code: 2, stdout: "", stderr: `k8s-weekly: template ${file}: is not UTF-8 text; save the template as UTF-8 first; see k8s-weekly draft --help\n` });
    const draft = ["draft", "--week", "2021-07-04", "--offline", "-q", "-o", post];
    expect(await runCli([...draft, "--template", main])).toEqual(usage(main));
    expect(await runCli([...draft, "--partials", join(dir, "lwkd", "partials")])).toEqual(usage(partial));
    writeFileSync(join(dir, "k8s-weekly.config.json"), JSON.stringify({ template: "lwkd/post.md.hbs" }));
    expect(await runCli(draft, {}, dir)).toEqual(usage(main));
    expect(existsSync(post)).toBe(false);
  });

  it("templates export quotes a folder with spaces in the command it suggests, and -q says nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-export-"));
    const spaced = join(dir, "my templates");
    expect(await runCli(["templates", "export", spaced])).toEqual({
      code: 0,
      stdout: "",
      stderr: `k8s-weekly: copied 9 templates to ${spaced}; use them with --template '${join(spaced, "post.md.hbs")}' --partials '${join(spaced, "partials")}'\n`,
    });
    expect(await runCli(["templates", "export", join(dir, "quiet"), "-q"])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("a folder mkdir refuses with ENOENT under a folder that exists (/proc) is exit 2, not a hang", () => {
    // Node's recursive mkdir loops forever there: a process of its own, which the timeout ends.
    const result = spawnSync(process.execPath, [CLI, "templates", "export", "/proc/lwkd"], { encoding: "utf8", timeout: 10_000, env: { PATH: process.env.PATH ?? "", HOME: tmpdir(), XDG_CACHE_HOME: tmpdir() } });
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 2,
      stderr: "k8s-weekly: templates export /proc/lwkd: cannot create the folder /proc/lwkd (ENOENT); choose a folder you can write to; see k8s-weekly templates export --help\n",
    });
  });

  it("an empty folder name is a usage error, not a copy into the working folder", async () => {
    // A process of its own, in a folder of its own: without the check the copies land in its working folder.
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-templates-"));
    expect(await spawnCli(["templates", "export", ""], {}, dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: "k8s-weekly: templates export '': give a folder name (. for the working folder); see k8s-weekly templates export --help\n",
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a formatDate pattern date-fns refuses is the tool's one line, naming the call, even with -q", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-templates-"));
    const partial = join(dir, "partials", "front-matter.hbs");
    mkdirSync(join(dir, "partials"));
    writeFileSync(partial, '---\nlayout: post\ntitle: Week Ending {{formatDate week.ending "YYYY"}}\n---\n');
    // A process of its own: date-fns's own warning went to the console, which runCli does not see.
    expect(await spawnCli(["draft", "--week", "2021-07-04", "--offline", "-q", "--partials", join(dir, "partials")])).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: template ${partial}:3: {{formatDate week.ending "YYYY"}}: "YYYY" is the week-numbering year in date-fns; use yyyy for the year (e.g. "MMMM d, yyyy"); fix the template; see k8s-weekly draft --help\n`,
    });
  });

  it("a broken partial is exit 2 naming the file and line, and nothing is written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-templates-"));
    mkdirSync(join(dir, "partials"));
    writeFileSync(join(dir, "partials", "shoutouts.hbs"), "## Shoutouts\n\n{{#each shoutouts}}\n");
    const result = await runCli(["draft", "--week", "2021-07-04", "--offline", "--partials", join(dir, "partials"), "-o", join(dir, "post.md")]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n").at(-1)).toMatch(new RegExp(`^k8s-weekly: template ${join(dir, "partials", "shoutouts.hbs")}:\\d+: .*; fix the template; see k8s-weekly draft --help$`));
    expect(existsSync(join(dir, "post.md"))).toBe(false);
  });

  it("a broken template or an unknown partial fails before any request to GitHub", async () => {
    server = await startFakeWorld({ items: SAMPLE.items, validToken: TOKEN });
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-templates-"));
    writeFileSync(join(dir, "unclosed.hbs"), "{{> front-matter}}\n{{#if featured}}\nFeatured\n");
    writeFileSync(join(dir, "sponsors.hbs"), "{{> front-matter}}\n{{#if featured}}{{> sponsors}}{{/if}}\n");
    const online = ["draft", "--week", "2021-07-04", "--api-url", server.url, "-o", join(dir, "post.md")];
    const unclosed = await runCli([...online, "--template", join(dir, "unclosed.hbs")], { GH_ENTERPRISE_TOKEN: TOKEN });
    expect(unclosed).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: template ${join(dir, "unclosed.hbs")}:4: Expecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'; fix the template; see k8s-weekly draft --help\n`,
    });
    const sponsors = await runCli([...online, "--template", join(dir, "sponsors.hbs")], { GH_ENTERPRISE_TOKEN: TOKEN });
    expect(sponsors.code).toBe(2);
    expect(sponsors.stderr).toMatch(new RegExp(`^k8s-weekly: template ${join(dir, "sponsors.hbs")}: unknown partial "sponsors"; known partials: deprecated, .*, version-updates; see k8s-weekly draft --help\n$`));
    expect(server.requests).toEqual([]);
    expect(existsSync(join(dir, "post.md"))).toBe(false);
  });

  it("an inline partial and @partial-block pass the check before the fetch", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-templates-"));
    writeFileSync(join(dir, "post.md.hbs"), '{{> front-matter}}\n{{#*inline "sig"}}(custom){{/inline}}{{> sig}}\n');
    const result = await runCli(["draft", "--week", "2021-07-04", "--offline", "--template", join(dir, "post.md.hbs")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\n\(custom\)\n$/);
    mkdirSync(join(dir, "partials"));
    writeFileSync(join(dir, "partials", "pr-line.hbs"), "{{line}}{{#if false}}{{> @partial-block}}{{/if}}\n");
    expect((await runCli(["draft", "--week", "2021-07-04", "--offline", "--partials", join(dir, "partials")])).code).toBe(0);
  });

  it("an unknown partial lists the known ones", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-templates-"));
    writeFileSync(join(dir, "post.md.hbs"), "{{> front-matter}}\n{{> sponsors}}\n");
    const result = await runCli(["draft", "--week", "2021-07-04", "--offline", "--template", join(dir, "post.md.hbs")]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe(
      `k8s-weekly: template ${join(dir, "post.md.hbs")}: unknown partial "sponsors"; known partials: deprecated, developer-news, featured-prs, front-matter, kep-of-the-week, other-merges, pr-line, promotions, release-schedule, section, shoutouts, subprojects, version-updates; see k8s-weekly draft --help`,
    );
  });
});

describe("k8s-weekly lint", () => {
  it("passes a generated draft with --draft and fails a post with problems, one line each", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-lint-"));
    const post = join(dir, "post.md");
    expect((await runCli(["draft", "--week", "2021-07-04", "--offline", "-o", post])).code).toBe(0);
    expect(await runCli(["lint", "--draft", post])).toEqual({ code: 0, stdout: expect.stringMatching(/^1 file, 0 problems \(\d+ unfinished parts accepted by --draft\)\n$/), stderr: "" });
    writeFileSync(post, readFileSync(post, "utf8").replace("## Shoutouts\n\nTODO(editor): shoutouts from #shoutouts.", "## Shoutouts\n\nThanks to the Kubeadm team."));
    const line = readFileSync(post, "utf8").split("\n").indexOf("Thanks to the Kubeadm team.") + 1;
    expect(await runCli(["lint", "--draft", post])).toEqual({
      code: 1,
      stdout: expect.stringMatching(new RegExp(`^${post}:${line}: "Kubeadm" is spelled "kubeadm" in LWKD\n1 file, 1 problem \\(\\d+ unfinished parts accepted by --draft\\)\n$`)),
      stderr: "",
    });
  });
});

describe("help and version", () => {
  it("shows examples and the version", async () => {
    expect((await runCli(["--help"])).stdout).toContain("k8s-weekly draft --week 2021-07-04 --offline");
    expect((await runCli(["draft", "--help"])).stdout).toContain("Examples:");
    expect((await runCli(["--version"])).stdout).toBe(`${(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version}\n`);
  });
});
