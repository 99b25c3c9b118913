import { describe, expect, it } from "vitest";
import { confirmChanges } from "../src/draft/confirm-changes.js";
import { escapeInline } from "../src/markdown/escape.js";
import type { Bullet, DraftEntry, PullRequest, SectionKey } from "../src/types.js";

const pr = (number: number, title: string): PullRequest => ({
  repo: "kubernetes/kubernetes",
  number,
  url: `https://github.com/kubernetes/kubernetes/pull/${number}`,
  title,
  author: "someone",
  authorIsBot: false,
  labels: [],
  body: "",
  mergedAt: "2021-07-01T00:00:00Z",
  baseRef: "master",
});
const bullet = (label: string, url: string): Bullet => ({ label: escapeInline(label), url, also: [] });
const entry = (p: PullRequest, line: string, reason: string, data: Bullet = bullet("x", p.url)): DraftEntry => ({ repo: p.repo, number: p.number, url: p.url, title: p.title, author: p.author, line, bullet: data, reason });
const empty = (): Record<SectionKey, DraftEntry[]> => ({ featured: [], other_merges: [], promotions: [], deprecated: [], version_updates: [], subprojects: [] });

describe("confirmChanges", () => {
  const gates = pr(1, "Graduate two proxy features");
  const promoted = pr(2, "Promote LogarithmicScaleDown to Beta");

  it("moves a PR the files prove to be a promotion, and joins two gates of one PR on one line", () => {
    const sections = { ...empty(), other_merges: [entry(gates, "* Graduates [two proxy features](u)", "label:kind/feature")] };
    const result = confirmChanges(sections, [], [
      { pr: gates, section: "promotions", bullet: bullet("A to beta", gates.url), evidence: "feature-gate:A→Beta" },
      { pr: gates, section: "promotions", bullet: bullet("B to GA", gates.url), evidence: "feature-gate:B→GA" },
    ]);
    expect(result.sections.other_merges).toEqual([]);
    expect(result.sections.promotions).toEqual([entry(gates, `* [A to beta, B to GA](${gates.url})`, "feature-gate:A→Beta+feature-gate:B→GA", bullet("A to beta, B to GA", gates.url))]);
  });

  it("keeps the classifier's line for a PR it already put there, adding the evidence", () => {
    const line = `* [LogarithmicScaleDown to beta](${promoted.url})`;
    const sections = { ...empty(), promotions: [entry(promoted, line, "title:promote-to-beta")] };
    const result = confirmChanges(sections, [], [{ pr: promoted, section: "promotions", bullet: bullet("other", "https://x.example/"), evidence: "feature-gate:LogarithmicScaleDown→Beta" }]);
    expect(result.sections.promotions).toEqual([entry(promoted, line, "title:promote-to-beta+feature-gate:LogarithmicScaleDown→Beta")]);
  });

  it("takes a skipped PR out of skipped, and ignores PRs that are not the week's", () => {
    const skipped = [{ repo: gates.repo, number: gates.number, title: gates.title, reason: "release-note:none" }];
    const result = confirmChanges(empty(), skipped, [
      { pr: gates, section: "version_updates", bullet: bullet("etcd to v3.5.0", gates.url), evidence: "file-diff:etcd 3.4.13→3.5.0" },
      { pr: pr(3, "not this week"), section: "promotions", bullet: bullet("C to GA", "https://x.example/"), evidence: "feature-gate:C→GA" },
    ]);
    expect(result.skipped).toEqual([]);
    expect(result.sections.version_updates).toEqual([entry(gates, `* [etcd to v3.5.0](${gates.url})`, "file-diff:etcd 3.4.13→3.5.0", bullet("etcd to v3.5.0", gates.url))]);
    expect(result.sections.promotions).toEqual([]);
  });
});
