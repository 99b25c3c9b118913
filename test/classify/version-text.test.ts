import { describe, expect, it } from "vitest";
import { parseBumps } from "../../src/classify/dependency.js";
import { versionText } from "../../src/classify/lines.js";
import { lineProblems } from "../../src/lint/line-rules.js";
import { DEFAULT_RULES } from "../../src/classify/rules.js";
import { pseudoVersionDate, versionTarget } from "../../src/classify/version-text.js";
import { fileVersionBullet } from "../../src/context/gates/lines.js";
import { renderBullet } from "../../src/markdown/escape.js";
import { url } from "./fixtures.js";

describe("pseudo-versions in version lines", () => {
  it("reads the commit date from every pseudo-version form", () => {
    expect(pseudoVersionDate("v0.0.0-20210520170846-37e1c6afe023")).toBe("2021-05-20");
    // vX.Y.Z-pre.0.date-hash and vX.Y.(Z+1)-0.date-hash, as Go writes them after a tag.
    expect(pseudoVersionDate("v1.2.4-0.20231102134810-8d1ff40b52e8")).toBe("2023-11-02");
    expect(pseudoVersionDate("v2.0.0-rc.1.0.20240111090000-0123456789ab+incompatible")).toBe("2024-01-11");
  });

  it("leaves releases, prereleases and go versions alone", () => {
    for (const version of ["v3.5.10", "v0.29.0-alpha.2", "1.22.0", "go1.22rc1", "v1.0.0-20210520"]) {
      expect(pseudoVersionDate(version)).toBeUndefined();
      expect(versionTarget(version)).toBe(`to ${version}`);
    }
  });

  it("names the snapshot's day in both places version lines are built, and the line rules accept it", () => {
    const bumps = parseBumps("Bump golang.org/x/sys to v0.0.0-20230829093424-9b1e5e0c28b4", DEFAULT_RULES);
    expect(bumps.map((bump) => versionText(bump, DEFAULT_RULES.dependencies.noVPrefix)).join(" and ")).toBe("golang.org/x/sys to the 2023-08-29 snapshot");
    const line = renderBullet(fileVersionBullet("k8s.io/kube-openapi", "v0.0.0-20240228011516-70dd3763d340", url(9), DEFAULT_RULES.dependencies));
    expect(line).toBe(`* [k8s.io/kube-openapi to the 2024-02-28 snapshot](${url(9)})`);
    expect(lineProblems(line, "version_updates", url(9))).toEqual([]);
  });
});
