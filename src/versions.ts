/**
 * Orders version strings by their first dotted number ("v1.9" < "1.10.0"; "go1.21.3" reads as
 * 1.21.3; prerelease suffixes are ignored). A missing part counts as 0, so "1.22" equals "1.22.0".
 */
export function compareVersions(a: string, b: string): number {
  const left = versionParts(a);
  const right = versionParts(b);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function versionParts(version: string): number[] {
  // Bounded so that a hostile tag costs nothing; real versions have at most four parts.
  const digits = /\d+(?:\.\d+)*/.exec(version.slice(0, 200))?.[0] ?? "";
  return digits === "" ? [] : digits.split(".").slice(0, 8).map(Number);
}
