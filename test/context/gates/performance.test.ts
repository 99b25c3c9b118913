import { describe, expect, it } from "vitest";
import {
  attributeChanges,
  parseDependenciesYaml,
  parseFeatureGates,
  parseGoMod,
  parseVersionedFeatureList,
} from "../../../src/context/gates/index.js";
import { loadYaml, MAX_YAML_LENGTH, readYaml } from "../../../src/parsers.js";
import { pr } from "./fixtures.js";

const MB = 1024 * 1024;

function fill(unit: (index: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < MB; index++) {
    const part = unit(index);
    parts.push(part);
    length += part.length;
  }
  return parts.join("");
}

/** Best of three, so one GC pause on a busy machine does not fail the build. */
function fastest(run: () => unknown): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const GO_TABLE = `var defaultVersionedKubernetesFeatureGates = map[featuregate.Feature]featuregate.VersionedSpecs{\n${fill(
  (index) => `\tGate${index}: {\n\t\t{Version: version.MustParse("1.22"), Default: false, PreRelease: featuregate.Alpha}, // why\n\t\t{Version: version.MustParse("1.27"), Default: true, PreRelease: featuregate.Beta},\n\t},\n`,
)}}\n`;

const HOSTILE: Record<string, string> = {
  "open braces": "{".repeat(MB),
  "map headers": fill(() => "]featuregate.FeatureSpec{ A: {"),
  "nested rows": `map[featuregate.Feature]featuregate.VersionedSpecs{ A: ${"{ {Version: ".repeat(MB / 12)}`,
  "qualified identifiers": "a.".repeat(MB / 2),
  "unterminated strings": '"\n'.repeat(MB / 2),
  "comment openers": "/*/".repeat(MB / 3),
  "colons and items": "- : - name: - version:\n".repeat(MB / 23),
  "one long line": " ".repeat(MB) + "- name: X",
};

describe("linear time on 1 MB inputs", () => {
  it("parses a 1 MB versioned gate table in linear time (milliseconds; a backtracking pattern would take minutes)", () => {
    let gates = new Map<string, string>();
    const elapsed = fastest(() => (gates = parseFeatureGates(GO_TABLE)));
    expect(gates.size).toBeGreaterThan(5000);
    expect(gates.get("Gate0")).toBe("Beta");
    expect(elapsed).toBeLessThan(2000);
  });

  it("parses 1 MB of yaml and go.mod in linear time (milliseconds; a backtracking pattern would take minutes)", () => {
    const yaml = fill((index) => `- name: Gate${index}\n  versionedSpecs:\n  - default: true\n    lockToDefault: false\n    preRelease: Beta\n    version: "1.31"\n`);
    const deps = `dependencies:\n${fill((index) => `  - name: "dep${index}"\n    version: 1.${index}.0\n    refPaths:\n    - path: a/b\n      match: x\n`)}`;
    const gomod = `module k8s.io/kubernetes\n\nrequire (\n${fill((index) => `\texample.com/m${index} v1.${index}.0 // indirect\n`)})\n`;
    // Over the YAML size cap: refused at once rather than parsed.
    expect(fastest(() => parseVersionedFeatureList(yaml))).toBeLessThan(2000);
    expect(fastest(() => parseDependenciesYaml(deps))).toBeLessThan(2000);
    expect(parseVersionedFeatureList(yaml).size).toBe(0);
    expect(fastest(() => parseGoMod(gomod))).toBeLessThan(2000);
    expect(parseGoMod(gomod).get("example.com/m7")).toBe("v1.7.0");
  });

  it("parses yaml up to the size cap, six times today's generated feature list, in time", () => {
    const units: string[] = [];
    let length = 0;
    for (let index = 0; length < MAX_YAML_LENGTH - 200; index++) {
      const unit = `- name: Gate${index}\n  versionedSpecs:\n  - default: true\n    lockToDefault: false\n    preRelease: Beta\n    version: "1.31"\n`;
      units.push(unit);
      length += unit.length;
    }
    const yaml = units.join("").slice(0, MAX_YAML_LENGTH);
    let gates = new Map<string, string>();
    expect(fastest(() => (gates = parseVersionedFeatureList(yaml)))).toBeLessThan(2000);
    expect(gates.get("Gate0")).toBe("Beta");
  });

  it("refuses block YAML nested thousands deep, however often: the parser would exhaust the stack, then memory", async () => {
    await loadYaml();
    for (let run = 0; run < 4; run++) {
      expect(readYaml(`${"? ".repeat(6000)}x`)).toBeNull();
      expect(readYaml(`${"- ".repeat(6000)}x`)).toBeNull();
      expect(readYaml(Array.from({ length: 200 }, (_, depth) => `${"  ".repeat(depth)}k${depth}:`).join("\n"))).toBeNull();
    }
    // A document as deep as the files read stays readable.
    expect(readYaml(Array.from({ length: 12 }, (_, depth) => `${"  ".repeat(depth)}k${depth}:`).join("\n"))).toBeInstanceOf(Map);
  });

  it.each(Object.keys(HOSTILE))("survives 1 MB of %s quickly", (name) => {
    const text = HOSTILE[name] ?? "";
    for (const parse of [parseFeatureGates, parseVersionedFeatureList, parseDependenciesYaml, parseGoMod]) {
      expect(fastest(() => parse(text))).toBeLessThan(2000);
    }
  });

  it("attributes against a 1 MB PR body quickly", () => {
    const body = "service lb node port control ".repeat(MB / 29);
    const prs = [pr(1, "x", { body, files: ["pkg/features/kube_features.go"] })];
    const run = () =>
      attributeChanges({
        gateChanges: [{ gate: "ServiceLBNodePortControlX", from: "Alpha", to: "Beta" }],
        versionChanges: [{ name: "golang.org/x/net", from: null, to: "v0.0.0-20210520170846-37e1c6afe023" }],
        prs,
      });
    expect(fastest(run)).toBeLessThan(3000);
  });
});
