import { extendThrough, resolveWeek } from "../week.js";

/**
 * `k8s-weekly week`: the window a draft with the same --week and --through would use, as the JSON
 * draft's `week` object, so that scripts (the GitHub Action) name files without date arithmetic.
 * The note says which week a day other than a Sunday stands for.
 */
export function resolveWeekJson(value: string, through: string | undefined, now: Date): { json: string; note?: string } {
  const resolved = resolveWeek(value, now);
  const week = through === undefined ? resolved.week : extendThrough(resolved.week, through, now);
  return { json: `${JSON.stringify(week)}\n`, ...(resolved.note !== undefined ? { note: resolved.note } : {}) };
}
