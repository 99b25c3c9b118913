import { Ajv, type ValidateFunction } from "ajv";
import { RESPONSE_AJV_OPTIONS, RESPONSE_SCHEMAS } from "./response-schemas.js";
import type { SearchItem } from "./search-item.js";

/**
 * Run from source, as the tests do, Ajv compiles the schemas here. The bundle replaces this module
 * with the code Ajv generated from the same schemas at build time (scripts/bundle.mjs), with the
 * same exports.
 */
const ajv = new Ajv(RESPONSE_AJV_OPTIONS);

export const checkSearchItem: ValidateFunction<SearchItem> = ajv.compile<SearchItem>(RESPONSE_SCHEMAS.checkSearchItem);
export const checkGraphqlPull: ValidateFunction = ajv.compile(RESPONSE_SCHEMAS.checkGraphqlPull);
export const checkRelease: ValidateFunction = ajv.compile(RESPONSE_SCHEMAS.checkRelease);
export const checkTag: ValidateFunction = ajv.compile(RESPONSE_SCHEMAS.checkTag);
export const checkWeekFile: ValidateFunction = ajv.compile(RESPONSE_SCHEMAS.checkWeekFile);
export const checkContextFile: ValidateFunction = ajv.compile(RESPONSE_SCHEMAS.checkContextFile);
