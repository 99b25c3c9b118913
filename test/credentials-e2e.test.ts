import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveToken } from "../src/auth.js";
import type { FakeGitHub } from "./fake-github/server.js";
import { startFakeWorld } from "./helpers/fake-world.js";
import { runCli } from "./helpers/run-cli.js";

const SAMPLE = JSON.parse(readFileSync(new URL("../samples/2021-07-04.json", import.meta.url), "utf8")) as { items: [] };
const GITHUB_COM_TOKEN = "ghp_githubDotComToken0001";
const SERVER_TOKEN = "ghp_enterpriseToken00002";

let server: FakeGitHub | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A gh that, like the real one, has a login per host and prints the default host's for a bare `gh auth token`. */
function fakeGh(logins: Record<string, string>): { PATH: string; log: string } {
  const bin = mkdtempSync(join(tmpdir(), "k8s-weekly-gh-"));
  const log = join(bin, "calls");
  const cases = Object.entries(logins)
    .map(([host, token]) => `  "auth token --hostname ${host}") echo ${token} ;;`)
    .join("\n");
  const fallback = logins["github.com"] ? `echo ${logins["github.com"]}` : "exit 1";
  writeFileSync(
    join(bin, "gh"),
    `#!/bin/sh\necho "$* GH_TOKEN=$GH_TOKEN GITHUB_TOKEN=$GITHUB_TOKEN" >> ${log}\ncase "$*" in\n${cases}\n  "auth token") ${fallback} ;;\n  *) exit 1 ;;\nesac\n`,
  );
  chmodSync(join(bin, "gh"), 0o755);
  return { PATH: `${bin}:${process.env.PATH ?? ""}`, log };
}

async function draftAgainstFake(env: Record<string, string>, extra: string[] = []) {
  server = await startFakeWorld({ items: SAMPLE.items, bare: true });
  const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json", ...extra], env);
  return { result, server };
}

describe("a credential goes only where it belongs", () => {
  it("gh is asked for the API host's login, and stderr names the source, not the value", async () => {
    server = await startFakeWorld({ items: SAMPLE.items, bare: true });
    const host = new URL(server.url).host;
    const gh = fakeGh({ "github.com": GITHUB_COM_TOKEN, [host]: SERVER_TOKEN });
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json"], { PATH: gh.PATH });
    expect(result.code).toBe(0);
    expect(readFileSync(gh.log, "utf8")).toContain(`auth token --hostname ${host}`);
    expect(server.requests.every((request) => request.hadAuth)).toBe(true);
    expect(result.stderr).toContain(`GitHub token: from gh auth token --hostname ${host}\n`);
    expect(result.stderr).not.toContain(SERVER_TOKEN);
  });

  it("no token is sent when gh has a login for github.com only", async () => {
    const gh = fakeGh({ "github.com": GITHUB_COM_TOKEN });
    const { result, server: fake } = await draftAgainstFake({ PATH: gh.PATH });
    expect(result.code).toBe(0);
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests.some((request) => request.hadAuth)).toBe(false);
    expect(result.stderr).toContain(`warning: no token for ${new URL(fake.url).host}`);
  });

  it("github.com's variables are not sent to another host; the enterprise ones are", async () => {
    const gh = fakeGh({});
    const stray = await draftAgainstFake({ PATH: gh.PATH, GITHUB_TOKEN: GITHUB_COM_TOKEN, GH_TOKEN: GITHUB_COM_TOKEN });
    expect(stray.result.code).toBe(0);
    expect(stray.server.requests.some((request) => request.hadAuth)).toBe(false);
    // gh must not be handed github.com's variables to print back either.
    expect(readFileSync(gh.log, "utf8")).not.toContain(GITHUB_COM_TOKEN);
    await server?.close();

    for (const name of ["GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN"]) {
      const { result, server: fake } = await draftAgainstFake({ PATH: gh.PATH, GITHUB_TOKEN: GITHUB_COM_TOKEN, [name]: SERVER_TOKEN });
      expect(result.code).toBe(0);
      expect(fake.requests.every((request) => request.hadAuth)).toBe(true);
      expect(result.stderr).toContain(`GitHub token: from ${name}\n`);
      await server?.close();
    }
    server = null;
  });

  it("GITHUB_TOKEN with GITHUB_API_URL, as GitHub Actions sets them, reaches that server", async () => {
    server = await startFakeWorld({ items: SAMPLE.items, bare: true });
    const result = await runCli(["draft", "--week", "2021-07-04", "--format", "json"], { GITHUB_API_URL: server.url, GITHUB_TOKEN: SERVER_TOKEN });
    expect(result.code).toBe(0);
    expect(server.requests.every((request) => request.hadAuth)).toBe(true);
    expect(result.stderr).toContain("GitHub token: from GITHUB_TOKEN\n");
  });

  it("picks by host the way the GitHub CLI does", () => {
    const none = () => undefined;
    const env = { GITHUB_TOKEN: "a-github-token", GH_TOKEN: "a-gh-token", GH_ENTERPRISE_TOKEN: "an-enterprise-token" };
    expect(resolveToken(undefined, env, "https://api.github.com", none)?.source).toBe("GITHUB_TOKEN");
    expect(resolveToken(undefined, { GH_TOKEN: "a-gh-token" }, "https://api.github.com", none)?.source).toBe("GH_TOKEN");
    expect(resolveToken(undefined, env, "https://ghes.example/api/v3", none)?.source).toBe("GH_ENTERPRISE_TOKEN");
    // Actions on an Enterprise Server: its GITHUB_TOKEN belongs to that server, not to github.com.
    const actions = { GITHUB_TOKEN: "a-ghes-token", GITHUB_API_URL: "https://ghes.example/api/v3" };
    expect(resolveToken(undefined, actions, "https://ghes.example/api/v3", none)?.source).toBe("GITHUB_TOKEN");
    expect(resolveToken(undefined, actions, "https://api.github.com", none)).toBeUndefined();
    const asked: string[] = [];
    resolveToken(undefined, {}, "https://api.github.com", (host) => void asked.push(host));
    resolveToken(undefined, {}, "https://ghes.example/api/v3", (host) => void asked.push(host));
    expect(asked).toEqual(["github.com", "ghes.example"]);
  });

  it("a token is never sent over plain http except to a loopback address", async () => {
    const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", "http://ghes.example.invalid/api/v3", "--token", SERVER_TOKEN, "--timeout", "1"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe(
      "k8s-weekly: --api-url http://ghes.example.invalid/api/v3: refusing to send a GitHub token over plain http; use https (http only for a loopback address); see k8s-weekly draft --help",
    );
  });

  it("a --token shorter than 8 characters is a usage error that does not echo it", async () => {
    const result = await runCli(["draft", "--week", "2021-07-04", "--offline", "--token", "e"]);
    expect(result).toEqual({ code: 2, stdout: "", stderr: "k8s-weekly: --token: too short for a GitHub token (1 character); give the whole token; see k8s-weekly draft --help\n" });
  });
});

describe("a rejected token", () => {
  it("names the sources of a token for github.com itself", async () => {
    const { toGitHubFailure } = await import("../src/fetch/github-errors.js");
    const { tokenHint } = await import("../src/hosts.js");
    const rejected = Object.assign(new Error("Bad credentials"), { status: 401 });
    expect(toGitHubFailure(rejected, "fetching", tokenHint("https://api.github.com")).message).toBe(
      "fetching: GitHub rejected the token (401 Bad credentials); check --token, GITHUB_TOKEN, GH_TOKEN or gh auth login",
    );
    expect(toGitHubFailure(rejected, "fetching", tokenHint("https://ghe.example.com/api/v3")).message).toBe(
      "fetching: GitHub rejected the token (401 Bad credentials); check --token, GH_ENTERPRISE_TOKEN, GITHUB_ENTERPRISE_TOKEN or gh auth login --hostname ghe.example.com",
    );
  });
});
