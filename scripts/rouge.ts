/**
 * Word-level ROUGE-L F1 between a drafted line and the editors' line, as the issue defines it:
 * word tokens in lower case, with links reduced to their labels and backticks and emphasis stripped.
 */
export function rougeTokens(line: string): string[] {
  return line
    .replace(/^\s*[*-]\s+/, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_~]/g, " ")
    .toLowerCase()
    .match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? [];
}

function lcs(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const word of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) current[j] = word === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export function rougeL(candidate: string, reference: string): number {
  const a = rougeTokens(candidate);
  const b = rougeTokens(reference);
  const common = lcs(a, b);
  if (common === 0) return 0;
  const precision = common / a.length;
  const recall = common / b.length;
  return (2 * precision * recall) / (precision + recall);
}
