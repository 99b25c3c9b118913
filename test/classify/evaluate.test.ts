import { describe, expect, it } from "vitest";
import type { Classification } from "../../src/classify/classify.js";
import { poolScores, scoreWeek, share } from "../../src/classify/evaluate.js";
import { escapeInline } from "../../src/markdown/escape.js";
import type { ClassifiedSection } from "../../src/classify/rules.js";
import { pr } from "./fixtures.js";

function draft(sections: Array<[number, ClassifiedSection]>, candidates: number[] = []): Classification {
  return {
    reported: sections.map(([number, section]) => ({ pr: pr(number, "t"), section, reason: "r", line: "* [l](https://x.example/)", bullet: { label: escapeInline("l"), url: "https://x.example/", also: [] }, score: 0, signals: [] })),
    skipped: [],
    featuredCandidates: candidates.map((number) => ({ pr: pr(number, "t"), score: 1, reasons: [] })),
    featuredSpares: [],
  };
}

describe("scoreWeek", () => {
  it("counts recall, agreement, per-section recall and noise on a hand-made week", () => {
    // Editors: 1 featured, 2, 3 and 10 other merges, 4 promotion, 5 version update, 9 absent from the data.
    // 10 is in the data but merged outside the window: the draft could have seen it, so it counts as missed.
    const published = { featured: [1], other_merges: [2, 3, 9, 10], promotions: [4], version_updates: [5], deprecated: [] };
    const window = [1, 2, 3, 4, 5, 6, 7, 8];
    const result = draft([[1, "promotions"], [2, "other_merges"], [4, "other_merges"], [5, "version_updates"], [6, "other_merges"]], [1, 7]);
    const score = scoreWeek(result, published, { window, known: [...window, 10, 11] });
    expect(score.excludedMissing).toEqual([9]);
    expect(score.listed).toBe(6);
    expect(score.recall).toEqual({ hit: 4, total: 6 });
    expect(score.agreement).toEqual({ hit: 3, total: 6 });
    expect(score.promotions).toEqual({ hit: 0, total: 1 });
    expect(score.versionUpdates).toEqual({ hit: 1, total: 1 });
    expect(score.deprecated).toEqual({ hit: 0, total: 0 });
    expect(score.noise).toEqual({ hit: 1, total: 3 });
    expect(score.featuredCandidates).toEqual({ hit: 1, total: 1 });
    expect(score.missed).toEqual([3, 10]);
    expect(score.misplaced).toEqual([{ number: 4, editor: "promotions", draft: "other_merges" }]);
    expect(share(score.deprecated)).toBeNull();
    expect(share(score.noise)).toBeCloseTo(1 / 3);
  });

  it("pools counts across weeks rather than averaging shares", () => {
    const a = scoreWeek(draft([[1, "other_merges"]]), { other_merges: [1] }, { window: [1] });
    const b = scoreWeek(draft([]), { other_merges: [2, 3, 4] }, { window: [2, 3, 4, 5] });
    const pooled = poolScores([a, b]);
    expect(pooled.recall).toEqual({ hit: 1, total: 4 });
    expect(pooled.noise).toEqual({ hit: 0, total: 1 });
  });
});
