import { execFileSync } from "node:child_process";

/** The token and where it came from, so stderr can name the source without ever showing the value. */
export interface TokenChoice {
  token: string;
  /** `--token`, a variable's name, or the gh command that printed it. */
  source: string;
}

/**
 * Hosts whose tokens are github.com's (and GHE.com tenants'): there GITHUB_TOKEN and GH_TOKEN
 * apply, as they do for the GitHub CLI. Every other host is an Enterprise Server.
 */
function isGitHubDotCom(hostname: string): boolean {
  return hostname === "api.github.com" || /^api\.[a-z0-9-]+\.ghe\.com$/.test(hostname);
}

/**
 * The host the GitHub CLI files the API's login under, and the host PR and release pages live on:
 * github.com for api.github.com, TENANT.ghe.com for api.TENANT.ghe.com, the server itself for an
 * Enterprise Server (https://HOST/api/v3).
 */
export function webHostOf(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (isGitHubDotCom(url.hostname)) return url.hostname.slice("api.".length);
  // A server on a loopback address is a test or a local mirror standing in for github.com; its
  // data links to github.com like GitHub's does.
  if (isLoopback(url.hostname)) return "github.com";
  return url.host;
}

/** The host `gh auth token --hostname` is asked about: the web host, except that a loopback server is its own. */
export function ghHostOf(apiUrl: string): string {
  const url = new URL(apiUrl);
  return isLoopback(url.hostname) ? url.host : webHostOf(apiUrl);
}

export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Variables that may hold a token, for masking: whichever applies, none may ever be printed. */
export const TOKEN_VARIABLES = ["GITHUB_TOKEN", "GH_TOKEN", "GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN"] as const;

/**
 * The token for the API at `apiUrl`, following the GitHub CLI's conventions so that a credential
 * only goes to the host it was made for: `--token`; for github.com GITHUB_TOKEN then GH_TOKEN;
 * for any other host GH_ENTERPRISE_TOKEN then GITHUB_ENTERPRISE_TOKEN; GITHUB_TOKEN also for the
 * host GITHUB_API_URL names, as GitHub Actions sets both (on an Enterprise Server, for that
 * server); else what `gh auth token --hostname HOST` prints.
 */
export function resolveToken(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  apiUrl: string,
  ghToken: (host: string) => string | undefined = (host) => ghAuthToken(env, host),
): TokenChoice | undefined {
  if (nonEmpty(flag)) return { token: flag as string, source: "--token" };
  const api = new URL(apiUrl);
  const actionsUrl = nonEmpty(env.GITHUB_API_URL);
  const actionsHost = actionsUrl ? parsedOrigin(actionsUrl) : null;
  const fromVariable = (name: (typeof TOKEN_VARIABLES)[number]): TokenChoice | undefined => {
    const value = nonEmpty(env[name]);
    return value ? { token: value, source: name } : undefined;
  };
  if (isGitHubDotCom(api.hostname)) {
    // In Actions on an Enterprise Server, GITHUB_TOKEN belongs to that server, not to github.com.
    const actionsTokenFits = actionsHost === null || actionsHost === api.origin;
    const found = (actionsTokenFits ? fromVariable("GITHUB_TOKEN") : undefined) ?? fromVariable("GH_TOKEN");
    if (found) return found;
  } else {
    const found =
      fromVariable("GH_ENTERPRISE_TOKEN") ??
      fromVariable("GITHUB_ENTERPRISE_TOKEN") ??
      (actionsHost === api.origin ? fromVariable("GITHUB_TOKEN") : undefined);
    if (found) return found;
  }
  const host = ghHostOf(apiUrl);
  const token = ghToken(host);
  return token ? { token, source: `gh auth token --hostname ${host}` } : undefined;
}

/** Which variables would be read for this API URL, for the "no token" hint. */
export function tokenHint(apiUrl: string): string {
  return isGitHubDotCom(new URL(apiUrl).hostname)
    ? "--token, GITHUB_TOKEN, GH_TOKEN or gh auth login"
    : `--token, GH_ENTERPRISE_TOKEN, GITHUB_ENTERPRISE_TOKEN or gh auth login --hostname ${ghHostOf(apiUrl)}`;
}

/** With the run's own environment: its PATH finds gh, and gh reads its config from its HOME. */
function ghAuthToken(env: NodeJS.ProcessEnv, host: string): string | undefined {
  try {
    // Without --hostname gh answers for its default host, whatever server the run talks to. The
    // token variables are left out: gh would print them back for hosts they were not meant for.
    const ghEnv = Object.fromEntries(Object.entries(env).filter(([name]) => !(TOKEN_VARIABLES as readonly string[]).includes(name)));
    const output = execFileSync("gh", ["auth", "token", "--hostname", host], {
      encoding: "utf8",
      timeout: 3000,
      stdio: ["ignore", "pipe", "ignore"],
      env: ghEnv,
    });
    return nonEmpty(output.trim());
  } catch {
    // No gh, or no login for this host: run without a token.
    return undefined;
  }
}

function parsedOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.length > 0 ? value : undefined;
}
