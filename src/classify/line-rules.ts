import { safeUrl } from "../markdown/escape.js";
import { markdownLinks } from "../markdown/links.js";
import type { ClassifiedSection } from "./rules.js";
import { MAX_WORDS, MIN_WORDS } from "./wording.js";
import { capitalizeFirst } from "./words.js";

const LINK = /\[((?:\\.|`[^`]*`|[^\]\\])*)\]\(([^)\s]+)\)/g;
const CODE_SPAN = /(`+)[\s\S]+?\1/g;

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
 * The newsletter's bullet rules, as problems found in one line (empty when it follows them all):
 * one bullet, one link to the PR, no trailing period; sentence sections read as a short sentence.
 */
export function lineProblems(line: string, section: ClassifiedSection, url: string): string[] {
  const problems: string[] = [];
  if (!line.startsWith("* ")) problems.push("does not start with '* '");
  if (line.includes("\n")) problems.push("spans more than one line");
  if (/\.\s*$/.test(line)) problems.push("ends with a period");
  const links = markdownLinks(line);
  if (links.length !== 1) problems.push(`has ${links.length} links instead of one`);
  else if (links[0]?.url !== safeUrl(url)) problems.push(`links to ${links[0]?.url} instead of the PR`);
  if (links.some((link) => link.label.trim() === "")) problems.push("has an empty link label");

  if (section === "promotions" && !/^\* \[[^\]]+ (?:to (?:Beta|GA)|(?:is|are) beta and on by default)\]\([^)]+\)$/.test(line)) {
    problems.push("is not '* [Feature to Beta|GA](url)'");
  }
  if (section === "version_updates" && !/^\* \[[^\]]+ to (?:v?\d|the \d{4}-\d{2}-\d{2} snapshot)[^\]]*\]\([^)]+\)$/.test(line)) {
    problems.push("is not '* [dependency to vX.Y.Z](url)'");
  }
  if (section === "other_merges" || section === "deprecated") {
    const words = visibleWords(line);
    if (words.length < MIN_WORDS || words.length > MAX_WORDS) problems.push(`has ${words.length} words, not ${MIN_WORDS}–${MAX_WORDS}`);
    const text = line.slice(2).replace(/^\[/, "");
    if (!text.startsWith("`") && capitalizeFirst(text) !== text) problems.push("is not in sentence case");
  }
  return problems;
}
