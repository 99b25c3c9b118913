import { spawn, type StdioOptions } from "node:child_process";
import { closeSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI } from "./helpers/run-cli.js";

/** The built CLI in a real process, so that stdout is a real file descriptor. */
function run(command: string, args: string[], stdio: StdioOptions): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio, env: { PATH: process.env.PATH ?? "", HOME: tmpdir(), XDG_CACHE_HOME: tmpdir() } });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

const DRAFT = [CLI, "draft", "--week", "2021-07-04", "--offline", "-q"];

describe("stdout that cannot take the draft", () => {
  it("a full disk (> /dev/full) is one line and exit 1, not a stack trace", async () => {
    const full = openSync("/dev/full", "w");
    try {
      expect(await run(process.execPath, DRAFT, ["ignore", full, "pipe"])).toEqual({
        code: 1,
        stderr: "k8s-weekly: cannot write the draft to stdout (no space left on the disk); free some space or write the draft with -o FILE\n",
      });
    } finally {
      closeSync(full);
    }
  });

  it("a closed stdout (>&-) is one line and exit 1, not a draft silently lost", async () => {
    const script = `exec "$0" "$@" >&-`;
    expect(await run("sh", ["-c", script, process.execPath, ...DRAFT], ["ignore", "ignore", "pipe"])).toEqual({
      code: 1,
      stderr: "k8s-weekly: stdout is closed, so the draft would be lost; redirect it to a file, or write the draft with -o FILE\n",
    });
  });

  it("suggests -o FILE only to draft, which has it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-stdout-"));
    const post = join(dir, "post.md");
    writeFileSync(post, "# x\n");
    const closed = (args: string[]) => run("sh", ["-c", `exec "$0" "$@" >&-`, process.execPath, CLI, ...args], ["ignore", "ignore", "pipe"]);
    expect(await closed(["week", "--week", "2021-07-04"])).toEqual({ code: 1, stderr: "k8s-weekly: stdout is closed, so the week would be lost; redirect it to a file\n" });
    expect(await closed(["finalize", post, "-o", "-", "--force"])).toEqual({
      code: 1,
      stderr: [
        `k8s-weekly: ${post}:1: no front matter: the post must start with a --- line`,
        `k8s-weekly: ${post}:1: the post has no sections (## headings): draft it with k8s-weekly draft, or write them`,
        `k8s-weekly: warning: finalize ${post}: has no k8s-weekly markers or notes, so nothing was finalized; printed as it is, with 2 problems (above)`,
        "k8s-weekly: stdout is closed, so the post would be lost; redirect it to a file",
        "",
      ].join("\n"),
    });
    const full = openSync("/dev/full", "w");
    try {
      expect(await run(process.execPath, [CLI, "lint", post], ["ignore", full, "pipe"])).toEqual({
        code: 1,
        stderr: "k8s-weekly: cannot write lint's report to stdout (no space left on the disk); free some space or redirect it elsewhere\n",
      });
      for (const help of [["--help"], ["draft", "--help"]]) {
        expect(await run(process.execPath, [CLI, ...help], ["ignore", full, "pipe"])).toEqual({
          code: 1,
          stderr: "k8s-weekly: cannot write the help to stdout (no space left on the disk); free some space or redirect it elsewhere\n",
        });
      }
    } finally {
      closeSync(full);
    }
  });
});
