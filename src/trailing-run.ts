/**
 * Where the run of `chars` that ends `text` starts (`text.length` when it ends in none). Scanned
 * back from the end: a regular expression such as /[.,]+$/ tries every start of a long run in turn,
 * and a hostile note or URL of a hundred thousand dots takes seconds.
 */
export function trailingRunStart(text: string, chars: ReadonlySet<string>): number {
  let start = text.length;
  while (start > 0 && chars.has(text.charAt(start - 1))) start--;
  return start;
}
