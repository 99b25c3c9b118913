import { describe, expect, it } from "vitest";
import { lintPost } from "../src/lint/lint-post.js";
import { lineProblems, visibleWords } from "../src/lint/line-rules.js";
import { url } from "./classify/fixtures.js";

const U = url(7);

describe("line rules", () => {
  it("accepts well-formed lines of every section", () => {
    expect(lineProblems(`* kubectl top pod [supports a field selector](${U})`, "other_merges", U)).toEqual([]);
    expect(lineProblems(`* [ServiceLBNodePortControl to beta](${U})`, "promotions", U)).toEqual([]);
    expect(lineProblems(`* [etcd to v3.5.10](${U})`, "version_updates", U)).toEqual([]);
    expect(lineProblems(`* [go to 1.21.7 in 1.26 through 1.29](${U})`, "version_updates", U)).toEqual([]);
    expect(lineProblems(`* \`--foo\` [is removed](${U}) from kubelet`, "deprecated", U)).toEqual([]);
  });

  it("names each broken rule", () => {
    expect(lineProblems(`- adds [a thing](${U}) for you.`, "other_merges", U)).toEqual([
      "does not start with '* '",
      "bullet ends with a period; LWKD bullets have none",
      "is not in sentence case",
    ]);
    expect(lineProblems(`* Two [links](${U}) in [one line](${url(8)}) here`, "other_merges", U)).toEqual(["merge line has 2 links; it needs exactly one, to the PR"]);
    expect(lineProblems(`* Far [too many words in this line](${U}) to read it all in one short glance today`, "other_merges", U)).toEqual([
      "has 16 words, not 3–15",
    ]);
    expect(lineProblems(`* [Promote Foo](${U})`, "promotions", U)).toEqual(["is not '* [Feature to beta|GA](url)'"]);
    expect(lineProblems(`* [bump etcd](${U})`, "version_updates", U)).toEqual(["is not '* [dependency to vX.Y.Z](url)'"]);
  });

  it("counts the links a renderer makes: a bare URL is one, a bracketed code span is not", () => {
    expect(lineProblems(`* Serves [metrics](${U}) at https://example.com/metrics`, "other_merges", U)).toEqual(["merge line has 2 links; it needs exactly one, to the PR"]);
    expect(lineProblems(`* Handles \`[a](b)\` in [field selectors](${U})`, "other_merges", U)).toEqual([]);
  });

  it("counts a code span as one word and a link as its label", () => {
    expect(visibleWords(`* \`kubectl debug\` [can attach](${U}) to pods`)).toEqual(["CODE", "can", "attach", "to", "pods"]);
  });

  it("holds a drafted entry to its own PR, the house spellings and an ellipsis that is not a period", () => {
    expect(lineProblems(`* Fixes a [Kubectl crash](${url(8)})`, "other_merges", U)).toEqual([
      `merge line links to ${url(8)}, not to its PR ${U}`,
      '"Kubectl" is spelled "kubectl" in LWKD',
    ]);
    expect(lineProblems(`* Lets kubelet [wait for the node to be ready...](${U})`, "other_merges", U)).toEqual([]);
  });

  it("leaves a house word alone inside a file or host name", () => {
    expect(lineProblems(`* Checks [each kep.yaml for a milestone](${U}) on prow.k8s.io`, "other_merges", U)).toEqual([]);
    expect(lineProblems(`* Checks [each kep for a milestone](${U}) on prow`, "other_merges", U)).toEqual([
      '"kep" is spelled "KEP" in LWKD',
      '"prow" is spelled "Prow" in LWKD',
    ]);
  });

  it("holds a drafted label to the house spellings, which are the tool's own words, but not a bare URL", () => {
    expect(lineProblems(`* Adds [Kubectl tracing to the pods](${U})`, "other_merges", U)).toEqual(['"Kubectl" is spelled "kubectl" in LWKD']);
    expect(lineProblems(`* Adds [tracing to the pods](${U}) at https://example.com/Kubectl`, "other_merges", U)).toEqual(["merge line has 2 links; it needs exactly one, to the PR"]);
  });
});

describe("lint and eval share the rules", () => {
  it("word a problem with a drafted line as lint prints it in a post", () => {
    const line = `* Kubeadm [prints its output as JSON](${U}).`;
    const front = "---\nlayout: post\ntitle: Week Ending July 4, 2021\ndate: 2021-07-04 22:00:00 -0000\nslug: 2021-07-04-update\n---\n";
    const linted = lintPost(`${front}\n## Other Merges\n\n${line}\n`).map((problem) => problem.message);
    expect(linted).toEqual(["bullet ends with a period; LWKD bullets have none", '"Kubeadm" is spelled "kubeadm" in LWKD']);
    expect(lineProblems(line, "other_merges", U)).toEqual(linted);
  });
});
