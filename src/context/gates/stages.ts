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

function versionParts(version: string): number[] {
  return version
    .replace(/^v/i, "")
    .split(".")
    .map((part) => Number.parseInt(part, 10))
    .map((part) => (Number.isFinite(part) ? part : 0));
}

/** Numeric comparison ("1.9" < "1.10"); a missing version sorts first. */
export function compareVersions(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const left = versionParts(a);
  const right = versionParts(b);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const diff = (left[index] ?? 0) - (right[index] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * The stage a gate is in now: the row with the highest version. Equal versions keep the later row
 * because the files append promotions. Null when that row's stage is unknown (e.g. PreAlpha).
 */
export function currentStage(rows: readonly StageRow[]): GateStage | null {
  let best: StageRow | undefined;
  for (const row of rows) {
    if (!best || compareVersions(row.version, best.version) >= 0) best = row;
  }
  return best?.stage ?? null;
}
