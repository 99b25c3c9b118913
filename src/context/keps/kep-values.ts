// What a checked KEP fact may hold: readKepFile keeps a field only when it fits, and the cache's
// schema (src/fetch/response-schemas.ts) refuses a cached fact that does not. No imports, so that
// the build can load the schemas alone.

export const KEP_SIG_PATTERN = "^(?:sig|wg|committee|ug)-[a-z0-9]+(?:-[a-z0-9]+){0,6}$";
export const KEP_STAGES = ["alpha", "beta", "stable", "deprecated"] as const;
export const KEP_STATUSES = ["provisional", "implementable", "implemented", "deferred", "rejected", "withdrawn", "replaced"] as const;
/** How a milestone is kept, whatever way the file wrote it ("1.22" reads as "v1.22"). */
export const KEP_MILESTONE_PATTERN = "^v\\d{1,2}\\.\\d{1,3}$";
export const MAX_KEP_TITLE_LENGTH = 200;
/** KEP numbers have at most 6 digits. */
export const MAX_KEP_NUMBER = 999_999;
