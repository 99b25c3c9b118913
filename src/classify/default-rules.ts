import { rulesSchema, type RuleTable } from "./rule-schema.js";

/**
 * The rule table with nothing overridden. The bundle replaces this module with the parsed value as
 * data (scripts/bundle.mjs), so that a draft without a config file never loads zod.
 */
export const DEFAULT_RULES: RuleTable = rulesSchema.parse({});
