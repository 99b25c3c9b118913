import { addDays, weekdayMonthDay } from "./dates.js";
import type { ComingPatchEvent, PatchEvent } from "./types.js";
import { compareText } from "../../order.js";

interface Merged {
  kind: PatchEvent["kind"];
  date: string;
  releases: Set<string>;
  /** The rows' other dates; one sentence names it only when all the merged rows agree. */
  paired: Set<string | undefined>;
}

/**
 * Patch events of the Monday..Sunday after `weekEnding`, one per kind and day (the branches'
 * rows merged, a monthly row folded in), cherry-pick deadlines before releases on the same day.
 * Each sentence names the row's other date too: a release its cherry-pick deadline, a deadline
 * the day its releases are due. A deadline whose releases are due in the same week is said once,
 * in the release's sentence. The versions were checked against `\d+.\d+.\d+` when parsed, so the
 * sentences need no escaping.
 */
export function patchEventsInComingWeek(events: readonly PatchEvent[], weekEnding: string): ComingPatchEvent[] {
  const from = addDays(weekEnding, 1);
  const to = addDays(weekEnding, 7);
  const merged = new Map<string, Merged>();
  for (const event of events) {
    if (event.date < from || event.date > to) continue;
    const key = `${event.date} ${event.kind}`;
    const entry = merged.get(key) ?? { kind: event.kind, date: event.date, releases: new Set<string>(), paired: new Set<string | undefined>() };
    for (const release of event.releases) entry.releases.add(release);
    entry.paired.add(event.pairedDate);
    merged.set(key, entry);
  }
  // A deadline is said in its releases' sentence when each of them is due this week and names it.
  const saidWithRelease = (entry: Merged): boolean =>
    entry.kind === "cherry-pick-deadline" &&
    [...entry.paired].every((day) => {
      const release = day === undefined ? undefined : merged.get(`${day} patch-release`);
      return release !== undefined && release.paired.size === 1 && release.paired.has(entry.date);
    });
  return [...merged.values()]
    .filter((entry) => !saidWithRelease(entry))
    .sort((a, b) => compareText(a.date, b.date) || (a.kind === "cherry-pick-deadline" ? -1 : 1))
    .map(({ kind, date, releases, paired }) => {
      const sorted = [...releases].sort(byVersionDescending);
      const [other] = paired.size === 1 ? [...paired] : [undefined];
      return { kind, date, releases: sorted, ...(other ? { pairedDate: other } : {}), text: sentence(kind, date, sorted, other, weekEnding) };
    });
}

function sentence(kind: PatchEvent["kind"], date: string, releases: string[], other: string | undefined, weekEnding: string): string {
  const day = weekdayMonthDay(date);
  if (kind === "cherry-pick-deadline") {
    const due = other ? `, due ${weekdayMonthDay(other)}` : "";
    if (releases.length === 0) return other ? `Cherry-picks for the next patch releases (due ${weekdayMonthDay(other)}) are due ${day}` : `Cherry-picks for the next patch releases are due ${day}`;
    const noun = releases.length === 1 ? "release" : "releases";
    return `Cherry-picks for the next patch ${noun} (${releases.join(", ")}${due}) are due ${day}`;
  }
  const subject =
    releases.length === 0 ? "The next patch releases are" : releases.length === 1 ? `Patch release ${releases[0]} is` : `Patch releases ${englishList(releases)} are`;
  if (!other || other >= date) return `${subject} due ${day}`;
  const deadline = weekdayMonthDay(other);
  return other > weekEnding ? `${subject} due ${day}, with cherry-picks due ${deadline}` : `${subject} due ${day}; their cherry-pick deadline was ${deadline}`;
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
