import { addDays, weekdayMonthDay } from "./dates.js";
import type { ComingPatchEvent, PatchEvent } from "./types.js";

/**
 * Patch events of the Monday..Sunday after `weekEnding`, one per kind and day (the branches'
 * rows merged, a monthly row folded in), cherry-pick deadlines before releases on the same day.
 * The versions were checked against `\d+.\d+.\d+` when parsed, so the sentences need no escaping.
 */
export function patchEventsInComingWeek(events: readonly PatchEvent[], weekEnding: string): ComingPatchEvent[] {
  const from = addDays(weekEnding, 1);
  const to = addDays(weekEnding, 7);
  const merged = new Map<string, { kind: PatchEvent["kind"]; date: string; releases: Set<string> }>();
  for (const event of events) {
    if (event.date < from || event.date > to) continue;
    const key = `${event.date} ${event.kind}`;
    const entry = merged.get(key) ?? { kind: event.kind, date: event.date, releases: new Set<string>() };
    for (const release of event.releases) entry.releases.add(release);
    merged.set(key, entry);
  }
  return [...merged.values()]
    .sort((a, b) => a.date.localeCompare(b.date) || (a.kind === "cherry-pick-deadline" ? -1 : 1))
    .map(({ kind, date, releases }) => {
      const sorted = [...releases].sort(byVersionDescending);
      return { kind, date, releases: sorted, text: sentence(kind, date, sorted) };
    });
}

function sentence(kind: PatchEvent["kind"], date: string, releases: string[]): string {
  const day = weekdayMonthDay(date);
  if (kind === "cherry-pick-deadline") {
    if (releases.length === 0) return `Cherry-picks for the next patch releases are due ${day}`;
    const noun = releases.length === 1 ? "release" : "releases";
    return `Cherry-picks for the next patch ${noun} (${releases.join(", ")}) are due ${day}`;
  }
  if (releases.length === 0) return `The next patch releases are due ${day}`;
  if (releases.length === 1) return `Patch release ${releases[0]} is due ${day}`;
  return `Patch releases ${englishList(releases)} are due ${day}`;
}

function englishList(items: string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function byVersionDescending(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (right[index] ?? 0) - (left[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
