import { linkBullet } from "../markdown/escape.js";
import type { PullRequest } from "../types.js";
import { type DependencyBump, bumpText } from "./dependency.js";
import type { Promotion } from "./promotion.js";
import { promotionText, saysOnByDefault } from "./promotion-wording.js";
import type { RuleTable } from "./rules.js";
import { compareVersions } from "../versions.js";

/** `* [ServiceLBNodePortControl to Beta](url)`, `* [LogarithmicScaleDown is beta and on by default](url)` */
export function promotionLine(pr: PullRequest, promotion: Promotion): string {
  return linkBullet(promotionText(promotion.feature, promotion.stage, saysOnByDefault(pr)), pr.url);
}

/** `* [etcd to v3.5.10](url)`, or `* [go to 1.21.7 in 1.26 through 1.29](url)` for backports. */
export function versionLine(url: string, bumps: readonly DependencyBump[], table: RuleTable, branches?: string): string {
  const text = bumpText(bumps, table) + (branches ? ` ${branches}` : "");
  return linkBullet(text, url);
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
