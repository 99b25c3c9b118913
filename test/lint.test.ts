import { describe, expect, it } from "vitest";
import { lintPost } from "../src/lint/lint-post.js";

const FRONT = "---\nlayout: post\ntitle: Week Ending July 4, 2021\ndate: 2021-07-04 22:00:00 -0000\nslug: 2021-07-04-update\n---\n";
const PR = "https://github.com/kubernetes/kubernetes/pull/103326";

describe("lintPost", () => {
  it("finds nothing wrong in a clean post", () => {
    expect(lintPost(`${FRONT}\n## Developer News\n\nNews.\n\n## Other Merges\n\n* kubeadm [supports JSON output](${PR})\n`)).toEqual([]);
  });

  it("reports a title and a slug that name different weeks, as in a post copied from last week's", () => {
    const copied = FRONT.replace("title: Week Ending July 4, 2021", "title: Week Ending July 11, 2021");
    expect(lintPost(`${copied}\n## Developer News\n\nNews.\n`)).toEqual([
      { line: 1, message: 'front matter title "Week Ending July 11, 2021" names the week ending 2021-07-11, but the slug names 2021-07-04; make them the same week' },
    ]);
  });

  it("reports a front matter date before the slug's week begins, as in a post copied from last week's", () => {
    const copied = FRONT.replace("date: 2021-07-04 22:00:00 -0000", "date: 2021-06-27 22:00:00 -0000");
    expect(lintPost(`${copied}\n## Developer News\n\nNews.\n`)).toEqual([
      { line: 1, message: "front matter date 2021-06-27 is before the week ending 2021-07-04 begins (2021-06-28); give the day the post goes out" },
    ]);
    expect(lintPost(`${FRONT.replace("2021-07-04 22:00:00", "2021-06-28 09:00:00")}\n## Developer News\n\nNews.\n`)).toEqual([]);
  });

  it("reads a front matter date with an offset in UTC, as draft --date does", () => {
    const early = FRONT.replace("date: 2021-07-04 22:00:00 -0000", "date: 2021-06-28 01:00:00 +0200");
    expect(lintPost(`${early}\n## Developer News\n\nNews.\n`)).toEqual([
      { line: 1, message: "front matter date 2021-06-28 01:00:00 +0200 is 2021-06-27 23:00:00 in UTC, before the week ending 2021-07-04 begins (2021-06-28); give the day the post goes out" },
    ]);
    expect(lintPost(`${FRONT.replace("date: 2021-07-04 22:00:00 -0000", "date: 2021-06-27 23:00:00 -0200")}\n## Developer News\n\nNews.\n`)).toEqual([]);
  });

  it("reports a PR listed twice across the merge sections, at the second line, whatever the case of its repository", () => {
    const post = [
      FRONT,
      "## Other Merges",
      "",
      "* kubectl [gets a new flag](https://github.com/kubernetes/kubernetes/pull/1033)",
      `* Pods [mark the sysctl as safe](${PR.replace("kubernetes/kubernetes", "Kubernetes/Kubernetes")}/)`,
      "* kubeadm [gets a new flag](https://github.com/kubernetes/kubeadm/pull/103326)",
      "",
      "## Promotions",
      "",
      `* [Sysctl \`ip_unprivileged_port_start\` is safe](${PR})`,
    ].join("\n");
    expect(lintPost(post)).toEqual([{ line: 16, message: "kubernetes/kubernetes#103326 is listed again (first on line 11): keep one of the two lines" }]);
  });

  it("reports each problem with its line", () => {
    const post = [
      FRONT,
      "## Other Merges",
      "",
      `* Kubeadm [supports JSON output](${PR}).`,
      "* A line [with](https://example.com) two [links](https://example.com/2)",
      "* A line [linking an issue](https://github.com/kubernetes/kubernetes/issues/1)",
      "",
      "## Developer News",
      "",
      "ETCD and Grpc and kep and prow and ApiServer are spelled wrong, and so is API Server; an API server and `Kubectl` in code are fine",
      "",
      "## Shoutouts",
      "",
    ].join("\n");
    expect(lintPost(post)).toEqual([
      { line: 10, message: "bullet ends with a period; LWKD bullets have none" },
      { line: 10, message: '"Kubeadm" is spelled "kubeadm" in LWKD' },
      { line: 11, message: "merge line has 2 links; it needs exactly one, to the PR" },
      { line: 12, message: "merge line links to https://github.com/kubernetes/kubernetes/issues/1, not to a pull request" },
      { line: 14, message: expect.stringMatching(/^section "Developer News" is out of order/) },
      { line: 16, message: '"ApiServer" is spelled "APIserver" in LWKD' },
      { line: 16, message: '"ETCD" is spelled "etcd" in LWKD' },
      { line: 16, message: '"Grpc" is spelled "gRPC" in LWKD' },
      { line: 16, message: '"kep" is spelled "KEP" in LWKD' },
      { line: 16, message: '"prow" is spelled "Prow" in LWKD' },
      { line: 16, message: '"API Server" is spelled "APIserver" in LWKD' },
      { line: 18, message: 'section "Shoutouts" is empty: write it, or delete the heading', unfinished: true },
    ]);
  });

  it("checks the front matter", () => {
    expect(lintPost("## Developer News\n\nNews\n")).toEqual([{ line: 1, message: "no front matter: the post must start with a --- line" }]);
    expect(lintPost("---\nlayout: page\ntitle: July 4\n---\n")).toEqual([
      { line: 1, message: 'front matter layout "page" should look like "post"' },
      { line: 1, message: 'front matter title "July 4" should look like "Week Ending July 4, 2021"' },
      { line: 1, message: "front matter has no date (e.g. date: 2021-07-04 22:00:00 -0000)" },
      { line: 1, message: "front matter has no slug (e.g. slug: 2021-07-04-update)" },
      { line: 5, message: "the post has no sections (## headings): draft it with k8s-weekly draft, or write them" },
    ]);
  });

  it("reads the front matter as YAML: quoted values are the values, broken YAML is one problem", () => {
    const quoted = FRONT.replace("title: Week Ending July 4, 2021", 'title: "Week Ending July 4, 2021"').replace("layout: post", "layout: 'post'");
    expect(lintPost(`${quoted}\n## Developer News\n\nNews\n`)).toEqual([]);
    expect(lintPost("---\nlayout: post\ntitle: 'unclosed\n---\n## Developer News\n\nNews\n")).toEqual([{ line: 2, message: "front matter is not YAML `key: value` fields" }]);
  });

  it("reports a post with no sections at all, where no empty section could be", () => {
    expect(lintPost(FRONT)).toEqual([{ line: 7, message: "the post has no sections (## headings): draft it with k8s-weekly draft, or write them" }]);
    expect(lintPost(`${FRONT}\nSome news, and a [link](${PR})\n\n### Not a section\n`)).toEqual([
      { line: 7, message: "the post has no sections (## headings): draft it with k8s-weekly draft, or write them" },
    ]);
  });

  it("reads headings and code fences as markdown does", () => {
    const post = [
      FRONT,
      "## Developer News ##",
      "",
      "````md",
      "```",
      "## Shoutouts",
      "* A kubeadm bullet in code.",
      "```",
      "````",
      "",
      "Other Merges",
      "------------",
      "",
      `* kubeadm [supports JSON output](${PR})`,
      "",
    ].join("\n");
    expect(lintPost(post)).toEqual([]);
  });

  it("treats a section holding only markers as empty", () => {
    expect(lintPost(`${FRONT}\n## Promotions\n\n<!-- k8s-weekly:begin promotions -->\n<!-- k8s-weekly:end promotions -->\n`)).toEqual([
      { line: 8, message: 'section "Promotions" is empty' },
      { line: 10, message: "the k8s-weekly markers are still in the post: k8s-weekly finalize removes them", unfinished: true },
    ]);
  });
});

describe("lintPost: what is left for the editor", () => {
  const post = [
    FRONT,
    "## Developer News", // 8
    "",
    "TODO(editor): developer news.", // 10
    "",
    "## Release Schedule", // 12
    "",
    "**Next Deadline: TODO(editor)**", // 14
    "",
    "## Featured PRs", // 16
    "",
    "<!-- k8s-weekly featured candidates:", // 18
    "  #1 A title with ApiServer in it (https://github.com/kubernetes/kubernetes/pull/1) score 0.5: kind/feature +0.3",
    "-->",
    "",
    "## KEP of the Week", // 22
    "",
    "<!-- k8s-weekly KEP candidates:", // 24
    "  KEP-1234 something -->",
    "",
    `<!-- k8s-weekly:begin other_merges kubernetes/kubernetes/pull/103326=4f1c0d2a9b -->`, // 27
    "## Other Merges",
    "",
    `* kubeadm [supports JSON output](${PR})`,
    "<!-- k8s-weekly:end other_merges -->", // 31
    "",
    "## Shoutouts", // 33
    "",
    "<!-- an editor's own note: ask about the ETCD release -->",
    "",
  ].join("\n");

  it("reports every TODO(editor), every note of the tool, the markers once and each empty hand-written section, as unfinished", () => {
    expect(lintPost(post)).toEqual([
      { line: 10, message: "TODO(editor) left: write this part, or delete it", unfinished: true },
      { line: 14, message: "TODO(editor) left: write this part, or delete it", unfinished: true },
      { line: 16, message: 'section "Featured PRs" is empty: write it, or delete the heading', unfinished: true },
      { line: 18, message: 'the k8s-weekly note "featured candidates" is still in the post: use it, then delete it or run k8s-weekly finalize', unfinished: true },
      { line: 22, message: 'section "KEP of the Week" is empty: write it, or delete the heading', unfinished: true },
      { line: 24, message: 'the k8s-weekly note "KEP candidates" is still in the post: use it, then delete it or run k8s-weekly finalize', unfinished: true },
      { line: 27, message: "the k8s-weekly markers are still in the post: k8s-weekly finalize removes them", unfinished: true },
      { line: 33, message: 'section "Shoutouts" is empty: write it, or delete the heading', unfinished: true },
    ]);
  });

  it("leaves the editor's comments, TODO(editor) in code and a generated section's emptiness to the usual rules", () => {
    const text = `${FRONT}\n## Developer News\n\nRun \`grep TODO(editor)\` before publishing.\n\n\`\`\`\nTODO(editor)\n\`\`\`\n\n<!-- TODO(editor): a reminder, and ETCD -->\n\n## Promotions\n\n<!-- just a comment -->\n`;
    expect(lintPost(text)).toEqual([{ line: 18, message: 'section "Promotions" is empty' }]);
  });
});

describe("lintPost: links, line ends and the title's format", () => {
  it("exempts link labels from the house spellings, as they quote the page linked, but not the words around them", () => {
    const line = "- [new APIServer tracing requests](https://github.com/kubernetes/kubernetes/pull/1)";
    expect(lintPost(`${FRONT}\n## Developer News\n\n${line}\n`)).toEqual([]);
    expect(lintPost(`${FRONT}\n## Developer News\n\n- Kubectl [new APIServer tracing requests](https://github.com/kubernetes/kubernetes/pull/1)\n`)).toEqual([
      { line: 10, message: '"Kubectl" is spelled "kubectl" in LWKD' },
    ]);
    expect(lintPost(`${FRONT}\n## Developer News\n\nSee https://example.com/Kubectl/ETCD and <https://example.com/Grpc>\n`)).toEqual([]);
  });

  it("reads CRLF line ends and a byte order mark, with the file's line numbers", () => {
    const text = `\uFEFF${FRONT}\n## Other Merges\n\n* Kubeadm [supports JSON output](${PR})\n\n## Shoutouts\n\nTODO(editor): shoutouts.\n`.replace(/\n/g, "\r\n");
    expect(lintPost(text)).toEqual([
      { line: 10, message: '"Kubeadm" is spelled "kubeadm" in LWKD' },
      { line: 14, message: "TODO(editor) left: write this part, or delete it", unfinished: true },
    ]);
  });

  it("reads the title's date with the configured pattern", () => {
    const custom = FRONT.replace("Week Ending July 4, 2021", "Week Ending 4 July 2021");
    const body = "\n## Developer News\n\nNews.\n";
    expect(lintPost(`${custom}${body}`, { titleDateFormat: "d MMMM yyyy" })).toEqual([]);
    expect(lintPost(`${FRONT}${body}`, { titleDateFormat: "d MMMM yyyy" })).toEqual([
      { line: 1, message: 'front matter title "Week Ending July 4, 2021" should look like "Week Ending 4 July 2021"' },
    ]);
    expect(lintPost(`${custom}${body}`)).toEqual([{ line: 1, message: 'front matter title "Week Ending 4 July 2021" should look like "Week Ending July 4, 2021"' }]);
    expect(lintPost(`${FRONT.replace("Week Ending July 4, 2021", "Week Ending Sunday, July 4")}${body}`, { titleDateFormat: "EEEE, MMMM d" })).toEqual([]);
  });
});
