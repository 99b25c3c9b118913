import { spawn, type StdioOptions } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
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
        stderr: "k8s-weekly: cannot write the draft to stdout (ENOSPC); free some space or write it with -o FILE\n",
      });
    } finally {
      closeSync(full);
    }
  });

  it("a closed stdout (>&-) is one line and exit 1, not a draft silently lost", async () => {
    const script = `exec "$0" "$@" >&-`;
    expect(await run("sh", ["-c", script, process.execPath, ...DRAFT], ["ignore", "ignore", "pipe"])).toEqual({
      code: 1,
      stderr: "k8s-weekly: stdout is closed, so the output would be lost; redirect it to a file, or write the draft with -o FILE\n",
    });
  });
});
