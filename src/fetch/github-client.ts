import { Octokit } from "@octokit/rest";
import { retry } from "@octokit/plugin-retry";
import { throttling, type ThrottlingOptions } from "@octokit/plugin-throttling";
import Bottleneck from "bottleneck";
import { tokenHint, webHostOf } from "../hosts.js";
import { FailureError } from "../errors.js";
import type { Logger } from "../logger.js";

export const GITHUB_API_VERSION = "2022-11-28";

/** Far above any answer GitHub gives (a 100-PR page with bodies is about 1 MB), far below what would exhaust memory. */
export const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

/** Retries after a 5xx or a dropped connection; plugin-retry waits (attempt)² seconds before each: 1 s, then 4 s. */
const RETRIES = 2;

/** Seconds GitHub asks between two searches; a search's retry waits for them too. */
const SEARCH_SPACING = 2;

/** A body that stalled after its headers: worth a retry, and reported as a timeout rather than as bad JSON. */
export class SlowBodyError extends Error {
  override readonly name = "SlowBodyError";
}

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
  /** --max-requests: a run never sends more, so no server can spend the whole rate limit. */
  maxRequests: number;
  maxResponseBytes?: number;
}

export interface GitHubClient {
  octokit: InstanceType<typeof ThrottledOctokit>;
  authenticated: boolean;
  /** HTTP requests actually sent, retries included. */
  requestCount(): number;
  /** The host PR and release pages of this API live on: their links must point there. */
  webHost: string;
  /** Where to look for a token this API accepts, for the message when it rejects one. */
  tokenHint: string;
  /** Why the client stopped for good (a limit, a foreign host), or null; callers that turn errors into warnings must still fail on it. */
  failure(): FailureError | null;
  /** Resolves once the next request has been handed to the network, so that CPU work can run while GitHub answers it. */
  nextRequestSent(): Promise<void>;
}

/**
 * plugin-retry waits (retryCount + 1)² seconds before a retry, 1 s then 4 s, reading retryCount
 * from `options.request`. Two things undo that count, and these two plugins put it right.
 *
 * Octokit hands every request that names no `request` option the same `options.request` object,
 * so a count left by one request's retries started the next request's: its first retry waited
 * 9 s. Outside plugin-retry, ownRetryCount gives each request an object of its own, from 0.
 */
function ownRetryCount(octokit: Pick<Octokit, "hook">): Record<string, never> {
  octokit.hook.wrap("request", (request, options) => {
    options.request = { ...options.request };
    delete options.request.retryCount;
    return request(options);
  });
  return {};
}

/**
 * plugin-throttling, on every failed GraphQL request that is not a rate limit, writes its own
 * count over it (0, as it retried nothing), so every GraphQL retry waited 1 s. Between the two
 * plugins, keepRetryCount puts plugin-retry's count back.
 */
function keepRetryCount(octokit: Pick<Octokit, "hook">): Record<string, never> {
  octokit.hook.wrap("request", async (request, options) => {
    const retryCount: unknown = options.request.retryCount;
    try {
      return await request(options);
    } catch (error) {
      options.request.retryCount = retryCount;
      throw error;
    }
  });
  return {};
}

// In that order: a plugin's hooks wrap those of the plugins before it.
const ThrottledOctokit = Octokit.plugin(throttling, keepRetryCount, retry, ownRetryCount);

let clients = 0;

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  let requests = 0;
  let fatal: FailureError | null = null;
  const second = options.waitSecondMs ?? 1000;
  const { logger } = options;
  const baseUrl = options.apiUrl.replace(/\/+$/, "");
  const api = new URL(baseUrl);
  const apiPath = api.pathname.replace(/\/+$/, "");
  const maxBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const timeoutSeconds = options.timeoutMs / 1000;
  // Consecutive failures of the same request, to say before each retry how long it waits.
  const failures = new Map<string, number>();
  let requestSent: (() => void)[] = [];

  /**
   * Ends the run for good. Octokit gets a 400, which nothing retries, and the hook below replaces
   * the error it raises with this one.
   */
  const stop = (error: FailureError): Response => {
    fatal ??= error;
    return new Response(JSON.stringify({ message: error.message }), { status: 400, headers: { "content-type": "application/json" } });
  };

  const timedFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    const method = init?.method ?? "GET";
    const where = `${method} ${url.pathname}`;
    if (fatal) return stop(fatal);
    // Link headers and redirects come from the server: a token and a user's trust stop at the API host.
    if (url.origin !== api.origin) {
      return stop(new FailureError(`GitHub pointed ${where} to ${url.host}, which is not the API host ${api.host}; k8s-weekly follows no link or redirect off it (check --api-url)`));
    }
    if (requests >= options.maxRequests) {
      return stop(new FailureError(`stopped after ${options.maxRequests} ${options.maxRequests === 1 ? "request" : "requests"} to GitHub (--max-requests); raise --max-requests (a week takes a few, more only when the server misbehaves)`));
    }
    requests += 1;
    const searching = method === "GET" && url.pathname.slice(apiPath.length).startsWith("/search/");
    const attemptKey = `${where}?${url.search} ${typeof init?.body === "string" ? init.body : ""}`;
    const retrying = (reason: string) => {
      const attempt = (failures.get(attemptKey) ?? 0) + 1;
      failures.set(attemptKey, attempt);
      // The search queue spaces searches from this attempt's start: a retry waits for what is left of
      // that, when it is longer than its back-off (a 502 after 1.5 s leaves 0.5 s: the back-off's 1 s).
      const spacingLeft = Math.ceil(SEARCH_SPACING - (Date.now() - started) / second);
      const wait = searching ? Math.max(attempt ** 2, spacingLeft) : attempt ** 2;
      if (attempt <= RETRIES) logger.info(`${where}: ${reason}; retrying in ${wait} s (attempt ${attempt + 1} of ${RETRIES + 1})`);
    };
    const started = Date.now();
    const signal = AbortSignal.timeout(options.timeoutMs);
    let response: Response;
    try {
      // Redirects are followed below, where their target can be checked.
      const sending = fetch(url, { ...init, redirect: "manual", signal });
      for (const resolve of requestSent) resolve();
      requestSent = [];
      response = await sending;
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError";
      const reason = timedOut ? `no answer in ${timeoutSeconds} s (timed out)` : `failed (${(error as Error).message})`;
      logger.debug(`${where} ${reason}`);
      retrying(reason);
      throw error;
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      logger.debug(`${where} ${response.status} redirect to ${location.slice(0, 200)}`);
      const target = new URL(location, url);
      // As fetch does: 307 and 308 repeat the request, the others turn it into a GET.
      const keep = response.status === 307 || response.status === 308;
      return timedFetch(target, keep ? init : { ...init, method: "GET", body: null });
    }
    const declared = Number(response.headers.get("content-length") ?? "0");
    let body: ArrayBuffer;
    try {
      if (declared > maxBytes) throw new TooLargeError();
      body = await readCapped(response, maxBytes);
    } catch (error) {
      if (error instanceof TooLargeError) {
        logger.debug(`${where} ${response.status}: larger than ${maxBytes / 1024 / 1024} MB, not read`);
        return stop(new FailureError(`GitHub's answer to ${where} is larger than ${maxBytes / 1024 / 1024} MB; k8s-weekly does not read it (check --api-url)`));
      }
      const reason = `${response.status} but did not finish sending in ${timeoutSeconds} s (timed out)`;
      logger.debug(`${where} ${reason}`);
      retrying(reason);
      throw new SlowBodyError(`GitHub did not finish sending its answer to ${where} in ${timeoutSeconds} s`);
    }
    const left = response.headers.get("x-ratelimit-remaining");
    logger.debug(`${where} ${response.status} ${Date.now() - started}ms${left === null ? "" : ` (rate limit left: ${left})`}`);
    if (response.status >= 500) retrying(`GitHub answered ${response.status}`);
    else failures.delete(attemptKey);
    return new Response(response.status === 204 || response.status === 205 ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  const throttle = {
    // GitHub asks for one second between mutations; the plugin applies that to every GraphQL
    // call, but ours are read-only queries issued one after another.
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    // The plugin's default search group is shared by every client in the process; ours is not,
    // and keeps GitHub's two seconds between searches in its own unit.
    search: new Bottleneck.Group({ maxConcurrent: 1, minTime: SEARCH_SPACING * second }),
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
    baseUrl,
    userAgent: options.userAgent,
    request: { fetch: timedFetch },
    // timedFetch logs every attempt once; the request-log plugin's error lines would repeat them.
    log: { debug: () => {}, info: () => {}, warn: (message: string) => logger.debug(message), error: () => {} },
    throttle,
    // Two retries (after 1 s and 4 s) ride out a blip; more would stretch a dead server into minutes.
    // A 429 is the throttling plugin's to wait out or give up on: retried at once, a secondary
    // limit GitHub asked us to wait out would be hammered (the plugin's list leaves 429 out).
    retry: { retries: RETRIES, retryAfterBaseValue: second, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
  });
  // Octokit 7 drops constructor `headers`; a hook pins the API version on REST and GraphQL alike.
  octokit.hook.before("request", (request) => {
    request.headers["x-github-api-version"] = GITHUB_API_VERSION;
  });
  // Registered last, so it sits outside retries and throttling: a stop is final.
  octokit.hook.wrap("request", async (request, requestOptions) => {
    if (fatal) throw fatal;
    try {
      return await request(requestOptions);
    } catch (error) {
      throw fatal ?? error;
    }
  });
  return {
    octokit,
    authenticated: Boolean(options.token),
    requestCount: () => requests,
    webHost: webHostOf(baseUrl),
    tokenHint: tokenHint(baseUrl),
    failure: () => fatal,
    nextRequestSent: () =>
      new Promise<void>((resolve) => {
        // undici writes the request a few ticks after fetch() returns: a task later it is out.
        requestSent.push(() => setImmediate(resolve));
      }),
  };
}

class TooLargeError extends Error {}

/** The whole body, or TooLargeError as soon as it passes the cap; a stall rejects with the request's timeout. */
async function readCapped(response: Response, maxBytes: number): Promise<ArrayBuffer> {
  if (!response.body) return new ArrayBuffer(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new TooLargeError();
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole.buffer;
}
