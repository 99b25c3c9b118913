import type { PullRequest } from "../../types.js";
import { type Attribution, attributeChanges } from "./attribute.js";
import { parseDependenciesYaml } from "./dependencies-yaml.js";
import { type GateChange, type VersionChange, diffGates, diffVersions } from "./diff.js";
import { parseFeatureGates } from "./feature-gates.js";
import { parseVersionedFeatureList } from "./feature-list.js";
import { parseGoMod } from "./go-mod.js";
import { DEPENDENCIES_YAML_PATH, GATE_FILE_PATHS, GO_MOD_PATH, WEEK_SNAPSHOT_PATHS } from "./paths.js";
import { withoutSharedItems } from "./shared-items.js";
import { type GateStage, stageRank } from "./stages.js";

/** File texts keyed by repo path; null or absent when the file did not exist or was not read. */
export type FileTexts = Partial<Record<string, string | null>>;

export interface WeekChangesInput {
  before: FileTexts;
  after: FileTexts;
  prs: readonly PullRequest[];
  aliases?: Readonly<Record<string, string>>;
}

export interface WeekChanges extends Attribution {
  gateChanges: GateChange[];
  versionChanges: VersionChange[];
  /** WEEK_SNAPSHOT_PATHS missing at either end, so not compared. */
  skippedPaths: string[];
}

function gatesOf(path: string, text: string): Map<string, GateStage> {
  return path.endsWith(".yaml") ? parseVersionedFeatureList(text) : parseFeatureGates(text);
}

/** One view over all gate files: a gate listed twice (k/k relists apiserver gates) takes its furthest stage. */
function union(maps: ReadonlyArray<ReadonlyMap<string, GateStage>>): Map<string, GateStage> {
  const merged = new Map<string, GateStage>();
  for (const map of maps) {
    for (const [gate, stage] of map) {
      const known = merged.get(gate);
      if (known === undefined || stageRank(stage) > stageRank(known)) merged.set(gate, stage);
    }
  }
  return merged;
}

function gateChangesOf(pairs: ReadonlyArray<{ path: string; before: string; after: string }>) {
  // The same files at both ends hold the same gates; most weeks change none.
  if (pairs.every(({ before, after }) => before === after)) return { gateChanges: [], paths: new Map<string, string[]>() };
  const files = pairs.map(({ path, before, after }) => ({ path, before: gatesOf(path, before), after: gatesOf(path, after) }));
  // Diffing the union rather than each file keeps a gate that moved between files from reading as new.
  const gateChanges = diffGates(union(files.map((file) => file.before)), union(files.map((file) => file.after)));
  const paths = new Map<string, string[]>();
  for (const change of gateChanges) {
    paths.set(
      change.gate,
      files.filter((file) => file.before.get(change.gate) !== file.after.get(change.gate)).map((file) => file.path),
    );
  }
  return { gateChanges, paths };
}

function versionChangesOf(pairs: ReadonlyArray<{ path: string; before: string; after: string }>) {
  const versionChanges: VersionChange[] = [];
  const paths = new Map<string, string[]>();
  for (const { path, before, after } of pairs) {
    // A file the week did not change changed no version: not worth parsing twice (YAML is slow).
    if (before === after) continue;
    const parse = path === GO_MOD_PATH ? parseGoMod : parseDependenciesYaml;
    const changed = path === DEPENDENCIES_YAML_PATH ? (withoutSharedItems({ before, after }) ?? { before, after }) : { before, after };
    for (const change of diffVersions(parse(changed.before), parse(changed.after))) {
      versionChanges.push(change);
      paths.set(change.name, [...(paths.get(change.name) ?? []), path]);
    }
  }
  return { versionChanges, paths };
}

/**
 * The week's feature-gate stage changes and dependency version changes, found by comparing the
 * files at the start and end of the week, each attached to the merged PR that made it.
 */
export function findWeekChanges(input: WeekChangesInput): WeekChanges {
  const present: Array<{ path: string; before: string; after: string }> = [];
  const skippedPaths: string[] = [];
  for (const path of WEEK_SNAPSHOT_PATHS) {
    const before = input.before[path];
    const after = input.after[path];
    if (typeof before === "string" && typeof after === "string") present.push({ path, before, after });
    else skippedPaths.push(path);
  }
  const gatePaths: readonly string[] = GATE_FILE_PATHS;
  const gates = gateChangesOf(present.filter((pair) => gatePaths.includes(pair.path)));
  const versions = versionChangesOf(present.filter((pair) => pair.path === GO_MOD_PATH || pair.path === DEPENDENCIES_YAML_PATH));
  const attribution = attributeChanges({
    gateChanges: gates.gateChanges,
    versionChanges: versions.versionChanges,
    prs: input.prs,
    files: { gates: gates.paths, versions: versions.paths },
    ...(input.aliases ? { aliases: input.aliases } : {}),
  });
  return { ...attribution, gateChanges: gates.gateChanges, versionChanges: versions.versionChanges, skippedPaths };
}
