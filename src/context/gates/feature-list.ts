import { type GateStage, type StageRow, currentStage, stageFromName } from "./stages.js";
import { lines, readYamlLine } from "./yaml-lines.js";

/**
 * Gates and their current stage from test/compatibility_lifecycle/reference/versioned_feature_list.yaml
 * (≥1.31): `- name: X` followed by `versionedSpecs:` rows; the row with the highest version wins.
 * Never throws; lines it does not understand are ignored.
 */
export function parseVersionedFeatureList(yaml: string): Map<string, GateStage> {
  const gates = new Map<string, GateStage>();
  let name: string | null = null;
  let nameColumn = -1;
  let rows: StageRow[] = [];
  let row: StageRow | null = null;

  const finish = () => {
    const stage = currentStage(rows);
    if (name && stage) gates.set(name, stage);
  };

  for (const line of lines(yaml)) {
    const entry = readYamlLine(line);
    if (!entry) continue;
    // A gate starts at "- name:"; a row's keys sit deeper, so "name" there would be a row field.
    if (entry.key === "name" && entry.item && (name === null || entry.column <= nameColumn)) {
      finish();
      name = entry.value;
      nameColumn = entry.column;
      rows = [];
      row = null;
      continue;
    }
    if (name === null || entry.column <= nameColumn) continue;
    if (entry.item || row === null) {
      row = { stage: null, version: null };
      rows.push(row);
    }
    if (entry.key === "preRelease") row.stage = stageFromName(entry.value);
    else if (entry.key === "version") row.version = entry.value;
  }
  finish();
  return gates;
}
