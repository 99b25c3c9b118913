import type { Nodes } from "mdast";
import type { ClassifiedSection } from "../classify/rules.js";
import { capitalizeFirst } from "../classify/words.js";
import { safeUrl } from "../markdown/escape.js";
import { HOUSE_SPELLINGS } from "../house-spellings.js";
import { markdownLinks } from "../markdown/links.js";
import { readMarkdown } from "../parsers.js";

/** A bullet short enough to read at a glance and long enough to say what changed (editors' lines run 3–15 words). */
const LINE_WORDS = { min: 3, max: 15 } as const;

/** What is known about a line where it is checked: a post's line in `lint`, or a drafted entry in eval. */
export interface LineContext {
  /** A list item. */
  bullet: boolean;
  /** A bullet that reports one merged PR: a merge section's item in a post, or any drafted entry. */
  reportsPr: boolean;
  /** The PR the line must link to, when known (a drafted entry). */
  url?: string;
  /**
   * The generated section of a drafted entry. The tool's own shapes for each section (word counts,
   * "Feature to beta") hold only for what it drafts: editors' lines in a post may read otherwise.
   */
  section?: ClassifiedSection;
}

/**
 * One rule of the LWKD house style for a single line. `check` gives the problems, each worded as
 * `lint` prints it, and none when the rule holds or does not apply to the line.
 */
export interface LineRule {
  id: string;
  check(line: string, context: LineContext): string[];
}

const PR_URL = /^https:\/\/github\.com\/[^/]+\/[^/]+\/pull\/\d+\/?$/;
const LINK = /\[((?:\\.|`[^`]*`|[^\]\\])*)\]\(([^)\s]+)\)/g;
const CODE_SPAN = /(`+)[\s\S]+?\1/g;

/** Wrong spellings of the enforced house names: any case but the right ones, as a whole word. */
const WRONG_SPELLINGS: Array<[RegExp, string]> = HOUSE_SPELLINGS.filter(({ enforced }) => enforced).map(({ house, alsoRight }) => {
  // Node 20 has no inline (?i:…): the lookahead must stay case-sensitive while the word is not.
  const anyCase = [...house].map((char) => (/[a-z]/i.test(char) ? `[${char.toUpperCase()}${char.toLowerCase()}]` : `\\${char}`)).join("");
  const right = [house, ...(alsoRight ?? [])].map((form) => `${form}\\b`).join("|");
  // "kube-apiserver" is a binary's name; only a standalone word is the house name. And in
  // "kep.yaml" or "prow.k8s.io" the word is part of a file or host name, which keeps its own case.
  const start = alsoRight ? "(?<![-\\w./])" : "(?<![./])\\b";
  return [new RegExp(`${start}(?!${right})${anyCase}\\b(?!\\.\\w)`, "g"), house];
});

const TITLED_API_SERVER = /\b(?:API|Api|api) Server\b/g;

/** The words a reader sees: links reduced to their labels, each code span one word. */
export function visibleWords(line: string): string[] {
  return line
    .replace(/^\* /, "")
    .replace(CODE_SPAN, "CODE")
    .replace(LINK, "$1")
    .split(/\s+/)
    .filter((word) => word !== "");
}

/**
 * The words of a line that the house spellings hold: its text as a reader sees it, less code,
 * HTML, link targets and bare URLs. Link labels too in a post: an editor's label often quotes what
 * it links as that page spells it ("new APIServer tracing requests"). A drafted entry's label is
 * the tool's own wording, and is held to the house style.
 */
function proseOf(line: string, withLabels: boolean): string {
  const parts: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === "text") parts.push(node.value);
    else if (node.type === "inlineCode" || node.type === "html" || node.type === "code" || node.type === "image" || node.type === "imageReference") parts.push(" ");
    // A bare URL or address is a link too, but its text is no label.
    else if ((node.type === "link" || node.type === "linkReference") && !(withLabels && text.charAt(node.position?.start.offset ?? -1) === "[")) parts.push(" ");
    else if ("children" in node) for (const child of node.children) visit(child);
  };
  const text = line.slice(0, MAX_LINE);
  visit(readMarkdown(text));
  return parts.join("");
}

// A line of a post is under 300 characters; the cap bounds the parser's work on anything else.
const MAX_LINE = 4000;

const problem = (found: boolean, message: string): string[] => (found ? [message] : []);
const isSentenceSection = (section: ClassifiedSection | undefined): boolean => section === "other_merges" || section === "deprecated";

export const LINE_RULES: readonly LineRule[] = [
  {
    id: "bullet-marker",
    check: (line, { section }) => problem(section !== undefined && !line.startsWith("* "), "does not start with '* '"),
  },
  {
    id: "one-line",
    check: (line, { section }) => problem(section !== undefined && line.includes("\n"), "spans more than one line"),
  },
  {
    id: "no-period",
    // An ellipsis is a cut, not the end of a sentence.
    check: (line, { bullet }) => problem(bullet && /\.\s*$/.test(line) && !/\.\.\.\s*$/.test(line), "bullet ends with a period; LWKD bullets have none"),
  },
  {
    id: "one-link-to-the-pr",
    check: (line, { reportsPr, url }) => {
      if (!reportsPr) return [];
      const links = markdownLinks(line);
      if (links.length !== 1) return [`merge line has ${links.length} links; it needs exactly one, to the PR`];
      const target = links[0]?.url ?? "";
      if (url !== undefined) return problem(target !== safeUrl(url), `merge line links to ${target}, not to its PR ${url}`);
      return problem(!PR_URL.test(target), `merge line links to ${target}, not to a pull request`);
    },
  },
  {
    id: "link-label",
    check: (line, { reportsPr }) => problem(reportsPr && markdownLinks(line).some((link) => link.label.trim() === ""), "merge line has a link with an empty label"),
  },
  {
    id: "promotion-shape",
    check: (line, { section }) =>
      problem(
        section === "promotions" && !/^\* \[[^\]]+ (?:to (?:beta|GA)|(?:is|are) beta and on by default)\]\([^)]+\)$/.test(line),
        "is not '* [Feature to beta|GA](url)'",
      ),
  },
  {
    id: "version-shape",
    check: (line, { section }) =>
      problem(
        section === "version_updates" && !/^\* \[[^\]]+ to (?:v?\d|the \d{4}-\d{2}-\d{2} snapshot)[^\]]*\]\([^)]+\)$/.test(line),
        "is not '* [dependency to vX.Y.Z](url)'",
      ),
  },
  {
    id: "word-count",
    check: (line, { section }) => {
      if (!isSentenceSection(section)) return [];
      const words = visibleWords(line).length;
      return problem(words < LINE_WORDS.min || words > LINE_WORDS.max, `has ${words} words, not ${LINE_WORDS.min}–${LINE_WORDS.max}`);
    },
  },
  {
    id: "sentence-case",
    check: (line, { section }) => {
      if (!isSentenceSection(section)) return [];
      const text = line.slice(2).replace(/^\[/, "");
      return problem(!text.startsWith("`") && capitalizeFirst(text) !== text, "is not in sentence case");
    },
  },
  {
    id: "house-spelling",
    check: (line, { section }) => {
      // Code, links (in a post) and comments keep their own spelling.
      const prose = proseOf(line, section !== undefined);
      const words = WRONG_SPELLINGS.flatMap(([pattern, house]) => [...prose.matchAll(pattern)].map((match) => `"${match[0]}" is spelled "${house}" in LWKD`));
      // "API Server" in title case is the kube-apiserver named carelessly; "API server" is a fair phrase.
      return [...words, ...[...prose.matchAll(TITLED_API_SERVER)].map((match) => `"${match[0]}" is spelled "APIserver" in LWKD`)];
    },
  },
];

/** Every rule's problems with one line, in the rules' order. Needs `loadMarkdown()` to have finished. */
export function checkLine(line: string, context: LineContext): string[] {
  return LINE_RULES.flatMap((rule) => rule.check(line, context));
}

/** A drafted entry's problems: held to the house style and to its section's shape. */
export function lineProblems(line: string, section: ClassifiedSection, url: string): string[] {
  return checkLine(line, { bullet: true, reportsPr: true, url, section });
}
