import { withoutHtmlComments } from "../markdown/tool-comments.js";
import { SECTIONS } from "../sections.js";
import { trailingRunStart } from "../trailing-run.js";
import type { PostView } from "./view-model.js";

/** A section of the draft with entries that a rendered post does not link. */
export interface LeftOut {
  heading: string;
  count: number;
}

/** A link target as it stands in markdown or as a bare URL; sentence punctuation after it is not part of it. */
const URL_IN_TEXT = /https?:\/\/[^\s()<>[\]{}"'`]+/g;
const TRAILING_PUNCTUATION: ReadonlySet<string> = new Set([...".,;:!?*~"]);
// "https://pr.k8s.io/123" is Kubernetes' short link to a PR's page: a partial may write it instead.
const SHORT_PR_LINK = /^https?:\/\/pr\.k8s\.io\/(\d{1,9})$/;

/**
 * The draft's entries (PR lines, Featured PRs, releases) whose page the post links nowhere a reader
 * sees (HTML comments, such as the Featured candidates note, do not count), by section in the
 * post's order: what a template that loops over fewer sections, or a `section` or `pr-line`
 * partial that writes no link, leaves out. Linear in the post's length, whatever the week's size.
 */
export function entriesLeftOut(view: PostView, post: string): { total: number; leftOut: LeftOut[] } {
  const linked = new Set<string>();
  for (const [found] of withoutHtmlComments(post).matchAll(URL_IN_TEXT)) {
    const url = found.slice(0, trailingRunStart(found, TRAILING_PUNCTUATION));
    const short = SHORT_PR_LINK.exec(url)?.[1];
    linked.add(short === undefined ? url : `https://github.com/kubernetes/kubernetes/pull/${short}`);
  }
  let total = 0;
  const leftOut: LeftOut[] = [];
  for (const row of SECTIONS) {
    if (row.key === null) continue;
    const entries = view.sections[row.key];
    total += entries.length;
    const count = entries.filter((entry) => !linked.has(entry.url)).length;
    if (count > 0) leftOut.push({ heading: row.heading, count });
  }
  return { total, leftOut };
}
