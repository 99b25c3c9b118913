import { describe, expect, it } from "vitest";
import { WEEK_SNAPSHOT_PATHS, fileVersionBullet, findWeekChanges, gatePromotionBullet } from "../../../src/context/gates/index.js";
import { DEFAULT_RULES } from "../../../src/classify/rules.js";
import { renderBullet } from "../../../src/markdown/escape.js";
import { dependenciesYaml, goMod2021, pr } from "./fixtures.js";
import { APISERVER_FEATURES_2021, FEATURE_LIST_YAML, kubeFeatures2021 } from "./gate-fixtures.js";

const FEATURES = "pkg/features/kube_features.go";
const APISERVER = "staging/src/k8s.io/apiserver/pkg/features/kube_features.go";
const XNET_BEFORE = "v0.0.0-20210224082022-3d97a244fca7";
const XNET_AFTER = "v0.0.0-20210520170846-37e1c6afe023";
const BUMP_FILES = ["go.mod", "go.sum", "vendor/modules.txt"];

/** The week ending 2021-07-04, before versioned_feature_list.yaml existed. */
const before = {
  "go.mod": goMod2021("v4.1.1", XNET_BEFORE),
  "build/dependencies.yaml": dependenciesYaml("3.4.13", "1.16.5"),
  [FEATURES]: kubeFeatures2021({ slb: "Alpha", icnp: "Alpha", lsd: "Alpha" }),
  [APISERVER]: APISERVER_FEATURES_2021,
  "test/compatibility_lifecycle/reference/versioned_feature_list.yaml": null,
};
const after = {
  ...before,
  "go.mod": goMod2021("v4.1.2", XNET_AFTER),
  [FEATURES]: kubeFeatures2021({ slb: "Beta", icnp: "Beta", lsd: "Beta" }),
};
const prs = [
  pr(100412, "Promote ServiceLBNodePortControl to beta", { files: [FEATURES, "pkg/registry/core/service/storage/rest.go"] }),
  pr(101711, "Promote IngressClassNamespacedParams to beta", { files: [FEATURES, "pkg/apis/networking/types.go"] }),
  pr(101767, "Graduate LogarithmicScaleDown to beta", { files: [FEATURES, "pkg/controller/replicaset/replica_set.go"] }),
  pr(102890, "Promote client-go credential plugins (ExecCredential v1) to GA", {
    files: ["staging/src/k8s.io/client-go/plugin/pkg/client/auth/exec/exec.go"],
  }),
  pr(103318, "Bump SMD to v4.1.2", { files: BUMP_FILES }),
  pr(103176, "Update golang.org/x/net to v0.0.0-20210520170846-37e1c6afe023", { files: BUMP_FILES }),
];

describe("findWeekChanges", () => {
  it("asks for exactly the files it compares", () => {
    expect(WEEK_SNAPSHOT_PATHS).toEqual([
      "go.mod",
      "build/dependencies.yaml",
      "pkg/features/kube_features.go",
      "staging/src/k8s.io/apiserver/pkg/features/kube_features.go",
      "test/compatibility_lifecycle/reference/versioned_feature_list.yaml",
      "pkg/features/versioned_kube_features.go",
    ]);
  });

  it("drafts the 2021-07-04 week's promotions and version updates", () => {
    const week = findWeekChanges({ before, after, prs });
    const lines = [
      ...week.promotions.map((promotion) => renderBullet(gatePromotionBullet(promotion.gate, promotion.stage, promotion.pr.url))),
      ...week.versionUpdates.map((update) => renderBullet(fileVersionBullet(update.name, update.to, update.pr.url, DEFAULT_RULES.dependencies))),
    ];
    expect(lines).toEqual([
      "* [ServiceLBNodePortControl to beta](https://github.com/kubernetes/kubernetes/pull/100412)",
      "* [IngressClassNamespacedParams to beta](https://github.com/kubernetes/kubernetes/pull/101711)",
      "* [LogarithmicScaleDown to beta](https://github.com/kubernetes/kubernetes/pull/101767)",
      "* [golang.org/x/net to the 2021-05-20 snapshot](https://github.com/kubernetes/kubernetes/pull/103176)",
      "* [sigs.k8s.io/structured-merge-diff/v4 to v4.1.2](https://github.com/kubernetes/kubernetes/pull/103318)",
    ]);
    // ExecCredential v1 has no gate in these files: the title classifier reports it, not the diff.
    expect(week.unexplained).toEqual([]);
    expect(week.otherGateChanges).toEqual([]);
    expect(week.skippedPaths).toEqual([
      "test/compatibility_lifecycle/reference/versioned_feature_list.yaml",
      "pkg/features/versioned_kube_features.go",
    ]);
  });

  it("returns a change no PR explains", () => {
    const week = findWeekChanges({
      before,
      after: { ...after, "build/dependencies.yaml": dependenciesYaml("3.5.0", "1.16.5") },
      prs,
    });
    expect(week.unexplained).toEqual([
      { name: "etcd", from: "3.4.13", to: "3.5.0" },
      { name: "etcd-image", from: "3.4.13-0", to: "3.5.0-0" },
    ]);
  });

  it("does not report a gate that moved between files, and reports where a change was seen", () => {
    const table = (entries: string) => `var g = map[featuregate.Feature]featuregate.FeatureSpec{\n${entries}\n}`;
    const week = findWeekChanges({
      before: {
        [FEATURES]: table("Moved: {PreRelease: featuregate.Beta},\nGeneric: {PreRelease: featuregate.Alpha},"),
        [APISERVER]: table("Generic: {PreRelease: featuregate.Alpha},"),
        "pkg/features/versioned_kube_features.go": table(""),
      },
      after: {
        [FEATURES]: table("Generic: {PreRelease: featuregate.Beta},"),
        [APISERVER]: table("Generic: {PreRelease: featuregate.Beta},"),
        "pkg/features/versioned_kube_features.go": table("Moved: {PreRelease: featuregate.Beta},"),
      },
      prs: [pr(1, "Promote Generic to beta", { files: [APISERVER] })],
    });
    expect(week.gateChanges).toEqual([{ gate: "Generic", from: "Alpha", to: "Beta" }]);
    expect(week.promotions.map(({ pr, gate, stage }) => [pr.number, gate, stage])).toEqual([[1, "Generic", "Beta"]]);
  });

  it("files the week left alone change nothing, yet still count for a gate relisted from them into a changed file", () => {
    const table = (entries: string) => `var g = map[featuregate.Feature]featuregate.FeatureSpec{\n${entries}\n}`;
    expect(findWeekChanges({ before, after: before, prs }).gateChanges).toEqual([]);
    expect(findWeekChanges({ before, after: before, prs }).versionChanges).toEqual([]);
    const week = findWeekChanges({
      before: { [FEATURES]: table("Other: {PreRelease: featuregate.Alpha},"), [APISERVER]: table("Relisted: {PreRelease: featuregate.Beta},") },
      after: { [FEATURES]: table("Other: {PreRelease: featuregate.Alpha},\nRelisted: {PreRelease: featuregate.Beta},"), [APISERVER]: table("Relisted: {PreRelease: featuregate.Beta},") },
      prs: [],
    });
    expect(week.gateChanges).toEqual([]);
  });

  it("reads the versioned yaml when that is all there is", () => {
    const yamlPath = "test/compatibility_lifecycle/reference/versioned_feature_list.yaml";
    const promoted = FEATURE_LIST_YAML.replace(
      "    preRelease: Alpha\n    version: \"1.12\"",
      "    preRelease: Alpha\n    version: \"1.12\"\n  - default: true\n    lockToDefault: false\n    preRelease: Beta\n    version: \"1.34\"",
    );
    const week = findWeekChanges({
      before: { [yamlPath]: FEATURE_LIST_YAML },
      after: { [yamlPath]: promoted },
      prs: [
        pr(130000, "Graduate CPUCFSQuotaPeriod to beta", { files: ["pkg/features/kube_features.go", yamlPath] }),
      ],
    });
    expect(week.promotions.map(({ pr, gate, stage }) => [pr.number, gate, stage])).toEqual([[130000, "CPUCFSQuotaPeriod", "Beta"]]);
  });

  it("returns nothing, without throwing, when nothing could be read", () => {
    const week = findWeekChanges({ before: {}, after: { "go.mod": "garbage {{{" }, prs });
    expect(week).toEqual({
      promotions: [],
      versionUpdates: [],
      otherGateChanges: [],
      unexplained: [],
      gateChanges: [],
      versionChanges: [],
      skippedPaths: [...WEEK_SNAPSHOT_PATHS],
    });
  });
});
