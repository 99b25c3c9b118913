export type { GateStage } from "./stages.js";
export { parseFeatureGates } from "./feature-gates.js";
export { parseVersionedFeatureList } from "./feature-list.js";
export { type GateChange, type VersionChange, diffGates, diffVersions, isGateChange, isPromotion } from "./diff.js";
export { parseGoMod } from "./go-mod.js";
export { parseDependenciesYaml } from "./dependencies-yaml.js";
export {
  type AttributeInput,
  type Attribution,
  type ChangeFiles,
  type GatePromotion,
  type VersionUpdate,
  attributeChanges,
} from "./attribute.js";
export { fileVersionBullet, gatePromotionBullet, safeName, type VersionWording } from "./lines.js";
export { GATE_FILE_PATHS, VERSION_FILE_PATHS, WEEK_SNAPSHOT_PATHS } from "./paths.js";
export { type FileTexts, type WeekChanges, type WeekChangesInput, findWeekChanges } from "./week-changes.js";
