import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli.js";

export const CLI = fileURLToPath(new URL("../../bin/k8s-weekly.js", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A user's environment as far as k8s-weekly can tell: no token, an empty cache. */
function cleanEnv(env: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmpdir(),
    XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), "k8s-weekly-cache-")),
    ...env,
  };
}

/**
 * Runs the whole CLI, from argument parsing to the exit code, inside the test's process: a child
 * process costs a Node start and a module load per run. Waits on GitHub (back-off, rate-limit
 * resets, search spacing) take a millisecond per second, so retry paths run at full logic but
 * without the real delays. spawnCli covers what only a real process shows.
 */
export async function runCli(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", CLI, ...args], cleanEnv(env), {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: cwd ?? process.cwd(),
    waitSecondMs: 1,
  });
  return { code, stdout, stderr };
}

/** Runs the built CLI as a user would, in its own process; for exit status, pipes and signals. */
export function spawnCli(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: cleanEnv(env), cwd: cwd ?? process.cwd(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
