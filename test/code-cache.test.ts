import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeCacheFile, loadBundle } from "../src/bundle-loader.js";
import { spawnCli } from "./helpers/run-cli.js";

const OFFLINE = ["draft", "--week", "2021-07-04", "--offline", "-q"];

/** The chunks a run loaded, each with what the loader said of its code (NODE_DEBUG=k8s-weekly). */
function loads(stderr: string): Map<string, string> {
  return new Map([...stderr.matchAll(/K8S-WEEKLY \d+: (\S+\.cjs): (.+)/g)].map((match) => [match[1] ?? "", match[2] ?? ""]));
}

function cacheFileIn(cache: string): string {
  const dir = join(cache, "k8s-weekly", "code");
  const files = readdirSync(dir);
  expect(files).toHaveLength(1);
  return join(dir, files[0] ?? "");
}

describe("the bundle's code cache", () => {
  it("is written by the first run and used by the next, which drafts the same post", async () => {
    const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-code-"));
    const env = { XDG_CACHE_HOME: cache, NODE_DEBUG: "k8s-weekly" };
    const first = await spawnCli(OFFLINE, env);
    const second = await spawnCli(OFFLINE, env);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(loads(first.stderr).size).toBeGreaterThan(5);
    expect([...loads(first.stderr).values()].every((said) => said === "compiled")).toBe(true);
    expect(loads(second.stderr).size).toBeGreaterThan(5);
    expect([...loads(second.stderr).keys()]).toEqual([...loads(first.stderr).keys()]);
    expect([...loads(second.stderr).values()].every((said) => said === "code from the cache")).toBe(true);
  });

  it("keeps a run whole when the cache file is damaged, and replaces it", async () => {
    const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-code-"));
    const env = { XDG_CACHE_HOME: cache, NODE_DEBUG: "k8s-weekly" };
    const clean = await spawnCli(OFFLINE, env);
    const file = cacheFileIn(cache);
    const whole = readFileSync(file);
    const flipped = Buffer.from(whole);
    // A byte inside the cached code, past the header: V8 itself would take such code as it is.
    const at = whole.length - 1000;
    flipped[at] = (flipped[at] ?? 0) ^ 0x5a;
    for (const damaged of [flipped, whole.subarray(0, whole.length >> 1), Buffer.from("not a cache"), Buffer.alloc(0)]) {
      writeFileSync(file, damaged);
      const run = await spawnCli(OFFLINE, env);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(clean.stdout);
      expect([...loads(run.stderr).values()]).toContain("compiled");
      const next = await spawnCli(OFFLINE, env);
      expect(loads(next.stderr).size).toBeGreaterThan(5);
      expect([...loads(next.stderr).values()].every((said) => said === "code from the cache")).toBe(true);
    }
  });

  it("never reads from a FIFO or a device where the cache file would be (no hang)", async () => {
    const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-code-"));
    const env = { XDG_CACHE_HOME: cache, NODE_DEBUG: "k8s-weekly" };
    const clean = await spawnCli(OFFLINE, env);
    const file = cacheFileIn(cache);
    rmSync(file);
    execFileSync("mkfifo", [file]);
    const fifo = await spawnCli(OFFLINE, env);
    expect(fifo.code).toBe(0);
    expect(fifo.stdout).toBe(clean.stdout);
    rmSync(file);
    symlinkSync("/dev/zero", file);
    const zero = await spawnCli(OFFLINE, env);
    expect(zero.code).toBe(0);
    expect(zero.stdout).toBe(clean.stdout);
  }, 20_000);

  it("ignores a relative XDG_CACHE_HOME, as the XDG spec says", () => {
    expect(codeCacheFile({ XDG_CACHE_HOME: "relcache", HOME: "/home/me" }, "/opt/k8s-weekly/dist/bundle")?.startsWith("relcache")).toBe(false);
    expect(codeCacheFile({ XDG_CACHE_HOME: "/cache" }, "/opt/k8s-weekly/dist/bundle")?.startsWith("/cache/k8s-weekly/code/")).toBe(true);
  });

  it("drafts without a cache where none can be written", async () => {
    const notAFolder = join(mkdtempSync(join(tmpdir(), "k8s-weekly-code-")), "file");
    writeFileSync(notAFolder, "");
    const run = await spawnCli(OFFLINE, { XDG_CACHE_HOME: notAFolder, NODE_DEBUG: "k8s-weekly" });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Week Ending July 4, 2021");
    expect(run.stderr).toMatch(/code cache not written/);
  });
});

describe("loadBundle", () => {
  /** A bundle of two chunks: the entry returns what its chunk says. */
  function bundle(word: string): string {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-bundle-"));
    mkdirSync(join(dir, "chunks"));
    writeFileSync(join(dir, "entry.cjs"), 'const chunk = require("./chunks/word.cjs");\nmodule.exports = { say: () => chunk.word() + " " + __importMetaUrl.slice(0, 8) };\n');
    writeFileSync(join(dir, "chunks", "word.cjs"), `exports.word = () => ${JSON.stringify(word)};\n`);
    return dir;
  }
  const run = (dir: string, cacheFile: string) => {
    const loaded = loadBundle<{ say(): string }>(dir, "entry.cjs", cacheFile);
    const said = loaded.exports.say();
    loaded.saveCodeCache();
    return said;
  };

  it("compiles afresh a chunk whose text changed, even to the same length, which V8 would not notice", () => {
    const dir = bundle("apple");
    const cacheFile = join(mkdtempSync(join(tmpdir(), "k8s-weekly-code-")), "code.bin");
    expect(run(dir, cacheFile)).toBe("apple file:///");
    expect(run(dir, cacheFile)).toBe("apple file:///");
    writeFileSync(join(dir, "chunks", "word.cjs"), `exports.word = () => ${JSON.stringify("pearl")};\n`);
    expect(run(dir, cacheFile)).toBe("pearl file:///");
    expect(run(dir, cacheFile)).toBe("pearl file:///");
  });

  it("drops the entries of chunks the bundle no longer has", () => {
    const dir = bundle("apple");
    const cacheFile = join(mkdtempSync(join(tmpdir(), "k8s-weekly-code-")), "code.bin");
    run(dir, cacheFile);
    expect(readFileSync(cacheFile).toString("latin1")).toContain("chunks/word.cjs");
    writeFileSync(join(dir, "entry.cjs"), 'module.exports = { say: () => "alone" };\n');
    rmSync(join(dir, "chunks", "word.cjs"));
    expect(run(dir, cacheFile)).toBe("alone");
    expect(readFileSync(cacheFile).toString("latin1")).not.toContain("chunks/word.cjs");
  });

  it("keeps a cache file per installed copy, under the user's cache folder", () => {
    const a = codeCacheFile({ XDG_CACHE_HOME: "/cache" }, "/usr/lib/node_modules/k8s-weekly/dist/bundle");
    const b = codeCacheFile({ XDG_CACHE_HOME: "/cache" }, "/home/me/k8s-weekly/dist/bundle");
    expect(a).toMatch(/^\/cache\/k8s-weekly\/code\/[\w-]+\.bin$/);
    expect(a).not.toBe(b);
  });
});
