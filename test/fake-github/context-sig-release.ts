import type { FakeCommit } from "./types.js";

/**
 * kubernetes/sig-release files as `Repository.object(expression:)` blobs. The text is written for
 * these tests in the shape of sig-release's release-cycle READMEs and patch-release page; dates
 * follow the 1.21 and 1.22 cycles of 2021 (1.22: Code Freeze Thursday July 8, release
 * Wednesday August 4).
 */

export const SIG_RELEASE_PATHS = {
  current: "master:releases/release-1.22/README.md",
  previous: "master:releases/release-1.21/README.md",
  patches: "master:releases/patch-releases.md",
} as const;

/** Facts a tool should read from the blobs; dates are the days the tables give. */
export const SIG_RELEASE_FACTS = {
  current: {
    version: "1.22",
    start: "2021-04-26",
    enhancementsFreeze: "2021-05-13",
    codeFreeze: "2021-07-08",
    docsPlaceholderDeadline: "2021-07-09",
    testFreeze: "2021-07-14",
    release: "2021-08-04",
    /** Rows of the timeline table, header and separator excluded. */
    timelineRows: 27,
  },
  previous: {
    version: "1.21",
    enhancementsFreeze: "2021-02-09",
    codeFreeze: "2021-03-09",
    testFreeze: "2021-03-24",
    release: "2021-04-08",
  },
  /** The next patch releases after the week of 2021-06-28. */
  nextPatches: [
    { version: "1.21.3", cherryPickDeadline: "2021-07-10", targetDate: "2021-07-14" },
    { version: "1.20.9", cherryPickDeadline: "2021-07-10", targetDate: "2021-07-14" },
    { version: "1.19.13", cherryPickDeadline: "2021-07-10", targetDate: "2021-07-14" },
  ],
} as const;

const RELEASE_122 = `# Kubernetes 1.22

#### Links

* [This document](https://git.k8s.io/sig-release/releases/release-1.22/README.md)
* [Release Team](./release-team.md)
* [Meeting Minutes](https://bit.ly/k8s122-releasemtg) (members of [kubernetes-sig-release@] receive an invite)
* Contact: [#sig-release] on slack, [kubernetes-release-team@] on e-mail
* [Internal Contact Info] (accessible only to members of [kubernetes-release-team@])

#### Tracking docs

* [Enhancements Tracking Sheet](https://bit.ly/k8s122-enhancements)
* [Feature blog Tracking Sheet](https://bit.ly/k8s122-feature-blogs)
* [v1.22 Release Notes draft](./release-notes/release-notes-draft.md)
* [kubernetes/kubernetes v1.22 milestone](https://github.com/kubernetes/kubernetes/milestone/53)

#### Guides

* [Targeting Issues and PRs to This Milestone](https://git.k8s.io/community/contributors/devel/sig-release/release.md)
* [Triaging and Escalating Test Failures](https://git.k8s.io/community/contributors/devel/sig-testing/testing.md#troubleshooting-a-failure)

## TL;DR

The 1.22 release cycle runs for 15 weeks:

- **Monday, April 26th**: Week 1 - Release cycle begins
- **Thursday, May 13th**: Week 3 - [Enhancements Freeze]
- **Thursday, July 8th**: Week 11 - [Code Freeze]
- **Wednesday, July 14th**: Week 12 - [Test Freeze]
- **Tuesday, July 27th**: Week 14 - Docs must be complete and reviewed
- **Wednesday, August 4th**: Week 15 - Kubernetes v1.22.0 released

## Timeline

The release cycle and the dates below may change. Times are Pacific unless a row says otherwise.

| **What** | **Who** | **When** | **WEEK** | **CI SIGNAL** |
| -------- | ------- | -------- | -------- | ------------- |
| Start of Release Cycle | Lead | Mon April 26 | week 1 | [master-blocking] |
| Start Enhancements Tracking | Enhancements Lead | Mon April 26 | week 1 | |
| Schedule finalized | Lead | Thu April 29 | week 1 | |
| Team finalized | Lead | Fri April 30 | week 1 | |
| Release Team shadow orientation | Lead | May 3-7 | week 2 | |
| 1.22.0-alpha.1 released | Branch Manager | Tue May 4 | week 2 | |
| **Begin [Enhancements Freeze]** (23:59 PDT) | Enhancements Lead | Thu May 13 | week 3 | [master-blocking], [master-informing] |
| 1.22.0-alpha.2 released | Branch Manager | Tue May 25 | week 5 | |
| Release notes draft review | Release Notes Lead | Jun 1-4 | week 6 | |
| 1.22.0-alpha.3 released | Branch Manager | Tue June 8 | week 7 | |
| Feature blog freeze | Comms Lead | Mon June 14 | week 8 | |
| 1.22.0-beta.0 released | Branch Manager | Tue June 22 | week 9 | |
| Feature blog drafts due | Comms Lead | Jun 28-Jul 2 | week 10 | |
| Call for [Exceptions] reminder | Enhancements Lead | Wed June 30 | week 10 | |
| **Begin [Code Freeze]** (18:00 PDT) | Branch Manager | Thur July 8 | week 11 | [master-blocking], [1.22-blocking], [master-informing] |
| 1.22.0-beta.1 released | Branch Manager ([@ameukam](https://github.com/ameukam)) | Thu July 8 | week 11 | |
| Docs deadline - Open placeholder PRs | Docs Lead | Fri July 9 | week 11 | |
| 1.22.0-beta.2 released | Branch Manager | Tue July 13 | week 12 | |
| **Begin [Test Freeze]** (18:00 PDT) | Branch Manager | Wed July 14 | week 12 | |
| Docs deadline - PRs ready for review | Docs Lead | Tue July 20 | week 13 | |
| Release-blocking bug triage | Bug Triage Lead | Jul 19-23 | week 13 | |
| 1.22.0-rc.0 released | Branch Manager | Tue Jul 20 | week 13 | |
| Docs complete - All PRs reviewed and ready to merge | Docs Lead | Tue July 27 | week 14 | |
| 1.22.0-rc.1 released | Branch Manager | Tue July 27 | week 14 | |
| **v1.22.0 released** | Branch Manager | Wed August 4 | week 15 | |
| **[Thaw]** | Branch Manager | Wed August 4 | week 15 | |
| Release retrospective | Lead | Thu Aug 12 | week 16 | |

## Phases

Please refer to the [release phases document](../release_phases.md).

[Enhancements Freeze]: ../release_phases.md#enhancements-freeze
[Code Freeze]: ../release_phases.md#code-freeze
[Test Freeze]: ../release_phases.md#test-freeze
[Thaw]: ../release_phases.md#thaw
[Exceptions]: ../release_phases.md#exceptions
[master-blocking]: https://testgrid.k8s.io/sig-release-master-blocking#Summary
[master-informing]: https://testgrid.k8s.io/sig-release-master-informing
[1.22-blocking]: https://testgrid.k8s.io/sig-release-1.22-blocking
[#sig-release]: https://kubernetes.slack.com/messages/sig-release
[kubernetes-sig-release@]: https://groups.google.com/forum/#!forum/kubernetes-sig-release
[kubernetes-release-team@]: https://groups.google.com/forum/#!forum/kubernetes-release-team
[Internal Contact Info]: https://bit.ly/k8s-release-cal
`;

const RELEASE_121 = `# Kubernetes 1.21

#### Links

* [This document](https://git.k8s.io/sig-release/releases/release-1.21/README.md)
* [Release Team](./release-team.md)
* Contact: [#sig-release] on slack

## TL;DR

- **Monday, January 11th**: Week 1 - Release cycle begins
- **Tuesday, February 9th**: Week 5 - [Enhancements Freeze]
- **Tuesday, March 9th**: Week 9 - [Code Freeze]
- **Wednesday, March 24th**: Week 11 - [Test Freeze]
- **Thursday, April 8th**: Week 13 - Kubernetes v1.21.0 released

## Timeline

| **What** | **Who** | **When** | **WEEK** | **CI SIGNAL** |
| -------- | ------- | -------- | -------- | ------------- |
| Start of Release Cycle | Lead | Mon January 11 | week 1 | [master-blocking] |
| **Begin [Enhancements Freeze]** (23:59 PST) | Enhancements Lead | Tue February 9 | week 5 | [master-blocking], [master-informing] |
| 1.21.0-beta.0 released | Branch Manager | Tue Feb 23 | week 7 | |
| **Begin [Code Freeze]** (18:00 PST) | Branch Manager | Tue March 9 | week 9 | [master-blocking], [1.21-blocking], [master-informing] |
| 1.21.0-beta.1 released | Branch Manager | Tue March 9 | week 9 | |
| Docs deadline - Open placeholder PRs | Docs Lead | Tue March 16 | week 10 | |
| **Begin [Test Freeze]** (18:00 PDT) | Branch Manager | Wed March 24 | week 11 | |
| 1.21.0-rc.0 released | Branch Manager | Wed Mar 24 | week 11 | |
| Docs complete - All PRs reviewed and ready to merge | Docs Lead | Tue March 30 | week 12 | |
| **v1.21.0 released** | Branch Manager | Thu April 8 | week 13 | |
| **[Thaw]** | Branch Manager | Thu April 8 | week 13 | |

[Enhancements Freeze]: ../release_phases.md#enhancements-freeze
[Code Freeze]: ../release_phases.md#code-freeze
[Test Freeze]: ../release_phases.md#test-freeze
[Thaw]: ../release_phases.md#thaw
[master-blocking]: https://testgrid.k8s.io/sig-release-master-blocking#Summary
[master-informing]: https://testgrid.k8s.io/sig-release-master-informing
[1.21-blocking]: https://testgrid.k8s.io/sig-release-1.21-blocking
[#sig-release]: https://kubernetes.slack.com/messages/sig-release
`;

const PATCH_RELEASES = `# Kubernetes Patch Releases

Schedule and team contact information for Kubernetes patch releases.

For general information about the Kubernetes release cycle, see the
[release process description].

## Upcoming Monthly Releases

Dates may move when a release needs a critical fix; releases outside this
schedule can happen at any time.

| Monthly Patch Release | Cherry Pick Deadline | Target date |
| --------------------- | -------------------- | ----------- |
| July 2021             | 2021-07-10           | 2021-07-14  |
| August 2021           | 2021-08-07           | 2021-08-11  |
| September 2021        | 2021-09-11           | 2021-09-15  |

## Detailed Release History for Active Branches

### 1.21

**1.21** enters maintenance mode on **2022-04-28**

End of Life for **1.21** is **2022-06-28**

| PATCH RELEASE | CHERRY PICK DEADLINE | TARGET DATE | NOTE |
| ------------- | -------------------- | ----------- | ---- |
| 1.21.3        | 2021-07-10           | 2021-07-14  |      |
| 1.21.2        | 2021-06-12           | 2021-06-16  |      |
| 1.21.1        | 2021-05-07           | 2021-05-12  | Moved one day later for a regression fix |

### 1.20

**1.20** enters maintenance mode on **2021-12-28**

End of Life for **1.20** is **2022-02-28**

| PATCH RELEASE | CHERRY PICK DEADLINE | TARGET DATE | NOTE |
| ------------- | -------------------- | ----------- | ---- |
| 1.20.9        | 2021-07-10           | 2021-07-14  |      |
| 1.20.8        | 2021-06-12           | 2021-06-16  |      |
| 1.20.7        | 2021-05-07           | 2021-05-12  |      |

### 1.19

**1.19** enters maintenance mode on **2021-08-28**

End of Life for **1.19** is **2021-10-28**

| PATCH RELEASE | CHERRY PICK DEADLINE | TARGET DATE | NOTE |
| ------------- | -------------------- | ----------- | ---- |
| 1.19.13       | 2021-07-10           | 2021-07-14  | Last release before maintenance mode |
| 1.19.12       | 2021-06-12           | 2021-06-16  |      |
| 1.19.11       | 2021-05-07           | 2021-05-12  |      |

## Non-Active Branch History

These releases are no longer supported.

| MINOR VERSION | FINAL PATCH RELEASE | EOL DATE   | NOTE |
| ------------- | ------------------- | ---------- | ---- |
| 1.18          | 1.18.20             | 2021-06-18 |      |
| 1.17          | 1.17.17             | 2021-01-13 |      |

[release process description]: /release-engineering/versioning.md
`;

/** Blobs for kubernetes/sig-release, keyed "branch:path" as FakeRepo.blobs wants. */
export function makeSigReleaseBlobs(): Record<string, string> {
  return {
    [SIG_RELEASE_PATHS.current]: RELEASE_122,
    [SIG_RELEASE_PATHS.previous]: RELEASE_121,
    [SIG_RELEASE_PATHS.patches]: PATCH_RELEASES,
  };
}

/**
 * kubernetes/sig-release's default branch history for the patch schedule, which the tool reads as
 * it stood at the week's end: the July 2021 page from June 20, and from July 20 the page after
 * the July patches shipped (their rows and the July monthly row gone, as the real page drops
 * them). A week read at today's head would find no July dates.
 */
export function makeSigReleaseHistory(): FakeCommit[] {
  const after = PATCH_RELEASES.split("\n")
    .filter((line) => !/^\| (?:July 2021|1\.21\.3|1\.20\.9|1\.19\.13) /.test(line))
    .join("\n");
  const files = (patches: string) => ({ "releases/patch-releases.md": patches, "releases/release-1.22/README.md": RELEASE_122, "releases/release-1.21/README.md": RELEASE_121 });
  return [
    { oid: "5e1ea5e0000000000000000000000000000a0620", committedDate: "2021-06-20T17:00:00Z", files: files(PATCH_RELEASES), message: "Update the patch release schedule for July" },
    { oid: "5e1ea5e0000000000000000000000000000a0720", committedDate: "2021-07-20T17:00:00Z", files: files(after), message: "Patch releases of July 2021 are out" },
  ];
}

/** The July 2021 page's text, as makeSigReleaseHistory has it until July 20. */
export const PATCH_RELEASES_JULY_2021 = PATCH_RELEASES;
