/**
 * Orders strings by their UTF-16 code units. Unlike `localeCompare`, the order is the same on every
 * machine whatever its locale, and it costs no ICU collator (about 15 ms to build on first use,
 * most of an offline draft's sorting).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Past this length, Array.prototype.sort's own work area costs less than insertion's quadratic moves.
const SHORT = 16;

/**
 * Sorts in place, stably, as `items.sort(compare)` would. Array.prototype.sort allocates a work
 * area of hundreds of bytes however short the array, and a large week sorts a few features per PR.
 */
export function sortShort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > SHORT) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let at = i;
    for (; at > 0 && compare(items[at - 1] as T, item) > 0; at--) items[at] = items[at - 1] as T;
    items[at] = item;
  }
  return items;
}
