import { DEFAULT_RULES, type RuleTable } from "../classify/rules.js";
import { UsageError } from "../errors.js";
import { PATTERN_FLAGS } from "../classify/signals.js";

/**
 * Texts a pattern that matches every title or note matches: an empty one, and titles that share
 * no word. "^$", a pattern switched off, matches only the first.
 */
const ANY_TEXT = ["", "Fix the widget", "Add gadget support (#1)"];

/**
 * A config file's `rules` on top of the defaults: lists are added to the default lists, strings and
 * numbers replace the default, objects merge key by key. The schema has already checked the shape.
 */
export function applyRuleOverrides(overrides: Record<string, unknown> | undefined, source: string): RuleTable {
  if (!overrides) return DEFAULT_RULES;
  const merged = merge(DEFAULT_RULES, overrides) as RuleTable;
  // The user's own patterns, by the key path they wrote them at: the defaults are known to be good.
  const given = overrides as { patterns?: Record<string, string>; skipTitlePatterns?: string[]; skipAuthors?: string[] };
  const patterns = [
    ...Object.entries(given.patterns ?? {}).map(([name, value]) => [`rules.patterns.${name}`, value, name === "prerelease" ? "release" : "PR"] as const),
    ...(given.skipTitlePatterns ?? []).map((value, index) => [`rules.skipTitlePatterns[${index}]`, value, "PR"] as const),
  ];
  for (const [path, pattern, what] of patterns) {
    let expression: RegExp;
    try {
      expression = new RegExp(pattern, PATTERN_FLAGS);
    } catch (error) {
      throw new UsageError(`${source}: ${path}: not a valid regular expression (${(error as Error).message})`);
    }
    // "", "^", "x*" or "(?:)" match the empty text, and so every title and note: all PRs skipped, or all in one section.
    if (ANY_TEXT.every((text) => expression.test(text))) {
      throw new UsageError(`${source}: ${path}: ${JSON.stringify(pattern)} matches the empty text, so it would match every ${what}; give a pattern that needs at least one character, or remove it`);
    }
  }
  // A leading * matches any end of a login: "*" alone is every author.
  for (const [index, author] of (given.skipAuthors ?? []).entries()) {
    if (author === "*") {
      throw new UsageError(`${source}: rules.skipAuthors[${index}]: "*" matches every author, so it would skip every PR; give a login, or * and the end of one ("*[bot]")`);
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
