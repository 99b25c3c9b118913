import { frontMatterText, readFrontMatter } from "../markdown/front-matter.js";
import { markdownLinks } from "../markdown/links.js";
import { outline } from "../markdown/outline.js";
import { HEADING_ORDER, MERGE_HEADINGS } from "../sections.js";

/** Checks a post against the LWKD style guide. Pure: text in, problems out. */
export interface LintProblem {
  line: number;
  message: string;
}

/** Every section heading, in LWKD order. */
export const SECTION_ORDER = HEADING_ORDER;

/** Wrong spellings and the house spelling they should be. */
const HOUSE_SPELLINGS: Array<[RegExp, string]> = [
  [/\b(?!kubeadm\b)[Kk][Uu][Bb][Ee][Aa][Dd][Mm]\b/g, "kubeadm"],
  [/\b(?!kubectl\b)[Kk][Uu][Bb][Ee][Cc][Tt][Ll]\b/g, "kubectl"],
  // All-lowercase "apiserver" is the component's name; mixed spellings are not.
  [/(?<![-\w])(?!APIserver\b|apiserver\b)[Aa][Pp][Ii][Ss][Ee][Rr][Vv][Ee][Rr]\b/g, "APIserver"],
  [/\b(?!etcd\b)[Ee][Tt][Cc][Dd]\b/g, "etcd"],
  [/\b(?!gRPC\b)[Gg][Rr][Pp][Cc]\b/g, "gRPC"],
  [/\b(?!KEP)[Kk][Ee][Pp]\b/g, "KEP"],
  [/\b(?!Prow\b)[Pp][Rr][Oo][Ww]\b/g, "Prow"],
];

const PR_URL = /^https:\/\/github\.com\/[^/]+\/[^/]+\/pull\/\d+\/?$/;

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
    if (/^\s*[*-] /.test(line) && /\.\s*$/.test(line) && !/\.\.\.\s*$/.test(line)) {
      problems.push({ line: number, message: "bullet ends with a period; LWKD bullets have none" });
    }
    if (section && MERGE_HEADINGS.has(section.name) && /^[*-] /.test(line)) {
      const links = markdownLinks(line);
      if (links.length !== 1) problems.push({ line: number, message: `merge line has ${links.length} links; it needs exactly one, to the PR` });
      else if (!PR_URL.test(links[0]?.url ?? "")) problems.push({ line: number, message: `merge line links to ${links[0]?.url}, not to a pull request` });
    }
    checkSpellings(line, number, problems);
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

function checkSpellings(line: string, number: number, problems: LintProblem[]): void {
  // Code, link targets and comments keep their own spelling.
  const prose = line
    .replace(/`[^`]*`/g, " ")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/<!--.*?-->/g, " ")
    .replace(/https?:\/\/\S+/g, " ");
  for (const [pattern, house] of HOUSE_SPELLINGS) {
    for (const match of prose.matchAll(pattern)) {
      problems.push({ line: number, message: `"${match[0]}" is spelled "${house}" in LWKD` });
    }
  }
}
