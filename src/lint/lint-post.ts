import { frontMatterText, readFrontMatter, slugWeek } from "../markdown/front-matter.js";
import { frontMatterUtc, isCalendarDate } from "../week.js";
import { outline, type OutlineComment } from "../markdown/outline.js";
import { toolComment } from "../markdown/tool-comments.js";
import { HEADING_ORDER, MERGE_HEADINGS, SECTIONS } from "../sections.js";
import { DEFAULT_TITLE_DATE_FORMAT, formatTitleDate, readTitleDate, TITLE_PREFIX } from "../title-date.js";
import { checkLine } from "./line-rules.js";
import { withoutByteOrderMark } from "../byte-order-mark.js";

/** Checks a post against the LWKD style guide. Pure: text in, problems out. */
export interface LintProblem {
  line: number;
  message: string;
  /**
   * Work left for the editor rather than a fault: a `TODO(editor)`, a note or the markers of the
   * tool, a hand-written section still empty. `lint --draft` accepts these.
   */
  unfinished?: true;
}

export interface LintOptions {
  /** The date-fns pattern of the title's date (config `titleDateFormat`). */
  titleDateFormat?: string;
}

/** Every section heading, in LWKD order. */
export const SECTION_ORDER = HEADING_ORDER;

/** The headings of the sections editors write (Featured PRs included): empty, they are unfinished. */
const HAND_WRITTEN: ReadonlySet<string> = new Set(
  SECTIONS.filter((row) => row.line === "editor" || row.line === "featured").flatMap((row) => [row.heading, ...row.otherHeadings]),
);

const TODO = "TODO(editor)";

/** The first pull request a bullet links: its repository and number. */
const PULL_LINK = /\]\(https:\/\/github\.com\/([A-Za-z0-9-]+\/[A-Za-z0-9._-]+)\/pull\/(\d+)\/?\)/;

/** Lines may end in CRLF, and the file may start with a byte order mark: line numbers stay the file's. */
export function lintPost(input: string, options: LintOptions = {}): LintProblem[] {
  const text = withoutByteOrderMark(input).replace(/\r\n/g, "\n");
  const lines = text.split("\n");
  const problems: LintProblem[] = [];
  const frontMatterEnd = checkFrontMatter(text, options.titleDateFormat ?? DEFAULT_TITLE_DATE_FORMAT, problems);
  // The body alone: a front matter's closing --- under its last field would read as a heading.
  const body = outline(lines.slice(frontMatterEnd + 1).join("\n"));
  const commentAt = new Map<number, OutlineComment>();
  for (const comment of body.comments) for (let line = comment.start; line <= comment.end; line += 1) commentAt.set(line, comment);
  let section: { name: string; line: number; hasContent: boolean } | null = null;
  let lastOrder = -1;
  let headingEnd = 0;
  let markersReported = false;
  /** Where each PR was first listed: a second bullet for it is a paste or a merge gone wrong. */
  const listedAt = new Map<string, number>();
  const closeSection = () => {
    if (!section || section.hasContent) return;
    if (HAND_WRITTEN.has(section.name)) {
      problems.push({ line: section.line, message: `section "${section.name}" is empty: write it, or delete the heading`, unfinished: true });
    } else {
      problems.push({ line: section.line, message: `section "${section.name}" is empty` });
    }
  };
  for (let index = frontMatterEnd + 1; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    const number = index + 1;
    const bodyLine = index - frontMatterEnd;
    if (body.codeLines.has(bodyLine)) {
      if (section) section.hasContent = true;
      continue;
    }
    // A comment is no content and no prose: only the tool's own are reported, once each.
    const comment = commentAt.get(bodyLine);
    if (comment) {
      const tool = comment.start === bodyLine ? toolComment(comment.value) : null;
      if (tool?.kind === "note") {
        problems.push({ line: number, message: `the k8s-weekly note "${tool.name}" is still in the post: use it, then delete it or run k8s-weekly finalize`, unfinished: true });
      } else if (tool?.kind === "marker" && !markersReported) {
        problems.push({ line: number, message: "the k8s-weekly markers are still in the post: k8s-weekly finalize removes them", unfinished: true });
        markersReported = true;
      }
      continue;
    }
    const found = body.headings.get(bodyLine);
    if (found?.depth === 2 && found.text !== "") {
      closeSection();
      section = { name: found.text, line: number, hasContent: false };
      const order = SECTION_ORDER.indexOf(found.text);
      if (order >= 0) {
        if (order < lastOrder) problems.push({ line: number, message: `section "${found.text}" is out of order (LWKD order: ${SECTION_ORDER.join(", ")})` });
        lastOrder = Math.max(lastOrder, order);
      }
      headingEnd = found.endLine;
      continue;
    }
    if (bodyLine <= headingEnd) continue;
    if (section && line.trim() !== "" && !/^<!--.*-->$/.test(line.trim())) section.hasContent = true;
    if (line.replace(/`[^`]*`/g, "").includes(TODO)) problems.push({ line: number, message: `${TODO} left: write this part, or delete it`, unfinished: true });
    const bullet = /^\s*[*-] /.test(line);
    const reportsPr = section !== null && MERGE_HEADINGS.has(section.name) && /^[*-] /.test(line);
    for (const message of checkLine(line, { bullet, reportsPr })) problems.push({ line: number, message });
    const pull = reportsPr ? line.match(PULL_LINK) : null;
    if (pull) {
      const key = `${pull[1]?.toLowerCase()}#${pull[2]}`;
      const first = listedAt.get(key);
      if (first === undefined) listedAt.set(key, number);
      else problems.push({ line: number, message: `${key} is listed again (first on line ${first}): keep one of the two lines` });
    }
  }
  closeSection();
  // Only an empty section is reported when it ends: a post with none at all would pass.
  if (![...body.headings.values()].some((heading) => heading.depth === 2 && heading.text !== "")) problems.push({ line: Math.min(frontMatterEnd + 2, lines.length), message: "the post has no sections (## headings): draft it with k8s-weekly draft, or write them" });
  // Sections report their emptiness when they end: in line order, the file reads top to bottom.
  return problems.map((problem, order) => ({ problem, order })).sort((a, b) => a.problem.line - b.problem.line || a.order - b.order).map(({ problem }) => problem);
}

const DAY_MS = 24 * 60 * 60 * 1000;

function checkFrontMatter(text: string, titleDateFormat: string, problems: LintProblem[]): number {
  const front = readFrontMatter(text);
  if ("problem" in front) {
    const message = front.problem === "missing" ? "no front matter: the post must start with a --- line" : "front matter is not closed with a --- line";
    problems.push({ line: 1, message });
    return -1;
  }
  if (!front.valid) problems.push({ line: 2, message: "front matter is not YAML `key: value` fields" });
  // The title's date is read with the config's pattern, near the slug's day when it has one.
  const sunday = slugWeek(front) ?? "2021-07-04";
  const isTitle = (value: string) => value.startsWith(TITLE_PREFIX) && readTitleDate(value.slice(TITLE_PREFIX.length), titleDateFormat, sunday) !== null;
  const need: Array<[string, (value: string) => boolean, string]> = [
    ["layout", (value) => value === "post", "post"],
    ["title", isTitle, `${TITLE_PREFIX}${formatTitleDate(sunday, titleDateFormat)}`],
    ["date", (value) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/.test(value), "2021-07-04 22:00:00 -0000"],
    ["slug", (value) => /^\d{4}-\d{2}-\d{2}-update$/.test(value), "2021-07-04-update"],
  ];
  for (const [key, valid, example] of need) {
    const value = frontMatterText(front, key);
    if (value === null) {
      if (front.valid) problems.push({ line: 1, message: `front matter has no ${key} (e.g. ${key}: ${example})` });
    } else if (!valid(value)) {
      problems.push({ line: 1, message: `front matter ${key} "${value}" should look like "${example}"` });
    }
  }
  // A post copied from last week's keeps one of the two dates: the title and the slug name one week.
  const title = frontMatterText(front, "title");
  const slug = slugWeek(front);
  const titleDay = title !== null && slug !== undefined && isTitle(title) ? readTitleDate(title.slice(TITLE_PREFIX.length), titleDateFormat, slug) : null;
  if (titleDay !== null && slug !== undefined && titleDay !== slug) {
    problems.push({ line: 1, message: `front matter title "${title}" names the week ending ${titleDay}, but the slug names ${slug}; make them the same week` });
  }
  // A post goes out after its week begins: a date before its Monday is last week's, left in a copy.
  // The week begins at midnight UTC, as draft --date counts it: an offset can move the day back.
  const written = frontMatterText(front, "date")?.trim();
  const utc = written === undefined ? null : frontMatterUtc(written);
  const date = utc?.slice(0, 10) ?? written?.match(/^\d{4}-\d{2}-\d{2}/)?.[0];
  const monday = slug !== undefined && isCalendarDate(slug) ? new Date(Date.parse(`${slug}T00:00:00Z`) - 6 * DAY_MS).toISOString().slice(0, 10) : undefined;
  if (date !== undefined && monday !== undefined && date < monday) {
    const what = utc !== null && written !== undefined && !written.startsWith(date) ? `${written} is ${utc} in UTC,` : `${date} is`;
    problems.push({ line: 1, message: `front matter date ${what} before the week ending ${slug} begins (${monday}); give the day the post goes out` });
  }
  return front.endLine;
}
