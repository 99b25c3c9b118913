export type Resource = "core" | "search" | "graphql";

export interface RateSnapshot {
  resource: Resource;
  limit: number;
  remaining: number;
  used: number;
  /** Epoch seconds. */
  reset: number;
}

/** [unauthenticated, authenticated] limits and the window length in seconds, as on github.com. */
const LIMITS: Record<Resource, { anon: number; authed: number; window: number }> = {
  core: { anon: 60, authed: 5000, window: 3600 },
  search: { anon: 10, authed: 30, window: 60 },
  // GraphQL refuses anonymous callers, and its 401 says so with a zero limit.
  graphql: { anon: 0, authed: 5000, window: 3600 },
};

/**
 * Counts down like GitHub's headers but never refuses a call on its own: tests that want a
 * rate-limit answer inject a "primary" fault, so a long test cannot trip over the count.
 */
export class RateBook {
  private readonly buckets = new Map<string, { used: number; reset: number }>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  charge(resource: Resource, authed: boolean, points: number): RateSnapshot {
    const key = `${resource}:${authed}`;
    const nowSeconds = Math.floor(this.now() / 1000);
    let bucket = this.buckets.get(key);
    if (!bucket || nowSeconds >= bucket.reset) {
      bucket = { used: 0, reset: nowSeconds + LIMITS[resource].window };
      this.buckets.set(key, bucket);
    }
    bucket.used += points;
    const limit = authed ? LIMITS[resource].authed : LIMITS[resource].anon;
    return { resource, limit, remaining: Math.max(0, limit - bucket.used), used: bucket.used, reset: bucket.reset };
  }

  peek(resource: Resource, authed: boolean): RateSnapshot {
    return this.charge(resource, authed, 0);
  }
}

export function rateHeaders(rate: RateSnapshot): Record<string, string> {
  return {
    "x-ratelimit-limit": String(rate.limit),
    "x-ratelimit-remaining": String(rate.remaining),
    "x-ratelimit-reset": String(rate.reset),
    "x-ratelimit-used": String(rate.used),
    "x-ratelimit-resource": rate.resource,
  };
}
