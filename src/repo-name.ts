/**
 * An "owner/name" GitHub repository: owners are letters, digits and hyphens; names may add dots
 * and underscores. The config schema (config/config-schema.ts) is generated with this same pattern.
 */
export const REPO_NAME = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

export function isRepoName(text: string): boolean {
  return REPO_NAME.test(text);
}

/** A release across runs and posts: `owner/name@tag`, the repository in lower case (GitHub ignores its case), the tag as written. */
export function releaseKey(repo: string, tag: string): string {
  return `${repo.toLowerCase()}@${tag}`;
}
