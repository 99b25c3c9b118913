import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { FakeSearchItem } from "./fake-github/server.js";
import { startFakeWorld } from "./helpers/fake-world.js";
import { json, pullNode, searchPage, startHostile } from "./hostile/server.js";
import { runCli, spawnCli } from "./helpers/run-cli.js";

const TEMPLATES = fileURLToPath(new URL("../templates", import.meta.url));
const TOKEN = "ghp_bundleTestToken1234567890";
const SAMPLE = JSON.parse(readFileSync(new URL("../samples/2021-07-04.json", import.meta.url), "utf8")) as { items: FakeSearchItem[] };
const servers: Array<{ close(): Promise<void> }> = [];
afterAll(() => Promise.all(servers.map((server) => server.close())));

// The bundle renders the shipped templates from the parse trees and code it compiled at build
// time (scripts/bundle.mjs); the source, which the other tests run, compiles them as it reads them.
describe("the bundled CLI", () => {
  it("drafts the same post as the source does", async () => {
    const args = ["draft", "--week", "2021-07-04", "--offline"];
    const [bundled, source] = await Promise.all([spawnCli(args), runCli(args)]);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toBe(source.stdout);
  });

  it("lints a post with the YAML and markdown parsers it loads on demand, as the source does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-lint-"));
    const post = join(dir, "2021-07-04-update.md");
    writeFileSync(post, "---\nlayout: post\ntitle: Week Ending July 4, 2021\ndate: 2021-07-04 22:00:00 -0000\nslug: 2021-07-04-update\n---\n\n## Other Merges\n\n* Adds [a flag](https://github.com/kubernetes/kubernetes/pull/1) to the kubelet.\n");
    const [bundled, source] = await Promise.all([spawnCli(["lint", post]), runCli(["lint", post])]);
    expect(bundled.stdout).toBe(source.stdout);
    expect(bundled.stdout).toBe(`${post}:10: bullet ends with a period; LWKD bullets have none\n1 file, 1 problem\n`);
    expect(bundled.code).toBe(1);
  });

  it("compiles a template an editor changed instead of using the shipped one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-templates-"));
    cpSync(TEMPLATES, dir, { recursive: true });
    const partial = join(dir, "partials", "developer-news.hbs");
    writeFileSync(partial, `${readFileSync(partial, "utf8")}Edited by hand.\n`);
    const args = ["draft", "--week", "2021-07-04", "--offline", "--template", join(dir, "post.md.hbs"), "--partials", join(dir, "partials")];
    const [bundled, source] = await Promise.all([spawnCli(args), runCli(args)]);
    expect(bundled.stdout).toContain("Edited by hand.");
    expect(bundled.stdout).toBe(source.stdout);
  });

  it("names the field and file of a template mistake, as the source does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-templates-"));
    writeFileSync(join(dir, "post.md.hbs"), "{{week.endng}}\n");
    const args = ["draft", "--week", "2021-07-04", "--offline", "-q", "--template", join(dir, "post.md.hbs")];
    const [bundled, source] = await Promise.all([spawnCli(args), runCli(args)]);
    expect(bundled.code).toBe(2);
    expect(bundled.stderr).toBe(source.stderr);
  });

  it("checks a config file with the validator generated at build time, as the source does with Ajv", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-config-"));
    writeFileSync(join(dir, "k8s-weekly.config.json"), JSON.stringify({ repos: ["kubernetes"], rules: { skipAuthors: [1] }, colour: true }));
    const args = ["draft", "--week", "2021-07-04", "--offline"];
    const [bundled, source] = await Promise.all([spawnCli(args, {}, dir), runCli(args, {}, dir)]);
    expect(bundled.code).toBe(2);
    expect(bundled.stderr).toContain(`repos[0]: "kubernetes" is not OWNER/NAME (e.g. kubernetes/kubernetes); `);
    expect(bundled.stderr).toBe(source.stderr);
  });

  it("drafts the sample week offline without loading the generated checks, the GitHub client or the config validator", async () => {
    const folder = fileURLToPath(new URL("../dist/bundle/chunks", import.meta.url));
    const chunks = readdirSync(folder).filter((file) => file.endsWith(".cjs"));
    // The checks Ajv generated are the chunks that carry its error messages.
    const unwanted = chunks.filter((file) => file.startsWith("github-client-") || readFileSync(join(folder, file), "utf8").includes("must have required property"));
    expect(unwanted.length).toBeGreaterThanOrEqual(3);
    // The bundle's loader logs each chunk it loads with NODE_DEBUG=k8s-weekly.
    const result = await spawnCli(["draft", "--week", "2021-07-04", "--offline", "-q"], { NODE_DEBUG: "k8s-weekly" });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/chunks\/draft-steps-/);
    for (const file of unwanted) expect(result.stderr).not.toContain(file);
  });

  // The libraries that only the network path loads are CommonJS inside an ES module there.
  it("drafts from GitHub and caches the week, which an offline run then drafts alike", async () => {
    const world = await startFakeWorld({ items: SAMPLE.items, validToken: TOKEN });
    servers.push(world);
    const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-cache-"));
    // A token goes to a server other than github.com only from the enterprise variables.
    const online = await spawnCli(["draft", "--week", "2021-07-04", "--api-url", world.url], { GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: cache });
    expect(online.code).toBe(0);
    expect(online.stderr).not.toMatch(/warning: could not write the cache/);
    // The cache belongs to the server that filled it.
    const offline = await spawnCli(["draft", "--week", "2021-07-04", "--offline", "--api-url", world.url], { XDG_CACHE_HOME: cache });
    expect(offline.stderr).toMatch(/using the cached week/);
    expect(offline.stdout).toBe(online.stdout);
  });

  it("parses GitHub's answers with JSON.parse, not json-with-bigint's slower reviver, and still skips a PR number past 2^53", async () => {
    const folder = fileURLToPath(new URL("../dist/bundle/chunks", import.meta.url));
    const client = readdirSync(folder).find((file) => file.startsWith("github-client-")) ?? "";
    const text = readFileSync(join(folder, client), "utf8");
    expect(text).toMatch(/JSON\.parse\(text, ?reviver\)/);
    expect(text).not.toContain("serializeBigInts");
    // json-with-bigint made such a number a BigInt, which the checks refuse; JSON.parse an inexact number, refused alike.
    const huge = 2 ** 60;
    let sent = false;
    const nodes = [pullNode(1), pullNode(huge, { url: `https://github.com/kubernetes/kubernetes/pull/${huge}` })];
    const server = await startHostile((request, res) => json(res, searchPage(request, () => (sent ? { issueCount: 0 } : ((sent = true), { issueCount: 2, nodes })))));
    servers.push(server);
    const result = await spawnCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json"], { GH_ENTERPRISE_TOKEN: TOKEN });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`warning: kubernetes/kubernetes#${huge}: skipped, GitHub sent it malformed (number must be <= ${Number.MAX_SAFE_INTEGER})`);
    expect((JSON.parse(result.stdout) as { stats: { merged: number } }).stats.merged).toBe(1);
  });

  it("holds the default rules as data and never zod, which only defines them", () => {
    const folder = fileURLToPath(new URL("../dist/bundle", import.meta.url));
    const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".cjs"));
    const text = files.map((file) => readFileSync(join(folder, file), "utf8")).join("\n");
    expect(text).not.toContain("$ZodType");
    // Minified, as the bundle is: `DEFAULT_RULES={skipAuthors:[`.
    expect(text).toMatch(/DEFAULT_RULES\s*=\s*\{\s*"?skipAuthors"?\s*:\s*\[/);
  });
});
