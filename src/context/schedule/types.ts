/** What a row of a sig-release timeline announces, as far as the newsletter cares. */
export type MilestoneKind =
  | "enhancements-freeze"
  | "code-freeze"
  | "test-freeze"
  | "docs-deadline"
  | "release"
  | "exception"
  | "other";

export interface Milestone {
  /** YYYY-MM-DD; for a range, its first day. */
  date: string;
  /** YYYY-MM-DD, only for a range ("May 3-7"). */
  endDate?: string;
  /** The row's "What" cell as plain text: markdown and HTML stripped, but not escaped. */
  what: string;
  kind: MilestoneKind;
}

export type NextDeadline = { text: string; date: string } | { betweenReleases: true };

export interface PatchEvent {
  kind: "cherry-pick-deadline" | "patch-release";
  /** YYYY-MM-DD. */
  date: string;
  /** Patch versions ("1.21.3"); empty for a monthly row that names no version ("August 2021"). */
  releases: string[];
  /** The row's other date, when it has both: a deadline's release day, a release's cherry-pick deadline. */
  pairedDate?: string;
}

/** A patch event of the coming week with the sentence an editor would write about it. */
export interface ComingPatchEvent extends PatchEvent {
  text: string;
}
