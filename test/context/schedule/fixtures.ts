import type { RepoRelease } from "../../../src/types.js";
/** A 1.22 README in the real shape (sig-release, 2021): no years, mixed spellings, links, bold. */
export const README_1_22 = `---
title: "Kubernetes 1.22 Release Information"
---

# Kubernetes 1.22

## TL;DR

- **Thursday, May 13th**: Week 3 - [Enhancements Freeze](../release_phases.md#enhancements-freeze)

## Timeline

| **What** | **Who** | **When** | **WEEK** | **CI SIGNAL** |
|---|---|-------|---|---|
| Start of Release Cycle | Lead | Mon April 26 | week 1 | [master-blocking] |
| 1.22.0-alpha.1 released | Branch Manager ([@puerco](https://github.com/puerco)) | Wed April 28  | week 1 | |
| KubeCon EU + Co-located events | | May 3-7 | | |
| **Begin [Enhancements Freeze]** (23:59 PDT) | Enhancements Lead | Thur May 13 | week 3 | [master-blocking], [master-informing] |
| 1.22.0-beta.0 released | Branch Manager ([@onlydole](https://github.com/onlydole)) | Tue June 22 | week 9 |[@ramrodo](https://github.com/ramrodo) |
| **Begin [Burndown]** (MWF meetings) | Lead | Mon June 28 | week 10 | [1.22-blocking], [master-blocking] |
| **Call for [Exceptions][Exception]** | Lead | Mon June 28 | week 10 | |
| Brace Yourself, Code Freeze is Coming | Comms / Bug Triage | Mon June 28 | week 10 | |
| 1.22.0-beta.1 released | Branch Manager ([@ameukam](https://github.com/ameukam)) | Thu July 8 | week 11 | [@encodeflush](https://github.com/encodeflush)|
| **Begin [Code Freeze]** (18:00 PDT) | Branch Manager | Thur July 8 | week 11 | |
| Docs deadline - Open placeholder PRs | Docs Lead | Fri July 9 | week 11 | |
| 1.22.0-beta.2 released | Branch Manager | Tue Jul 13 | week 12 | |
| **[Test Freeze]** (18:00 PDT) | Branch Manager | Thurs July 15th | week 12 | |
| Docs deadline - PRs ready for review | Docs Lead | Tues July 20 | week 13 | |
| 1.22.0-rc.0 released | Branch Manager | Tue July 20 | week 13 | |
| Docs complete - All PRs reviewed and ready to merge | Docs Lead | Tue July 27 | week 14 | |
| **v1.22.0 released** | Branch Manager ([@puerco](https://github.com/puerco)) | Wed August 4 | week 15 | |
| **[Thaw]** | Branch Manager | Wed August 4 | week 15 | |
| Release retrospective 10:00am PDT | [Community Meeting](https://zoom.us/j/1) | Thu August 19 | Week 17 | |

[Code Freeze]: ../release_phases.md#code-freeze
`;

/** The 2022+ shape: day before month, years, and a UTC / PDT pair of dates in a link. */
export const README_1_30_EXCERPT = `| **What** | **Who** | **When** | **Week** | **CI Signal** |
|---|---|---|---|---|
| Start of Release Cycle | Lead | Monday 8th January 2024 | week 1 | |
| **Begin [Enhancements Freeze]** | Enhancements Lead | [02:00 UTC Friday 9th February 2024 / 18:00 PDT Thursday 8th February 2024](https://everytimezone.com/s/94c1e78b) | week 5 | |
| **Call for [Exceptions][Exception]** | Lead | Monday 26th February 2024 | week 8 | |
| 1.30.0-alpha.3 released | Branch Manager | Tuesday 27th February 2024 | Week 8 | |
| **Begin [Code Freeze]** | Branch Manager | [02:00 UTC Wednesday 6th March 2024 / 18:00 PDT Tuesday 5th March 2024](https://everytimezone.com/s/5056bace) | week 9 | |
| **KubeCon EU** | | Tuesday 19th - Friday 22nd March 2024 | week 11 | |
| **Docs Freeze** | Docs Lead | Tuesday 26th March 2024 | week 12 | |
| **v1.30.0 released** | Branch Manager | Wednesday 17th April 2024 | week 15 | |
`;

/** A cycle that runs over New Year without writing years (the 1.20-era shape). */
export const README_WRAPPING = `| What | Who | When |
| --- | --- | --- |
| Start of Release Cycle | Lead | Mon Sept 14 | 
| Begin Enhancements Freeze | Enhancements Lead | Tue Oct 6 |
| Begin Code Freeze | Branch Manager | Thu Nov 12 |
| KubeCon NA | | Nov 17-20 |
| Holiday break | | Mon Dec 21 - Fri Jan 1 |
| Docs complete | Docs Lead | Tue Jan 5 |
| v1.20.0 released | Branch Manager | Tue Jan 12 |
`;

/** The next cycle's README, starting after 1.22's release. */
export const README_1_23 = `| **What** | **Who** | **When** | **WEEK** |
|---|---|---|---|
| Start of Release Cycle | Lead | Mon August 23 | week 1 |
| **Begin [Enhancements Freeze]** (23:59 PDT) | Enhancements Lead | Thu September 9 | week 3 |
| **Begin [Code Freeze]** (18:00 PDT) | Branch Manager | Tue November 16 | week 13 |
| **v1.23.0 released** | Branch Manager | Tue December 7 | week 16 |
`;

/** sig-release releases/patch-releases.md as of July 2021 (shortened). */
export const PATCH_RELEASES_2021 = `# Kubernetes Patch Releases

## Upcoming Monthly Releases

| Monthly Patch Release | Cherry Pick Deadline | Target date |
| --------------------- | -------------------- | ----------- |
| July 2021             | 2021-07-10           | 2021-07-14  |
| August 2021           | 2021-08-07           | 2021-08-11  |

## Detailed Release History for Active Branches

### 1.21

| PATCH RELEASE | CHERRY PICK DEADLINE | TARGET DATE | NOTE |
| ------------- | -------------------- | ----------- | ---- |
| 1.21.4        | 2021-08-07           | 2021-08-11  |      |
| 1.21.3        | 2021-07-10           | 2021-07-14  |      |
| 1.21.1        | 2021-05-07           | 2021-05-12  | [Regression](https://groups.google.com/g/kubernetes-dev/c/KuF8s2zueFs) |

### 1.20

| PATCH RELEASE | CHERRY PICK DEADLINE | TARGET DATE | NOTE |
| ------------- | -------------------- | ----------- | ---- |
| 1.20.10       | 2021-08-07           | 2021-08-11  |      |
| 1.20.9        | 2021-07-10           | 2021-07-14  |      |

### 1.19

| Patch Release | Cherry-picks deadline | Target date |
| --- | --- | --- |
| 1.19.13 | 2021-07-10 | 2021-07-14 |
| 1.19.8 | N/A | 2021-02-17 |

## Non-Active Branch History

| MINOR VERSION | FINAL PATCH RELEASE | EOL DATE   | NOTE |
| ------------- | ------------------- | ---------- | ---- |
| 1.18          | 1.18.20             | 2021-06-18 |      |
`;

/** kubernetes/website data/releases/schedule.yaml, 2023 shape, both forms of \`next\`. */
export const WEBSITE_SCHEDULE_2023 = `---
# This file helps to populate the /releases page
schedules:
- release: 1.27
  releaseDate: 2023-04-11
  maintenanceModeStartDate: 2024-04-28
  next:
    release: 1.27.4
    cherryPickDeadline: 2023-07-14
    targetDate: 2023-07-19
  previousPatches:
    - release: 1.27.3
      cherryPickDeadline: 2023-06-09
      targetDate: 2023-06-14
    - release: 1.27.1
      note: >-
        [Regression](https://groups.google.com/g/kubernetes-announce/c/9FTKjmIFOTw)
        release: 9.9.9
      cherryPickDeadline: ""
      targetDate: 2023-04-14
    - release: 1.27.0
      cherryPickDeadline: ""
      targetDate: 2023-04-11
- release: 1.26
  releaseDate: 2022-12-09
  next: { release: 1.26.7, cherryPickDeadline: 2023-07-14, targetDate: "2023-07-19" }  # flow form
  previousPatches:
    - release: 1.26.6
      cherryPickDeadline: 2023-06-09
      targetDate: 2023-06-14
upcoming_releases:
- release: 2023-07
  cherryPickDeadline: 2023-07-14
  targetDate: 2023-07-19
- release: 2023-08
  cherryPickDeadline: 2023-08-04
  targetDate: 2023-08-09
`;

/** A kubernetes/kubernetes release as the context fetch gives it: a draft when it has no publishing time. */
export const kubernetesRelease = (tagName: string, publishedAt: string | null, extra: Partial<RepoRelease> = {}): RepoRelease => ({
  tagName,
  name: `Kubernetes ${tagName}`,
  url: `https://github.com/kubernetes/kubernetes/releases/tag/${tagName}`,
  description: null,
  isDraft: publishedAt === null,
  isPrerelease: tagName.includes("-"),
  publishedAt,
  ...extra,
});
