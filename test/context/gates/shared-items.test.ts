import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDependenciesYaml } from "../../../src/context/gates/dependencies-yaml.js";
import { diffVersions } from "../../../src/context/gates/diff.js";
import { withoutSharedItems } from "../../../src/context/gates/shared-items.js";
import { loadYaml } from "../../../src/parsers.js";

beforeAll(() => loadYaml());

interface Entry {
  name: string;
  version: string;
  refPath: string;
}

/** In the shape of kubernetes' build/dependencies.yaml. */
function dependenciesYaml(entries: readonly Entry[]): string {
  const items = entries.map(
    (entry) => `  - name: "${entry.name}"\n    version: ${entry.version}\n    refPaths:\n    - path: ${entry.refPath}\n      match: ${entry.name}\n`,
  );
  return `dependencies:\n  # Zeitgeist checks these\n${items.join("\n")}`;
}

const entry = (name: string, version: string, refPath = "go.mod"): Entry => ({ name, version, refPath });

describe("withoutSharedItems", () => {
  it("leaves out the entries both ends hold alike, and keeps the header", () => {
    const before = dependenciesYaml([entry("golang", "1.16.5"), entry("etcd", "3.4.13"), entry("coredns", "1.8.0")]);
    const after = dependenciesYaml([entry("golang", "1.16.6"), entry("etcd", "3.4.13"), entry("coredns", "1.8.0")]);
    const reduced = withoutSharedItems({ before, after });
    expect(reduced).toEqual({
      before: 'dependencies:\n  # Zeitgeist checks these\n  - name: "golang"\n    version: 1.16.5\n    refPaths:\n    - path: go.mod\n      match: golang\n',
      after: 'dependencies:\n  # Zeitgeist checks these\n  - name: "golang"\n    version: 1.16.6\n    refPaths:\n    - path: go.mod\n      match: golang\n',
    });
  });

  it("parses whole what it cannot split safely: another top-level key, a changed header, anchors", () => {
    const list = dependenciesYaml([entry("etcd", "3.4.13")]);
    expect(withoutSharedItems({ before: list, after: `${list}other: key\n` })).toBeNull();
    expect(withoutSharedItems({ before: list, after: list.replace("# Zeitgeist", "# zeitgeist") })).toBeNull();
    expect(withoutSharedItems({ before: `${list}  - name: x\n    version: &v 1.0\n`, after: list })).toBeNull();
    expect(withoutSharedItems({ before: "name: x\n", after: "name: y\n" })).toBeNull();
  });

  it("finds the same version changes as parsing both files whole, whatever the week changed", () => {
    const names = ["golang", "etcd", "coredns", "cni", "cri-tools", "debian-base", "pause"];
    const anEntry = fc.record({ name: fc.constantFrom(...names), version: fc.constantFrom("1.0", "1.1", "v2.3.4", "1.20"), refPath: fc.constantFrom("go.mod", "build/common.sh") });
    const week = fc.record({
      before: fc.uniqueArray(anEntry, { selector: (item) => item.name, maxLength: 7 }),
      edits: fc.array(fc.tuple(fc.nat(), fc.constantFrom("bump", "remove", "move", "path")), { maxLength: 4 }),
      added: fc.array(anEntry, { maxLength: 2 }),
    });
    fc.assert(
      fc.property(week, ({ before, edits, added }) => {
        let after: Entry[] = [...before];
        for (const [at, edit] of edits) {
          if (after.length === 0) break;
          const index = at % after.length;
          const target = after[index] as Entry;
          if (edit === "bump") after[index] = { ...target, version: `${target.version}.1` };
          if (edit === "path") after[index] = { ...target, refPath: "hack/lib/etcd.sh" };
          if (edit === "remove") after = after.filter((_, position) => position !== index);
          if (edit === "move") after = [...after.filter((_, position) => position !== index), target];
        }
        for (const extra of added) if (!after.some((item) => item.name === extra.name)) after.push(extra);
        const whole = { before: dependenciesYaml(before), after: dependenciesYaml(after) };
        const reduced = withoutSharedItems(whole);
        // Only a file without entries gives nothing to split.
        if (before.length > 0 && after.length > 0) expect(reduced).not.toBeNull();
        const changes = (pair: { before: string; after: string }) => diffVersions(parseDependenciesYaml(pair.before), parseDependenciesYaml(pair.after));
        expect(changes(reduced ?? whole)).toEqual(changes(whole));
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
