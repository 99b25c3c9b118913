import fc from "fast-check";
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";

// A fixed seed keeps CI reproducible; change it (or run with a random one) to explore further.
fc.configureGlobal({ seed: 20261126 });
import { parseDependenciesYaml, parseFeatureGates, parseGoMod, parseVersionedFeatureList } from "../../src/context/gates/index.js";
import { releaseHighlights, subprojectLines } from "../../src/context/releases/index.js";
import { readKepFile } from "../../src/context/keps/index.js";
import { nextDeadline, parsePatchReleasesMarkdown, parseReleaseTimeline, parseWebsiteSchedule } from "../../src/context/schedule/index.js";

const GO_FRAGMENTS = ["var defaultKubernetesFeatureGates = map[featuregate.Feature]featuregate.FeatureSpec{", "{Default: true, PreRelease: featuregate.Beta},", "featuregate.GA", "LockToDefault: true", "{", "}", "//", "/*", "*/", "\"", "`", ":", ",", "\n", "genericfeatures.", "version.MustParse(\"1.2", "VersionedSpecs{", "require (", "replace ", " => ", " v1.2.3", ")"];
const ROW_FRAGMENTS = ["| ", " |", "**Begin [Code Freeze]**", "Thur July 8", "Thu", "Jul", "May 3-7", "week 11", "[@x](https://github.com/x)", "<br>", "\n", "---", "| **What** | **Who** | **When** | **WEEK** |", "2021-07-10", "1.21.3", "schedules:", "- release: 1.27", "  next:", "cherryPickDeadline: 2023-07-14", "targetDate:"];
/** Link targets as a real (GFM) markdown parser sees them. */
function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === "link" || node.type === "image" || node.type === "definition") targets.push(node.url);
    if ("children" in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }));
  return targets;
}

const KEP_FRAGMENTS = ["title: ", "kep-number: ", "owning-sig: ", "sig-node", "stage: ", "alpha", "beta|stable", "latest-milestone: ", "\"v1.22\"", "1.20", "status: ", "implementable", "__proto__: ", "constructor:", "- ", "  ", "\n", "---\n", "&a ", "*a", "[", "]", "{", "}", ": ", "'", "\""];
const HOSTILE_FRAGMENTS = ["](", "[", "]", "(", ")", "https://evil.example", "www.evil.example", "a@evil.example", "<script>", "{{", "{%", "`", "## Security", "CVE-2021-1234", "- ", "\n", "**", "![x](y)", "<http://x>"];
const fragments = (list: string[]) => fc.array(fc.oneof(fc.constantFrom(...list), fc.string({ maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join(""));

describe("context parsers on arbitrary input", () => {
  it("feature-gate tables, go.mod and dependencies.yaml never throw and only report well-formed stages", () => {
    fc.assert(
      fc.property(fragments(GO_FRAGMENTS), (text) => {
        for (const stage of [...parseFeatureGates(text).values(), ...parseVersionedFeatureList(text).values()]) {
          expect(["Alpha", "Beta", "GA", "Deprecated"]).toContain(stage);
        }
        for (const version of [...parseGoMod(text).values(), ...parseDependenciesYaml(text).values()]) expect(version).not.toMatch(/\s/);
      }),
      { numRuns: 400 },
    );
  });

  it("schedule tables and patch schedules never throw and give real dates", () => {
    fc.assert(
      fc.property(fragments(ROW_FRAGMENTS), (text) => {
        const milestones = parseReleaseTimeline(text, "1.22", 2021);
        for (const milestone of milestones) expect(Number.isNaN(Date.parse(milestone.date))).toBe(false);
        nextDeadline(milestones, "2021-07-04");
        for (const event of [...parsePatchReleasesMarkdown(text), ...parseWebsiteSchedule(text)]) expect(event.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 400 },
    );
  });

  it("kep.yaml files and KEP front matter never throw and give only well-formed facts", () => {
    fc.assert(
      fc.property(fragments(KEP_FRAGMENTS), fc.boolean(), (text, markdown) => {
        const reading = readKepFile(markdown ? `---\n${text}\n---\n` : text, markdown);
        if (!reading.ok) return;
        const { title, number, sig, stage, latestMilestone, status } = reading.facts;
        if (title !== null) expect(title).not.toMatch(/[\n\r]/);
        if (number !== null) expect(Number.isSafeInteger(number) && number > 0).toBe(true);
        if (sig !== null) expect(sig).toMatch(/^(?:sig|wg|committee|ug)-[a-z0-9-]+$/);
        if (stage !== null) expect(["alpha", "beta", "stable", "deprecated"]).toContain(stage);
        if (latestMilestone !== null) expect(latestMilestone).toMatch(/^v\d+\.\d+$/);
        if (status !== null) expect(status).toMatch(/^[a-z]+$/);
      }),
      { numRuns: 400 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("release bodies give at most a short highlight and lines with only the release's own link", () => {
    fc.assert(
      fc.property(fragments(HOSTILE_FRAGMENTS), fragments(HOSTILE_FRAGMENTS), (body, tag) => {
        expect(releaseHighlights(body).split(/\s+/).length).toBeLessThanOrEqual(12);
        const { lines } = subprojectLines(
          [{ repo: "containerd/containerd", releases: [{ tagName: tag || "v1", name: tag, url: "https://github.com/containerd/containerd/releases/tag/v1", description: body, isDraft: false, isPrerelease: false, publishedAt: "2021-07-01T00:00:00Z" }] }],
          { from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" },
          { prereleases: false },
        );
        for (const line of lines) {
          expect(line).not.toMatch(/\n/);
          expect(linkTargets(line)).toEqual(["https://github.com/containerd/containerd/releases/tag/v1"]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
