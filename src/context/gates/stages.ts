import { compareVersions } from "../../versions.js";

/** The release stages a feature gate can be in, as the newsletter names them. */
export type GateStage = "Alpha" | "Beta" | "GA" | "Deprecated";

/** One row of a gate's history: the stage it entered at a version (null when the format has none). */
export interface StageRow {
  version: string | null;
  stage: GateStage | null;
}

const STAGES: Readonly<Record<string, GateStage>> = {
  alpha: "Alpha",
  beta: "Beta",
  ga: "GA",
  deprecated: "Deprecated",
};

/**
 * "featuregate.Beta", "Beta", "GA" → the stage. Anything else (PreAlpha, typos, garbage) is null
 * so that an unknown stage never pretends to be a promotion.
 */
export function stageFromName(name: string): GateStage | null {
  const last = name.slice(name.lastIndexOf(".") + 1).trim().toLowerCase();
  return Object.hasOwn(STAGES, last) ? (STAGES[last] ?? null) : null;
}

/** Ordering used when one gate is listed in several files and they disagree. */
export function stageRank(stage: GateStage): number {
  return stage === "Alpha" ? 0 : stage === "Beta" ? 1 : stage === "GA" ? 2 : 3;
}

/**
 * The stage a gate is in now: the row with the highest version. Equal versions keep the later row
 * because the files append promotions. Null when that row's stage is unknown (e.g. PreAlpha).
 */
export function currentStage(rows: readonly StageRow[]): GateStage | null {
  let best: StageRow | undefined;
  for (const row of rows) {
    if (!best || compareRowVersions(row.version, best.version) >= 0) best = row;
  }
  return best?.stage ?? null;
}

/** A row without a version sorts first. */
function compareRowVersions(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareVersions(a, b);
}
