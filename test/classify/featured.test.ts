import { describe, expect, it } from "vitest";
import { classifyWeek } from "../../src/classify/classify.js";
import { rankFeatured } from "../../src/classify/featured.js";
import { type LogisticModel, prFeatures, scoreFeatures } from "../../src/classify/notability.js";
import { DEFAULT_RULES, type RuleTable } from "../../src/classify/rules.js";
import { compileRules, readSignals } from "../../src/classify/signals.js";
import { CONTEXT, pr } from "./fixtures.js";

const kep = "```docs\n- [KEP]: https://github.com/kubernetes/enhancements/issues/3077\n```";
const week = [
  pr(122589, "promote contextual logging to beta, enabled by default", {
    labels: ["kind/feature", "release-note", "sig/instrumentation"],
    note: "Contextual logging is now beta and enabled by default.",
    extra: kep,
  }),
  pr(108501, "add `--concurrent-horizontal-pod-autoscaler-syncs` flag to kube-controller-manager", {
    labels: ["kind/api-change", "kind/feature", "release-note"],
    note: "The HPA controller runs several workers.",
  }),
  pr(123406, "kubeadm: fix the invalid cross-device link bug during upgrade", { labels: ["kind/bug", "release-note"], note: "Fixed kubeadm upgrades across devices." }),
  pr(123157, "Add SELinuxMount feature gate", { labels: ["kind/feature", "release-note"], note: "New alpha feature gate SELinuxMount speeds up relabeling." }),
  pr(123438, "hack/tools: update to golangci-lint v1.56.2 and Go v1.21", { labels: ["release-note-none"], note: "NONE" }),
];

/** A model written for the test: alpha features and API changes are featured, fixes are not. */
const MODEL: LogisticModel = {
  intercept: -2,
  weights: [["note:alpha", 1.5], ["kind/api-change", 1], ["kep", 0.5], ["note:fix", -1]],
};

describe("the features both models read", () => {
  it("are the PR's kind labels, whether 3 or more SIGs share it, its note's length and words, its KEP and its section", () => {
    const input = week[0]!;
    expect(prFeatures(input, readSignals(input, compileRules(DEFAULT_RULES)), "promotions")).toEqual([
      "kep", "kind/feature", "note-length:short", "note:beta", "note:enabled-by-default", "note:now", "section:promotions",
    ]);
    const shared = { ...input, labels: [...input.labels, "sig/node", "sig/apps", "area/kubelet"] };
    expect(prFeatures(shared, readSignals(shared, compileRules(DEFAULT_RULES)), "other_merges")).toContain("sigs:3+");
    expect(prFeatures(shared, readSignals(shared, compileRules(DEFAULT_RULES)), "other_merges")).not.toContain("area/kubelet");
  });

  it("score as the logistic of the summed weights, naming the strongest first", () => {
    const { probability, signals } = scoreFeatures(MODEL, ["kind/api-change", "note:alpha", "unknown"]);
    expect(probability.toFixed(4)).toBe("0.6225");
    expect(signals).toEqual(["note:alpha +1.50", "kind/api-change +1.00"]);
  });

  it("never read a label named like an Object property as a weight", () => {
    expect(scoreFeatures(MODEL, ["constructor", "__proto__", "toString"]).signals).toEqual([]);
  });
});

describe("featured candidates", () => {
  it("ranks by the learned chance of being featured, never a version bump", () => {
    const rules = compileRules(DEFAULT_RULES);
    const inputs = week.map((item) => ({ pr: item, section: "other_merges" as const, features: prFeatures(item, readSignals(item, rules), "other_merges") }));
    const bump = { ...inputs[4]!, section: "version_updates" as const, features: ["note:alpha", "kind/api-change"] };
    const ranked = rankFeatured([...inputs.slice(0, 4), bump], 3, MODEL);
    expect(ranked.map(({ pr: item, score, reasons }) => [item.number, score.toFixed(3), reasons])).toEqual([
      [123157, "0.378", ["note:alpha +1.50"]],
      [108501, "0.269", ["kind/api-change +1.00"]],
      [122589, "0.182", ["kep +0.50"]],
    ]);
  });

  it("gives the draft's candidates their title, score and reasons", () => {
    const { featuredCandidates } = classifyWeek(week, CONTEXT);
    expect(featuredCandidates).toHaveLength(3);
    expect(featuredCandidates.map((candidate) => candidate.pr.number)).not.toContain(123438);
    for (const candidate of featuredCandidates) {
      expect(candidate.score).toBeGreaterThan(0);
      expect(candidate.score).toBeLessThan(1);
      expect(candidate.reasons.length).toBeGreaterThan(0);
    }
  });

  it("leaves the featured section to the editors by default", () => {
    const { reported } = classifyWeek(week, CONTEXT);
    expect(reported.filter((entry) => entry.section === "featured")).toEqual([]);
  });

  it("moves the top candidate into featured in 'top' mode when it clears minScore", () => {
    const top: RuleTable = { ...DEFAULT_RULES, featured: { ...DEFAULT_RULES.featured, mode: "top", minScore: 0 } };
    const { reported, featuredCandidates } = classifyWeek(week, CONTEXT, top);
    const featured = reported.filter((entry) => entry.section === "featured");
    expect(featured.map((entry) => entry.pr.number)).toEqual([featuredCandidates[0]?.pr.number]);
    expect(reported[0]?.section).toBe("featured");
    const never: RuleTable = { ...DEFAULT_RULES, featured: { ...DEFAULT_RULES.featured, mode: "top", minScore: 1 } };
    expect(classifyWeek(week, CONTEXT, never).reported.filter((entry) => entry.section === "featured")).toEqual([]);
  });
});

describe("notability", () => {
  it("orders Other Merges from the likeliest line to the least, each entry carrying its score and signals", () => {
    const { reported } = classifyWeek(week, CONTEXT);
    const others = reported.filter((entry) => entry.section === "other_merges");
    expect(others.length).toBeGreaterThanOrEqual(3);
    const scores = others.map((entry) => entry.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const entry of others) expect(entry.signals.length).toBeGreaterThan(0);
  });
});
