import { readYaml, yamlList, yamlMap, yamlString } from "../../parsers.js";
import { type GateStage, type StageRow, currentStage, stageFromName } from "./stages.js";

/**
 * Gates and their current stage from test/compatibility_lifecycle/reference/versioned_feature_list.yaml
 * (≥1.31): `- name: X` with `versionedSpecs:` rows; the row with the highest version wins.
 * Never throws; entries it does not understand are ignored.
 */
export function parseVersionedFeatureList(yaml: string): Map<string, GateStage> {
  const gates = new Map<string, GateStage>();
  for (const item of yamlList(readYaml(yaml))) {
    const gate = yamlMap(item);
    const name = yamlString(gate?.get("name"))?.trim();
    if (!name) continue;
    const rows: StageRow[] = yamlList(gate?.get("versionedSpecs")).map((spec) => {
      const fields = yamlMap(spec);
      const stage = yamlString(fields?.get("preRelease"));
      return { stage: stage === null ? null : stageFromName(stage), version: yamlString(fields?.get("version")) };
    });
    const stage = currentStage(rows);
    if (stage) gates.set(name, stage);
  }
  return gates;
}
