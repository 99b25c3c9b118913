export type { GoTag, RepoRelease, RepoReleases } from "../../types.js";

/** Both ends included; ISO timestamps, or YYYY-MM-DD meaning the whole day (UTC). `Week` fits. */
export interface TimeWindow {
  from: string;
  to: string;
}

export interface ReleaseFilter {
  /** Include prereleases (release candidates, betas); drafts are never included. */
  prereleases: boolean;
}
