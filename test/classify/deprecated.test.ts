import { describe, expect, it } from "vitest";
import { one, pr } from "./fixtures.js";

describe("Deprecated needs a deprecation or a removal users see", () => {
  it.each([
    ["the deprecation label", pr(50, "Stop serving the old scheduler config", { labels: ["kind/deprecation", "release-note"], note: "The v1beta2 scheduler config is gone." }), "label:kind/deprecation"],
    ["a note that deprecates", pr(51, "Warn on the legacy proxy mode", { labels: ["kind/cleanup", "release-note"], note: "The `userspace` proxy mode is deprecated and will be removed in a later release." }), "release-note:deprecate"],
    ["a note that says a flag was removed", pr(52, "kubelet: clean up the flags file", { labels: ["kind/cleanup", "release-note"], note: "The `--experimental-mounter-path` flag has been removed." }), "release-note:remove-user-facing"],
    ["a title that removes a deprecated thing", pr(53, "Remove deprecated seccomp profile root option", { labels: ["kind/cleanup", "release-note"], note: "Kubelet loses an option." }), "title:remove-user-facing"],
  ])("%s", (_, input, reason) => {
    expect(one(input)).toMatchObject({ section: "deprecated", reason });
  });

  it.each([
    ["a note that only mentions something deprecated long ago", pr(54, "Fix watch metrics", { labels: ["kind/bug", "release-note"], note: "Fixes the metric for the deprecated watch path of `/api/v1/watch`." })],
    ["moving the code off a deprecated library", pr(55, "Replace deprecated ioutil calls with os and io", { labels: ["kind/cleanup", "release-note-none"], note: "NONE" })],
    ["removing an internal flag registration", pr(56, "Remove unused flag registration from the e2e framework", { labels: ["kind/cleanup", "release-note-none"], note: "NONE" })],
    ["a fix whose note says something was removed", pr(57, "Fix orphaned volumes", { labels: ["kind/bug", "release-note"], note: "Fixed a bug where mounts were removed too early." })],
  ])("not %s", (_, input) => {
    expect(one(input).section).not.toBe("deprecated");
  });
});
