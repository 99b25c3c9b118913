import { describe, expect, it } from "vitest";
import { classifyWeek } from "../../src/classify/classify.js";
import { DEFAULT_RULES, type RuleTable } from "../../src/classify/rules.js";
import { CONTEXT, pr } from "./fixtures.js";

const kep = "```docs\n- [KEP]: https://github.com/kubernetes/enhancements/issues/3077\n```";
const week = [
  pr(122589, "promote contextual logging to beta, enabled by default", {
    labels: ["kind/feature", "release-note", "priority/important-soon"],
    note: "Logging carries context now.",
    extra: kep,
  }),
  pr(108501, "add `--concurrent-horizontal-pod-autoscaler-syncs` flag to kube-controller-manager", {
    labels: ["kind/api-change", "kind/feature", "release-note"],
    note: "The HPA controller runs several workers.",
  }),
  pr(123406, "kubeadm: fix the invalid cross-device link bug during upgrade", { labels: ["kind/bug", "release-note"], note: "kubeadm upgrades work across devices." }),
  pr(123157, "Add SELinuxMount feature gate", { labels: ["kind/feature", "release-note"], note: "New alpha feature gate SELinuxMount speeds up relabeling." }),
  pr(123438, "hack/tools: update to golangci-lint v1.56.2 and Go v1.21", { labels: ["release-note-none"], note: "NONE" }),
];

describe("featured candidates", () => {
  it("ranks the top three by signals and says why, never picking a version bump", () => {
    const { featuredCandidates } = classifyWeek(week, CONTEXT);
    expect(featuredCandidates.map(({ pr: item, score, reasons, kep: link }) => ({ number: item.number, score, reasons, kep: link }))).toEqual([
      {
        number: 122589,
        score: 7,
        reasons: ["feature", "promotion to beta", "enabled by default", "linked KEP", "high priority"],
        kep: "https://github.com/kubernetes/enhancements/issues/3077",
      },
      // Its number lies far below the week's median: a PR that took long to land.
      { number: 108501, score: 5, reasons: ["API change", "feature", "long-standing PR"], kep: undefined },
      { number: 123157, score: 3, reasons: ["feature", "new feature gate"], kep: undefined },
    ]);
  });

  it("leaves the featured section to the editors by default", () => {
    const { reported } = classifyWeek(week, CONTEXT);
    expect(reported.filter((entry) => entry.section === "featured")).toEqual([]);
  });

  it("moves the top candidate into featured in 'top' mode", () => {
    const rules: RuleTable = { ...DEFAULT_RULES, featured: { ...DEFAULT_RULES.featured, mode: "top" } };
    const { reported } = classifyWeek(week, CONTEXT, rules);
    const featured = reported.filter((entry) => entry.section === "featured");
    expect(featured.map((entry) => [entry.pr.number, entry.reason])).toEqual([[122589, "featured:top-score+title:promote-to-beta"]]);
    expect(reported[0]?.section).toBe("featured");
  });
});
