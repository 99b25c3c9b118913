import fc from "fast-check";
import { describe, expect, it } from "vitest";

// A fixed seed keeps CI reproducible; change it (or run with a random one) to explore further.
fc.configureGlobal({ seed: 20261126 });
import { classifyWeek } from "../../src/classify/classify.js";
import { findKep, releaseNoteBlock } from "../../src/classify/signals.js";
import { UsageError } from "../../src/errors.js";
import type { PullRequest } from "../../src/types.js";
import { resolveWeek } from "../../src/week.js";

const week = { ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" };
const FRAGMENTS = ["```release-note\n", "```", "NONE", "<!--", "-->", "**Release note**:", "/kind feature", "kep.k8s.io/", "https://github.com/kubernetes/enhancements/issues/", "keps/sig-node/", "Promote ", " to beta", " to GA", "Bump ", " to v1.2.3", "`", "[", "](", ")", "\n", "#### ", "deprecate", "{{", "{%", "\u202E", "\u200B"];
const messyText = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string(), fc.integer().map(String)), { maxLength: 40 }).map((parts) => parts.join(""));

function prWith(title: string, body: string, labels: string[]): PullRequest {
  return { repo: "kubernetes/kubernetes", number: 1, url: "https://github.com/kubernetes/kubernetes/pull/1", title, author: "someone", authorIsBot: false, labels, body, mergedAt: "2021-06-30T12:00:00Z", baseRef: "master" };
}

/** A body that is the worst case for backtracking: many openers and no closers. */
function hugeBody(unit: string): string {
  return unit.repeat(Math.ceil(1_000_000 / unit.length));
}

describe("parsers on arbitrary input", () => {
  it("--week: every value is a date or a usage error that names it", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10))), (value) => {
        try {
          resolveWeek(value, new Date("2030-01-01T00:00:00Z"));
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          expect((error as Error).message.startsWith(`--week ${value}`) || (error as Error).message.startsWith(`--week "${value}"`)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("release-note blocks and KEP links never throw and KEP links are URLs", () => {
    fc.assert(
      fc.property(messyText, messyText, (body, title) => {
        const note = releaseNoteBlock(body);
        // A block needs a fence, a fence named release-note always opens one, and a note is trimmed.
        if (/```release-note/i.test(body)) expect(note).not.toBeNull();
        if (note !== null) {
          expect(body).toContain("```");
          expect(note).toBe(note.trim());
        }
        const kep = findKep(body, title);
        if (kep !== undefined) expect(() => new URL(kep)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it("the classifier accounts for every PR, whatever its title, body and labels", () => {
    const labels = fc.subarray(["kind/feature", "kind/api-change", "kind/deprecation", "kind/bug", "kind/cleanup", "release-note", "release-note-none", "area/dependency", "kind/flake"]);
    fc.assert(
      fc.property(fc.array(fc.tuple(messyText, messyText, labels), { minLength: 1, maxLength: 8 }), (cases) => {
        const prs = cases.map(([title, body, names], index) => ({ ...prWith(title, body, names), number: index + 1 }));
        const result = classifyWeek(prs, { week, defaultBranches: { "kubernetes/kubernetes": "master" } });
        expect(result.reported.length + result.skipped.length).toBe(prs.length);
        for (const entry of result.reported) expect(entry.line.startsWith("* ")).toBe(true);
        for (const entry of result.reported) expect(entry.line).not.toMatch(/\n/);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ["unterminated release-note blocks", "```release-note\nx "],
    ["unclosed HTML comments", "<!-- a "],
    ["KEP-like links", "https://github.com/kubernetes/enhancements/issues/1 keps/sig-x/"],
    ["brackets and backticks", "[`a`](b "],
    ["release note headings", "**Release note**: <!-- "],
  ])("a 1 MB body of %s is handled in linear time", (_name, unit) => {
    const body = hugeBody(unit);
    const started = performance.now();
    releaseNoteBlock(body);
    findKep(body, "title");
    classifyWeek([prWith("Add a feature to kubelet", body, ["kind/feature", "release-note"])], { week, defaultBranches: {} });
    // Linear work on 1 MB takes milliseconds; a catastrophic pattern would take minutes.
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
