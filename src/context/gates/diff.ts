import type { GateStage } from "./stages.js";

export interface GateChange {
  gate: string;
  /** null when the gate is new this week. */
  from: GateStage | null;
  to: GateStage;
}

export interface VersionChange {
  /** Module path (go.mod), dependency name (dependencies.yaml) or "go". */
  name: string;
  /** null when the dependency is new this week. */
  from: string | null;
  to: string;
}

/**
 * Gates whose stage changed or that appeared, in the order of `after`. Removed gates are left out:
 * k/k deletes gates long after they went GA, which is not news.
 */
export function diffGates(before: ReadonlyMap<string, GateStage>, after: ReadonlyMap<string, GateStage>): GateChange[] {
  const changes: GateChange[] = [];
  for (const [gate, to] of after) {
    const from = before.get(gate) ?? null;
    if (from !== to) changes.push({ gate, from, to });
  }
  return changes;
}

/** Dependencies whose version changed or that appeared, in the order of `after`. */
export function diffVersions(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): VersionChange[] {
  const changes: VersionChange[] = [];
  for (const [name, to] of after) {
    const from = before.get(name) ?? null;
    if (from !== to) changes.push({ name, from, to });
  }
  return changes;
}

const PROMOTED_FROM: Readonly<Record<"Beta" | "GA", readonly GateStage[]>> = {
  Beta: ["Alpha"],
  GA: ["Alpha", "Beta"],
};

/**
 * A move to Beta or GA from a lower stage. A gate that appears already in Beta or GA is not one:
 * such gates are usually new switches for a fix, or a gate that moved between files.
 */
export function isPromotion(change: GateChange): change is GateChange & { to: "Beta" | "GA" } {
  if (change.to !== "Beta" && change.to !== "GA") return false;
  return change.from !== null && PROMOTED_FROM[change.to].includes(change.from);
}

export function isGateChange(change: GateChange | VersionChange): change is GateChange {
  return "gate" in change;
}
