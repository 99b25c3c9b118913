import { describe, expect, it } from "vitest";
import { stampNote } from "../src/markdown/tool-notes.js";
import type { FeaturedCandidate } from "../src/types.js";
import { draftJson } from "../src/draft/draft-json.js";
import { defaultTemplates, renderPost } from "../src/render/render-post.js";
import { buildPostView } from "../src/render/view-model.js";
import type { Draft } from "../src/types.js";
import { pr } from "./classify/fixtures.js";
import { runCli } from "./helpers/run-cli.js";
import { emptyDraft } from "./helpers/draft.js";


const CANDIDATES: FeaturedCandidate[] = [
  { pr: pr(101711, "graduate IngressClassNamespacedParams to beta"), score: 7, reasons: ["feature", "promotion to beta"], kep: "https://github.com/kubernetes/enhancements/issues/2365" },
  { pr: pr(200001, "Fix --> the featured comment <!-- {{ site.x }} --!>"), score: 3, reasons: ["api change"] },
];

const DRAFT: Draft = emptyDraft();

describe("Featured candidates", () => {
  it("are listed with their titles in the post's comment, which no title can close", async () => {
    const post = await renderPost(buildPostView(DRAFT, CANDIDATES), defaultTemplates());
    const comment = post.slice(post.indexOf("<!-- k8s-weekly featured candidates:"));
    expect(comment.slice(0, comment.indexOf("-->") + 3)).toBe(
      stampNote([
        "<!-- k8s-weekly featured candidates:",
        "  #101711 graduate IngressClassNamespacedParams to beta (https://github.com/kubernetes/kubernetes/pull/101711) score 7.00: feature, promotion to beta (KEP https://github.com/kubernetes/enhancements/issues/2365)",
        "  #200001 Fix - -&gt; the featured comment &lt;!- - &#123;&#123; site.x &#125;&#125; - -!&gt; (https://github.com/kubernetes/kubernetes/pull/200001) score 3.00: api change",
        "-->",
      ]).join("\n"),
    );
    expect(post.match(/-->/g)).toHaveLength(post.match(/<!--/g)?.length ?? 0);
  });

  it("KEP candidates keep a working link and a plain title in their comment, which nothing can close", async () => {
    const kep = {
      number: 9001,
      title: "Widgets -- for `kube_widget` --> <!-- {{ x }}",
      sig: "sig-node",
      stage: "alpha",
      latestMilestone: "v1.22",
      url: "https://github.com/kubernetes/enhancements/blob/master/keps/sig-node/9001-widgets--gadgets/README.md",
      linkedBy: [],
      changedBy: [],
      reasons: [],
    };
    const post = await renderPost(buildPostView({ ...DRAFT, kepCandidates: [kep] }, []), defaultTemplates());
    const comment = post.slice(post.indexOf("<!-- k8s-weekly KEP candidates:"));
    expect(comment.slice(0, comment.indexOf("-->") + 3)).toBe(
      stampNote([
        "<!-- k8s-weekly KEP candidates:",
        "  KEP-9001 Widgets - - for `kube_widget` - -&gt; &lt;!- - &#123;&#123; x &#125;&#125; (https://github.com/kubernetes/enhancements/blob/master/keps/sig-node/9001-widgets%2D-gadgets/README.md) sig-node, alpha, latest milestone v1.22",
        "-->",
      ]).join("\n"),
    );
  });

  it("are a top-level array in the JSON, with the raw title", () => {
    const json = JSON.parse(draftJson(DRAFT, CANDIDATES, ["a warning"])) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["week", "sections", "skipped", "stats", "warnings", "releaseSchedule", "unexplainedChanges", "kepCandidates", "unreadSections", "featuredCandidates"]);
    expect(json.warnings).toEqual(["a warning"]);
    expect(json.featuredCandidates).toEqual([
      {
        repo: "kubernetes/kubernetes",
        number: 101711,
        url: "https://github.com/kubernetes/kubernetes/pull/101711",
        title: "graduate IngressClassNamespacedParams to beta",
        score: 7,
        reasons: ["feature", "promotion to beta"],
        kep: "https://github.com/kubernetes/enhancements/issues/2365",
      },
      {
        repo: "kubernetes/kubernetes",
        number: 200001,
        url: "https://github.com/kubernetes/kubernetes/pull/200001",
        title: "Fix --> the featured comment <!-- {{ site.x }} --!>",
        score: 3,
        reasons: ["api change"],
      },
    ]);
  });

  it("are the same in the JSON and in the post of the sample week", async () => {
    interface Candidate { repo: string; number: number; url: string; title: string; score: number; reasons: string[]; kep?: string }
    const json = JSON.parse((await runCli(["draft", "--week", "2021-07-04", "--offline", "--format", "json"])).stdout) as { featuredCandidates: Candidate[] };
    const post = (await runCli(["draft", "--week", "2021-07-04", "--offline"])).stdout;
    expect(json.featuredCandidates.length).toBeGreaterThan(0);
    const sample = new Map([[101711, "graduate IngressClassNamespacedParams to beta"], [101767, "Promote LogarithmicScaleDown to Beta"], [103218, "Add tracing to apiserver client-go requests"]]);
    for (const candidate of json.featuredCandidates) {
      expect(Object.keys(candidate).sort()).toEqual(["number", "reasons", "repo", "score", "title", "url", ...(candidate.kep ? ["kep"] : [])].sort());
      expect(candidate.url).toBe(`https://github.com/kubernetes/kubernetes/pull/${candidate.number}`);
      if (sample.has(candidate.number)) expect(candidate.title).toBe(sample.get(candidate.number));
      const kep = candidate.kep ? ` (KEP ${candidate.kep})` : "";
      // The comment prints the score with two decimals, and the raw title: no markdown runs there.
      const reasons = candidate.reasons.length > 0 ? `: ${candidate.reasons.join(", ")}` : "";
      expect(post).toContain(`\n  #${candidate.number} ${candidate.title} (${candidate.url}) score ${candidate.score.toFixed(2)}${reasons}${kep}\n`);
    }
  });
});
