import { isUnchangedNote, noteBlocks } from "../markdown/tool-notes.js";
import { beginMarker, findRegions, KNOWN, lineHash, lineKey, type Region } from "../render/markers.js";
import { SECTIONS } from "../sections.js";

export class MarkerError extends Error {}

/** A line of the merged body: `tool` when the tool wrote it on this run, `owned` the page it then owns. */
interface BodyLine {
  text: string;
  tool: boolean;
  owned: string | null;
}

/**
 * Refreshes the marked sections and the tool's notes of an edited post from a new render, and keeps
 * every other byte. Only lines the tool owns (unchanged since it wrote them, in the section it wrote them to)
 * follow the render; every other line is the editor's and stays where it is, on every later run.
 * A page the post once linked and no longer does was deleted by the editor and is not re-added,
 * and a page the editor's lines link is not added again where the tool would put it.
 */
export function updatePost(edited: string, rendered: string): string {
  // Lines keep their own ends; lines the tool writes take the file's: CRLF when most of its lines
  // end so, not when a few pasted lines do.
  const rawLines = edited.split("\n");
  const crlfLines = rawLines.reduce((count, line) => count + (line.endsWith("\r") ? 1 : 0), 0);
  const cr = crlfLines * 2 > rawLines.length - 1 ? "\r" : "";
  const editedLines = rawLines.map((line) => line.replace(/\r$/, ""));
  const renderedLines = rendered.split("\n").map((line) => line.replace(/\r$/, ""));
  const editedRegions = regionsOf(editedLines, "the file");
  const allRendered = regionsOf(renderedLines, "the new draft");
  // An editor may remove a section, markers and all: the tool then has no place for its lines. What
  // is left must be the template's sections, in the template's order.
  const places = editedRegions.map((region) => allRendered.findIndex((rendered) => rendered.section === region.section));
  if (editedRegions.length === 0 || places.some((place, i) => place < 0 || (i > 0 && place <= (places[i - 1] ?? -1)))) {
    const editedOrder = editedRegions.map((region) => region.section).join(", ");
    const renderedOrder = allRendered.map((region) => region.section).join(", ");
    throw new MarkerError(`its k8s-weekly markers (${editedOrder || "none"}) do not match the template's (${renderedOrder}): markers are unknown or out of order`);
  }
  // The draft's region for each of the file's, in the file's order.
  const renderedRegions = allRendered.filter((_, place) => places.includes(place));
  const renderedBodies = renderedRegions.map((region) => renderedLines.slice(region.begin + 1, region.end));
  const plan = planKeys(editedLines, editedRegions, renderedBodies);

  const bodies = editedRegions.map((region, index) =>
    mergeSection(region, rawLines.slice(region.begin + 1, region.end), renderedBodies[index] as string[], plan),
  );
  const knownBySection = placeKnownKeys(editedLines, editedRegions, bodies, plan);

  const output: string[] = [];
  let copiedUpTo = 0;
  editedRegions.forEach((region, index) => {
    const rendered = renderedRegions[index] as Region;
    if (rendered.unread) {
      // This run knows nothing of the section (no releases read): what the file has stays, markers too.
      output.push(...rawLines.slice(copiedUpTo, region.end + 1));
      copiedUpTo = region.end + 1;
      return;
    }
    const body = withoutBareHeading(bodies[index] as BodyLine[], region.section, renderedBodies[index] as string[]);
    const state = new Map<string, string>();
    for (const line of body) if (line.owned !== null) state.set(line.owned, lineHash(line.text));
    for (const key of knownBySection[index] ?? []) state.set(key, KNOWN);
    const beginEnd = /\r$/.test(rawLines[region.begin] as string) ? "\r" : "";
    // The section now holds this run's window, which the new render's marker records.
    output.push(
      ...rawLines.slice(copiedUpTo, region.begin),
      `${beginMarker(region.section, state, rendered.through === undefined ? {} : { through: rendered.through })}${beginEnd}`,
      ...body.map((line) => (line.tool ? `${line.text}${cr}` : line.text)),
      rawLines[region.end] as string,
    );
    copiedUpTo = region.end + 1;
  });
  output.push(...rawLines.slice(copiedUpTo));
  const unread = new Set(allRendered.filter((region) => region.unread).map((region) => region.section));
  return refreshNotes(output, renderedLines, cr, unread).join("\n");
}

/**
 * The sections the new draft has lines for that the post no longer has markers for (the editor
 * removed them): `--update` has nowhere to put those lines, and says so.
 */
export function sectionsLeftOut(edited: string, rendered: string): Array<{ section: string; lines: number }> {
  const kept = new Set(regionsOf(edited.split("\n"), "the file").map((region) => region.section));
  const renderedLines = rendered.split("\n");
  return regionsOf(renderedLines, "the new draft")
    .filter((region) => !kept.has(region.section))
    .map((region) => ({ section: region.section, lines: renderedLines.slice(region.begin + 1, region.end).filter((line) => lineKey(line) !== null).length }))
    .filter((left) => left.lines > 0);
}

interface PlacedNote {
  /** The marked section the note stands in, or "" outside them. */
  section: string;
  /** Its section, title and occurrence there: what finds the same note in another render. */
  key: string;
  start: number;
  end: number;
}

/**
 * The notes the tool leaves for the editor (`<!-- k8s-weekly featured candidates: ... -->`) follow
 * the new render while they are exactly what the tool wrote (their stamp says so): each is replaced
 * by this run's of the same place. A note the editor wrote in, trimmed or unclosed is theirs and
 * stays; so does one this run renders none of, since a run without a token or with --input reads
 * no candidates; a deleted one is not brought back; nor is a note in a section this run did not read.
 */
function refreshNotes(lines: string[], renderedLines: readonly string[], cr: string, unread: ReadonlySet<string>): string[] {
  const fresh = new Map(placedNotes(renderedLines).map((note) => [note.key, renderedLines.slice(note.start, note.end + 1)]));
  const out: string[] = [];
  let copied = 0;
  for (const note of placedNotes(lines)) {
    if (unread.has(note.section) || !isUnchangedNote(lines.slice(note.start, note.end + 1))) continue;
    // A run without the note's data (no token, --input) renders none: the note stays as it was.
    const replacement = fresh.get(note.key);
    if (!replacement) continue;
    out.push(...lines.slice(copied, note.start), ...replacement.map((line) => `${line}${cr}`));
    copied = note.end + 1;
  }
  out.push(...lines.slice(copied));
  return out;
}

/** The tool's notes of a post, keyed by where they stand. */
function placedNotes(lines: readonly string[]): PlacedNote[] {
  const regions = findRegions(lines);
  const seen = new Map<string, number>();
  return noteBlocks(lines).map(({ name, start, end }) => {
    const section = regions.find((region) => region.begin < start && end < region.end)?.section ?? "";
    const place = `${section}\n${name}`;
    const occurrence = seen.get(place) ?? 0;
    seen.set(place, occurrence + 1);
    return { section, key: `${place}\n${occurrence}`, start, end };
  });
}

/**
 * A section whose every line the editor deleted, and to which the run adds none, would keep the
 * heading the tool wrote over nothing: an empty section that `lint` rightly reports. The heading
 * goes with its lines; one with anything else under it stays.
 */
function withoutBareHeading(body: BodyLine[], section: string, renderedBody: readonly string[]): BodyLine[] {
  const toolHeadings = new Set(renderedBody.filter((line) => HEADING.test(line)).map((line) => line.trim()));
  const heading = SECTIONS.find((row) => row.key === section)?.heading;
  if (heading !== undefined) toolHeadings.add(`## ${heading}`);
  const content = body.map((line) => line.text.trim()).filter((text) => text !== "");
  return content.length > 0 && content.every((text) => toolHeadings.has(text)) ? [] : body;
}

const HEADING = /^#{1,6}[ \t]/;

function regionsOf(lines: string[], what: string): Region[] {
  try {
    return findRegions(lines);
  } catch (error) {
    throw new MarkerError(`${what} has broken k8s-weekly markers: ${(error as Error).message}`);
  }
}

interface KeyPlan {
  /** Whether the line at this index of the file is one the tool owns. */
  ownedAt: (index: number) => boolean;
  /** Pages that lines the editor owns link, anywhere in the file: the tool never adds them. */
  editorKeys: Set<string>;
  /** Pages the markers recorded before this run. */
  known: Set<string>;
  /** Pages linked by lines the tool owns, in any section: the render may move them. */
  ownedKeys: Set<string>;
  /** Every page the new render lists, in any section. */
  renderedKeys: Set<string>;
}

function planKeys(lines: readonly string[], regions: readonly Region[], renderedBodies: readonly string[][]): KeyPlan {
  const owned = new Set<number>();
  const ownedKeys = new Set<string>();
  const known = new Set<string>();
  for (const region of regions) {
    for (const key of region.state.keys()) known.add(key);
    for (let index = region.begin + 1; index < region.end; index += 1) {
      const line = lines[index] as string;
      const key = lineKey(line);
      if (key !== null && region.state.get(key) === lineHash(line)) {
        owned.add(index);
        ownedKeys.add(key);
      }
    }
  }
  const editorKeys = new Set<string>();
  lines.forEach((line, index) => {
    const key = lineKey(line);
    if (key !== null && !owned.has(index)) editorKeys.add(key);
  });
  const renderedKeys = new Set(renderedBodies.flat().map(lineKey).filter((key): key is string => key !== null));
  return { ownedAt: (index) => owned.has(index), editorKeys, known, ownedKeys, renderedKeys };
}

function mergeSection(region: Region, rawBody: readonly string[], renderedBody: readonly string[], plan: KeyPlan): BodyLine[] {
  const renderedLineOf = new Map<string, string>();
  for (const line of renderedBody) {
    const key = lineKey(line);
    if (key && !renderedLineOf.has(key)) renderedLineOf.set(key, line);
  }
  // A new page, or one the tool owns elsewhere and the render now puts here; never one the
  // editor links or deleted.
  const mayAdd = (key: string) => !plan.editorKeys.has(key) && (!plan.known.has(key) || plan.ownedKeys.has(key));

  if (rawBody.every((line) => line.trim() === "")) {
    // The section was empty: take the render whole (its heading too), less what may not be added.
    const lines = renderedBody.flatMap((line): BodyLine[] => {
      const key = lineKey(line);
      if (key === null) return [{ text: line, tool: true, owned: null }];
      return mayAdd(key) ? [{ text: line, tool: true, owned: key }] : [];
    });
    return lines.some((line) => line.owned !== null) ? lines : rawBody.map((text) => ({ text, tool: false, owned: null }));
  }

  const lines: BodyLine[] = [];
  rawBody.forEach((raw, offset) => {
    const index = region.begin + 1 + offset;
    const key = lineKey(raw);
    if (key === null || !plan.ownedAt(index)) {
      lines.push({ text: raw, tool: false, owned: null });
    } else if (renderedLineOf.has(key)) {
      lines.push({ text: renderedLineOf.get(key) as string, tool: true, owned: key });
    }
    // An owned line the render no longer has here moved to another section or left the week.
  });
  const present = new Set(lines.map((line) => lineKey(line.text)).filter((key): key is string => key !== null));
  let previousKey: string | null = null;
  let added = false;
  for (const [key, line] of renderedLineOf) {
    if (!present.has(key) && mayAdd(key)) {
      lines.splice(insertionIndex(lines, previousKey), 0, { text: line, tool: true, owned: key });
      present.add(key);
      added = true;
    }
    if (present.has(key)) previousKey = key;
  }
  // An empty section is drafted without its heading, and the editor may then type a line into it.
  // The tool's first line there brings the heading, or both would read as the section above's. A
  // section the tool filled before had its heading: if it has none now, the editor removed it.
  if (added && region.state.size === 0 && !lines.some((line) => HEADING.test(line.text))) {
    const firstPrLine = renderedBody.findIndex((line) => lineKey(line) !== null);
    const heading = renderedBody.slice(0, Math.max(0, firstPrLine)).map((text) => ({ text, tool: true, owned: null }));
    if (heading.some((line) => HEADING.test(line.text))) lines.unshift(...heading);
  }
  return lines;
}

function insertionIndex(lines: readonly BodyLine[], afterKey: string | null): number {
  if (afterKey !== null) {
    const at = lines.findIndex((line) => lineKey(line.text) === afterKey);
    if (at >= 0) return at + 1;
  }
  // A line the editor typed at the top stays at the top: what comes first in the render goes
  // before the tool's first line, or after the editor's when the tool has none here yet.
  const firstOwned = lines.findIndex((line) => line.owned !== null);
  if (firstOwned >= 0) return firstOwned;
  let lastText = lines.length - 1;
  while (lastText >= 0 && (lines[lastText]?.text ?? "").trim() === "") lastText -= 1;
  return lastText + 1;
}

/**
 * Every page that stays known but is not owned after this run, by the section whose marker
 * records it: the section of the editor's line linking it, else the one that recorded it, else
 * the first. Known pages stay recorded so that deleting their line later is remembered; a page
 * whose owned line the tool dropped, that nobody else links, is forgotten so it may come back.
 */
function placeKnownKeys(lines: readonly string[], regions: readonly Region[], bodies: readonly BodyLine[][], plan: KeyPlan): string[][] {
  const ownedNow = new Set(bodies.flat().flatMap((line) => (line.owned !== null ? [line.owned] : [])));
  const placed = new Map<string, number>();
  const place = (key: string, section: number) => {
    if (!ownedNow.has(key) && !placed.has(key)) placed.set(key, section);
  };
  bodies.forEach((body, section) => {
    for (const line of body) {
      const key = lineKey(line.text);
      if (key !== null && line.owned === null) place(key, section);
    }
  });
  regions.forEach((region, section) => {
    for (const key of region.state.keys()) {
      const dropped = plan.ownedKeys.has(key) && !plan.renderedKeys.has(key) && !plan.editorKeys.has(key);
      if (!dropped) place(key, section);
    }
  });
  // A PR line the editor moved out of the marked sections (into Featured PRs, say).
  const inRegions = (index: number) => regions.some((region) => region.begin < index && index < region.end);
  lines.forEach((line, index) => {
    const key = lineKey(line);
    if (key !== null && !inRegions(index) && plan.renderedKeys.has(key)) place(key, 0);
  });
  const bySection = regions.map((): string[] => []);
  for (const [key, section] of placed) bySection[section]?.push(key);
  return bySection.map((keys) => keys.sort());
}
