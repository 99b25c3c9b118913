import { describe, expect, it } from "vitest";
import { lintPost } from "../src/lint/lint-post.js";

const FRONT = "---\nlayout: post\ntitle: Week Ending July 4, 2021\ndate: 2021-07-04 22:00:00 -0000\nslug: 2021-07-04-update\n---\n";
const PR = "https://github.com/kubernetes/kubernetes/pull/103326";

describe("lintPost", () => {
  it("finds nothing wrong in a clean post", () => {
    expect(lintPost(`${FRONT}\n## Developer News\n\nNews.\n\n## Other Merges\n\n* kubeadm [supports JSON output](${PR})\n`)).toEqual([]);
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
      "ETCD and Grpc and kep and prow and ApiServer are spelled wrong; `Kubectl` in code is fine",
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
      { line: 18, message: 'section "Shoutouts" is empty' },
    ]);
  });

  it("checks the front matter", () => {
    expect(lintPost("## Developer News\n\nNews\n")).toEqual([{ line: 1, message: "no front matter: the post must start with a --- line" }]);
    expect(lintPost("---\nlayout: page\ntitle: July 4\n---\n")).toEqual([
      { line: 1, message: 'front matter layout "page" should look like "post"' },
      { line: 1, message: 'front matter title "July 4" should look like "Week Ending July 4, 2021"' },
      { line: 1, message: "front matter has no date (e.g. date: 2021-07-04 22:00:00 -0000)" },
      { line: 1, message: "front matter has no slug (e.g. slug: 2021-07-04-update)" },
    ]);
  });

  it("reads the front matter as YAML: quoted values are the values, broken YAML is one problem", () => {
    const quoted = FRONT.replace("title: Week Ending July 4, 2021", 'title: "Week Ending July 4, 2021"').replace("layout: post", "layout: 'post'");
    expect(lintPost(`${quoted}\n## Developer News\n\nNews\n`)).toEqual([]);
    expect(lintPost("---\nlayout: post\ntitle: 'unclosed\n---\n")).toEqual([{ line: 2, message: "front matter is not YAML `key: value` fields" }]);
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
    ]);
  });
});
