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

/** Both ends included; ISO timestamps, or YYYY-MM-DD meaning the whole day (UTC). `Week` fits. */
export interface TimeWindow {
  from: string;
  to: string;
}

export interface ReleaseFilter {
  /** Include prereleases (release candidates, betas); drafts are never included. */
  prereleases: boolean;
}
