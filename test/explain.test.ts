import { describe, expect, it } from "vitest";
import { explainDraft } from "../src/draft/explain.js";
import { escapeInline } from "../src/markdown/escape.js";
import type { Draft, DraftEntry } from "../src/types.js";
import { runCli } from "./helpers/run-cli.js";
import { emptyDraft } from "./helpers/draft.js";

const entry = (number: number, reason: string, score?: number, signals?: string[]): DraftEntry => ({
  repo: "kubernetes/kubernetes",
  number,
  url: `https://github.com/kubernetes/kubernetes/pull/${number}`,
  title: `PR ${number}`,
  author: "someone",
  line: `* line ${number}`,
  bullet: { label: escapeInline(`line ${number}`), url: `https://github.com/kubernetes/kubernetes/pull/${number}`, also: [] },
  reason,
  ...(score !== undefined ? { score } : {}),
  ...(signals !== undefined ? { signals } : {}),
});

const release: DraftEntry = { repo: "containerd/containerd", number: null, url: "https://github.com/containerd/containerd/releases/tag/v1.5.4", title: "v1.5.4", author: "", line: "* containerd", bullet: { label: escapeInline("containerd"), url: "https://github.com/containerd/containerd/releases/tag/v1.5.4", also: [] }, reason: "release" };

function draftWith(week: Draft["week"]): Draft {
  return emptyDraft({
    week,
    sections: {
      featured: [],
      other_merges: [entry(103462, "label:kind/feature", 0.8271, ["kind/feature +0.41", "linked KEP +0.22", "size/XS \u001b[31m-0.05"]), entry(98306, "release-note", 0, [])],
      promotions: [entry(101711, "title:promote-to-beta", 1)],
      deprecated: [entry(99000, "label:kind/deprecation")],
      version_updates: [],
      subprojects: [release],
    },
    skipped: [{ repo: "kubernetes/kubernetes", number: 96699, title: "Fix typo", reason: "title:typo-or-comment" }],
    stats: { merged: 5, reported: 4, skipped: 1, requests: 0 },
  });
}

describe("explainDraft", () => {
  it("shows each reported PR's score with 2 decimals and the signals behind it", () => {
    expect(explainDraft(draftWith({ ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" }))).toBe(
      [
        "k8s-weekly: every PR merged in the week ending 2021-07-04:",
        "  kubernetes/kubernetes#96699  skipped: title:typo-or-comment",
        "  kubernetes/kubernetes#98306  other_merges (release-note) score 0.00",
        "  kubernetes/kubernetes#99000  deprecated (label:kind/deprecation)",
        "  kubernetes/kubernetes#101711  promotions (title:promote-to-beta) score 1.00",
        "  kubernetes/kubernetes#103462  other_merges (label:kind/feature) score 0.83: kind/feature +0.41, linked KEP +0.22, size/XS [31m-0.05",
        "",
      ].join("\n"),
    );
  });

  it("names the longer window of --through", () => {
    const text = explainDraft(draftWith({ ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-06T23:59:59Z" }));
    expect(text.split("\n")[0]).toBe("k8s-weekly: every PR merged in the week ending 2021-07-04 through 2021-07-06:");
  });
});

describe("draft --explain", () => {
  it("prints a score for every reported PR, and the JSON entries carry score and signals", async () => {
    const json = JSON.parse((await runCli(["draft", "--week", "2021-07-04", "--offline", "--format", "json"])).stdout) as {
      sections: Record<string, Array<{ number: number | null; reason: string; score?: number; signals?: string[] }>>;
    };
    const explained = (await runCli(["draft", "--week", "2021-07-04", "--offline", "--explain", "-q"])).stderr.split("\n");
    const entries = Object.entries(json.sections).flatMap(([key, list]) => list.filter((item) => item.number !== null).map((item) => ({ key, ...item })));
    expect(entries.length).toBeGreaterThan(0);
    for (const item of entries) {
      expect(typeof item.score).toBe("number");
      expect(Array.isArray(item.signals)).toBe(true);
      const signals = item.signals && item.signals.length > 0 ? `: ${item.signals.join(", ")}` : "";
      expect(explained).toContain(`  kubernetes/kubernetes#${item.number}  ${item.key} (${item.reason}) score ${(item.score ?? 0).toFixed(2)}${signals}`);
    }
  });
});
