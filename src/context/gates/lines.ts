import { promotionBullet, versionBullet } from "../../classify/lines.js";
import type { Bullet } from "../../types.js";
import { own } from "../../own.js";

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

/**
 * `[ServiceLBNodePortControl to beta](url)`; `[X is beta and on by default](url)` when the
 * caller knows the gate's default (its `Default: true`, or the PR saying so).
 */
export function gatePromotionBullet(gate: string, stage: "Beta" | "GA", url: string, onByDefault = false): Bullet {
  return promotionBullet(safeName(gate), stage, onByDefault, url);
}

export interface VersionWording {
  /** Names whose versions get no "v" (the rule table's `dependencies.noVPrefix`). */
  noVPrefix: readonly string[];
  /** Other names of dependencies (the rule table's `dependencies.aliases`). */
  aliases?: Readonly<Record<string, string>>;
}

/** `[etcd to v3.5.10](url)`, `[golang to 1.16.6](url)`, `[golang.org/x/net to the 2021-05-20 snapshot](url)` */
export function fileVersionBullet(name: string, version: string, url: string, wording: VersionWording): Bullet {
  const display = safeName(name);
  const lower = display.toLowerCase();
  const key = (wording.aliases ? own(wording.aliases, lower) : undefined) ?? lower;
  return versionBullet(url, [{ key, display, version: safeVersion(version) }], wording.noVPrefix);
}
