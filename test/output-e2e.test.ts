import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { FakeGitHub } from "./fake-github/server.js";
import { makeSyntheticWeek } from "./fake-github/server.js";
import { startFakeWorld } from "./helpers/fake-world.js";
import { runCli } from "./helpers/run-cli.js";

const WEEK = ["draft", "--week", "2021-07-04", "--offline"];
const tempDir = () => mkdtempSync(join(tmpdir(), "k8s-weekly-output-"));

let servers: FakeGitHub[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

describe("-o writes only what it should", () => {
  it("refuses to replace a device or a FIFO, even with --force", async () => {
    const dir = tempDir();
    const fifo = join(dir, "pipe.md");
    execFileSync("mkfifo", [fifo]);
    // A private copy of /dev/null: a regression must never replace the real one (as root it would).
    const device = join(dir, "null.md");
    const root = process.getuid?.() === 0;
    if (root) execFileSync("mknod", ["-m", "666", device, "c", "1", "3"]);
    for (const target of root ? [device, fifo] : [fifo]) {
      const result = await runCli([...WEEK, "-o", target, "--force"]);
      expect(result).toEqual({ code: 2, stdout: "", stderr: `k8s-weekly: -o ${target}: is not a regular file; give a file name, or - for stdout; see k8s-weekly draft --help\n` });
    }
    if (root) expect(statSync(device).isCharacterDevice()).toBe(true);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("refuses a symlink that leads to no file, and a path ending in a slash, even with --force", async () => {
    const dir = tempDir();
    symlinkSync(join(dir, "missing.md"), join(dir, "dangling.md"));
    symlinkSync(join(dir, "loop.md"), join(dir, "loop.md"));
    for (const name of ["dangling.md", "loop.md"]) {
      for (const force of [[], ["--force"]]) {
        const target = join(dir, name);
        expect(await runCli([...WEEK, "-o", target, ...force])).toEqual({ code: 2, stdout: "", stderr: `k8s-weekly: -o ${target}: is a symlink that leads to no file; give a file name; see k8s-weekly draft --help\n` });
        expect(lstatSync(target).isSymbolicLink()).toBe(true);
      }
    }
    const folder = `${join(dir, "posts")}/`;
    expect(await runCli([...WEEK, "-o", folder])).toEqual({ code: 2, stdout: "", stderr: `k8s-weekly: -o ${folder}: names a folder (it ends in a slash); give a file name; see k8s-weekly draft --help\n` });
    expect(readdirSync(dir).sort()).toEqual(["dangling.md", "loop.md"]);
  });

  it("replaces the file a symlink points at and keeps the symlink", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "real.md"), "old\n");
    symlinkSync(join(dir, "real.md"), join(dir, "link.md"));
    expect((await runCli([...WEEK, "-o", join(dir, "link.md"), "--force"])).code).toBe(0);
    expect(lstatSync(join(dir, "link.md")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real.md"), "utf8")).toMatch(/^---\nlayout: post\n/);
  });

  it("-o - is stdout, and -o '' is a usage error", async () => {
    const result = await runCli([...WEEK, "-o", "-"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^---\nlayout: post\n/);
    expect(existsSync("-"), "a file named - in the working folder").toBe(false);
    expect(await runCli([...WEEK, "-o", ""])).toEqual({ code: 2, stdout: "", stderr: "k8s-weekly: -o '': give a file name (-o FILE, or -o - for stdout); see k8s-weekly draft --help\n" });
  });

  it("--force without -o FILE is a usage error, even before an --update file is read: it would replace nothing", async () => {
    const usage = (message: string) => ({ code: 2, stdout: "", stderr: `k8s-weekly: --force: only applies with -o FILE, to replace an existing file; ${message}; see k8s-weekly draft --help\n` });
    expect(await runCli([...WEEK, "--force"])).toEqual(usage("add -o FILE, or leave out --force"));
    expect(await runCli([...WEEK, "-o", "-", "--force"])).toEqual(usage("-o - writes to stdout, so leave out --force"));
    const missing = join(tempDir(), "2021-07-04-update.md");
    expect(await runCli(["draft", "--offline", "--update", missing, "--force"])).toEqual(usage(`--update ${missing} rewrites its file without it, so leave out --force`));
  });

  it("checks that the folder of -o and --update can be written before any request (exit 2)", async () => {
    const world = await startFakeWorld({ items: [] });
    servers.push(world);
    const online = ["draft", "--week", "2021-07-04", "--api-url", world.url];
    expect(await runCli([...online, "-o", "/proc/k8s-weekly-post.md"])).toEqual({
      code: 2,
      stdout: "",
      stderr: expect.stringMatching(/^k8s-weekly: -o \/proc\/k8s-weekly-post\.md: cannot create files in \/proc \((?:[A-Z]+|permission denied)\); choose a folder you can write to; see k8s-weekly draft --help\n$/),
    });
    // A file that can be read in a folder where no file can be created, not even by root.
    const update = await runCli([...online, "--update", "/proc/self/status"]);
    expect(update.code).toBe(2);
    expect(update.stderr).toMatch(/^k8s-weekly: --update \/proc\/self\/status: cannot create files in \/proc\/self \((?:[A-Z]+|permission denied)\); make the folder writable; see k8s-weekly draft --help\n$/);
    expect(world.requests).toEqual([]);
  });

  it("writes its temporary file beside the target under a dot name Jekyll ignores", async () => {
    const dir = tempDir();
    const names: string[] = [];
    const watcher = watch(dir, (_event, name) => {
      if (name) names.push(name);
    });
    expect((await runCli([...WEEK, "-o", join(dir, "2021-07-04-update.md")])).code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    watcher.close();
    const others = [...new Set(names)].filter((name) => name !== "2021-07-04-update.md");
    expect(others.length).toBeGreaterThan(0);
    for (const name of others) expect(name).toMatch(/^\.2021-07-04-update\.md\.[0-9a-f]+\.tmp$/);
    expect(readdirSync(dir)).toEqual(["2021-07-04-update.md"]);
  });
});

describe("--update never overwrites what an editor saved meanwhile", () => {
  it("exits 1 and leaves the file alone when it changed while the week was fetched", async () => {
    const world = await startFakeWorld({
      items: makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: 20, from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" }),
      validToken: "ghp_updateRaceToken000000000",
    });
    servers.push(world);
    const dir = tempDir();
    const post = join(dir, "2021-07-04-update.md");
    expect((await runCli([...WEEK, "-o", post])).code).toBe(0);
    const saved = `${readFileSync(post, "utf8")}\nThe editor's last sentence, saved during the fetch.\n`;
    // The editor saves the moment the first request reaches GitHub.
    const push = world.requests.push.bind(world.requests);
    world.requests.push = (...records) => {
      if (!readFileSync(post, "utf8").endsWith("during the fetch.\n")) writeFileSync(post, saved);
      return push(...records);
    };
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", world.url, "--update", post], { GITHUB_TOKEN: "ghp_updateRaceToken000000000" });
    expect(world.requests.length).toBeGreaterThan(0);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe(
      `k8s-weekly: --update ${post}: the file changed while the draft was being made (an editor saved it?); it was left as it is, run the command again`,
    );
    expect(readFileSync(post, "utf8")).toBe(saved);
    expect(readdirSync(dir)).toEqual(["2021-07-04-update.md"]);
  });
});
