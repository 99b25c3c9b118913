import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/classify/rules.js";
import { compileRules, findKep, readSignals, releaseNoteBlock, stripCherryPickTitle } from "../../src/classify/signals.js";
import { pr } from "./fixtures.js";

const rules = compileRules(DEFAULT_RULES);

describe("release notes", () => {
  it("reads the block in the current and the 2017 template, and a block cut off by truncation", () => {
    expect(releaseNoteBlock("```release-note\nkubectl gains a flag\n```")).toBe("kubectl gains a flag");
    // The whole info string of the fence is left out, whatever follows "release-note".
    expect(releaseNoteBlock("```release-notes\nScheduler can weigh widgets\n```")).toBe("Scheduler can weigh widgets");
    expect(releaseNoteBlock("```release-note-action-required\nWidgets must be renamed\n```")).toBe("Widgets must be renamed");
    expect(releaseNoteBlock("**Release note**:\n```NONE```")).toBe("NONE");
    expect(releaseNoteBlock("**Release note**:\n<!-- write it -->\n```\nOld style note\n```")).toBe("Old style note");
    expect(releaseNoteBlock("```release-note\nThe note stops in the midd")).toBe("The note stops in the midd");
    expect(releaseNoteBlock("no block here")).toBeNull();
  });

  it("tells a real note from NONE, an empty block and a body without either", () => {
    expect(readSignals(pr(1, "t", { note: "A real change." }), rules)).toMatchObject({ noteState: "text", note: "A real change." });
    expect(readSignals(pr(2, "t", { note: "NONE" }), rules)).toMatchObject({ noteState: "none", note: null });
    expect(readSignals(pr(3, "t", { note: "", labels: ["release-note-none"] }), rules)).toMatchObject({ noteState: "none" });
    expect(readSignals(pr(4, "t", { labels: ["release-note"], body: "" }), rules)).toMatchObject({ noteState: "text", note: null });
    expect(readSignals(pr(5, "t", { body: "" }), rules)).toMatchObject({ noteState: "absent" });
  });

  it("flags action required from the note or the label", () => {
    expect(readSignals(pr(6, "t", { note: "Action required: rename the flag." }), rules).actionRequired).toBe(true);
    expect(readSignals(pr(7, "t", { labels: ["release-note-action-required"], note: "Rename it." }), rules).actionRequired).toBe(true);
    expect(readSignals(pr(8, "t", { note: "No action needed." }), rules).actionRequired).toBe(false);
  });
});

describe("KEP links", () => {
  it("canonicalises enhancement issues, kep.k8s.io and keps/ paths", () => {
    expect(findKep("- [KEP]: https://github.com/kubernetes/enhancements/issue/4210", "")).toBe("https://github.com/kubernetes/enhancements/issues/4210");
    expect(findKep("- [KEP]: https://kep.k8s.io/4222", "")).toBe("https://kep.k8s.io/4222");
    expect(findKep("see https://github.com/kubernetes/enhancements/blob/abc123/keps/sig-network/1860-kube-proxy-IP-node-binding)", "")).toBe(
      "https://github.com/kubernetes/enhancements/tree/master/keps/sig-network/1860-kube-proxy-IP-node-binding",
    );
    expect(findKep("- [KEP]: git.k8s.io/enhancements/sig-apps/2307-job-tracking", "")).toBe(
      "https://github.com/kubernetes/enhancements/tree/master/keps/sig-apps/2307-job-tracking",
    );
  });

  it("prefers the tracking issue and falls back to a KEP number in the title", () => {
    const body = "keps/sig-auth/541-external-credential-providers and https://github.com/kubernetes/enhancements/issues/541";
    expect(findKep(`https://github.com/kubernetes/enhancements/tree/master/${body}`, "")).toBe("https://github.com/kubernetes/enhancements/issues/541");
    expect(findKep("", "KEP-4210: kubelet: add reason field")).toBe("https://kep.k8s.io/4210");
    expect(findKep("", "Fix a bug")).toBeUndefined();
  });
});

describe("cherry-pick titles", () => {
  it("strips the cherry-pick and branch prefixes", () => {
    expect(stripCherryPickTitle("Automated cherry pick of #103318: Bump SMD to v4.1.2")).toBe("Bump SMD to v4.1.2");
    expect(stripCherryPickTitle("[release-1.29] Automated cherry pick of #1, #2: Bump golang to 1.21.7")).toBe("Bump golang to 1.21.7");
  });
});
