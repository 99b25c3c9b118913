/** The items with the first of each key kept, in their order. */
export function uniqueBy<T>(items: Iterable<T>, key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const unique: T[] = [];
  for (const item of items) {
    const id = key(item);
    if (seen.has(id)) continue;
    seen.add(id);
    unique.push(item);
  }
  return unique;
}

/** "owner/name#123": one pull request, whichever page or repository list it came from. */
export function pullRequestId(pr: { repo: string; number: number }): string {
  return `${pr.repo}#${pr.number}`;
}
