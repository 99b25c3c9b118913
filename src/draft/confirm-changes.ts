import { joinInline, renderBullet } from "../markdown/escape.js";
import type { ConfirmedChange, DraftEntry, SectionKey, SkippedEntry } from "../types.js";

/**
 * Moves PRs whose file changes prove a promotion or version update into that section. A PR the
 * classifier already put there keeps its line and gains the evidence in its reason.
 */
export function confirmChanges(
  sections: Record<SectionKey, DraftEntry[]>,
  skipped: SkippedEntry[],
  changes: readonly ConfirmedChange[],
): { sections: Record<SectionKey, DraftEntry[]>; skipped: SkippedEntry[] } {
  const result = Object.fromEntries(Object.entries(sections).map(([key, entries]) => [key, [...entries]])) as Record<SectionKey, DraftEntry[]>;
  let remaining = [...skipped];
  const confirmedBefore = new Set<DraftEntry>();
  for (const change of changes) {
    const same = (entry: { repo: string; number: number | null }) => entry.repo === change.pr.repo && entry.number === change.pr.number;
    const already = result[change.section].find(same);
    if (already) {
      if (!already.reason.includes(change.evidence)) {
        // Two gates or two dependencies from one PR share its line: "[A to beta, B to GA](url)".
        if (confirmedBefore.has(already)) {
          already.bullet = { ...already.bullet, label: joinInline([already.bullet.label, change.bullet.label], ", ") };
          already.line = renderBullet(already.bullet);
        }
        already.reason = `${already.reason}+${change.evidence}`;
      }
      continue;
    }
    let previous: DraftEntry | SkippedEntry | undefined;
    for (const key of Object.keys(result) as SectionKey[]) {
      const index = result[key].findIndex(same);
      if (index >= 0) previous = result[key].splice(index, 1)[0];
    }
    const skippedIndex = remaining.findIndex(same);
    if (skippedIndex >= 0) {
      previous = remaining[skippedIndex];
      remaining = remaining.filter((_, index) => index !== skippedIndex);
    }
    // A PR merged outside the week (or not fetched) is not the week's to report.
    if (!previous) continue;
    const entry: DraftEntry = {
      repo: change.pr.repo,
      number: change.pr.number,
      url: change.pr.url,
      title: change.pr.title,
      author: change.pr.author,
      line: renderBullet(change.bullet),
      bullet: change.bullet,
      reason: change.evidence,
    };
    confirmedBefore.add(entry);
    result[change.section].push(entry);
  }
  for (const key of ["promotions", "version_updates"] as const) result[key].sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  return { sections: result, skipped: remaining };
}
