import type { Endpoint, Fault, Reply } from "./types.js";
import { jsonReply } from "./types.js";

export type FaultAction =
  | { kind: "none" }
  | { kind: "drop" }
  | { kind: "hang" }
  | { kind: "incomplete" }
  | { kind: "reply"; reply: Reply };

const SECONDARY = {
  message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
  documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
};

/** Counts calls per endpoint so a fault can target "the 2nd search" regardless of other traffic. */
export class FaultPlan {
  private readonly counts: Record<Fault["endpoint"], number> = { search: 0, graphql: 0, repos: 0, any: 0 };

  constructor(private readonly faults: readonly Fault[]) {}

  next(endpoint: Endpoint): Fault | undefined {
    this.counts.any += 1;
    if (endpoint !== "other") this.counts[endpoint] += 1;
    return this.faults.find((fault) => fault.nth === this.counts[fault.endpoint] && (fault.endpoint === "any" || fault.endpoint === endpoint));
  }
}

export function faultAction(fault: Fault, endpoint: Endpoint, authed: boolean, nowSeconds: number): FaultAction {
  switch (fault.kind) {
    case "drop":
    case "hang":
      return { kind: fault.kind };
    case "incomplete":
      // Only REST search has an `incomplete_results` flag; elsewhere the call succeeds.
      return endpoint === "search" ? { kind: "incomplete" } : { kind: "none" };
    case "502":
    case "503":
      return { kind: "reply", reply: jsonReply(Number(fault.kind), { message: "Server Error" }) };
    case "secondary-403":
    case "secondary-429":
      return {
        kind: "reply",
        reply: jsonReply(fault.kind === "secondary-403" ? 403 : 429, SECONDARY, {
          "retry-after": String(fault.retryAfter ?? 1),
        }),
      };
    case "malformed":
      return {
        kind: "reply",
        reply: {
          status: 200,
          body: endpoint === "graphql" ? '{"data": {"search": {"issueCount": 3, "nodes": [' : '{"total_count": 3, "items": [',
        },
      };
    case "primary": {
      const headers = { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(nowSeconds + (fault.resetIn ?? 1)) };
      // GitHub's GraphQL API reports an exhausted primary limit in a 200 body, not with a 403.
      if (endpoint === "graphql") {
        const errors = [{ type: "RATE_LIMITED", message: "API rate limit already exceeded for user ID 1." }];
        return { kind: "reply", reply: jsonReply(200, { errors }, headers) };
      }
      const message = authed
        ? "API rate limit exceeded for user ID 1."
        : "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)";
      const documentation_url = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
      return { kind: "reply", reply: jsonReply(403, { message, documentation_url }, headers) };
    }
  }
}
