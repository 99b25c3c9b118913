import { DEFAULT_RULES } from "../../classify/rules.js";

/**
 * Files whose stage tables are compared: k/k's own gates, apiserver's, and the generated lists. The
 * classifier's rule table is the one list, so a PR touching any of them also reads as a promotion.
 */
export const GATE_FILE_PATHS: readonly string[] = [...DEFAULT_RULES.files.featureGates];

export const GO_MOD_PATH = "go.mod";
export const DEPENDENCIES_YAML_PATH = "build/dependencies.yaml";
export const VERSION_FILE_PATHS = [GO_MOD_PATH, DEPENDENCIES_YAML_PATH] as const;

/** Every file the fetcher should read at both ends of the week, and nothing else. */
export const WEEK_SNAPSHOT_PATHS: readonly string[] = [...VERSION_FILE_PATHS, ...GATE_FILE_PATHS];

/** GitHub's GraphQL returns the first 100 changed files; a list that long may be missing ours. */
export const FILES_PAGE_SIZE = 100;
