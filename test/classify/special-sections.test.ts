import { describe, expect, it } from "vitest";
import { one, pr, url } from "./fixtures.js";

describe("promotions", () => {
  it("reads the gate and stage from a 'promote X to beta' title", () => {
    expect(one(pr(100412, "Promote ServiceLBNodePortControl feature to Beta", { labels: ["lgtm"], body: "" }))).toEqual({
      section: "promotions",
      reason: "title:promote-to-beta",
      line: `* [ServiceLBNodePortControl to beta](${url(100412)})`,
    });
  });

  it("treats graduate/mark ... as GA or stable as GA", () => {
    const ga = pr(123442, "KEP 3756: Mark NewVolumeManagerReconstruction as GA", { labels: ["kind/feature", "kind/cleanup", "release-note"], note: "The volume reconstruction rework is stable now." });
    expect(one(ga)).toMatchObject({ section: "promotions", reason: "title:promote-to-ga", line: `* [NewVolumeManagerReconstruction to GA](${url(123442)})` });
    const stable = pr(2, "graduate PodOverhead to stable", { labels: ["kind/feature", "release-note"], note: "Graduation." });
    expect(one(stable).line).toBe(`* [PodOverhead to GA](${url(2)})`);
  });

  it("names a feature without a gate by its words", () => {
    const logging = pr(122589, "promote contextual logging to beta, enabled by default", { labels: ["kind/feature", "release-note"], note: "The logging rework graduates." });
    expect(one(logging)).toMatchObject({ section: "promotions", line: `* [Contextual logging is beta and on by default](${url(122589)})` });
  });

  it("finds a promotion stated only in the release note", () => {
    const note = pr(102890, "exec credential provider: add v1 struct", { labels: ["kind/feature", "release-note"], note: "client-go credential plugins are now GA" });
    expect(one(note)).toEqual({ section: "promotions", reason: "release-note:promote-to-ga", line: `* [client-go credential plugins to GA](${url(102890)})` });
  });

  it("reads 'make X GA' titles and 'X is GA' notes", () => {
    const make = pr(13, "Make the CSIMigrationvSphere feature GA", { labels: ["kind/feature", "release-note"], note: "Migration done." });
    expect(one(make)).toMatchObject({ section: "promotions", reason: "title:promote-to-ga", line: `* [CSIMigrationvSphere to GA](${url(13)})` });
    const note = pr(14, "Clean up the vSphere migration", { labels: ["kind/feature", "release-note"], note: "The CSIMigrationvSphere feature is GA." });
    expect(one(note)).toMatchObject({ section: "promotions", reason: "release-note:promote-to-ga", line: `* [CSIMigrationvSphere to GA](${url(14)})` });
  });

  it("counts locking a gate to its default as GA", () => {
    const lock = pr(3, "Lock CSIMigration to default", { labels: ["kind/cleanup", "release-note"], note: "Locked." });
    expect(one(lock)).toMatchObject({ section: "promotions", reason: "title:lock-to-default", line: `* [CSIMigration to GA](${url(3)})` });
  });

  it("confirms from the feature-gate table when files are known, and trusts a note only then", () => {
    const confirmed = pr(4, "Promote JobReadyPods to beta", { labels: ["kind/feature", "release-note"], note: "Beta.", files: ["pkg/features/kube_features.go"] });
    expect(one(confirmed).reason).toBe("title:promote-to-beta+files:feature-gate-table");
    const noteOnly = pr(5, "Tidy the job controller", { labels: ["kind/feature", "release-note"], note: "JobReadyPods is now beta.", files: ["pkg/controller/job/job_controller.go"] });
    expect(one(noteOnly).section).toBe("other_merges");
  });

  it("counts a PR that touches only versioned_kube_features.go as touching the gate table", () => {
    // Since 1.31 a promotion may edit only the versioned table; the context reads it as a gate file too.
    const versioned = pr(6, "Tidy the job controller", { labels: ["kind/feature", "release-note"], note: "JobReadyPods is now beta.", files: ["pkg/features/versioned_kube_features.go"] });
    expect(one(versioned)).toMatchObject({ section: "promotions", reason: "release-note:promote-to-beta+files:feature-gate-table" });
  });

  it("names the subject when nothing stands between the verb and the stage, and reads a stage in backticks", () => {
    const subject = pr(31, "Leader migration for controller managers graduated to beta", { labels: ["kind/feature", "release-note"], note: "Leader migration graduated." });
    expect(one(subject)).toMatchObject({ section: "promotions", reason: "title:promote-to-beta", line: `* [Leader migration for controller managers to beta](${url(31)})` });
    const quoted = pr(32, "The `WidgetSidecars` feature has graduated to `beta` and is enabled by default", { labels: ["kind/feature", "release-note"], note: "Sidecars for widgets." });
    expect(one(quoted)).toMatchObject({ section: "promotions", reason: "title:promote-to-beta", line: `* [WidgetSidecars is beta and on by default](${url(32)})` });    const updated = pr(34, "`WidgetCaching` upgraded to GA and locked to true", { labels: ["kind/feature", "release-note"], note: "Widget caching is GA." });
    expect(one(updated)).toMatchObject({ section: "promotions", reason: "title:promote-to-ga", line: `* [WidgetCaching to GA](${url(34)})` });
  });

  it("counts promoted metrics as promotions, as editors list them (12 of 14 in the picks data)", () => {
    const metrics = pr(33, "Promote the widget_queue_depth and widget_wait_seconds metrics to stable", { labels: ["kind/feature", "release-note"], note: "The widget queue metrics are stable." });
    expect(one(metrics)).toMatchObject({ section: "promotions", reason: "title:promote-to-ga" });
  });

  it("files a feature gate removed after its feature went GA under Deprecated, not Promotions", () => {
    const removed = pr(51, "Remove the WidgetSync feature gate", { labels: ["kind/cleanup", "release-note"], note: "The `WidgetSync` feature gate that graduated to GA in v1.30 and was unconditionally enabled has been removed." });
    expect(one(removed)).toMatchObject({ section: "deprecated", reason: "title:feature-gate-removed" });
    const noted = pr(52, "Clean up GA gates", { labels: ["kind/cleanup", "release-note"], note: "The `WidgetSync` feature gate that is GA since v1.30 is unconditionally enabled, and can no longer be specified via `--feature-gates`." });
    expect(one(noted)).toMatchObject({ section: "deprecated", reason: "release-note:feature-gate-removed" });
  });

  it("does not take a metric's stability level for a feature promotion", () => {
    const metric = pr(123342, "bump the stability level of apiserver_storage_size_bytes to STABLE", { labels: ["kind/cleanup", "release-note-none"], note: "NONE" });
    expect(one(metric)).toEqual({ section: "skipped", reason: "release-note:none+cleanup" });
  });
});

describe("version updates", () => {
  it("reports an area/dependency bump with its version", () => {
    const smd = pr(103318, "Bump SMD to v4.1.2 to pick up #102749 fix", { labels: ["area/dependency", "kind/bug", "release-note"], note: "Faster applies on big objects." });
    expect(one(smd)).toEqual({ section: "version_updates", reason: "title:version-bump+label:area/dependency", line: `* [structured-merge-diff to v4.1.2](${url(103318)})` });
  });

  it("reports bumps of critical dependencies without the label, adding the v", () => {
    const lint = pr(113202, "hack/tools: update golangci-lint version (1.48.0 -> 1.50.0)", { labels: ["kind/feature", "release-note-none"], note: "NONE" });
    expect(one(lint)).toEqual({ section: "version_updates", reason: "title:version-bump+critical-dependency", line: `* [golangci-lint to v1.50.0](${url(113202)})` });
    const two = pr(123438, "hack/tools: update to golangci-lint v1.56.2 and Go v1.21", { labels: ["release-note-none"] });
    expect(one(two).line).toBe(`* [golangci-lint to v1.56.2 and Go to v1.21](${url(123438)})`);
    const etcd = pr(6, "Update etcd to 3.5.10", { labels: ["release-note"], note: "etcd is newer." });
    expect(one(etcd).line).toBe(`* [etcd to v3.5.10](${url(6)})`);
    const go = pr(7, "build: update to go1.22.0", { labels: ["release-note"], note: "Built with a newer Go." });
    expect(one(go).line).toBe(`* [go to 1.22.0](${url(7)})`);
  });

  it("reports other bumps only when go.mod changes are known", () => {
    const crypto = pr(123348, "Update x/crypto to 0.19.", { labels: ["kind/bug", "release-note-none"], note: "NONE" });
    expect(one(crypto)).toEqual({ section: "skipped", reason: "release-note:none+bug" });
    const withFiles = pr(8, "Update x/crypto to 0.19.", { labels: ["release-note-none"], note: "NONE", files: ["go.mod", "go.sum"] });
    expect(one(withFiles)).toEqual({ section: "version_updates", reason: "title:version-bump+files:dependency-manifest", line: `* [x/crypto to v0.19](${url(8)})` });
  });

  it("reports a bump its author gave a release note, read through quoting and links, and the release team's 'built with Go'", () => {
    const noted = pr(41, "Update `widget-tools` to [v1.23.0](https://github.com/example/widget-tools/releases/tag/v1.23.0)", { labels: ["kind/cleanup", "release-note"], note: "Updated widget-tools to v1.23.0." });
    expect(one(noted)).toEqual({ section: "version_updates", reason: "title:version-bump+release-note", line: `* [widget-tools to v1.23.0](${url(41)})` });
    const built = pr(42, "Kubernetes is now built with Go `1.21.3`", { labels: ["kind/feature", "release-note"], note: "Kubernetes is now built with Go 1.21.3." });
    expect(one(built)).toMatchObject({ section: "version_updates", line: `* [Go to 1.21.3](${url(42)})` });
    // Without a release note, an unknown dependency still needs the label or its manifests.
    const quiet = pr(43, "Update `widget-tools` to v1.23.0", { labels: ["kind/cleanup", "release-note-none"], note: "NONE" });
    expect(one(quiet).section).toBe("skipped");
  });

  it("skips alpha, beta and rc releases of dependencies", () => {
    const rc = pr(9, "Bump etcd to v3.6.0-rc.1", { labels: ["area/dependency", "release-note-none"], note: "NONE" });
    expect(one(rc)).toEqual({ section: "skipped", reason: "dependency-prerelease" });
  });
});

describe("deprecated", () => {
  it("files kind/deprecation under Deprecated", () => {
    const labelled = pr(10, "Stop serving the flowcontrol v1beta2 API", { labels: ["kind/deprecation", "release-note"], note: "The v1beta2 flowcontrol API is no longer served." });
    expect(one(labelled)).toMatchObject({ section: "deprecated", reason: "label:kind/deprecation" });
  });

  it("recognises deprecations in the title or the release note", () => {
    const title = pr(11, "Deprecate the --cloud-provider flag of kubelet", { labels: ["kind/cleanup", "release-note"], note: "Flag deprecation." });
    expect(one(title)).toEqual({ section: "deprecated", reason: "title:deprecate", line: `* Deprecate [the \`--cloud-provider\` flag](${url(11)}) of kubelet` });
    const note = pr(12, "kubelet: tidy config loading", { labels: ["kind/feature", "release-note"], note: "The --pod-infra-container-image flag is deprecated." });
    expect(one(note).reason).toBe("release-note:deprecate");
  });

  it("says a deprecation or removal that only names what goes \"Deprecates\" or \"Removes\", never \"Adds\"", () => {
    const removed = pr(13, "Widget cleanup", { labels: ["kind/deprecation", "release-note"], note: "The beta `WidgetPolicy` admission plugin, deprecated since 1.21, is removed." });
    expect(one(removed)).toEqual({ section: "deprecated", reason: "label:kind/deprecation", line: `* Removes [the beta \`WidgetPolicy\` admission plugin](${url(13)}), deprecated since 1.21, is removed` });
    const deprecated = pr(14, "Gadget metrics", { labels: ["kind/deprecation", "release-note"], note: "Gadget metrics `gadget_total` and `gadget_errors_total`." });
    expect(one(deprecated)).toEqual({ section: "deprecated", reason: "label:kind/deprecation", line: `* Deprecates [Gadget metrics \`gadget_total\` and \`gadget_errors_total\`](${url(14)})` });
    // A removal only planned is a deprecation; "Removal of X" says its verb itself.
    const planned = pr(15, "Flag cleanup", { labels: ["kind/deprecation", "release-note"], note: "The --widget-mode flag (deprecated; removal planned for v1.30)" });
    expect(one(planned).line).toBe(`* Deprecates [the \`--widget-mode\` flag](${url(15)})`);
    const removal = pr(16, "Gadget cleanup", { labels: ["kind/deprecation", "release-note"], note: "Removal of the gadget shim" });
    expect(one(removal).line).toBe(`* Removes [the gadget shim](${url(16)})`);
  });

  it("does not take moving away from deprecated code for a deprecation", () => {
    const usage = pr(15, "Replace deprecated ioutil functions in kubelet", { labels: ["kind/cleanup", "release-note-none"], note: "NONE" });
    expect(one(usage)).toEqual({ section: "skipped", reason: "release-note:none+cleanup" });
    const nonDeprecated = pr(16, "Tidy the scheduler config", { labels: ["kind/feature", "release-note"], note: "The scheduler reads the non-deprecated v1 config." });
    expect(one(nonDeprecated).section).toBe("other_merges");
  });

  it("treats removing a user-facing flag or metric as a removal, a cleanup of code as not", () => {
    const metric = pr(113054, "remove rate limiter metric as it is not in use", { labels: ["kind/cleanup", "release-note-none"], note: "NONE" });
    expect(one(metric)).toEqual({ section: "deprecated", reason: "title:remove-user-facing", line: `* Remove [rate limiter metric](${url(113054)}) as it is not in use` });
    const code = pr(103003, "remove omitempty tag from PathType", { labels: ["kind/cleanup", "release-note-none"], note: "NONE" });
    expect(one(code)).toEqual({ section: "skipped", reason: "release-note:none+cleanup" });
  });
});
