import { describe, expect, it } from "vitest";
import { postLines } from "../scripts/eval-wording.js";
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
