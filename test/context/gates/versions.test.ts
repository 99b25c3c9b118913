import { describe, expect, it } from "vitest";
import { parseDependenciesYaml } from "../../../src/context/gates/dependencies-yaml.js";
import { diffVersions } from "../../../src/context/gates/diff.js";
import { parseGoMod } from "../../../src/context/gates/go-mod.js";
import { DEFAULT_RULES } from "../../../src/classify/rules.js";
import { fileVersionBullet, gatePromotionBullet, safeName } from "../../../src/context/gates/lines.js";
import { renderBullet } from "../../../src/markdown/escape.js";

const promotionLine = (gate: string, stage: "Beta" | "GA", url: string): string => renderBullet(gatePromotionBullet(gate, stage, url));
const versionLine = (name: string, version: string, url: string): string => renderBullet(fileVersionBullet(name, version, url, DEFAULT_RULES.dependencies));
import { dependenciesYaml, goMod2021 } from "./fixtures.js";

const XNET_BEFORE = "v0.0.0-20210224082022-3d97a244fca7";
const XNET_AFTER = "v0.0.0-20210520170846-37e1c6afe023";

describe("parseGoMod", () => {
  it("reads require blocks and lines, lets replace win, and reports the go directive", () => {
    expect(Object.fromEntries(parseGoMod(goMod2021("v4.1.1", XNET_BEFORE)))).toEqual({
      go: "1.16",
      "bitbucket.org/bertimus9/systemstat": "v0.0.0-20180207000608-0a2f9a4cb6a4",
      "github.com/Azure/azure-sdk-for-go": "v55.0.0+incompatible",
      "github.com/google/cadvisor": "v0.39.2",
      "go.etcd.io/etcd/client/v3": "v3.5.0",
      "golang.org/x/net": XNET_BEFORE,
      "golang.org/x/text": "v0.3.6",
      // a filesystem replacement has no version, so the require stays
      "k8s.io/api": "v0.0.0",
      // require says v4.1.0, replace pins v4.1.1: replace wins
      "sigs.k8s.io/structured-merge-diff/v4": "v4.1.1",
      "sigs.k8s.io/yaml": "v1.2.0",
      "github.com/onsi/ginkgo": "v4.7.0-origin.0+incompatible",
    });
  });

  it("finds the week's two bumps", () => {
    const before = parseGoMod(goMod2021("v4.1.1", XNET_BEFORE));
    const after = parseGoMod(goMod2021("v4.1.2", XNET_AFTER));
    expect(diffVersions(before, after)).toEqual([
      { name: "golang.org/x/net", from: XNET_BEFORE, to: XNET_AFTER },
      { name: "sigs.k8s.io/structured-merge-diff/v4", from: "v4.1.1", to: "v4.1.2" },
    ]);
  });

  it("reports a go directive change, a new module and toolchain", () => {
    const before = parseGoMod("module k8s.io/kubernetes\n\ngo 1.22.0\n");
    const after = parseGoMod("module k8s.io/kubernetes\n\ngo 1.23.0\n\ntoolchain go1.23.2\n\nrequire github.com/google/cel-go v0.21.0\n");
    expect(diffVersions(before, after)).toEqual([
      { name: "go", from: "1.22.0", to: "1.23.0" },
      { name: "toolchain", from: null, to: "go1.23.2" },
      { name: "github.com/google/cel-go", from: null, to: "v0.21.0" },
    ]);
  });

  it("never throws on garbage", () => {
    for (const text of ["", "require (", ")", "replace =>", "replace a =>", "require", "\u0000 => => v1", "go"]) {
      expect(() => parseGoMod(text)).not.toThrow();
    }
    expect(Object.fromEntries(parseGoMod("require (\n a v1.0.0\n b\n"))).toEqual({ a: "v1.0.0" });
  });
});

describe("parseDependenciesYaml", () => {
  it("reads quoted and bare names and only the version at the item's own level", () => {
    expect(Object.fromEntries(parseDependenciesYaml(dependenciesYaml("3.5.0", "1.16.5")))).toEqual({
      cni: "0.8.7",
      etcd: "3.5.0",
      "etcd-image": "3.5.0-0",
      "golang: upstream version": "1.16.5",
    });
  });

  it("diffs an etcd and a Go bump", () => {
    const before = parseDependenciesYaml(dependenciesYaml("3.5.9", "1.21.3"));
    const after = parseDependenciesYaml(dependenciesYaml("3.5.10", "1.21.4"));
    expect(diffVersions(before, after)).toEqual([
      { name: "etcd", from: "3.5.9", to: "3.5.10" },
      { name: "etcd-image", from: "3.5.9-0", to: "3.5.10-0" },
      { name: "golang: upstream version", from: "1.21.3", to: "1.21.4" },
    ]);
  });

  it("ignores a version nested under refPaths", () => {
    const text = "dependencies:\n  - name: x\n    refPaths:\n    - path: a\n      version: 9.9.9\n    version: 1.0.0\n";
    expect(Object.fromEntries(parseDependenciesYaml(text))).toEqual({ x: "1.0.0" });
  });

  it("never throws on garbage", () => {
    for (const text of ["", "-", "- name", "- name:\n  version:", ":::", "\t- name: 'a\n    version: \"1"]) {
      expect(() => parseDependenciesYaml(text)).not.toThrow();
    }
  });
});

describe("newsletter lines", () => {
  const url = "https://github.com/kubernetes/kubernetes/pull/100412";

  it("prints promotions", () => {
    expect(promotionLine("ServiceLBNodePortControl", "Beta", url)).toBe(
      "* [ServiceLBNodePortControl to beta](https://github.com/kubernetes/kubernetes/pull/100412)",
    );
  });

  it("adds v to bare numbers, never to Go, and dates pseudo-versions", () => {
    expect(versionLine("etcd", "3.5.10", "https://u.example/1")).toBe("* [etcd to v3.5.10](https://u.example/1)");
    expect(versionLine("sigs.k8s.io/structured-merge-diff/v4", "v4.1.2", "https://u.example/1")).toBe(
      "* [sigs.k8s.io/structured-merge-diff/v4 to v4.1.2](https://u.example/1)",
    );
    expect(versionLine("golang.org/x/net", XNET_AFTER, "https://u.example/1")).toBe("* [golang.org/x/net to the 2021-05-20 snapshot](https://u.example/1)");
    expect(versionLine("go", "1.16", "https://u.example/1")).toBe("* [go to 1.16](https://u.example/1)");
    expect(versionLine("golang: upstream version", "1.16.6", "https://u.example/1")).toBe("* [golang to 1.16.6](https://u.example/1)");
    expect(versionLine("toolchain", "go1.23.2", "https://u.example/1")).toBe("* [toolchain to go1.23.2](https://u.example/1)");
  });

  it("drops characters that could break out of the markdown", () => {
    expect(safeName("Evil](x)<script>")).toBe("Evilxscript");
    // everything after a colon is a zeitgeist comment, not part of the name
    expect(safeName("Evil](http://x)")).toBe("Evilhttp");
    expect(promotionLine("A]B\n*C", "GA", "https://e.com/a b)")).toBe("* [ABC to GA](https://e.com/a%20b%29)");
    expect(versionLine("x", "1.0](y", "https://u.example/1")).toBe("* [x to v1.0y](https://u.example/1)");
  });
});
