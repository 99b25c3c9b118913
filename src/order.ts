/**
 * Orders strings by their UTF-16 code units. Unlike `localeCompare`, the order is the same on every
 * machine whatever its locale, and it costs no ICU collator (about 15 ms to build on first use,
 * most of an offline draft's sorting).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
