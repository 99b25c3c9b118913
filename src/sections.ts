/**
 * The sections of an LWKD post, in the order the post has them: the one list that the draft's
 * data, the template, the `--update` markers and `lint` all read.
 */

/** What a section's lines are: how `lint` checks them and what the tool writes there. */
export type LineKind =
  /** Written by the editor; the tool leaves a placeholder or nothing. */
  | "editor"
  /** `### [#N: title](url)` headings the editor writes up. */
  | "featured"
  /** One bullet per PR with exactly one link, to the PR. */
  | "merge"
  /** One bullet per project, linking its releases. */
  | "release";

interface SectionRow {
  /** The key in the draft's `sections` (JSON, templates); null for a section the tool has no data for. */
  key: string | null;
  heading: string;
  /** Other headings editors have used for the same section; `lint` accepts them in its place. */
  otherHeadings: readonly string[];
  /** Whether `--update` refreshes it between k8s-weekly markers. */
  marked: boolean;
  /** The partial a user may override to change this section alone (the default is `section`). */
  partial: string | null;
  line: LineKind;
}

export const SECTIONS = [
  { key: null, heading: "Developer News", otherHeadings: [], marked: false, partial: null, line: "editor" },
  { key: null, heading: "Release Schedule", otherHeadings: [], marked: false, partial: null, line: "editor" },
  { key: "featured", heading: "Featured PRs", otherHeadings: ["Featured PR"], marked: false, partial: null, line: "featured" },
  { key: null, heading: "KEP of the Week", otherHeadings: [], marked: false, partial: null, line: "editor" },
  { key: "other_merges", heading: "Other Merges", otherHeadings: [], marked: true, partial: "other-merges", line: "merge" },
  { key: "promotions", heading: "Promotions", otherHeadings: [], marked: true, partial: "promotions", line: "merge" },
  { key: "deprecated", heading: "Deprecated", otherHeadings: ["Deprecations", "Removals"], marked: true, partial: "deprecated", line: "merge" },
  { key: "version_updates", heading: "Version Updates", otherHeadings: [], marked: true, partial: "version-updates", line: "merge" },
  {
    key: "subprojects",
    heading: "Subprojects and Dependency Updates",
    otherHeadings: [],
    marked: true,
    partial: "subprojects",
    line: "release",
  },
  { key: null, heading: "Shoutouts", otherHeadings: [], marked: false, partial: null, line: "editor" },
] as const satisfies readonly SectionRow[];

type Row = (typeof SECTIONS)[number];
export type SectionKey = NonNullable<Row["key"]>;
export type MarkedSection = Extract<Row, { marked: true }>["key"];
export type MarkedRow = Extract<Row, { marked: true }>;

export const SECTION_KEYS: readonly SectionKey[] = SECTIONS.flatMap((row) => (row.key === null ? [] : [row.key]));

/** The sections `--update` refreshes, in the post's order. */
export const MARKED_ROWS: readonly MarkedRow[] = SECTIONS.filter((row): row is MarkedRow => row.marked);
export const MARKED_SECTIONS: readonly MarkedSection[] = MARKED_ROWS.map((row) => row.key);

/** Every heading `lint` knows, in the post's order. */
export const HEADING_ORDER: readonly string[] = SECTIONS.flatMap((row) => [row.heading, ...row.otherHeadings]);

/** Headings of the sections whose bullets each link one PR. */
export const MERGE_HEADINGS: ReadonlySet<string> = new Set(
  SECTIONS.filter((row) => row.line === "merge").flatMap((row) => [row.heading, ...row.otherHeadings]),
);
