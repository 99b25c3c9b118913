import { promotionText } from "../../classify/promotion-wording.js";
import { versionTarget } from "../../classify/version-text.js";
import { linkBullet } from "../../markdown/escape.js";

/**
 * Newsletter bullets. Names come from files anyone can edit in a PR, so only the characters a
 * gate or module name can legitimately hold survive: nothing can open a link or inject markup.
 */

/** Gate and dependency names keep [A-Za-z0-9./_-]; zeitgeist's "golang: upstream version" → golang. */
export function safeName(name: string): string {
  const beforeComment = name.includes(":") ? (name.split(":")[0] ?? "") : name;
  return beforeComment.replace(/[^A-Za-z0-9./_-]+/g, "");
}

function safeVersion(version: string): string {
  return version.replace(/[^A-Za-z0-9.+_-]+/g, "");
}

const NO_V_PREFIX = new Set(["go", "golang", "toolchain"]);

/**
 * The version as LWKD prints it: "v" before a bare number ("3.5.10" → v3.5.10), except for Go,
 * which is never written "v1.16"; tags that already carry a prefix (v…, go1.22) stay as they are.
 */
export function displayVersion(name: string, version: string): string {
  const clean = safeVersion(version);
  if (NO_V_PREFIX.has(safeName(name).toLowerCase())) return clean;
  return /^\d/.test(clean) ? `v${clean}` : clean;
}

/**
 * `* [ServiceLBNodePortControl to Beta](url)`; `* [X is beta and on by default](url)` when the
 * caller knows the gate's default (its `Default: true`, or the PR saying so).
 */
export function promotionLine(gate: string, stage: "Beta" | "GA", url: string, onByDefault = false): string {
  return linkBullet(promotionText(safeName(gate), stage, onByDefault), url);
}

/** `* [etcd to v3.5.10](url)`, `* [golang to 1.16.6](url)`, `* [golang.org/x/net to the 2021-05-20 snapshot](url)` */
export function versionLine(name: string, version: string, url: string): string {
  return linkBullet(`${safeName(name)} ${versionTarget(displayVersion(name, version))}`, url);
}
