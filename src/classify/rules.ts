// The rule table is defined once, as a schema (rule-schema.ts); these names are where the
// classifier and its callers have always imported it from.
export type { ClassifiedSection, RuleTable } from "./rule-schema.js";
export { DEFAULT_RULES } from "./default-rules.js";
