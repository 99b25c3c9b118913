export { ENHANCEMENTS_REPO, kepFilePath, kepRefOfLink, kepRefOfPath, weekKeps, type KepRef, type WeekKep } from "./refs.js";
export { compareMilestones, issueFacts, MAX_KEP_YAML_LENGTH, readKepFile, type KepFacts, type KepFileReading } from "./kep-yaml.js";
export { KEP_CANDIDATES, MAX_KEPS_READ, planKepRequest, rankKepCandidates } from "./candidates.js";
