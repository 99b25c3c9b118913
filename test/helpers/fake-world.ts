import { makeEnhancementsRepo } from "../fake-github/context-enhancements.js";
import { KUBERNETES_RELEASES_2021, makeKubernetesHistory, makeRelatedRepos, makeSigReleaseBlobs, makeSigReleaseHistory } from "../fake-github/context-fixtures.js";
import { startFakeGitHub, type FakeGitHub, type FakeRepo, type FakeSearchItem, type Fault, type RecordedRequest } from "../fake-github/server.js";

export const WEEK_FROM = "2021-06-28T00:00:00Z";
export const WEEK_TO = "2021-07-04T23:59:59Z";

export interface WorldOptions {
  items: FakeSearchItem[];
  validToken?: string;
  faults?: Fault[];
  searchTypeBeforeItems?: boolean;
  /** Leave out the related repositories and release data, as for a GitHub that only has k/k. */
  bare?: boolean;
  /** The week the fixtures' releases and file changes fall in; default the week ending 2021-07-04. */
  weekFrom?: string;
  weekTo?: string;
}

/**
 * A GitHub with everything one LWKD week touches: kubernetes/kubernetes with its merged PRs and its
 * files before and during the week and its releases, the related projects' releases, sig-release's
 * schedule, kubernetes/enhancements' KEPs.
 */
export function startFakeWorld(options: WorldOptions): Promise<FakeGitHub> {
  const window = { weekFrom: options.weekFrom ?? WEEK_FROM, weekTo: options.weekTo ?? WEEK_TO };
  const kubernetes: FakeRepo = {
    owner: "kubernetes",
    name: "kubernetes",
    items: options.items,
    ...(options.bare ? {} : { commits: makeKubernetesHistory(window), releases: KUBERNETES_RELEASES_2021 }),
  };
  const repos: FakeRepo[] = options.bare
    ? [kubernetes]
    : [
        kubernetes,
        ...makeRelatedRepos(window),
        { owner: "kubernetes", name: "sig-release", items: [], blobs: makeSigReleaseBlobs(), commits: makeSigReleaseHistory() },
        { owner: "kubernetes", name: "website", defaultBranch: "main", items: [] },
        makeEnhancementsRepo(window),
      ];
  return startFakeGitHub({
    repos,
    ...(options.validToken ? { validToken: options.validToken } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.searchTypeBeforeItems ? { searchTypeBeforeItems: true } : {}),
  });
}

/** The merged-PR searches among the recorded requests (GraphQL MergedPulls or REST search). */
export function searchRequests(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((request) => request.endpoint === "search" || request.graphqlQuery?.includes("query MergedPulls") === true);
}

/** The requests that asked for the week's context: alone (WeekContext) or riding on the first search page (MergedPullsAndWeekContext). */
export function contextRequests(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((request) => /\bquery \w*WeekContext\b/.test(request.graphqlQuery ?? ""));
}

/** The KEP files' request among the recorded requests (GraphQL WeekKeps). */
export function kepRequests(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((request) => request.graphqlQuery?.includes("query WeekKeps") === true);
}
