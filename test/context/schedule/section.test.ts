import { describe, expect, it } from "vitest";
import { releaseScheduleSection } from "../../../src/context/schedule/index.js";
import { kubernetesRelease, PATCH_RELEASES_2021, README_1_22, README_1_23, WEBSITE_SCHEDULE_2023 } from "./fixtures.js";

describe("releaseScheduleSection", () => {
  it("drafts the week ending July 4, 2021", () => {
    const section = releaseScheduleSection({
      readmes: { "1.22": README_1_22, "1.21": null, "1.23": null },
      patchMarkdown: PATCH_RELEASES_2021,
      weekEnding: "2021-07-04",
    });
    expect(section).toEqual({
      nextDeadline: "Code Freeze, July 8th",
      notes: [
        "Coming up in 1.22: 1.22.0-beta.1 release (Thursday, July 8), Code Freeze (Thursday, July 8), Docs deadline - Open placeholder PRs (Friday, July 9)",
        "Cherry-picks for the next patch releases (1.21.3, 1.20.9, 1.19.13, due Wednesday, July 14) are due Saturday, July 10",
      ],
      problems: [],
    });
  });

  it("keeps the placeholder between releases and says why", () => {
    const section = releaseScheduleSection({
      readmes: { "1.23": README_1_23, "1.22": README_1_22, "1.24": null },
      patchMarkdown: PATCH_RELEASES_2021,
      weekEnding: "2021-08-08",
    });
    expect(section.nextDeadline).toBeNull();
    expect(section.notes).toEqual(["Patch releases 1.21.4 and 1.20.10 are due Wednesday, August 11; their cherry-pick deadline was Saturday, August 7"]);
    expect(section.problems).toEqual([
      "between releases: the 1.22 timeline ends on 2021-08-04 and no later timeline has started by 2021-08-08",
    ]);
  });

  it("reports what it could not read", () => {
    const section = releaseScheduleSection({
      readmes: { "1.22": null, "1.21": "# Kubernetes 1.21\n\nNo table yet.", "1.23": null },
      websiteYaml: "schedules: []",
      weekEnding: "2021-07-04",
    });
    expect(section).toEqual({
      nextDeadline: null,
      notes: [],
      problems: [
        "release 1.21: no dated row in a What/When timeline table",
        "no release timeline has started by the week ending 2021-07-04 (no README for 1.22, 1.23)",
        "data/releases/schedule.yaml: no patch release dates found",
      ],
    });
    expect(releaseScheduleSection({ readmes: {}, weekEnding: "2021-07-04" }).problems).toEqual([
      "no release timeline has started by the week ending 2021-07-04",
      "no patch release schedule was given",
    ]);
  });

  it("reads the website schedule for 2023 weeks", () => {
    const section = releaseScheduleSection({ readmes: {}, websiteYaml: WEBSITE_SCHEDULE_2023, weekEnding: "2023-07-16" });
    expect(section.notes).toEqual(["Patch releases 1.27.4 and 1.26.7 are due Wednesday, July 19; their cherry-pick deadline was Friday, July 14"]);
  });

  it("puts the week's Kubernetes releases first, and says when they could not be read", () => {
    const release = kubernetesRelease;
    const releases = [
      release("v1.22.0-beta.1", "2021-07-08T22:15:00Z"),
      release("v1.22.0-beta.2", null),
      release("v1.22.0-beta.0", "2021-06-22T21:30:00Z"),
    ];
    const section = releaseScheduleSection({ readmes: { "1.22": README_1_22 }, patchMarkdown: PATCH_RELEASES_2021, weekEnding: "2021-07-11", kubernetesReleases: releases });
    expect(section.notes[0]).toBe("Kubernetes [v1.22.0-beta.1](https://github.com/kubernetes/kubernetes/releases/tag/v1.22.0-beta.1) was released Thursday, July 8");
    expect(section.notes).toContain("Patch releases 1.21.3, 1.20.9 and 1.19.13 are due Wednesday, July 14; their cherry-pick deadline was Saturday, July 10");
    const quiet = releaseScheduleSection({ readmes: { "1.22": README_1_22 }, patchMarkdown: PATCH_RELEASES_2021, weekEnding: "2021-07-04", kubernetesReleases: releases });
    expect(quiet.notes.join("\n")).not.toContain("released Thursday");
    expect(quiet.problems).toEqual([]);
    const unread = releaseScheduleSection({ readmes: { "1.22": README_1_22 }, patchMarkdown: PATCH_RELEASES_2021, weekEnding: "2021-07-04", kubernetesReleases: null });
    expect(unread.problems).toEqual(["kubernetes/kubernetes: could not read its releases"]);
  });
});
