import { execFileSync } from "node:child_process";

/** `--token`, else GITHUB_TOKEN, else GH_TOKEN, else the GitHub CLI's login when it has one. */
export function resolveToken(flag: string | undefined, env: NodeJS.ProcessEnv, ghToken: () => string | undefined = () => ghAuthToken(env)): string | undefined {
  return nonEmpty(flag) ?? nonEmpty(env.GITHUB_TOKEN) ?? nonEmpty(env.GH_TOKEN) ?? ghToken();
}

/** With the run's own environment: its PATH finds gh, and gh reads its config from its HOME. */
function ghAuthToken(env: NodeJS.ProcessEnv): string | undefined {
  try {
    const output = execFileSync("gh", ["auth", "token"], { encoding: "utf8", timeout: 3000, stdio: ["ignore", "pipe", "ignore"], env });
    return nonEmpty(output.trim());
  } catch {
    // No gh, or not logged in: run without a token.
    return undefined;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.length > 0 ? value : undefined;
}
