import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { FakeGitHub } from "./fake-github/server.js";
import { startFakeWorld } from "./helpers/fake-world.js";
import { runCli } from "./helpers/run-cli.js";

const SAMPLE = JSON.parse(readFileSync(new URL("../samples/2021-07-04.json", import.meta.url), "utf8")) as { items: [] };
const TOKEN = "ghp_templateCoverageToken1";
const OFFLINE = ["draft", "--week", "2021-07-04", "--offline"];
const LEFT_OUT = "are not in the post";

let server: FakeGitHub | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function warnings(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line.startsWith("k8s-weekly: warning: "));
}

/** The README's example of a pr-line partial that words bullets from their pieces, with dashes for bullets. */
const WORDED_PR_LINE = "- {{#if bullet.before}}{{bullet.before}} {{/if}}{{link bullet.label bullet.url}}{{#if bullet.after}} {{bullet.after}}{{/if}}\n";

describe("a template that leaves the draft's PRs out of the post", () => {
  it("a main template without the sectionList loop: the post is written, with one warning naming the template, the count and the sections", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-coverage-"));
    const template = join(dir, "post.md.hbs");
    writeFileSync(template, "{{> front-matter}}\n\n{{> developer-news}}\n\n{{> featured-prs}}\n\n{{> shoutouts}}\n");
    const result = await runCli([...OFFLINE, "--template", template]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("## Other Merges");
    expect(warnings(result.stderr)).toEqual([
      `k8s-weekly: warning: 25 of the draft's 25 PRs and releases are not in the post (Other Merges 18, Promotions 5, Version Updates 2): template ${template} leaves them out; render every section, as the templates of k8s-weekly templates export DIR do (post.md.hbs loops over sectionList)`,
    ]);
  });

  it("a section partial that writes headings only names the partials too; one that leaves out a single section counts that section", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-coverage-"));
    mkdirSync(join(dir, "partials"));
    writeFileSync(join(dir, "partials", "section.hbs"), "{{section.markers.begin}}\n## {{section.heading}}\n{{section.markers.end}}\n");
    const headings = await runCli([...OFFLINE, "--partials", join(dir, "partials")]);
    expect(headings.code).toBe(0);
    expect(warnings(headings.stderr)).toEqual([
      `k8s-weekly: warning: 25 of the draft's 25 PRs and releases are not in the post (Other Merges 18, Promotions 5, Version Updates 2): the default template with the partials in ${join(dir, "partials")} leaves them out; render every section, as the templates of k8s-weekly templates export DIR do (post.md.hbs loops over sectionList)`,
    ]);
    // The old per-section partial names still replace one section alone.
    writeFileSync(join(dir, "partials", "section.hbs"), readFileSync(new URL("../templates/partials/section.hbs", import.meta.url), "utf8"));
    writeFileSync(join(dir, "partials", "promotions.hbs"), "{{markers.promotions.begin}}\n{{markers.promotions.end}}\n");
    const template = join(dir, "post.md.hbs");
    writeFileSync(template, readFileSync(new URL("../templates/post.md.hbs", import.meta.url), "utf8"));
    const promotions = await runCli([...OFFLINE, "--template", template, "--partials", join(dir, "partials")]);
    expect(promotions.code).toBe(0);
    expect(warnings(promotions.stderr)).toEqual([
      `k8s-weekly: warning: 5 of the draft's 25 PRs and releases are not in the post (Promotions 5): template ${template} with the partials in ${join(dir, "partials")} leaves them out; render every section, as the templates of k8s-weekly templates export DIR do (post.md.hbs loops over sectionList)`,
    ]);
  });

  it("no warning for the shipped templates, with releases in Subprojects, nor for a pr-line that words bullets its own way, nor for JSON", async () => {
    server = await startFakeWorld({ items: SAMPLE.items, validToken: TOKEN });
    const online = ["draft", "--week", "2021-07-04", "--api-url", server.url];
    const shipped = await runCli(online, { GH_ENTERPRISE_TOKEN: TOKEN });
    expect(shipped.code).toBe(0);
    expect(shipped.stdout).toContain("## Subprojects and Dependency Updates\n");
    expect(shipped.stderr).not.toContain(LEFT_OUT);
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-coverage-"));
    mkdirSync(join(dir, "partials"));
    writeFileSync(join(dir, "partials", "pr-line.hbs"), WORDED_PR_LINE);
    const worded = await runCli([...OFFLINE, "--partials", join(dir, "partials")]);
    expect(worded.code).toBe(0);
    expect(worded.stdout).not.toBe((await runCli(OFFLINE)).stdout);
    expect(worded.stderr).not.toContain(LEFT_OUT);
    const json = await runCli([...OFFLINE, "--format", "json"]);
    expect(json.code).toBe(0);
    expect(json.stderr).not.toContain(LEFT_OUT);
    // Kubernetes' short link is the PR's page too.
    writeFileSync(join(dir, "partials", "pr-line.hbs"), "* {{bullet.label}} ([#{{number}}](https://pr.k8s.io/{{number}}))\n");
    const short = await runCli([...OFFLINE, "--partials", join(dir, "partials")]);
    expect(short.stdout).toContain("](https://pr.k8s.io/103326))\n");
    expect(short.stderr).not.toContain(LEFT_OUT);
  });
});

describe("--update of a post drafted with a template that writes no markers", () => {
  it("names the template when the run uses it, and the possibility when it does not", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-coverage-"));
    const partials = join(dir, "partials");
    mkdirSync(partials);
    // The shipped section partial without its two marker lines.
    const section = readFileSync(new URL("../templates/partials/section.hbs", import.meta.url), "utf8")
      .split("\n")
      .filter((line) => !line.includes("section.markers"))
      .join("\n");
    writeFileSync(join(partials, "section.hbs"), section);
    const post = join(dir, "2021-07-04-update.md");
    const drafted = await runCli([...OFFLINE, "--partials", partials, "-o", post]);
    expect(drafted.code).toBe(0);
    // Every PR is in the post: nothing to warn about there.
    expect(drafted.stderr).not.toContain(LEFT_OUT);
    const text = readFileSync(post, "utf8");
    expect(text).toContain("## Other Merges\n\n* ");

    const again = await runCli(["draft", "--offline", "--partials", partials, "--update", post]);
    expect(again).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: --update ${post}: has no k8s-weekly markers, and the default template with the partials in ${partials} writes none, so --update cannot refresh a post drafted with it; put {{section.markers.begin}} and {{section.markers.end}} around each generated section, as the section partial of k8s-weekly templates export DIR does, then draft the week again with -o NEW-FILE; see k8s-weekly draft --help\n`,
    });
    // Without the partials the run cannot tell; the message names the possibility.
    const plain = await runCli(["draft", "--offline", "--update", post]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(
      `k8s-weekly: --update ${post}: is a finished post (finalized, written by hand, or drafted with a template that writes no k8s-weekly markers: it has a slug and no markers), and --update refreshes only a draft; edit the post by hand, or draft the week again with -o NEW-FILE; see k8s-weekly draft --help\n`,
    );
    expect(readFileSync(post, "utf8")).toBe(text);
  });
});
