import { execFileSync } from "node:child_process";
import { ghHostOf, isGitHubDotCom } from "./hosts.js";
import { TOKEN_VARIABLES } from "./token-variables.js";

/** The token and where it came from, so stderr can name the source without ever showing the value. */
export interface TokenChoice {
  token: string;
  /** `--token`, a variable's name, or the gh command that printed it. */
  source: string;
}

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
