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

import type { SectionKey } from "./sections.js";

// The sections are a table of their own (src/sections.ts); these names are kept for the steps.
export { SECTION_KEYS, type SectionKey } from "./sections.js";

/**
 * Inline markdown that the escaping module (src/markdown/escape.ts) produced from untrusted text:
 * safe to place anywhere in a line. Only that module makes one, so no other code writes markdown.
 */
export type InlineMarkdown = string & { readonly inlineMarkdown: true };

/** A link to another page (an older release) after a bullet's main link. */
export interface BulletLink {
  label: InlineMarkdown;
  url: string;
}

/**
 * A bullet of the post as data; `renderBullet()` (src/markdown/escape.ts) writes it as
 * `* {before} [{label}]({url}){pause} {after}: {highlights}; also [{label}]({url}), …`.
 * Identifiers in the text pieces are already code spans, so a piece reads as it will be printed.
 */
/** Punctuation that needs no escaping anywhere in markdown. */
export type Pause = "," | ";" | ":";

export interface Bullet {
  /** Words before the link: "Deprecates". */
  before?: InlineMarkdown;
  /** The linked words. */
  label: InlineMarkdown;
  /** The page the label links: the PR, the release. Made a safe link target when rendered. */
  url: string;
  /** The clause's comma, semicolon or colon that stands right after the link: "[is enabled](url), admins can". */
  pause?: Pause;
  /** Words after the link: "of kubelet". */
  after?: InlineMarkdown;
  /** A release's highlights, after a colon. */
  highlights?: InlineMarkdown;
  /** Other releases of the week, after "also". */
  also: BulletLink[];
}

export interface DraftEntry {
  repo: string;
  /** The PR number; null for a release in Subprojects and Dependency Updates. */
  number: number | null;
  url: string;
  title: string;
  author: string;
  /** The markdown bullet exactly as it stands in the post: `renderBullet(bullet)`. */
  line: string;
  /** The same bullet as data, for templates that word it differently. */
  bullet: Bullet;
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

/** A KEP the editor might write the "KEP of the Week" about, with why. Strings are raw text. */
export interface KepCandidate {
  /** The KEP's number, which is its tracking issue's; null for an old single-file KEP. */
  number: number | null;
  /** From kep.yaml, else the tracking issue; "KEP-1234" when neither could be read. */
  title: string;
  /** The owning SIG ("sig-storage"); null when unknown. */
  sig: string | null;
  /** "alpha", "beta", "stable" or "deprecated"; null when unknown. */
  stage: string | null;
  /** "v1.22"; null when unknown. */
  latestMilestone: string | null;
  /** The KEP's README in kubernetes/enhancements, else its tracking issue. */
  url: string;
  /** The week's merged PRs that link it. */
  linkedBy: Array<{ repo: string; number: number; url: string }>;
  /** The week's merged kubernetes/enhancements PRs that changed its kep.yaml. */
  changedBy: Array<{ repo: string; number: number; url: string }>;
  /** Why it is a candidate, strongest first, e.g. "linked by 2 of the week's PRs". */
  reasons: string[];
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
  /** Up to three KEPs for "KEP of the Week", best first; empty without the week's context. */
  kepCandidates: KepCandidate[];
  /**
   * Sections whose data this run did not read (Subprojects without the related projects'
   * releases): empty here, they are not empty in fact, and `--update` keeps them as the file has them.
   */
  unreadSections: SectionKey[];
}

// Contracts between the steps. Each step imports these from here rather than from the step that
// produces or consumes them, so that the steps import one another in one direction only.

/** What fetching one repository's week returned. */
export interface FetchedRepoWeek extends RepoWeek {
  /** What GitHub said the searches hold, to compare with what was fetched. */
  reportedTotal: number;
  /** False when GitHub reported more than it could hand out: such a week is drafted but not cached. */
  complete: boolean;
}

/** One GitHub release as the fetcher reads it (GraphQL `Release` fields); every string is untrusted. */
export interface RepoRelease {
  tagName: string;
  name: string | null;
  url: string;
  /** The markdown body. */
  description: string | null;
  isDraft: boolean;
  isPrerelease: boolean;
  publishedAt: string | null;
}

export interface RepoReleases {
  /** "owner/name". */
  repo: string;
  /** Newest few releases; null when the repository does not exist (or is not visible). */
  releases: RepoRelease[] | null;
}

/** A golang/go tag ("go1.16.5"): Go publishes tags, not GitHub releases. */
export interface GoTag {
  name: string;
  /** When the tag's commit was made or the tag was pushed; ISO date or timestamp. */
  date: string | null;
}

/** What one GraphQL request brings besides the PRs: releases, tags, files at both ends of the week. */
export interface WeekContextRequest {
  /** Repository whose files are compared between the week's start and end (kubernetes/kubernetes). */
  snapshotRepo: string | null;
  snapshotPaths: readonly string[];
  relatedRepos: readonly string[];
  /** Repositories read through tags instead of releases (golang/go). */
  tagRepos: readonly string[];
  /**
   * Files read by expression, e.g. {repo: "kubernetes/sig-release", expression: "master:releases/release-1.22/README.md"};
   * with `atWeekEnd`, the path after the colon is read on the default branch as it stood at the
   * week's end, for files whose older rows are later removed (the patch release schedules).
   */
  blobs: ReadonlyArray<{ repo: string; expression: string; atWeekEnd?: boolean }>;
  /** Repository whose releases of the week the Release Schedule names (kubernetes/kubernetes). */
  releaseRepo: string | null;
  /** The search for the week's merged PRs of kubernetes/enhancements, whose kep.yaml changes make KEP candidates. */
  enhancements: { repo: string; query: string } | null;
}

/** A merged PR of kubernetes/enhancements, with the paths it changed. */
export interface EnhancementPull {
  number: number;
  url: string;
  mergedAt: string | null;
  paths: string[];
}

/** A KEP's tracking issue in kubernetes/enhancements; every string is untrusted. */
export interface KepIssue {
  number: number;
  title: string;
  url: string;
  /** The milestone's title ("v1.22"). */
  milestone: string | null;
  labels: string[];
}

/**
 * The second request, planned from the week's PRs and the first request's answer: the KEP files
 * the week's PRs link to or changed, and the tracking issues of KEPs linked by number only.
 */
export interface KepRequest {
  /** kubernetes/enhancements. */
  repo: string;
  /** kep.yaml (or old single-file KEP) paths, read as they stood at the week's end. */
  paths: readonly string[];
  /** Paths also read as they stood at the week's start, to tell what the week changed. */
  startPaths: readonly string[];
  issues: readonly number[];
}

/** What a KEP's metadata says, each field checked; a field that is missing or malformed is null. */
export interface KepFacts {
  title: string | null;
  number: number | null;
  /** "sig-storage". */
  sig: string | null;
  /** "alpha", "beta", "stable" or "deprecated". */
  stage: string | null;
  /** "v1.22". */
  latestMilestone: string | null;
  /** "implementable", "implemented", … */
  status: string | null;
}

/** A kep.yaml read when it was fetched: its facts, or why it could not be read. Its text is not kept. */
export type KepFileReading = { ok: true; facts: KepFacts } | { ok: false; problem: string };

/** What the KEP request brought; a key present with null means GitHub has no such file or issue. */
export interface KepData {
  end: Record<string, KepFileReading | null>;
  start: Record<string, KepFileReading | null>;
  /** Keyed by the issue number as a string. */
  issues: Record<string, KepIssue | null>;
}

/** What the fetcher filled in for a `WeekContextRequest`, exactly the shapes the context code reads. */
export interface WeekContextData {
  snapshots: { before: Record<string, string | null>; after: Record<string, string | null> } | null;
  /** null for a repository GitHub does not know. */
  releases: Record<string, RepoRelease[] | null>;
  tags: Record<string, GoTag[] | null>;
  /** Keyed "owner/name:expression"; null when the file does not exist. */
  blobs: Record<string, string | null>;
  /** The week's merged PRs of kubernetes/enhancements; null when the search failed or was not made. */
  enhancementPulls?: EnhancementPull[] | null;
  /** The KEP files and issues read so far (a second request adds what the first could not know). */
  keps?: KepData;
}

/** A promotion or version change seen in the files at both ends of the week, tied to its PR. */
export interface ConfirmedChange {
  pr: PullRequest;
  section: "promotions" | "version_updates";
  /** The bullet the draft prints when the classifier had not already put the PR there. */
  bullet: Bullet;
  /** e.g. "feature-gate:ServiceLBNodePortControl Alpha→Beta". */
  evidence: string;
}

/** What the week's files, releases and schedule add to the draft. */
export interface DraftContext {
  confirmedChanges: readonly ConfirmedChange[];
  unexplainedChanges: readonly string[];
  /** The related projects' releases of the week; null when this run read none (no token, a sample). */
  subprojects: readonly DraftEntry[] | null;
  releaseSchedule: ReleaseSchedule;
  kepCandidates: readonly KepCandidate[];
}

/** A PR the editor might feature, with why. */
export interface FeaturedCandidate {
  pr: PullRequest;
  score: number;
  reasons: string[];
  kep?: string;
}
