/**
 * `record[key]` for keys that come from GitHub, a config or an input file: only the record's own
 * entries, never what Object.prototype has under "constructor", "toString" or "__proto__".
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
