import { describe, expect, it } from "vitest";
import { lineProblems, visibleWords } from "../../src/classify/line-rules.js";
import { url } from "./fixtures.js";

const U = url(7);

describe("line rules", () => {
  it("accepts well-formed lines of every section", () => {
    expect(lineProblems(`* kubectl top pod [supports a field selector](${U})`, "other_merges", U)).toEqual([]);
    expect(lineProblems(`* [ServiceLBNodePortControl to Beta](${U})`, "promotions", U)).toEqual([]);
    expect(lineProblems(`* [etcd to v3.5.10](${U})`, "version_updates", U)).toEqual([]);
    expect(lineProblems(`* [go to 1.21.7 in 1.26 through 1.29](${U})`, "version_updates", U)).toEqual([]);
    expect(lineProblems(`* \`--foo\` [is removed](${U}) from kubelet`, "deprecated", U)).toEqual([]);
  });

  it("names each broken rule", () => {
    expect(lineProblems(`- adds [a thing](${U}) for you.`, "other_merges", U)).toEqual([
      "does not start with '* '",
      "ends with a period",
      "is not in sentence case",
    ]);
    expect(lineProblems(`* Two [links](${U}) in [one line](${url(8)}) here`, "other_merges", U)).toEqual(["has 2 links instead of one"]);
    expect(lineProblems(`* Far [too many words in this line](${U}) to read it all in one short glance`, "other_merges", U)).toEqual([
      "has 15 words, not 4–10",
    ]);
    expect(lineProblems(`* [Promote Foo](${U})`, "promotions", U)).toEqual(["is not '* [Feature to Beta|GA](url)'"]);
    expect(lineProblems(`* [bump etcd](${U})`, "version_updates", U)).toEqual(["is not '* [dependency to vX.Y.Z](url)'"]);
  });

  it("counts the links a renderer makes: a bare URL is one, a bracketed code span is not", () => {
    expect(lineProblems(`* Serves [metrics](${U}) at https://example.com/metrics`, "other_merges", U)).toEqual(["has 2 links instead of one"]);
    expect(lineProblems(`* Handles \`[a](b)\` in [field selectors](${U})`, "other_merges", U)).toEqual([]);
  });

  it("counts a code span as one word and a link as its label", () => {
    expect(visibleWords(`* \`kubectl debug\` [can attach](${U}) to pods`)).toEqual(["CODE", "can", "attach", "to", "pods"]);
  });
});
