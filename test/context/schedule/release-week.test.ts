import { describe, expect, it } from "vitest";
import { releasesOfTheWeekSentence } from "../../../src/context/schedule/index.js";
import { kubernetesRelease } from "./fixtures.js";

const release = kubernetesRelease;
const week = (from: string, to: string) => ({ from: `${from}T00:00:00Z`, to: `${to}T23:59:59Z` });

describe("releasesOfTheWeekSentence", () => {
  it("names a prerelease of the week with its day", () => {
    expect(releasesOfTheWeekSentence([release("v1.22.0-beta.1", "2021-07-08T22:15:00Z")], week("2021-07-05", "2021-07-11"))).toBe(
      "Kubernetes [v1.22.0-beta.1](https://github.com/kubernetes/kubernetes/releases/tag/v1.22.0-beta.1) was released Thursday, July 8",
    );
  });

  it("reads a time GitHub did not write as ISO 8601 (a cache file, another host) instead of failing the draft", () => {
    expect(releasesOfTheWeekSentence([release("v1.22.0-beta.1", "Thu, 08 Jul 2021 22:15:00 GMT")], week("2021-07-05", "2021-07-11"))).toBe(
      "Kubernetes [v1.22.0-beta.1](https://github.com/kubernetes/kubernetes/releases/tag/v1.22.0-beta.1) was released Thursday, July 8",
    );
  });

  it("names a patch day's releases in one sentence, the newest branch first", () => {
    const patches = [release("v1.19.13", "2021-07-15T20:20:00Z"), release("v1.21.3", "2021-07-15T20:00:00Z"), release("v1.20.9", "2021-07-15T20:10:00Z")];
    expect(releasesOfTheWeekSentence(patches, week("2021-07-12", "2021-07-18"))).toBe(
      "Kubernetes [v1.21.3](https://github.com/kubernetes/kubernetes/releases/tag/v1.21.3), [v1.20.9](https://github.com/kubernetes/kubernetes/releases/tag/v1.20.9) and [v1.19.13](https://github.com/kubernetes/kubernetes/releases/tag/v1.19.13) were released Thursday, July 15",
    );
  });

  it("says this week when the releases came on different days, the newest first", () => {
    const text = releasesOfTheWeekSentence([release("v1.22.0-rc.0", "2021-07-27T10:00:00Z"), release("v1.21.4", "2021-07-29T10:00:00Z")], week("2021-07-26", "2021-08-01"));
    expect(text).toMatch(/^Kubernetes \[v1\.21\.4\]\(.*\) and \[v1\.22\.0-rc\.0\]\(.*\) were released this week$/);
  });

  it("leaves out drafts, releases outside the window, tags that are not a Kubernetes version, and says nothing for none", () => {
    const releases = [
      release("v1.22.0", null),
      release("v1.22.0-beta.0", "2021-06-22T21:30:00Z"),
      release("v1.22.0", "2021-07-05T00:00:00Z", { tagName: "[v1.22.0](javascript:alert(1))" }),
    ];
    expect(releasesOfTheWeekSentence(releases, week("2021-06-28", "2021-07-04"))).toBeNull();
    expect(releasesOfTheWeekSentence(releases, week("2021-07-05", "2021-07-11"))).toBeNull();
    expect(releasesOfTheWeekSentence(null, week("2021-07-05", "2021-07-11"))).toBeNull();
  });
});
