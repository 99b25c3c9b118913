import { frontMatterText, readFrontMatter } from "../markdown/front-matter.js";
import { outline } from "../markdown/outline.js";
import { HEADING_ORDER, MERGE_HEADINGS } from "../sections.js";
import { checkLine } from "./line-rules.js";

/** Checks a post against the LWKD style guide. Pure: text in, problems out. */
export interface LintProblem {
  line: number;
  message: string;
}

/** Every section heading, in LWKD order. */
export const SECTION_ORDER = HEADING_ORDER;

export function lintPost(text: string): LintProblem[] {
  const lines = text.split("\n");
  const problems: LintProblem[] = [];
  const frontMatterEnd = checkFrontMatter(text, problems);
  // The body alone: a front matter's closing --- under its last field would read as a heading.
  const body = outline(lines.slice(frontMatterEnd + 1).join("\n"));
  let section: { name: string; line: number; hasContent: boolean } | null = null;
  let lastOrder = -1;
  let headingEnd = 0;
  const closeSection = () => {
    if (section && !section.hasContent) problems.push({ line: section.line, message: `section "${section.name}" is empty` });
  };
  for (let index = frontMatterEnd + 1; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    const number = index + 1;
    const bodyLine = index - frontMatterEnd;
    if (body.codeLines.has(bodyLine)) {
      if (section) section.hasContent = true;
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
    const bullet = /^\s*[*-] /.test(line);
    const reportsPr = section !== null && MERGE_HEADINGS.has(section.name) && /^[*-] /.test(line);
    for (const message of checkLine(line, { bullet, reportsPr })) problems.push({ line: number, message });
  }
  closeSection();
  return problems;
}

function checkFrontMatter(text: string, problems: LintProblem[]): number {
  const front = readFrontMatter(text);
  if ("problem" in front) {
    const message = front.problem === "missing" ? "no front matter: the post must start with a --- line" : "front matter is not closed with a --- line";
    problems.push({ line: 1, message });
    return -1;
  }
  if (!front.valid) problems.push({ line: 2, message: "front matter is not YAML `key: value` fields" });
  const need: Array<[string, RegExp, string]> = [
    ["layout", /^post$/, "post"],
    ["title", /^Week Ending [A-Z][a-z]+ \d{1,2}, \d{4}$/, "Week Ending July 4, 2021"],
    ["date", /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/, "2021-07-04 22:00:00 -0000"],
    ["slug", /^\d{4}-\d{2}-\d{2}-update$/, "2021-07-04-update"],
  ];
  for (const [key, pattern, example] of need) {
    const value = frontMatterText(front, key);
    if (value === null) {
      if (front.valid) problems.push({ line: 1, message: `front matter has no ${key} (e.g. ${key}: ${example})` });
    } else if (!pattern.test(value)) {
      problems.push({ line: 1, message: `front matter ${key} "${value}" should look like "${example}"` });
    }
  }
  return front.endLine;
}
