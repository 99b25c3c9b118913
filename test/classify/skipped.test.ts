import { describe, expect, it } from "vitest";
import { classifyWeek } from "../../src/classify/classify.js";
import { CONTEXT, one, pr, url } from "./fixtures.js";

describe("routine changes are skipped", () => {
  it.each([
    ["flake fixes", pr(113264, "fix flaky admission tests", { labels: ["kind/bug", "kind/flake", "release-note-none"], note: "NONE" }), "label:kind/flake"],
    ["failing tests", pr(103248, "apiextension: fix typo and test case in conversion integration test", { labels: ["kind/failing-test", "release-note-none"], note: "NONE" }), "label:kind/failing-test"],
    ["typo fixes", pr(112953, "apiserver: fix typo in graceful termination test", { labels: ["kind/cleanup", "release-note-none"], note: "NONE" }), "title:typo-or-comment"],
    ["comment-only changes", pr(96699, "Tweak kubelet config comments for consistency and readability", { labels: ["kind/cleanup", "release-note-none"], note: "NONE" }), "title:typo-or-comment"],
    ["doc-only changes", pr(30, "Update the README of the sample controller", { labels: ["release-note-none"], note: "NONE" }), "title:docs-only"],
    ["documentation even with a note", pr(101074, "Warn user for runtime support of debug targeting", { labels: ["kind/documentation", "release-note"], note: "kubectl debug warns about --target." }), "label:kind/documentation"],
    ["new tests", pr(103409, "test/e2e/network: add test for Service internalTrafficPolicy", { labels: ["kind/feature", "release-note-none"], note: "NONE" }), "title:test-only"],
    ["cleanups with a NONE note", pr(103432, "simply renames terminationSignals to lifecycleSignals", { labels: ["kind/cleanup", "release-note-none"], note: "NONE" }), "release-note:none+cleanup"],
    ["flakes even with a note", pr(35, "Deflake the volume expansion test", { labels: ["kind/flake", "release-note"], note: "Tests wait for the resize." }), "label:kind/flake"],
    ["a note that only says no", pr(36, "Tidy the proxy config loader", { labels: ["kind/cleanup", "release-note"], note: "N/A" }), "release-note:none+cleanup"],
    ["bug fixes with a NONE note", pr(113077, "replace WithInsecure() with WithTransportCredentials()", { labels: ["kind/bug", "release-note-none"], note: "NONE" }), "release-note:none+bug"],
    ["anything else with a NONE note", pr(31, "Tidy scheduler framework helpers", { labels: ["release-note-none"], note: "NONE" }), "release-note:none"],
  ])("%s", (_, input, reason) => {
    expect(one(input)).toEqual({ section: "skipped", reason });
  });

  it("skips bots by login, glob and account type", () => {
    expect(one(pr(32, "Update OWNERS files", { author: "k8s-ci-robot" })).reason).toBe("author:bot");
    expect(one(pr(33, "Bump golang.org/x/net to v0.23.0", { author: "dependabot[bot]", labels: ["area/dependency"] })).reason).toBe("author:bot");
    expect(one(pr(34, "Sync generated files", { author: "some-app", authorIsBot: true })).reason).toBe("author:bot");
  });
});

describe("cherry-picks", () => {
  it("skips cherry-picks by base branch or by title", () => {
    const branch = pr(40, "Fix kubelet panic on nil pod status", { baseRef: "release-1.21", labels: ["kind/bug", "release-note"], note: "Fixed." });
    const title = pr(41, "Automated cherry pick of #20: Fix kubelet panic on nil pod status", { baseRef: null, labels: ["kind/bug", "release-note"], note: "Fixed." });
    expect(one(branch)).toEqual({ section: "skipped", reason: "cherry-pick" });
    expect(one(title)).toEqual({ section: "skipped", reason: "cherry-pick" });
  });

  it("names the branch of a PR outside the drafted one that is no cherry-pick", () => {
    // The config drafts release-1.21: the default branch's merges are another branch's, not cherry-picks.
    const context = { ...CONTEXT, defaultBranches: { "kubernetes/kubernetes": "release-1.21" } };
    const onMaster = pr(42, "Fix kubelet panic on nil pod status", { baseRef: "master", labels: ["kind/bug", "release-note"], note: "Fixed." });
    const bumpOnMaster = pr(43, "Bump golang to 1.21.7", { baseRef: "master", labels: ["area/dependency", "release-note"], note: "Built with Go 1.21.7." });
    const onOlderRelease = pr(44, "Fix kubelet panic on nil pod status", { baseRef: "release-1.20", labels: ["kind/bug", "release-note"], note: "Fixed." });
    const onDrafted = pr(45, "Fix kubelet panic on nil pod status", { baseRef: "release-1.21", labels: ["kind/bug", "release-note"], note: "Fixed." });
    const result = classifyWeek([onMaster, bumpOnMaster, onOlderRelease, onDrafted], context);
    expect(result.skipped.map((entry) => [entry.pr.number, entry.reason])).toEqual([
      [42, "other-branch:master"],
      [43, "other-branch:master"],
      [44, "cherry-pick"],
    ]);
    expect(result.reported.map((entry) => entry.pr.number)).toEqual([45]);
    // Drafting the default branch, a feature branch's merge is named too; a branch name from GitHub is cleaned.
    expect(one(pr(46, "Wire up the new scheduler queue", { baseRef: "feature-workloads", labels: ["kind/feature", "release-note"], note: "Queue." }))).toEqual({ section: "skipped", reason: "other-branch:feature-workloads" });
    expect(one(pr(47, "Wire up the new scheduler queue", { baseRef: "x\u202Ey\nz", labels: ["kind/feature", "release-note"], note: "Queue." }))).toEqual({ section: "skipped", reason: "other-branch:xy z" });
  });

  it("groups dependency bumps on release branches into one line per dependency and version", () => {
    const picks = ["1.29", "1.27", "1.28", "1.26"].map((version, i) =>
      pr(50 + i, `[release-${version}] Bump golang to 1.21.7`, { baseRef: `release-${version}`, labels: ["release-note"], note: "Built with Go 1.21.7." }),
    );
    const result = classifyWeek(picks, CONTEXT);
    expect(result.reported.map(({ section, reason, line }) => ({ section, reason, line }))).toEqual([
      { section: "version_updates", reason: "cherry-pick:version-bump", line: `* [go to 1.21.7 in 1.26 through 1.29](${url(50)})` },
    ]);
    expect(result.skipped.map(({ pr: item, reason }) => [item.number, reason])).toEqual([
      [51, "grouped-into #50"],
      [52, "grouped-into #50"],
      [53, "grouped-into #50"],
    ]);
  });

  it("folds backports of a bump merged on master into the master PR", () => {
    const master = pr(103318, "Bump SMD to v4.1.2 to pick up #102749 fix", { labels: ["area/dependency", "release-note"], note: "Faster applies." });
    const pick = pr(103319, "Manual cherry pick of #103318: Bump SMD to v4.1.2 to pick up #102749 fix", { baseRef: "release-1.21", labels: ["release-note"], note: "Faster applies." });
    const result = classifyWeek([master, pick], CONTEXT);
    expect(result.reported.map((entry) => entry.line)).toEqual([`* [structured-merge-diff to v4.1.2](${url(103318)})`]);
    expect(result.skipped).toEqual([{ pr: pick, reason: "grouped-into #103318" }]);
  });
});

describe("accounting", () => {
  it("puts every input PR exactly once in reported or skipped", () => {
    const inWeek = pr(60, "Add tracing to apiserver client-go requests", { labels: ["kind/feature", "release-note"], note: "The API server traces nested requests." });
    const late = pr(61, "Fix sample-apiserver rbac", { mergedAt: "2021-07-05T00:41:00Z", labels: ["release-note"], note: "RBAC fixed." });
    const result = classifyWeek([inWeek, late, inWeek], CONTEXT);
    expect(result.reported.map((entry) => entry.pr.number)).toEqual([60]);
    expect(result.skipped.map((entry) => [entry.pr.number, entry.reason])).toEqual([
      [61, "outside-week"],
      [60, "duplicate"],
    ]);
  });
});
