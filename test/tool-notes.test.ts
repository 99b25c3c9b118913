import { describe, expect, it } from "vitest";
import { isUnchangedNote, noteBlocks, stampNote } from "../src/markdown/tool-notes.js";

describe("the tool's notes and their stamps", () => {
  it("stamps a note's closing line, and knows it unchanged until a character of it changes", () => {
    const note = ["<!-- k8s-weekly featured candidates:", "  #1 One (https://github.com/kubernetes/kubernetes/pull/1) score 0.10", "-->"];
    const stamped = stampNote(note);
    expect(stamped.slice(0, 2)).toEqual(note.slice(0, 2));
    expect(stamped[2]).toMatch(/^sha=[0-9a-f]{10} -->$/);
    expect(isUnchangedNote(stamped)).toBe(true);
    expect(isUnchangedNote(stamped.map((line) => `${line}\r`))).toBe(true);
    expect(stampNote(stamped)).toEqual(stamped);
    expect(isUnchangedNote(note)).toBe(false);
    expect(isUnchangedNote([stamped[0] as string, "  #1 One, the editor's pick", stamped[2] as string])).toBe(false);
  });

  it("stamps a one-line note before its -->", () => {
    const stamped = stampNote(["<!-- k8s-weekly: nothing to say this week -->"]);
    expect(stamped[0]).toMatch(/^<!-- k8s-weekly: nothing to say this week sha=[0-9a-f]{10} -->$/);
    expect(isUnchangedNote(stamped)).toBe(true);
  });

  it("finds notes, but not markers, editors' comments, or a note that runs into a blank line or a marker", () => {
    const lines = [
      "<!-- k8s-weekly featured candidates:",
      "  #1 One",
      "-->",
      "<!-- my own note -->",
      "<!-- k8s-weekly:begin other_merges -->",
      "<!-- k8s-weekly KEP candidates:",
      "  KEP-1 One",
      "",
      "Editor's paragraph -->",
      "<!-- k8s-weekly: gates:",
      "<!-- k8s-weekly:end other_merges -->",
    ];
    expect(noteBlocks(lines)).toEqual([{ name: "featured candidates", start: 0, end: 2 }]);
  });
});
