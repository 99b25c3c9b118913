import type { Draft, FeaturedCandidate } from "../types.js";

/** A Featured candidate as data: the raw title, like entries in the sections (JSON needs no escaping). */
export interface FeaturedCandidateEntry {
  repo: string;
  number: number;
  url: string;
  title: string;
  score: number;
  reasons: string[];
  kep?: string;
}

/** The `--format json` document. Keys are only ever added, never renamed. */
export function draftJson(draft: Draft, featuredCandidates: readonly FeaturedCandidate[], warnings: readonly string[]): string {
  const candidates: FeaturedCandidateEntry[] = featuredCandidates.map(({ pr, score, reasons, kep }) => ({
    repo: pr.repo,
    number: pr.number,
    url: pr.url,
    title: pr.title,
    score,
    reasons: [...reasons],
    ...(kep ? { kep } : {}),
  }));
  return `${JSON.stringify({ ...draft, featuredCandidates: candidates, warnings: [...warnings] }, null, 2)}\n`;
}
