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

/**
 * Remembers pull requests by repository and number, and says whether one is new. Numbers in a set
 * per repository: a week of tens of thousands of PRs builds no "owner/name#123" string to hash.
 */
export function pullRequestSightings(): (pr: { repo: string; number: number }) => boolean {
  const byRepo = new Map<string, Set<number>>();
  return (pr) => {
    let numbers = byRepo.get(pr.repo);
    if (!numbers) byRepo.set(pr.repo, (numbers = new Set()));
    if (numbers.has(pr.number)) return false;
    numbers.add(pr.number);
    return true;
  };
}
