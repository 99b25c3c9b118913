/**
 * Go pseudo-versions (`v0.0.0-20210520170846-37e1c6afe023`) name a commit, not a release: readers
 * learn nothing from the hash, so the newsletter names the day the commit was made instead.
 */
const PSEUDO_VERSION = /^v?\d+\.\d+\.\d+-(?:[0-9A-Za-z.]*\.)?(\d{4})(\d{2})(\d{2})\d{6}-[0-9a-f]{12}(?:\+incompatible)?$/;

/** "2021-05-20" for a pseudo-version, else undefined. */
export function pseudoVersionDate(version: string): string | undefined {
  const match = version.match(PSEUDO_VERSION);
  if (!match) return undefined;
  const [, year, month, day] = match;
  return `${year}-${month}-${day}`;
}

/** What follows the dependency's name: "to v3.5.10", or "to the 2021-05-20 snapshot" for a pseudo-version. */
export function versionTarget(display: string): string {
  const date = pseudoVersionDate(display);
  return date ? `to the ${date} snapshot` : `to ${display}`;
}
