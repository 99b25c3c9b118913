import { Octokit } from "@octokit/rest";
import { retry } from "@octokit/plugin-retry";
import { throttling, type ThrottlingOptions } from "@octokit/plugin-throttling";
import Bottleneck from "bottleneck";
import type { Logger } from "../logger.js";

export const GITHUB_API_VERSION = "2022-11-28";

export interface GitHubClientOptions {
  token?: string;
  apiUrl: string;
  logger: Logger;
  /** Per HTTP attempt, so a server that never answers cannot hang the run. */
  timeoutMs: number;
  /** Longest wait for a primary rate-limit reset before giving up. */
  maxWaitSeconds: number;
  userAgent: string;
  /** Milliseconds one second of waiting lasts (back-off, resets, search spacing): 1000 but in tests. */
  waitSecondMs?: number;
}

export interface GitHubClient {
  octokit: InstanceType<typeof ThrottledOctokit>;
  authenticated: boolean;
  /** HTTP requests actually sent, retries included. */
  requestCount(): number;
}

const ThrottledOctokit = Octokit.plugin(throttling, retry);

let clients = 0;

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  let requests = 0;
  const second = options.waitSecondMs ?? 1000;
  const { logger } = options;
  const timedFetch: typeof fetch = async (input, init) => {
    requests += 1;
    const started = Date.now();
    const response = await fetch(input, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
    const method = init?.method ?? "GET";
    const path = new URL(typeof input === "string" || input instanceof URL ? input : input.url).pathname;
    const left = response.headers.get("x-ratelimit-remaining");
    logger.debug(
      `${method} ${path} ${response.status} ${Date.now() - started}ms${left === null ? "" : ` (rate limit left: ${left})`}`,
    );
    return response;
  };
  const throttle = {
    // GitHub asks for one second between mutations; the plugin applies that to every GraphQL
    // call, but ours are read-only queries issued one after another.
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    // The plugin's default search group is shared by every client in the process; ours is not,
    // and keeps GitHub's two seconds between searches in its own unit.
    search: new Bottleneck.Group({ maxConcurrent: 1, minTime: 2 * second }),
    // Its remaining groups are shared by key, so a key per client keeps clients apart.
    id: `k8s-weekly-${(clients += 1)}`,
    retryAfterBaseValue: second,
    onRateLimit: (retryAfter, request, _octokit, retryCount) => {
      if (retryCount < 2 && retryAfter <= options.maxWaitSeconds) {
        logger.warn(`GitHub rate limit reached on ${request.method} ${request.url}; waiting ${retryAfter}s for the reset`);
        return true;
      }
      return false;
    },
    onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
      if (retryCount < 3 && retryAfter <= options.maxWaitSeconds) {
        logger.warn(`GitHub secondary rate limit on ${request.method} ${request.url}; retrying in ${retryAfter}s`);
        return true;
      }
      return false;
    },
  } satisfies ThrottlingOptions;
  const octokit = new ThrottledOctokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: options.apiUrl.replace(/\/+$/, ""),
    userAgent: options.userAgent,
    request: { fetch: timedFetch },
    log: { debug: () => {}, info: () => {}, warn: (message: string) => logger.debug(message), error: (message: string) => logger.debug(message) },
    throttle,
    // Two retries (after 1 s and 4 s) ride out a blip; more would stretch a dead server into minutes.
    retry: { retries: 2, retryAfterBaseValue: second },
  });
  // Octokit 7 drops constructor `headers`; a hook pins the API version on REST and GraphQL alike.
  octokit.hook.before("request", (request) => {
    request.headers["x-github-api-version"] = GITHUB_API_VERSION;
  });
  return { octokit, authenticated: Boolean(options.token), requestCount: () => requests };
}
