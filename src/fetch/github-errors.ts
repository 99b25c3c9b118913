import { FailureError, UsageError } from "../errors.js";

interface HttpishError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
  errors?: Array<{ type?: string; message?: string }>;
  headers?: Record<string, string | undefined>;
  name?: string;
  cause?: unknown;
}

function isHttpish(error: unknown): error is HttpishError {
  return typeof error === "object" && error !== null;
}

/**
 * Turns what Octokit throws into one of our two error types with a message a user can act on.
 * Octokit's own messages may echo request details, so only the parts we choose are shown.
 */
/** `tokenHint` names where a token for this API comes from, which differs for an Enterprise host. */
export function toGitHubFailure(error: unknown, what: string, tokenHint = "--token, GITHUB_TOKEN or GH_TOKEN"): Error {
  if (error instanceof UsageError) return error;
  if (error instanceof FailureError) return new FailureError(`${what}: ${error.message}`);
  if (!isHttpish(error)) return new FailureError(`${what}: ${String(error)}`);
  const status = error.status ?? 0;
  const headers = error.response?.headers ?? {};
  const graphqlError = error.errors?.[0];
  if (graphqlError?.type === "NOT_FOUND") {
    return new FailureError(`${what}: GitHub has no such repository (${firstLine(graphqlError.message)}); check --repo and that the token can read it`);
  }
  // plugin-throttling throws its own "GraphQL Rate Limit Exceeded" with the response attached.
  const responseErrors = (error.response?.data as { errors?: Array<{ type?: string }> } | undefined)?.errors;
  if (graphqlError?.type === "RATE_LIMITED" || responseErrors?.some((entry) => entry.type === "RATE_LIMITED")) {
    return rateLimitFailure(what, error.headers?.["x-ratelimit-reset"] ?? headers["x-ratelimit-reset"]);
  }
  if (graphqlError) {
    return new FailureError(`${what}: GitHub answered with an error (${firstLine(graphqlError.message)})`);
  }
  if (status === 401) {
    return new FailureError(
      `${what}: GitHub rejected the token (401 Bad credentials); check ${tokenHint}`,
    );
  }
  if ((status === 403 || status === 429) && headers["x-ratelimit-remaining"] === "0") {
    return rateLimitFailure(what, headers["x-ratelimit-reset"]);
  }
  if (status === 403 || status === 429) {
    const wait = Number(headers["retry-after"]);
    if (Number.isInteger(wait) && wait > 0) {
      return new FailureError(`${what}: GitHub refused with ${status} (secondary rate limit) and asked to wait ${wait} s; run again after that, or raise --max-wait above it to wait it out`);
    }
    return new FailureError(`${what}: GitHub kept refusing with ${status} (secondary rate limit); try again in a few minutes`);
  }
  if (status === 404 || status === 422) {
    return new FailureError(`${what}: GitHub answered ${status} (${firstLine(error.message)}); check that the repository exists and the token can read it`);
  }
  // Octokit wraps what our fetch throws, keeping it as the cause.
  const cause = error.cause as { name?: string; message?: string } | undefined;
  if (cause?.name === "SlowBodyError") {
    return new FailureError(`${what}: ${firstLine(cause.message)}; check --api-url or raise --timeout`);
  }
  if (error.name === "TimeoutError" || error.name === "AbortError" || /timeout|aborted/i.test(error.message ?? "")) {
    return new FailureError(`${what}: GitHub did not answer in time; check --api-url or raise --timeout`);
  }
  if (status === 500 && !error.response) {
    // Octokit reports a request that never got an answer (refused, DNS, TLS) as a 500.
    return new FailureError(`${what}: could not reach GitHub (${firstLine(error.message)}); check --api-url and the network, or add --offline to draft from the cache or a shipped sample week`);
  }
  if (status >= 500) {
    return new FailureError(`${what}: GitHub answered ${status} after retries; try again later`);
  }
  return new FailureError(`${what}: ${firstLine(error.message)}`);
}

function rateLimitFailure(what: string, resetHeader: string | undefined): FailureError {
  const reset = Number(resetHeader);
  const when = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toISOString() : "an unknown time";
  return new FailureError(`${what}: GitHub rate limit exhausted until ${when}; run again after the reset or raise --max-wait`);
}

export function firstLine(message: string | undefined): string {
  return (message ?? "unknown error").split("\n")[0]?.slice(0, 200) ?? "unknown error";
}
