import type { Draft } from "../../src/types.js";

/** The draft of the sample week with nothing in it; a test names only what it is about. */
export function emptyDraft(overrides: Partial<Draft> = {}): Draft {
  return {
    week: { ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" },
    sections: { featured: [], other_merges: [], promotions: [], deprecated: [], version_updates: [], subprojects: [] },
    skipped: [],
    stats: { merged: 0, reported: 0, skipped: 0, requests: 0 },
    warnings: [],
    releaseSchedule: { nextDeadline: null, notes: [] },
    unexplainedChanges: [],
    kepCandidates: [],
    unreadSections: [],
    ...overrides,
  };
}
