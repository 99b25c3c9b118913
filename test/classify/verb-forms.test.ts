import { describe, expect, it } from "vitest";
import { PRESENT_TENSE, type VerbForms, leadingVerbText } from "../../src/classify/verb-forms.js";
import { sentenceLine } from "../../src/classify/wording.js";
import { learnVerbForms, verbExamples, verbFormsJson } from "../../scripts/train-verb-forms.js";
import type { Pick, PickNote } from "../../scripts/picks.js";
import { pullRequestOf } from "../../scripts/picks.js";
import { url } from "./fixtures.js";

const U = url(1);
const forms = (byVerb: Array<[string, "base" | "third" | "past"]>, bySource: Array<["base" | "third" | "past", "base" | "third" | "past"]>): VerbForms => ({
  byVerb: new Map(byVerb),
  bySource: new Map(bySource),
});

describe("the leading verb's form", () => {
  const learned = forms([["fix:past", "base"]], [["past", "past"], ["third", "base"]]);

  it("writes a verb as the table says: by the verb first, then by the form the source wrote", () => {
    expect(leadingVerbText("Fixed", learned)).toBe("fix");
    expect(leadingVerbText("Added", learned)).toBe("added");
    expect(leadingVerbText("Adds", learned)).toBe("add");
    // Nothing learned for a base form: the present tense, as before anything was learned.
    expect(leadingVerbText("Add", learned)).toBe("adds");
    expect(leadingVerbText("Add", PRESENT_TENSE)).toBe("adds");
  });

  it("never writes a past tense the source did not have", () => {
    expect(leadingVerbText("Remove", forms([["remove:base", "past"]], []))).toBe("remove");
  });

  it("keeps the verb agreeing with a component subject", () => {
    expect(sentenceLine("x", "kubelet: fix restarts of static pods.", U, forms([["fix:base", "base"]], []))).toBe(
      `* kubelet [fixes restarts](${U}) of static pods`,
    );
  });

  it("gives a second action the leading verb's form", () => {
    const note = "Fixes widget pools in kubelet and adds a metric for widgets.";
    expect(sentenceLine("x", note, U, forms([], [["third", "base"]]))).toBe(`* Fix [widget pools](${U}) in kubelet and add a metric for widgets`);
    expect(sentenceLine("x", note, U, PRESENT_TENSE)).toBe(`* Fixes [widget pools](${U}) in kubelet and adds a metric for widgets`);
  });

  it("gives a second action the present tense only when the first has it", () => {
    expect(sentenceLine("Add a flag and remove the old one", null, U, PRESENT_TENSE)).toBe(`* Adds [a flag and removes the old](${U}) one`);
    expect(sentenceLine("Add a flag and remove the old one", null, U, forms([], [["base", "base"]]))).toBe(`* Add [a flag and remove the old](${U}) one`);
  });
});

const note = (number: number, release: string, text: string, line: string | null): Pick => {
  const pickNote: PickNote = {
    number, release, kinds: ["feature"], sigs: [], areas: [], action_required: false, author: "someone", note: text,
    lwkd_section: line === null ? null : "other_merges", lwkd_week: line === null ? null : "2021-07-04", lwkd_line: line,
  };
  return { note: pickNote, pr: pullRequestOf(pickNote, "2021-07-01T12:00:00Z") };
};

describe("learning verb forms from notes and the lines made of them", () => {
  // Lines written for this test: editors here turn "Fixed" into "Fix" and keep "Added".
  const fixes = Array.from({ length: 5 }, (_, i) => note(10 + i, "1.90", `Fixed widget ${i} in the scheduler.`, `* [Fix widget ${i}](https://example.invalid/${i})`));
  const adds = Array.from({ length: 6 }, (_, i) => note(20 + i, "1.91", `Added gadget ${i} to the kubelet.`, `* Added [gadget ${i}](https://example.invalid/${i})`));
  const dropped = note(30, "1.91", "Added a thing nobody kept.", "* [A thing](https://example.invalid/30)");
  const unlisted = note(31, "1.91", "Fixed a thing nobody listed.", null);
  const cycles = new Map([["1.90", fixes], ["1.91", [...adds, dropped, unlisted]]]);

  it("learns from notes whose line kept the verb, and from nothing else", () => {
    const examples = verbExamples(cycles);
    expect(examples.length).toBe(11);
    const learned = learnVerbForms(examples);
    expect([...learned.byVerb]).toEqual([["add:past", "past"], ["fix:past", "base"]]);
    expect([...learned.bySource]).toEqual([["past", "past"]]);
  });

  it("writes the same bytes whatever order the notes come in", () => {
    const examples = verbExamples(cycles);
    expect(verbFormsJson(learnVerbForms([...examples].reverse()))).toBe(verbFormsJson(learnVerbForms(examples)));
    expect(JSON.parse(verbFormsJson(learnVerbForms(examples)))).toEqual({ byVerb: [["add:past", "past"], ["fix:past", "base"]], bySource: [["past", "past"]] });
  });

  it("learns nothing from fewer than five examples of a verb", () => {
    const learned = learnVerbForms(verbExamples(new Map([["1.90", fixes.slice(0, 4)]])));
    expect(learned.byVerb.size).toBe(0);
    expect(learned.bySource.size).toBe(0);
  });
});
