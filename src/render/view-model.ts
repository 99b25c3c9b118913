import { commentText, escapeInline, safeUrl } from "../markdown/escape.js";
import { beginMarker, endMarker, MARKED_SECTIONS, stateOfEntries, type MarkedSection } from "./markers.js";
import { MARKED_ROWS } from "../sections.js";
import { isExtended } from "../week.js";
import { SECTION_KEYS, type Bullet, type Draft, type DraftEntry, type FeaturedCandidate, type KepCandidate, type SectionKey } from "../types.js";

/**
 * What a template sees. This is a contract with everyone who customises a template: fields are
 * only ever added, and every string in it is already safe markdown.
 */
export interface PostView {
  week: { ending: string; from: string; to: string };
  post: { date: string; slug: string; titleDateFormat: string };
  sections: Record<SectionKey, EntryView[]>;
  featuredCandidates: CandidateView[];
  /** "KEP of the Week" candidates, best first; every string safe inside an HTML comment. */
  kepCandidates: KepCandidateView[];
  releaseSchedule: { nextDeadline: string | null; notes: string[] };
  /** Feature-gate and dependency changes no PR explains, safe inside an HTML comment. */
  unexplainedChanges: string[];
  stats: Draft["stats"];
  /** The comment lines around each generated section that `--update` relies on. */
  markers: Record<MarkedSection, { begin: string; end: string }>;
  /** The generated sections in the post's order, as the `section` partial renders each. */
  sectionList: SectionView[];
}

export interface SectionView {
  key: MarkedSection;
  heading: string;
  /** The partial that renders it: `section`, unless a user's partial of this name replaces it. */
  partial: string;
  entries: EntryView[];
  markers: { begin: string; end: string };
  /** Changes no PR explains, in a comment after Version Updates; empty for the other sections. */
  unexplainedChanges: string[];
}

export interface EntryView {
  repo: string;
  /** null for a release in Subprojects and Dependency Updates. */
  number: number | null;
  url: string;
  title: string;
  author: string;
  line: string;
  /** The pieces `line` is made of, for a `pr-line` partial that words a bullet its own way. */
  bullet: BulletView;
  reason: string;
  kep: string | null;
}

/** A bullet's pieces, each safe markdown; a piece the bullet lacks is null (templates are strict). */
export interface BulletView {
  before: string | null;
  label: string;
  url: string;
  pause: string | null;
  after: string | null;
  highlights: string | null;
  also: Array<{ label: string; url: string }>;
}

export interface CandidateView {
  number: number;
  url: string;
  title: string;
  /** The score with two decimals ("0.12"). */
  score: string;
  reasons: string[];
  kep: string | null;
}

export interface KepCandidateView {
  /** "KEP-2579", or the file's path for an old single-file KEP. */
  label: string;
  number: number | null;
  title: string;
  url: string;
  sig: string | null;
  stage: string | null;
  latestMilestone: string | null;
  /** SIG, stage and latest milestone as one phrase: "sig-auth, alpha, latest milestone v1.22"; "" when none is known. */
  facts: string;
  reasons: string[];
}

export interface ViewOptions {
  /** Front matter date; default: the week's Sunday at 22:00 UTC, as LWKD posts are dated. */
  date?: string;
  /** date-fns pattern for the title's date. */
  titleDateFormat?: string;
}

export function buildPostView(draft: Draft, featuredCandidates: readonly FeaturedCandidate[], options: ViewOptions = {}): PostView {
  const sections = Object.fromEntries(
    SECTION_KEYS.map((key) => [key, draft.sections[key].map(entryView)]),
  ) as Record<SectionKey, EntryView[]>;
  const through = isExtended(draft.week) ? draft.week.to.slice(0, 10) : undefined;
  const markers = Object.fromEntries(
    MARKED_SECTIONS.map((key) => {
      const notes = { ...(through === undefined ? {} : { through }), ...(draft.unreadSections.includes(key) ? { unread: true } : {}) };
      return [key, { begin: beginMarker(key, stateOfEntries(draft.sections[key]), notes), end: endMarker(key) }];
    }),
  ) as PostView["markers"];
  const unexplainedChanges = draft.unexplainedChanges.map((change) => commentText(change));
  return {
    week: { ...draft.week },
    post: { date: options.date ?? `${draft.week.ending} 22:00:00 -0000`, slug: `${draft.week.ending}-update`,
      titleDateFormat: options.titleDateFormat ?? "MMMM d, yyyy",
    },
    sections,
    featuredCandidates: featuredCandidates.map((candidate) => ({
      number: candidate.pr.number,
      url: safeUrl(candidate.pr.url),
      title: commentText(candidate.pr.title),
      // Two decimals always: "0.12" above "0.10", not "0.1".
      score: candidate.score.toFixed(2),
      reasons: candidate.reasons.map((reason) => commentText(reason)),
      kep: candidate.kep ? commentText(safeUrl(candidate.kep)) : null,
    })),
    kepCandidates: draft.kepCandidates.map(kepCandidateView),
    releaseSchedule: { nextDeadline: draft.releaseSchedule.nextDeadline, notes: [...draft.releaseSchedule.notes] },
    unexplainedChanges,
    stats: { ...draft.stats },
    markers,
    sectionList: MARKED_ROWS.map((row) => ({
      key: row.key,
      heading: row.heading,
      partial: row.partial,
      entries: sections[row.key],
      markers: markers[row.key],
      unexplainedChanges: row.key === "version_updates" ? unexplainedChanges : [],
    })),
  };
}

function entryView(entry: DraftEntry): EntryView {
  return {
    repo: entry.repo,
    number: entry.number,
    url: safeUrl(entry.url),
    title: escapeInline(entry.title),
    author: escapeInline(entry.author),
    line: entry.line,
    bullet: bulletView(entry.bullet),
    reason: escapeInline(entry.reason),
    kep: entry.kep ? safeUrl(entry.kep) : null,
  };
}

function kepCandidateView(candidate: KepCandidate): KepCandidateView {
  const text = (value: string | null) => (value === null ? null : commentText(value, 120));
  const facts = [candidate.sig, candidate.stage, candidate.latestMilestone ? `latest milestone ${candidate.latestMilestone}` : null].filter((fact) => fact !== null);
  const pathLabel = candidate.url.split("/").slice(-2).join("/");
  return {
    label: candidate.number !== null ? `KEP-${candidate.number}` : (text(pathLabel) ?? "KEP"),
    number: candidate.number,
    title: commentText(candidate.title),
    // Not commentText: its "- -" would break a KEP folder's "--" in the link; "%2D" keeps it working.
    url: safeUrl(candidate.url).replace(/-(?=-)/g, "%2D"),
    sig: text(candidate.sig),
    stage: text(candidate.stage),
    latestMilestone: text(candidate.latestMilestone),
    facts: commentText(facts.join(", ")),
    reasons: candidate.reasons.map((reason) => commentText(reason)),
  };
}

function bulletView(bullet: Bullet): BulletView {
  return {
    before: bullet.before ?? null,
    label: bullet.label,
    url: safeUrl(bullet.url),
    pause: bullet.pause ?? null,
    after: bullet.after ?? null,
    highlights: bullet.highlights ?? null,
    also: bullet.also.map((other) => ({ label: other.label, url: safeUrl(other.url) })),
  };
}
