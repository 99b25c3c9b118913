import { describe, expect, it } from "vitest";
import { attributeChanges } from "../../../src/context/gates/attribute.js";
import type { GateChange, VersionChange } from "../../../src/context/gates/diff.js";
import { pr } from "./fixtures.js";

const FEATURES = "pkg/features/kube_features.go";
const SMD = "sigs.k8s.io/structured-merge-diff/v4";
const XNET = "golang.org/x/net";
const XNET_AFTER = "v0.0.0-20210520170846-37e1c6afe023";

const gateChanges: GateChange[] = [
  { gate: "ServiceLBNodePortControl", from: "Alpha", to: "Beta" },
  { gate: "IngressClassNamespacedParams", from: "Alpha", to: "Beta" },
  { gate: "LogarithmicScaleDown", from: "Alpha", to: "Beta" },
  { gate: "KubeletPodResourcesGetAllocatable", from: null, to: "Alpha" },
];
const versionChanges: VersionChange[] = [
  { name: XNET, from: "v0.0.0-20210224082022-3d97a244fca7", to: XNET_AFTER },
  { name: SMD, from: "v4.1.1", to: "v4.1.2" },
  { name: "golang.org/x/text", from: "v0.3.6", to: "v0.3.7" },
];

const BUMP_FILES = ["go.mod", "go.sum", "vendor/modules.txt", "staging/src/k8s.io/apiserver/go.mod"];

/** The 2021-06-28 … 07-04 week, as GraphQL delivers it (with files). */
const WEEK = [
  pr(100412, "Promote ServiceLBNodePortControl to beta", {
    files: [FEATURES, "pkg/registry/core/service/storage/rest.go", "test/e2e/network/loadbalancer.go"],
  }),
  pr(101711, "Graduate IngressClassNamespacedParams to beta", { files: [FEATURES, "pkg/apis/networking/types.go"] }),
  // Split words in the title: "Logarithmic Scale Down" still names LogarithmicScaleDown.
  pr(101767, "Promote Logarithmic Scale Down feature to beta", { files: [FEATURES, "pkg/controller/replicaset/replica_set.go"] }),
  pr(102890, "Promote client-go credential plugins (ExecCredential v1) to GA", {
    files: ["staging/src/k8s.io/client-go/plugin/pkg/client/auth/exec/exec.go"],
  }),
  pr(101093, "Add GetAllocatableResources to the pod resources API", {
    body: "Adds the KubeletPodResourcesGetAllocatable feature gate. Works alongside ServiceLBNodePortControl? No.",
    files: [FEATURES, "pkg/kubelet/apis/podresources/server_v1.go"],
  }),
  pr(103318, "Bump SMD to v4.1.2", { files: BUMP_FILES }),
  pr(103176, "Update golang.org/x/net", { body: `Bumps ${XNET} to ${XNET_AFTER} for the http2 fix.`, files: BUMP_FILES }),
  pr(103292, "Fix a flaky test", { files: ["test/e2e/apps/job.go"] }),
];

const summary = (result: ReturnType<typeof attributeChanges>) => ({
  promotions: result.promotions.map(({ pr, gate, stage }) => `#${pr.number} ${gate} ${stage}`),
  versionUpdates: result.versionUpdates.map(({ pr, name, to }) => `#${pr.number} ${name} ${to}`),
  other: result.otherGateChanges.map(({ pr, change }) => `#${pr.number} ${change.gate} ${change.to}`),
  unexplained: result.unexplained,
});

describe("attributeChanges", () => {
  it("attaches each change of the week to the PR that made it (files known)", () => {
    expect(summary(attributeChanges({ gateChanges, versionChanges, prs: WEEK }))).toEqual({
      promotions: [
        "#100412 ServiceLBNodePortControl Beta",
        "#101711 IngressClassNamespacedParams Beta",
        "#101767 LogarithmicScaleDown Beta",
      ],
      versionUpdates: [`#103176 ${XNET} ${XNET_AFTER}`, `#103318 ${SMD} v4.1.2`],
      other: ["#101093 KubeletPodResourcesGetAllocatable Alpha"],
      // an indirect bump nobody wrote about
      unexplained: [{ name: "golang.org/x/text", from: "v0.3.6", to: "v0.3.7" }],
    });
  });

  it("uses titles and bodies alone when the source had no files (REST)", () => {
    const rest = WEEK.map(({ files: _files, ...rest }) => rest);
    expect(summary(attributeChanges({ gateChanges, versionChanges, prs: rest }))).toEqual(
      summary(attributeChanges({ gateChanges, versionChanges, prs: WEEK })),
    );
  });

  it("prefers the PR whose title names the change over one whose body does", () => {
    const prs = [
      pr(1, "Refactor service allocation", { body: "Touches ServiceLBNodePortControl too.", files: [FEATURES], mergedAt: "2021-07-03T00:00:00Z" }),
      pr(2, "ServiceLBNodePortControl: promote to beta", { files: [FEATURES], mergedAt: "2021-06-29T00:00:00Z" }),
    ];
    const result = attributeChanges({ gateChanges: gateChanges.slice(0, 1), versionChanges: [], prs });
    expect(result.promotions.map((promotion) => promotion.pr.number)).toEqual([2]);
  });

  it("ignores a PR that names the change but did not touch the file", () => {
    const prs = [pr(5, "Promote ServiceLBNodePortControl to beta (docs)", { files: ["CHANGELOG/CHANGELOG-1.22.md"] })];
    const result = attributeChanges({ gateChanges: gateChanges.slice(0, 1), versionChanges: [], prs });
    expect(result.promotions).toEqual([]);
    expect(result.unexplained).toEqual([gateChanges[0]]);
  });

  it("never credits a cherry-pick into a release branch", () => {
    const pick = { ...pr(6, "[release-1.21] Promote ServiceLBNodePortControl to beta", { files: [FEATURES] }), baseRef: "release-1.21" };
    const result = attributeChanges({ gateChanges: gateChanges.slice(0, 1), versionChanges: [], prs: [pick] });
    expect(result.unexplained).toEqual([gateChanges[0]]);
  });

  it("honours where each change was seen", () => {
    const prs = [pr(7, "Bump etcd to v3.5.10", { files: ["go.mod", "go.sum"] })];
    const etcd: VersionChange = { name: "etcd", from: "3.5.9", to: "3.5.10" };
    const seenInYaml = attributeChanges({
      gateChanges: [],
      versionChanges: [etcd],
      prs,
      files: { versions: new Map([["etcd", ["build/dependencies.yaml"]]]) },
    });
    expect(seenInYaml.unexplained).toEqual([etcd]);
    const seenAnywhere = attributeChanges({ gateChanges: [], versionChanges: [etcd], prs });
    expect(seenAnywhere.versionUpdates.map((update) => update.pr.number)).toEqual([7]);
  });

  it("accepts a title match when a 100-file page may have cut go.mod off", () => {
    const vendorFiles = Array.from({ length: 100 }, (_, index) => `LICENSES/vendor/module-${index}/LICENSE`);
    const prs = [
      pr(8, "Bump SMD to v4.1.2", { files: vendorFiles }),
      pr(9, "vendor: update licenses", { body: `also ${SMD} v4.1.2`, files: vendorFiles }),
    ];
    const result = attributeChanges({ gateChanges: [], versionChanges: versionChanges.slice(1, 2), prs });
    expect(result.versionUpdates.map((update) => update.pr.number)).toEqual([8]);
  });

  it("matches configured aliases, Go by name and version, and etcd images by their short name", () => {
    const prs = [
      pr(10, "[go] Bump images, dependencies and versions to go1.21.4", { files: ["build/dependencies.yaml"] }),
      pr(11, "update smd", { files: ["go.mod"] }),
      pr(12, "Update etcd image to 3.5.10-0", { files: ["build/dependencies.yaml"] }),
    ];
    const result = attributeChanges({
      gateChanges: [],
      versionChanges: [
        { name: "golang: upstream version", from: "1.21.3", to: "1.21.4" },
        { name: SMD, from: "v4.1.1", to: "v4.1.2" },
        { name: "etcd-image", from: "3.5.9-0", to: "3.5.10-0" },
      ],
      prs,
      aliases: { smd: "structured-merge-diff" },
    });
    expect(summary(result).versionUpdates).toEqual([
      "#10 golang: upstream version 1.21.4",
      `#11 ${SMD} v4.1.2`,
      "#12 etcd-image 3.5.10-0",
    ]);
  });

  it("does not read a longer gate name as a shorter one", () => {
    const prs = [pr(13, "Promote SELinuxMountReadWriteOncePod to GA", { files: [FEATURES] })];
    const result = attributeChanges({
      gateChanges: [{ gate: "SELinuxMount", from: "Alpha", to: "Beta" }],
      versionChanges: [],
      prs,
    });
    expect(result.unexplained).toEqual([{ gate: "SELinuxMount", from: "Alpha", to: "Beta" }]);
  });
});
