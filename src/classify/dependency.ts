import type { PullRequest } from "../types.js";
import type { RuleTable } from "./rules.js";
import { type CompiledRules, type PRSignals, hasAny } from "./signals.js";
import { own } from "../own.js";

export interface DependencyBump {
  /** Lowercase name after aliases, for grouping and the critical list. */
  key: string;
  /** The name as the newsletter prints it. */
  display: string;
  version: string;
}

const VERB = String.raw`\b(?:bump(?:s|ed|ing)?|updat(?:e|es|ed|ing)|upgrad(?:e|es|ed|ing))\b`;
const NAME = String.raw`([A-Za-z][\w./@-]*)`;
const VERSION = String.raw`(v?\d[\w.+-]*)`;
const ITEM = new RegExp(String.raw`${NAME}\s+${VERSION}`, "g");
const BUMP_PATTERNS: RegExp[] = [
  // "update golangci-lint version (1.48.0 -> 1.50.0)", "Bump golang 1.21.6 -> 1.21.7"
  new RegExp(String.raw`${VERB}\s+(?:the\s+)?${NAME}(?:\s+version)?\s*\(?\s*v?\d[\d.]*\s*(?:->|→|=>|to)\s*${VERSION}`, "i"),
  // "Bump SMD to v4.1.2", "update x/crypto from 0.18 to 0.19", "Update CNI plugins to v1.4.0"
  new RegExp(String.raw`${VERB}\s+(?:the\s+)?${NAME}(?:\s+(?:version|dependency|module|images?|plugins?|binaries))?\s+(?:from\s+\S+\s+)?to\s+${VERSION}`, "i"),
  // "bump etcd v3.5.10"
  new RegExp(String.raw`${VERB}\s+(?:the\s+)?${NAME}\s+(v?\d+\.\d[\w.+-]*)`, "i"),
  // "build: update to go1.22.0"
  new RegExp(String.raw`${VERB}.*?\b(go(?:lang)?)\s*v?(1\.\d+(?:\.\d+)?(?:rc\d+)?)\b`, "i"),
];
// "update to golangci-lint v1.56.2 and Go v1.21", "Bump images, dependencies and versions to go 1.22.0"
const LIST_PATTERN = new RegExp(String.raw`${VERB}.*?\bto\s+(?!v?\d)(${NAME.slice(1, -1)}\s+v?\d[\w.+-]*(?:\s*(?:,|and|&)\s*[A-Za-z][\w./@-]*\s+v?\d[\w.+-]*)*)`, "i");
/** Every pattern above starts with the verb: a title without one needs none of them tried. */
const BUMP_VERB = new RegExp(VERB, "i");
const NOT_NAMES = new Set(["to", "the", "version", "versions", "dependencies", "deps", "images", "it", "from", "and", "all"]);

function cleanVersion(version: string): string {
  return version.replace(/[.,;:)]+$/, "");
}

function makeBump(name: string, version: string, table: RuleTable): DependencyBump | null {
  const lower = name.toLowerCase();
  if (NOT_NAMES.has(lower)) return null;
  // Titles are untrusted: "constructor" must not find Object.prototype.constructor.
  const alias = own(table.dependencies.aliases, lower);
  return { key: alias ?? lower, display: alias ?? name, version: cleanVersion(version) };
}

const MARKUP_LINK = /\[([^\]]{0,80})\]\([^)]{0,300}\)/g;
const QUOTING = /`/g;

/** "Kubernetes is now built with Go 1.21.3": the release team's wording of a Go bump. */
const BUILT_WITH_GO = /\bbuilt\s+with\s+(go(?:lang)?)\s+[`'"]?(v?1\.\d+(?:\.\d+)?(?:rc\d+)?)\b/i;

/** The dependencies and versions a bump title names; empty when the title is not a bump. */
export function parseBumps(text: string, table: RuleTable): DependencyBump[] {
  // "Update `cri-tools` to [v1.23.0](…)": the quoting and the link say nothing about the bump.
  const title = text.includes("`") || text.includes("[") ? text.replace(MARKUP_LINK, "$1").replace(QUOTING, "") : text;
  const built = title.match(BUILT_WITH_GO);
  if (built) {
    const bump = makeBump(built[1] ?? "", built[2] ?? "", table);
    if (bump) return [bump];
  }
  if (!BUMP_VERB.test(title)) return [];
  const list = title.match(LIST_PATTERN)?.[1];
  if (list) {
    const bumps = [...list.matchAll(ITEM)]
      .map((match) => makeBump(match[1] ?? "", match[2] ?? "", table))
      .filter((bump): bump is DependencyBump => bump !== null);
    if (bumps.length > 0) return bumps;
  }
  for (const pattern of BUMP_PATTERNS) {
    const match = title.match(pattern);
    const bump = match ? makeBump(match[1] ?? "", match[2] ?? "", table) : null;
    if (bump) return [bump];
  }
  return [];
}

/** Whether the module path names a critical dependency ("go.etcd.io/etcd/client/v3" → etcd). */
export function isCritical(bump: DependencyBump, table: RuleTable): boolean {
  const segments = bump.key.split("/").filter((segment) => !/^v\d+$/.test(segment));
  return segments.some((segment) => table.dependencies.critical.includes(own(table.dependencies.aliases, segment) ?? segment));
}

export type BumpVerdict = { bumps: DependencyBump[]; reason: string } | { skip: string } | null;

/**
 * A dependency bump worth a Version Updates line: the title names dependency and version, and
 * either the dependency is critical or the PR is known to change the dependency manifests.
 */
export function judgeBump(pr: PullRequest, signals: PRSignals, rules: CompiledRules): BumpVerdict {
  const { table, re } = rules;
  const bumps = parseBumps(signals.title, table);
  if (bumps.length === 0) return null;
  if (bumps.every((bump) => re.prerelease.test(bump.version))) return { skip: "dependency-prerelease" };
  const manifests = pr.files?.some((file) => table.files.dependencyManifests.includes(file.path)) ?? false;
  if (hasAny(signals.labels, table.labels.dependency)) return { bumps, reason: "title:version-bump+label:area/dependency" };
  if (bumps.some((bump) => isCritical(bump, table))) return { bumps, reason: "title:version-bump+critical-dependency" };
  if (manifests) return { bumps, reason: "title:version-bump+files:dependency-manifest" };
  // A bump its author gave a release note is one users notice: editors list 70 of 72 such notes
  // under Version Updates in the picks data.
  if (signals.note !== null) return { bumps, reason: "title:version-bump+release-note" };
  return null;
}

export function bumpKey(bumps: readonly DependencyBump[]): string {
  return bumps.map((bump) => `${bump.key}@${bump.version.replace(/^v/, "")}`).join("+");
}
