import { DEFAULT_RULES, type RuleTable } from "../classify/rules.js";
import { UsageError } from "../errors.js";

/**
 * A config file's `rules` on top of the defaults: lists are added to the default lists, strings and
 * numbers replace the default, objects merge key by key. The schema has already checked the shape.
 */
export function applyRuleOverrides(overrides: Record<string, unknown> | undefined, source: string): RuleTable {
  if (!overrides) return DEFAULT_RULES;
  const merged = merge(DEFAULT_RULES, overrides) as RuleTable;
  const patterns = [...Object.entries(merged.patterns), ...merged.skipTitlePatterns.map((value, index) => [`skipTitlePatterns[${index}]`, value] as const)];
  for (const [name, pattern] of patterns) {
    try {
      new RegExp(pattern, "i");
    } catch (error) {
      throw new UsageError(`${source}: rules.${name.startsWith("skip") ? name : `patterns.${name}`}: not a valid regular expression (${(error as Error).message})`);
    }
  }
  return merged;
}

function merge(base: unknown, change: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(change)) return [...new Set([...base, ...change])];
  if (isRecord(base) && isRecord(change)) {
    // Keys are the user's words (dependency aliases): "__proto__" must become an entry, not a prototype.
    const entries = new Map(Object.entries(base));
    for (const [key, value] of Object.entries(change)) entries.set(key, Object.hasOwn(base, key) ? merge(base[key], value) : value);
    return Object.fromEntries(entries);
  }
  return change;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
