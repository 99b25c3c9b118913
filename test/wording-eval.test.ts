import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, classifyWeek } from "../src/classify/classify.js";
import { addShapes, describeWording, emptyWording, postLines } from "../scripts/eval-wording.js";
import { pr } from "./classify/fixtures.js";
import { rougeL, rougeTokens } from "../scripts/rouge.js";

describe("the wording measure", () => {
  it("reads words in lower case, with links, backticks and emphasis stripped", () => {
    expect(rougeTokens("* The `--widget` flag [is *removed*](https://github.com/kubernetes/kubernetes/pull/7)")).toEqual(["the", "widget", "flag", "is", "removed"]);
  });

  it("scores the longest common word sequence as an F1", () => {
    // All 4 drafted words appear in order among the editor's 6: precision 1, recall 2/3.
    expect(rougeL("* Widgets [can be resized](u)", "* Widgets can now be resized online")).toBeCloseTo(0.8, 10);
    expect(rougeL("* Widgets [can be resized](u)", "* Resized widgets can be")).toBeCloseTo(0.75, 10);
    expect(rougeL("* Adds [gizmos](u)", "* Widgets can be resized")).toBe(0);
  });

  it("counts the sentence lines that fell back to a noun phrase or kept their opening condition", () => {
    const prs = [
      pr(1, "Widgets can be resized", { labels: ["kind/feature", "release-note"], note: "Widgets can now be resized online." }),
      pr(2, "Gizmo support for the scheduler", { labels: ["kind/feature", "release-note"], note: "Gizmo support for the scheduler." }),
      pr(3, "If gizmos are on, widgets were lost", { labels: ["kind/bug", "release-note"], note: "If gizmos are on, widgets were lost." }),
      pr(5, "A gadget metric, `gadget_total`, has been added to the scheduler after a long talk in the gadget working group", { labels: ["kind/feature", "release-note"], note: "A gadget metric, `gadget_total`, has been added to the scheduler after a long talk in the gadget working group." }),
      pr(4, "Promote GadgetSupport to GA", { labels: ["kind/feature", "release-note"], note: "The `GadgetSupport` feature gate graduates to GA." }),
    ];
    const draft = classifyWeek(prs, { week: { ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" }, defaultBranches: {} }, DEFAULT_RULES);
    const score = emptyWording();
    addShapes(score, draft.reported);
    expect(describeWording("test", score).split("\n")[1]).toBe(
      'fallbacks: 3 of 4 Other Merges and Deprecated lines (75.0 %): 2 name a change and were given "Adds", 1 keep their opening condition, 0 are the PR number',
    );
  });

  it("takes from a post only the bullets that link one kubernetes/kubernetes PR", () => {
    const post = [
      "* Widgets [can be resized](https://github.com/kubernetes/kubernetes/pull/11)",
      "* Two at once: [a](https://github.com/kubernetes/kubernetes/pull/12), [b](https://github.com/kubernetes/kubernetes/pull/13)",
      "Not a bullet https://github.com/kubernetes/kubernetes/pull/14",
      "- [Gizmos to GA](https://github.com/kubernetes/kubernetes/pull/15)",
    ].join("\n");
    expect([...postLines(post)]).toEqual([
      [11, "* Widgets [can be resized](https://github.com/kubernetes/kubernetes/pull/11)"],
      [15, "- [Gizmos to GA](https://github.com/kubernetes/kubernetes/pull/15)"],
    ]);
  });
});
