import { beginMarker, findRegions, lineHash, lineKey, stateOfLines, type Region } from "../render/markers.js";

export class MarkerError extends Error {}

/**
 * Refreshes the marked sections of an edited post from a new render and keeps every byte outside
 * them. Inside: lines the editor changed stay as written, lines the editor deleted stay deleted,
 * untouched lines follow the new render, and new PRs are inserted where the render puts them.
 */
export function updatePost(edited: string, rendered: string): string {
  const editedLines = edited.split("\n");
  const renderedLines = rendered.split("\n");
  const editedRegions = regionsOf(editedLines, "the file");
  const renderedRegions = regionsOf(renderedLines, "the new draft");
  const editedOrder = editedRegions.map((region) => region.section).join(", ");
  const renderedOrder = renderedRegions.map((region) => region.section).join(", ");
  if (editedOrder !== renderedOrder) {
    throw new MarkerError(
      `its k8s-weekly markers (${editedOrder || "none"}) do not match the template's (${renderedOrder}): markers are missing or out of order`,
    );
  }
  const output: string[] = [];
  let copiedUpTo = 0;
  editedRegions.forEach((region, index) => {
    const fresh = renderedRegions[index] as Region;
    output.push(...editedLines.slice(copiedUpTo, region.begin));
    const body = mergeSection(
      editedLines.slice(region.begin + 1, region.end),
      region.state,
      renderedLines.slice(fresh.begin + 1, fresh.end),
    );
    output.push(beginMarker(region.section, body.state), ...body.lines, editedLines[region.end] as string);
    copiedUpTo = region.end + 1;
  });
  output.push(...editedLines.slice(copiedUpTo));
  return output.join("\n");
}

function regionsOf(lines: string[], what: string): Region[] {
  try {
    return findRegions(lines);
  } catch (error) {
    throw new MarkerError(`${what} has broken k8s-weekly markers: ${(error as Error).message}`);
  }
}

function mergeSection(
  editedBody: readonly string[],
  recorded: ReadonlyMap<string, string>,
  renderedBody: readonly string[],
): { lines: string[]; state: Map<string, string> } {
  const renderedState = stateOfLines(renderedBody);
  const renderedLineOf = new Map<string, string>();
  for (const line of renderedBody) {
    const key = lineKey(line);
    if (key && !renderedLineOf.has(key)) renderedLineOf.set(key, line);
  }
  const isNew = (key: string) => !recorded.has(key);

  if (editedBody.every((line) => line.trim() === "")) {
    // The section was empty: take the render whole, less what the editor deleted earlier.
    const lines = renderedBody.filter((line) => {
      const key = lineKey(line);
      return key === null || isNew(key);
    });
    const kept = lines.some((line) => lineKey(line) !== null) ? lines : [];
    return { lines: kept, state: mergedState(recorded, renderedState, kept) };
  }

  const lines: string[] = [];
  for (const line of editedBody) {
    const key = lineKey(line);
    const untouched = key !== null && recorded.get(key) === lineHash(line);
    if (key === null || !untouched) {
      lines.push(line);
    } else if (renderedLineOf.has(key)) {
      lines.push(renderedLineOf.get(key) as string);
    }
    // An untouched line the render no longer has moved to another section or left the week.
  }
  const present = new Set(lines.map(lineKey).filter((key): key is string => key !== null));
  let previousKey: string | null = null;
  for (const [key, line] of renderedLineOf) {
    if (isNew(key) && !present.has(key)) {
      lines.splice(insertionIndex(lines, previousKey), 0, line);
      present.add(key);
    }
    if (present.has(key)) previousKey = key;
  }
  return { lines, state: mergedState(recorded, renderedState, lines) };
}

function insertionIndex(lines: readonly string[], afterKey: string | null): number {
  if (afterKey !== null) {
    const at = lines.findIndex((line) => lineKey(line) === afterKey);
    if (at >= 0) return at + 1;
  }
  const firstPrLine = lines.findIndex((line) => lineKey(line) !== null);
  if (firstPrLine >= 0) return firstPrLine;
  let lastText = lines.length - 1;
  while (lastText >= 0 && (lines[lastText] ?? "").trim() === "") lastText -= 1;
  return lastText + 1;
}

/** Everything generated so far stays recorded, so a line the editor deleted is never re-added. */
function mergedState(
  recorded: ReadonlyMap<string, string>,
  rendered: ReadonlyMap<string, string>,
  lines: readonly string[],
): Map<string, string> {
  const state = new Map(recorded);
  for (const [key, hash] of rendered) state.set(key, hash);
  for (const line of lines) {
    const key = lineKey(line);
    if (key && !state.has(key)) state.set(key, lineHash(line));
  }
  return state;
}
