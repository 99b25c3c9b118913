import { describe, expect, it } from "vitest";
import { isPageOn, PULL_PATH, RELEASE_PATH } from "../src/fetch/schemas.js";

/** isPageOn as it was before its fast path: every URL parsed. */
function parsedIsPageOn(url: string, webHost: string, path: RegExp): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === "https:" && parsed.host === webHost && parsed.username === "" && parsed.password === "" && path.test(parsed.pathname);
}

describe("isPageOn's fast path for plain page URLs", () => {
  it("agrees with parsing the URL, for any URL built from page-like pieces and any web host", async () => {
    const fc = (await import("fast-check")).default;
    const piece = fc.constantFrom("https://", "http://", "github.com", "GitHub.com", "ghe.example", ":443", "1.2.3", "xn--", "a", "-", ".", "..", "/", "pull", "releases/", "7", "_", "~", "%2e", " ", "\t", "\\", "é", "?x", "#y", "@", "user:pw@");
    const host = fc.constantFrom("github.com", "GitHub.com", "github.com:443", "ghe.example:8443", "127.1", "user@github.com", "github.com.", "xn--a.com", "");
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), host, fc.boolean(), fc.constantFrom(PULL_PATH, RELEASE_PATH), (pieces, webHost, onHost, path) => {
        const url = onHost ? `https://${webHost}${pieces.join("")}` : pieces.join("");
        expect(isPageOn(url, webHost, path)).toBe(parsedIsPageOn(url, webHost, path));
      }),
      { numRuns: 5000, seed: 13 },
    );
  });

  it("agrees with parsing the URL on pull request paths and their near misses", async () => {
    const fc = (await import("fast-check")).default;
    const segment = fc.constantFrom("kubernetes", "a-b", "x.y", "_", "~", ".", "..", "", "pull", "releases", "123", "7", "%2e", "a b", "é");
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.constantFrom("", "/"), (segments, end) => {
        const url = `https://github.com/${segments.join("/")}${end}`;
        expect(isPageOn(url, "github.com", PULL_PATH)).toBe(parsedIsPageOn(url, "github.com", PULL_PATH));
      }),
      { numRuns: 5000, seed: 17 },
    );
  });

  it("still parses what it cannot vouch for", () => {
    expect(isPageOn("https://github.com/kubernetes/kubernetes/pull/1", "github.com", PULL_PATH)).toBe(true);
    expect(isPageOn("https://github.com/a/../pull/1", "github.com", PULL_PATH)).toBe(false);
    expect(isPageOn("https://GitHub.com/kubernetes/kubernetes/pull/1", "GitHub.com", PULL_PATH)).toBe(false);
    expect(isPageOn("https://github.com:443/kubernetes/kubernetes/pull/1", "github.com", PULL_PATH)).toBe(true);
  });
});
