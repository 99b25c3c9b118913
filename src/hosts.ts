// Which host a token, a login and a page belong to. Apart from auth.ts, which starts gh, so that
// fetch code can ask without loading child_process.

/**
 * Hosts whose tokens are github.com's (and GHE.com tenants'): there GITHUB_TOKEN and GH_TOKEN
 * apply, as they do for the GitHub CLI. Every other host is an Enterprise Server.
 */
export function isGitHubDotCom(hostname: string): boolean {
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

/** Which variables would be read for this API URL, for the "no token" hint. */
export function tokenHint(apiUrl: string): string {
  return isGitHubDotCom(new URL(apiUrl).hostname)
    ? "--token, GITHUB_TOKEN, GH_TOKEN or gh auth login"
    : `--token, GH_ENTERPRISE_TOKEN, GITHUB_ENTERPRISE_TOKEN or gh auth login --hostname ${ghHostOf(apiUrl)}`;
}
