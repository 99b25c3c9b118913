import { escapeInline } from "../markdown/escape.js";
import type { Bullet, PullRequest } from "../types.js";
import { promotionText } from "./promotion-wording.js";
import { versionTarget } from "./version-text.js";
import { compareVersions } from "../versions.js";

/**
 * The two bullets whose words the tool makes itself, from a PR's words (classify) or from the
 * week's files (context): one wording, so a promotion or version update reads the same either way.
 */

/** `[ServiceLBNodePortControl to beta](url)`, `[LogarithmicScaleDown is beta and on by default](url)` */
export function promotionBullet(feature: string, stage: "Beta" | "GA", onByDefault: boolean, url: string): Bullet {
  return { label: escapeInline(promotionText(feature, stage, onByDefault)), url, also: [] };
}

export interface NewVersion {
  /** Lowercase name after aliases, which `noVPrefix` lists. */
  key: string;
  /** The name as the newsletter prints it. */
  display: string;
  version: string;
}

/**
 * "etcd to v3.5.10": "v" before a bare number, except for the names in `noVPrefix` (Go is never
 * written "v1.16"); versions that carry a prefix (v…, go1.22) stay as they are.
 */
export function versionText(change: NewVersion, noVPrefix: readonly string[]): string {
  const bare = /^\d/.test(change.version) && !noVPrefix.includes(change.key);
  return `${change.display} ${versionTarget(`${bare ? "v" : ""}${change.version}`)}`;
}

/** `[etcd to v3.5.10](url)`, or `[go to 1.21.7 in 1.26 through 1.29](url)` for backports. */
export function versionBullet(url: string, changes: readonly NewVersion[], noVPrefix: readonly string[], branches?: string): Bullet {
  const text = changes.map((change) => versionText(change, noVPrefix)).join(" and ") + (branches ? ` ${branches}` : "");
  return { label: escapeInline(text), url, also: [] };
}

/** "in 1.29", "in 1.28 and 1.29", "in 1.26 through 1.29", "in 1.26, 1.28 and 1.29". */
export function branchesPhrase(versions: readonly (string | undefined)[]): string {
  const known = [...new Set(versions.filter((version): version is string => version !== undefined))].sort(compareVersions);
  if (known.length === 0) return "on release branches";
  if (known.length === 1) return `in ${known[0]}`;
  const contiguous = known.every((version, i) => {
    const previous = known[i - 1];
    if (previous === undefined) return true;
    const [pMajor, pMinor = 0] = previous.split(".").map(Number);
    const [major, minor = 0] = version.split(".").map(Number);
    return major === pMajor && minor === pMinor + 1;
  });
  if (contiguous && known.length > 2) return `in ${known[0]} through ${known.at(-1)}`;
  return `in ${known.slice(0, -1).join(", ")} and ${known.at(-1)}`;
}

/** "release-1.29" → "1.29"; falls back to a "[release-1.29]" title tag. */
export function releaseBranchVersion(pr: PullRequest): string | undefined {
  const fromRef = pr.baseRef?.match(/^release-(\d+\.\d+)$/)?.[1];
  return fromRef ?? pr.title.match(/\[release-(\d+\.\d+)\]/i)?.[1];
}
