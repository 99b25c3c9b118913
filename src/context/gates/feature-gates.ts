import { GoTokens, IDENT, NUMBER, PUNCT, STRING } from "./go-tokens.js";
import { type GateStage, type StageRow, currentStage, stageFromName } from "./stages.js";

export type { GateStage } from "./stages.js";

/** `const ServiceLBNodePortControl featuregate.Feature = "ServiceLBNodePortControl"`: identifier → gate name. */
function featureConstants(tokens: GoTokens): Map<string, string> {
  const names = new Map<string, string>();
  for (let index = 0; index + 3 < tokens.count; index++) {
    if (!tokens.isPunct(index + 2, "=") || !tokens.identEndsWith(index + 1, "featuregate.Feature")) continue;
    if (tokens.kind(index) === IDENT && tokens.kind(index + 3) === STRING) names.set(tokens.text(index), tokens.text(index + 3));
  }
  return names;
}

/** The field name when tokens[index] starts `Name:`. */
function fieldAt(tokens: GoTokens, index: number): string | null {
  return tokens.kind(index) === IDENT && tokens.isPunct(index + 1, ":") ? tokens.text(index) : null;
}

/**
 * The `PreRelease:` and `Version:` fields of one spec `{...}` whose contents are tokens[from, to).
 * Nested calls are skipped over so `version.MustParse("1.22")` reads as "1.22" and
 * `version.MajorMinor(1, 22)` as "1.22".
 */
function readSpec(tokens: GoTokens, from: number, to: number): StageRow {
  let stage: GateStage | null = null;
  let version: string | null = null;
  let index = from;
  while (index < to) {
    const field = fieldAt(tokens, index);
    if (field === "PreRelease") {
      stage = stageFromName(tokens.text(index + 2));
      index += 3;
    } else if (field === "Version") {
      const numbers: string[] = [];
      let text: string | null = null;
      let depth = 0;
      for (index += 2; index < to; index++) {
        const kind = tokens.kind(index);
        if (kind === PUNCT) {
          const char = tokens.text(index);
          if ("([{".includes(char)) depth++;
          else if (")]}".includes(char)) depth--;
          else if (char === "," && depth <= 0) break;
        } else if (kind === STRING) {
          text ??= tokens.text(index);
        } else if (kind === NUMBER) {
          numbers.push(tokens.text(index));
        }
      }
      version = text ?? (numbers.length > 0 ? numbers.join(".") : null);
    } else if (tokens.isPunct(index, "{")) {
      index = tokens.closingIndex(index, to) + 1;
    } else {
      index++;
    }
  }
  return { stage, version };
}

/** One map value: `{Default: …, PreRelease: …}` or, versioned, `{ {Version: …}, {Version: …}, }`. */
function readEntry(tokens: GoTokens, from: number, to: number): GateStage | null {
  if (!tokens.isPunct(from, "{")) return currentStage([readSpec(tokens, from, to)]);
  const rows: StageRow[] = [];
  let index = from;
  while (index < to) {
    if (tokens.isPunct(index, "{")) {
      const close = tokens.closingIndex(index, to);
      rows.push(readSpec(tokens, index + 1, close));
      index = close + 1;
    } else {
      index++;
    }
  }
  return currentStage(rows);
}

/** Reads `Key: {…},` entries from the map body opening at tokens[open]; returns the index past it. */
function readMap(tokens: GoTokens, open: number, constants: Map<string, string>, gates: Map<string, GateStage>): number {
  const close = tokens.closingIndex(open);
  let index = open + 1;
  while (index < close) {
    const kind = tokens.kind(index);
    if ((kind === IDENT || kind === STRING) && tokens.isPunct(index + 1, ":") && tokens.isPunct(index + 2, "{")) {
      const valueClose = tokens.closingIndex(index + 2, close);
      const stage = readEntry(tokens, index + 3, valueClose);
      const key = tokens.text(index);
      // k/k relists apiserver gates as `genericfeatures.X`; the gate's name is X.
      const name = kind === STRING ? key : (constants.get(key) ?? key.slice(key.lastIndexOf(".") + 1));
      if (stage !== null && name !== "") gates.set(name, stage);
      index = valueClose + 1;
    } else if (tokens.isPunct(index, "{")) {
      index = tokens.closingIndex(index, close) + 1;
    } else {
      index++;
    }
  }
  return close + 1;
}

function isGateMapType(tokens: GoTokens, index: number): boolean {
  return (
    (tokens.identEndsWith(index, "FeatureSpec") || tokens.identEndsWith(index, "VersionedSpecs")) &&
    tokens.isPunct(index - 1, "]") &&
    tokens.isPunct(index + 1, "{")
  );
}

/**
 * Feature gates and their current stage from a kube_features.go (or versioned_kube_features.go):
 * every `map[featuregate.Feature]featuregate.FeatureSpec{…}` (≤1.30 format) and
 * `map[featuregate.Feature]featuregate.VersionedSpecs{…}` (≥1.31, stage = highest version row).
 * Linear time; garbage yields whatever could be read, never an exception.
 */
export function parseFeatureGates(goSource: string): Map<string, GateStage> {
  const gates = new Map<string, GateStage>();
  if (typeof goSource !== "string") return gates;
  const tokens = new GoTokens(goSource);
  const constants = featureConstants(tokens);
  let index = 0;
  while (index < tokens.count) {
    index = isGateMapType(tokens, index) ? readMap(tokens, index + 1, constants, gates) : index + 1;
  }
  return gates;
}
