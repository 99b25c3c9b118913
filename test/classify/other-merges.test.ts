import { describe, expect, it } from "vitest";
import { one, pr, url } from "./fixtures.js";

describe("reported under Other Merges", () => {
  it("reports kind/api-change even with a NONE note", () => {
    const api = pr(99494, "csr: add expirationSeconds field to control cert lifetime", { labels: ["kind/api-change", "release-note-none"], note: "NONE" });
    expect(one(api)).toEqual({ section: "other_merges", reason: "label:kind/api-change", line: `* Add [an \`expirationSeconds\` field](${url(99494)}) to control cert lifetime` });
  });

  it("reports kind/feature with a release note, drafting from the note", () => {
    const feature = pr(102155, "Added field-selector option for kubectl top pod", { labels: ["kind/feature", "release-note"], note: "`kubectl top pod` accepts a field selector now." });
    expect(one(feature)).toEqual({ section: "other_merges", reason: "label:kind/feature", line: `* \`kubectl top pod\` [accepts a field selector now](${url(102155)})` });
  });

  it("reports an action-required note whatever the kind", () => {
    const action = pr(86139, "Normalize HTTP lifecycle handlers with HTTP probers", { labels: ["kind/bug", "release-note"], note: "ACTION REQUIRED: when lifecycle hooks call HTTPS endpoints, headers are sent." });
    expect(one(action)).toEqual({ section: "other_merges", reason: "release-note:action-required", line: `* Normalize [HTTP lifecycle handlers](${url(86139)}) with HTTP probers` });
  });

  it("reports a release note on a PR without a kind", () => {
    const note = pr(100339, "adds metrics for delegated authz", { labels: ["release-note"], note: "adds metrics for the delegated authorizer of aggregated API servers" });
    expect(one(note)).toEqual({ section: "other_merges", reason: "release-note", line: `* Add [metrics for the delegated authorizer](${url(100339)}) of aggregated API servers` });
  });

  it("reports every bug fix and cleanup with a real release note: editors list about 60 % of them", () => {
    const minor = pr(113113, "Fix metrics time durations in schedulerCycle and bindingCycle", { labels: ["kind/bug", "release-note"], note: "Durations now include unreserve." });
    expect(one(minor)).toMatchObject({ section: "other_merges", reason: "release-note" });
    const cleanup = pr(103306, "Kubeproxy uses V1 EndpointSlice", { labels: ["kind/cleanup", "release-note"], note: "kube-proxy reads v1 slices." });
    expect(one(cleanup)).toMatchObject({ section: "other_merges", reason: "release-note" });
    const documented = pr(37, "Explain the new debug profile in kubectl help", { labels: ["kind/documentation", "kind/feature", "release-note"], note: "kubectl debug explains its profiles." });
    expect(one(documented)).toMatchObject({ section: "other_merges", reason: "label:kind/feature" });
  });

  it("reports a bug fix with a NONE note only for security or a crash", () => {
    const security = pr(111558, "add superuser fallback to authorizer", { labels: ["kind/bug", "release-note-none"], note: "NONE" });
    expect(one(security)).toMatchObject({ section: "other_merges", reason: "title:security-fix" });
    const crash = pr(20, "Fix kubelet panic on nil pod status", { labels: ["kind/bug", "release-note-none"], note: "NONE" });
    expect(one(crash)).toMatchObject({ section: "other_merges", reason: "title:crash-fix" });
    const missing = pr(22, "Add missing nil check in the volume manager", { labels: ["kind/bug", "release-note-none"], note: "NONE" });
    expect(one(missing)).toEqual({ section: "skipped", reason: "release-note:none+bug" });
    const codegen = pr(123397, "Don't use git commands in kube_codegen.sh", { labels: ["kind/bug", "release-note-none"], note: "NONE" });
    expect(one(codegen)).toEqual({ section: "skipped", reason: "release-note:none+bug" });
  });

  it("reports a NONE-note change to kubeadm or kubectl, but not a cleanup of them", () => {
    const kubeadm = pr(38, "kubeadm: print the join command for control plane nodes", { labels: ["kind/feature", "release-note-none"], note: "NONE" });
    expect(one(kubeadm)).toMatchObject({ section: "other_merges", reason: "title:user-facing-tool" });
    const kubectl = pr(39, "Make kubectl wait accept a jsonpath condition", { labels: ["kind/bug", "release-note-none"], note: "NONE" });
    expect(one(kubectl)).toMatchObject({ section: "other_merges", reason: "title:user-facing-tool" });
    const cleanup = pr(40, "kubeadm: rename internal phase helpers", { labels: ["kind/cleanup", "release-note-none"], note: "NONE" });
    expect(one(cleanup)).toEqual({ section: "skipped", reason: "release-note:none+cleanup" });
  });

  it("reports a NONE-note feature that adds a feature gate", () => {
    const gate = pr(41, "Add the PodLevelResources feature gate", { labels: ["kind/feature", "release-note-none"], note: "NONE" });
    expect(one(gate)).toMatchObject({ section: "other_merges", reason: "label:kind/feature+new-feature-gate" });
  });

  it("reports a NONE-note feature only when it implements a KEP, and never groundwork", () => {
    const kep = "```docs\n- [KEP]: https://github.com/kubernetes/enhancements/tree/master/keps/sig-api-machinery/3488-cel-admission-control\n```";
    const plugin = pr(112858, "CEL Admission Plugin", { labels: ["kind/feature", "release-note-none"], note: "NONE", extra: kep });
    expect(one(plugin)).toEqual({
      section: "other_merges",
      reason: "label:kind/feature+kep",
      line: `* Adds [a CEL admission plugin](${url(112858)})`,
      kep: "https://github.com/kubernetes/enhancements/tree/master/keps/sig-api-machinery/3488-cel-admission-control",
    });
    const groundwork = pr(113024, "kubectl explain openapiv3 template foundations", { labels: ["kind/feature", "release-note-none"], note: "NONE", extra: kep });
    expect(one(groundwork)).toEqual({ section: "skipped", reason: "release-note:none+groundwork" });
    const bare = pr(122880, "Add aggregated discovery v2 types", { labels: ["kind/feature", "release-note-none"], note: "NONE" });
    expect(one(bare)).toEqual({ section: "skipped", reason: "release-note:none+feature" });
  });

  it("reports changes to build and code-generation tooling", () => {
    const codegen = pr(123387, "kube_codegen: add plural-exceptions and use grep for finding API types", { labels: ["kind/feature", "release-note-none"], note: "NONE" });
    expect(one(codegen)).toEqual({
      section: "other_merges",
      reason: "title:build-tooling",
      line: `* \`kube_codegen\` [adds plural-exceptions and uses grep](${url(123387)}) for finding API types`,
    });
  });

  it("reports new metrics", () => {
    const metric = pr(21, "kubelet: expose new metric for image pulls", { labels: ["release-note-none"], note: "NONE" });
    expect(one(metric)).toMatchObject({ section: "other_merges", reason: "title:new-metric" });
  });

  it("leaves a PR without any release-note information to the editor", () => {
    const unknown = pr(99378, "StatefulSet PersistentVolumeClaimDeletePolicy", { body: "" });
    expect(one(unknown)).toEqual({
      section: "other_merges",
      reason: "release-note:unknown",
      line: `* Adds [support for StatefulSet \`PersistentVolumeClaimDeletePolicy\`](${url(99378)})`,
    });
  });
});
