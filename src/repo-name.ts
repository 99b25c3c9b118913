/**
 * An "owner/name" GitHub repository: owners are letters, digits and hyphens; names may add dots
 * and underscores. The config schema (config/config-schema.ts) is generated with this same pattern.
 */
export const REPO_NAME = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

export function isRepoName(text: string): boolean {
  return REPO_NAME.test(text);
}
