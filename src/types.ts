/** Plain data shared by every stage after fetching. Nothing here knows about HTTP. */

export interface Week {
  /** The Sunday that ends the week, YYYY-MM-DD. */
  ending: string;
  /** Monday 00:00:00Z, ISO 8601. */
  from: string;
  /** Sunday 23:59:59Z, or the end of the `--through` day, ISO 8601. */
  to: string;
}

export interface ChangedFile {
  path: string;
  additions?: number;
  deletions?: number;
}

/** One merged pull request, as every source (GitHub, --input, cache, samples) delivers it. */
export interface PullRequest {
  repo: string;
  number: number;
  url: string;
  title: string;
  author: string;
  /** Whether GitHub marks the author as a bot (user.type "Bot" or an app). */
  authorIsBot: boolean;
  labels: string[];
  body: string;
  mergedAt: string;
  /** The branch merged into; null when the source could not tell. */
  baseRef: string | null;
  /** Changed file paths when the source had them (GraphQL search does, REST search does not). */
  files?: ChangedFile[];
}

export interface RepoWeek {
  repo: string;
  defaultBranch: string;
  prs: PullRequest[];
}

export type SectionKey =
  | "featured"
  | "other_merges"
  | "promotions"
  | "deprecated"
  | "version_updates"
  | "subprojects";

export const SECTION_KEYS: readonly SectionKey[] = [
  "featured",
  "other_merges",
  "promotions",
  "deprecated",
  "version_updates",
  "subprojects",
];

export interface DraftEntry {
  repo: string;
  /** The PR number; null for a release in Subprojects and Dependency Updates. */
  number: number | null;
  url: string;
  title: string;
  author: string;
  /** The markdown bullet exactly as it stands in the post. */
  line: string;
  /** The rule that put the PR in this section. */
  reason: string;
  kep?: string;
  /** Notability: the learned chance that an editor lists this PR (0..1); absent for releases. */
  score?: number;
  /** The signals behind `score`, strongest first, e.g. "kind/feature +0.41". */
  signals?: string[];
}

export interface SkippedEntry {
  repo: string;
  number: number;
  title: string;
  reason: string;
}

export interface DraftStats {
  merged: number;
  reported: number;
  skipped: number;
  requests: number;
}

export interface ReleaseSchedule {
  /** "Code Freeze, July 8"; null keeps the editor's placeholder. */
  nextDeadline: string | null;
  /** Patch-release deadlines and releases in the coming week, as sentences. */
  notes: string[];
}

export interface Draft {
  week: Week;
  sections: Record<SectionKey, DraftEntry[]>;
  skipped: SkippedEntry[];
  stats: DraftStats;
  warnings: string[];
  releaseSchedule: ReleaseSchedule;
  /** Feature-gate and dependency changes of the week that no PR explains, for the editor. */
  unexplainedChanges: string[];
}
