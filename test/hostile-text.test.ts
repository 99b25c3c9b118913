import type { Html, Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { buildDraft } from "../src/draft/build-draft.js";
import { defaultTemplates, renderPost } from "../src/render/render-post.js";
import { buildPostView } from "../src/render/view-model.js";
import type { PullRequest } from "../src/types.js";

/** Titles and release notes that anyone could put on a PR. Each becomes one PR of the week (46 cases). */
const HOSTILE: Array<[name: string, text: string]> = [
  ["script tag", "<script>alert(document.cookie)</script> Add retries"],
  ["img onerror", 'Fix <img src=x onerror="alert(1)"> in kubelet'],
  ["iframe", '<iframe src="https://evil.example/"></iframe> new flag'],
  ["details html block", "<details open>Support probes</details>"],
  ["anchor tag", '<a href="https://evil.example">Add metrics</a>'],
  ["html comment", "Add <!-- hidden --> metrics"],
  ["javascript link", "[Add metrics](javascript:alert(1))"],
  ["javascript link in angle brackets", "[x](<javascript:alert(1)>) Fix kubectl"],
  ["tracking image", "![](http://tracker.example/pixel.png) Fix scheduler"],
  ["image reference", "![alt][ref] Fix the scheduler"],
  ["angle autolink", "See <http://evil.example> for the new API"],
  ["bare url autolink", "Fix https://evil.example/phish in kube-proxy"],
  ["www autolink", "Docs now at www.evil.example for kubeadm"],
  ["email autolink", "Contact security@evil.example about kubelet"],
  ["link reference definition", "[foo]: http://evil.example"],
  ["reference link", "[Add metrics][foo] to apiserver"],
  ["liquid include", "{% include secrets %} Add a kubectl flag"],
  ["liquid output", "{{ site.github.token }} Fix etcd client"],
  ["liquid raw end", "{% endraw %}{{ page }} Improve logging"],
  ["newline heading", "Fix kubelet\n# Injected heading"],
  ["leading heading", "# Heading title for kubectl"],
  ["leading list dash", "- Injected list item"],
  ["leading plus", "+ Injected list item"],
  ["leading quote", "> Injected quote"],
  ["front matter fence", "---\nlayout: evil\n---"],
  ["setext heading", "Fix apiserver\r\n==="],
  ["table pipe", "| a | b |\n|---|---|\n| c | d |"],
  ["comment closer", "Fix --> the featured comment <!--"],
  ["bidi override", "Fix \u202Eexec\u202C and \u2066isolate\u2069 handling"],
  ["zero width", "Ad\u200Bd me\u200Ctri\u200Dcs\uFEFF to kubelet"],
  ["very long", `Add ${"very ".repeat(4000)}long title`],
  ["backtick breakout", "Add `--flag` and a stray ` backtick `<b>x</b>`"],
  ["fenced code opener", "```\nFix the code fence"],
  ["ordered list start", "1. Injected ordered item"],
  ["emphasis", "*bold* _em_ ~~strike~~ **Fix** kubelet"],
  ["trailing backslash", "Fix path handling \\"],
  ["entity", "&lt;script&gt; &#x3C;b&#x3E; Fix entity handling"],
  ["indented code", "    indented code title"],
  ["url after the key phrase", "Adds the kubelet flag for node shutdown handling, see https://evil.example/phish for details"],
  ["www after the key phrase", "Supports graceful node shutdown in kubelet as documented at www.evil.example today"],
  ["email after the key phrase", "Fixes the scheduler preemption race reported by admin@evil.example last week"],
  ["liquid after the key phrase", "Adds metrics for the apiserver watch cache {{ site.github.token }} {% include x %}"],
  ["arabic letter mark", "Fix \u061Cexec\u061C in kubelet"],
  ["ignorable fillers", "Ad\u180Ed \u034Fme\u115Ftr\u3164ic\uFFA0s to kubelet"],
  ["tag characters", "Fix kubelet\u{E0020}\u{E0069}\u{E0067}\u{E006E}\u{E007F} probes"],
  ["c1 controls", "Fix \u0085kubelet\u009B31m probes"],
];

/** What a reader cannot see: Unicode's default-ignorable and bidi-control sets, and controls other than newline and tab. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]|(?![\n\t])\p{Cc}/u;

const URL_OF = (n: number) => `https://github.com/kubernetes/kubernetes/pull/${n}`;

function hostilePR(index: number, text: string): PullRequest {
  const number = 200000 + index;
  const kinds = ["kind/feature", "kind/deprecation", "kind/api-change"];
  return {
    repo: "kubernetes/kubernetes",
    number,
    url: URL_OF(number),
    title: index % 4 === 3 ? `Promote ${text} to beta` : text,
    author: index % 5 === 0 ? `<img src=x onerror=alert(${index})>` : `user${index}`,
    authorIsBot: false,
    labels: [kinds[index % kinds.length] as string, "release-note", "sig/node"],
    body: `#### What type of PR is this?\n/kind feature\n#### Does this PR introduce a user-facing change?\n\`\`\`release-note\n${text}\n\`\`\`\n`,
    mergedAt: "2021-06-30T12:00:00Z",
    baseRef: "master",
  };
}

const week = { ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" };

async function render(prs: PullRequest[]): Promise<{ markdown: string; tree: Root; urls: Set<string> }> {
  const { draft, featuredCandidates } = buildDraft({ week, repoWeeks: [{ repo: "kubernetes/kubernetes", defaultBranch: "master", prs }], requests: 0, warnings: [] });
  const markdown = await renderPost(buildPostView(draft, featuredCandidates), defaultTemplates());
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return { markdown, tree, urls: new Set(prs.map((pr) => pr.url)) };
}

function nodesOf(tree: Nodes, type: string): Nodes[] {
  const found: Nodes[] = [];
  const walk = (node: Nodes) => {
    if (node.type === type) found.push(node);
    if ("children" in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return found;
}

function headingTexts(tree: Root): string[] {
  return nodesOf(tree, "heading").map((heading) => `${"#".repeat((heading as { depth: number }).depth)} ${plainText(heading)}`);
}

function plainText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  return "children" in node ? node.children.map((child) => plainText(child as Nodes)).join("") : "";
}

const OUR_COMMENT = /^<!-- k8s-weekly:(begin [a-z_]+( unread)?( through=\d{4}-\d{2}-\d{2})?( [^ ]+=[0-9a-f]+)*|end [a-z_]+) -->$|^<!-- k8s-weekly featured candidates:\n[^]*\nsha=[0-9a-f]{10} -->$/;

describe("untrusted titles and release notes", () => {
  it.each(HOSTILE.map(([name, text], index) => [name, text, index] as const))("%s cannot change the post's structure", async (_name, text, index) => {
    const pr = hostilePR(index, text);
    const { markdown, tree, urls } = await render([pr]);
    const links = nodesOf(tree, "link").map((link) => (link as { url: string }).url);
    expect(links.length).toBeGreaterThan(0);
    for (const url of links) expect(urls.has(url)).toBe(true);
    expect(nodesOf(tree, "image")).toEqual([]);
    expect(nodesOf(tree, "definition")).toEqual([]);
    expect(nodesOf(tree, "linkReference")).toEqual([]);
    expect(nodesOf(tree, "imageReference")).toEqual([]);
    expect(nodesOf(tree, "table")).toEqual([]);
    expect(nodesOf(tree, "blockquote")).toEqual([]);
    expect(nodesOf(tree, "code")).toEqual([]);
    for (const html of nodesOf(tree, "html")) expect((html as Html).value).toMatch(OUR_COMMENT);
    expect(markdown).not.toMatch(/\{\{|\{%|%\}|\}\}/);
    expect(markdown).not.toMatch(INVISIBLE);
    expect(markdown.split("\n").filter((line) => line === "---")).toHaveLength(2);
    expect(markdown.split("\n")[0]).toBe("---");
    const expectedHeadings = headingTexts((await render([])).tree);
    const sectionHeadings = headingTexts(tree).filter((heading) => heading.startsWith("## "));
    for (const heading of sectionHeadings) expect([...expectedHeadings, "## Other Merges", "## Promotions", "## Deprecated", "## Version Updates"]).toContain(heading);
    for (const heading of headingTexts(tree).filter((h) => !h.startsWith("## "))) expect(heading).toMatch(/^### #\d+: /);
    const items = nodesOf(tree, "listItem");
    const lines = markdown.split("\n").filter((line) => line.startsWith("* "));
    expect(items).toHaveLength(lines.length);
    expect(markdown.length).toBeLessThan(6000 + markdown.split("k8s-weekly:begin").length * 200);
  });

  it("all of them at once keep the template's headings and only the tool's links", async () => {
    const prs = HOSTILE.map(([, text], index) => hostilePR(index, text));
    const { tree, urls } = await render(prs);
    for (const link of nodesOf(tree, "link")) expect(urls.has((link as { url: string }).url)).toBe(true);
    for (const html of nodesOf(tree, "html")) expect((html as Html).value).toMatch(OUR_COMMENT);
    const reported = nodesOf(tree, "listItem").length;
    expect(reported).toBeGreaterThan(0);
  });
});
