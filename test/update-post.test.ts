import { describe, expect, it } from "vitest";
import { beginMarker, endMarker, stateOfLines } from "../src/render/markers.js";
import { stampNote } from "../src/markdown/tool-notes.js";
import { MarkerError, sectionsLeftOut, updatePost } from "../src/write/update-post.js";

const url = (n: number) => `https://github.com/kubernetes/kubernetes/pull/${n}`;
const line = (n: number, text = `Change ${n}`) => `* [${text}](${url(n)})`;

function post(sections: Record<string, string[]>, preface = "## Developer News\n\nTODO(editor): news.\n"): string {
  const blocks = Object.entries(sections).map(([key, lines]) =>
    [beginMarker(key, stateOfLines(lines)), ...(lines.length ? ["## Other Merges", "", ...lines] : []), endMarker(key)].join("\n"),
  );
  return `---\nlayout: post\n---\n\n${preface}\n${blocks.join("\n\n")}\n\n## Shoutouts\n\nTODO(editor): shoutouts.\n`;
}

describe("updatePost", () => {
  const first = post({ other_merges: [line(1), line(2), line(3)] });

  it("keeps every byte outside the markers and the editor's changed lines, and adds new PRs in place", () => {
    const edited = first
      .replace("TODO(editor): news.", "Contributor Summit registration is open!")
      .replace(line(2), `* Change two [now reads better](${url(2)}), thanks to the editor`);
    const rendered = post({ other_merges: [line(1), line(2), line(3), line(4)] });
    const updated = updatePost(edited, rendered);
    expect(updated).toBe(
      post(
        { other_merges: [line(1), `* Change two [now reads better](${url(2)}), thanks to the editor`, line(3), line(4)] },
        "## Developer News\n\nContributor Summit registration is open!\n",
      ).replace(/begin other_merges [^\n]*-->/, updated.match(/begin other_merges [^\n]*-->/)?.[0] ?? ""),
    );
    expect(updated).toContain("Contributor Summit registration is open!");
    expect(updated).toContain(`* Change two [now reads better](${url(2)}), thanks to the editor`);
    expect(updated.indexOf(line(4))).toBeGreaterThan(updated.indexOf(line(3)));
  });

  it("does not bring back a line the editor deleted, on this run or the next", () => {
    const edited = first.replace(`${line(2)}\n`, "");
    const rendered = post({ other_merges: [line(1), line(2), line(3), line(5)] });
    const once = updatePost(edited, rendered);
    expect(once).not.toContain(url(2));
    expect(once).toContain(line(5));
    expect(updatePost(once, rendered)).toBe(once);
  });

  it("refreshes a line nobody touched and drops one the render no longer lists", () => {
    const rendered = post({ other_merges: [line(1, "Change one, better worded"), line(3)] });
    const updated = updatePost(first, rendered);
    expect(updated).toContain(line(1, "Change one, better worded"));
    expect(updated).not.toContain(url(2));
  });

  it("keeps a line the editor typed at the top of a section at the top when new PRs come first", () => {
    const mine = `* [The editor's own pick](${url(900)}), first on purpose`;
    const edited = first.replace(`## Other Merges\n\n${line(1)}`, `## Other Merges\n\n${mine}\n${line(1)}`);
    const updated = updatePost(edited, post({ other_merges: [line(7), line(1), line(2), line(3)] }));
    expect(updated).toContain(`## Other Merges\n\n${mine}\n${line(7)}\n${line(1)}\n${line(2)}\n${line(3)}\n`);
    // A section with nothing of the tool's yet gets its lines after the editor's.
    const typed = post({ other_merges: [] }).replace("<!-- k8s-weekly:begin other_merges -->\n", `<!-- k8s-weekly:begin other_merges -->\n## Other Merges\n\n${mine}\n`);
    const filled = updatePost(typed, post({ other_merges: [line(7), line(8)] }));
    expect(filled).toContain(`## Other Merges\n\n${mine}\n${line(7)}\n${line(8)}\n`);
  });

  it("keeps lines the editor added by hand", () => {
    const edited = first.replace(line(3), `${line(3)}\n* The scheduler team says thanks to all reviewers`);
    const updated = updatePost(edited, post({ other_merges: [line(1), line(2), line(3), line(4)] }));
    expect(updated).toContain(`${line(3)}\n${line(4)}\n* The scheduler team says thanks to all reviewers\n`);
  });

  it("drops the heading of a section whose every line the editor deleted, and keeps one with anything under it", () => {
    const emptied = first.replace(`${line(1)}\n${line(2)}\n${line(3)}\n`, "");
    expect(emptied).toContain("## Other Merges\n\n<!-- k8s-weekly:end other_merges -->");
    const rendered = post({ other_merges: [line(1), line(2), line(3)] });
    const updated = updatePost(emptied, rendered);
    expect(updated).not.toContain("## Other Merges");
    expect(updatePost(updated, rendered)).toBe(updated);
    const withText = first.replace(`${line(1)}\n${line(2)}\n${line(3)}\n`, "Nothing else this week.\n");
    expect(updatePost(withText, rendered)).toContain("## Other Merges\n\nNothing else this week.\n");
  });

  it("writes its lines with the file's line ends: CRLF when most lines have them, not for a few pasted ones", () => {
    const rendered = post({ other_merges: [line(1), line(2), line(3), line(4)] });
    const pasted = first.replace(`${line(2)}\n`, `${line(2)}\n* A line pasted from Windows\r\n`);
    const mostlyLf = updatePost(pasted, rendered);
    expect(mostlyLf).toContain(`${line(3)}\n${line(4)}\n`);
    expect(mostlyLf.match(/\r/g)).toHaveLength(1);
    const crlf = updatePost(first.replace(/\n/g, "\r\n"), rendered);
    expect(crlf).toContain(`${line(3)}\r\n${line(4)}\r\n`);
  });

  it("fills a section that was empty", () => {
    const empty = post({ other_merges: [], promotions: [] });
    const updated = updatePost(empty, post({ other_merges: [line(1)], promotions: [] }));
    expect(updated).toContain(`## Other Merges\n\n${line(1)}\n${endMarker("other_merges")}`);
  });

  it("brings the heading with the first line it adds to an empty section the editor typed into, and keeps out of one whose heading the editor removed", () => {
    const typed = post({ other_merges: [], promotions: [] }).replace(`${beginMarker("promotions", new Map())}\n`, `${beginMarker("promotions", new Map())}\n* Editor's own line, with no heading\n`);
    const rendered = post({ other_merges: [], promotions: [line(7)] });
    const updated = updatePost(typed, rendered);
    expect(updated).toContain(`## Other Merges\n\n* Editor's own line, with no heading\n${line(7)}\n${endMarker("promotions")}`);
    expect(updatePost(updated, rendered)).toBe(updated);
    // A section the tool filled had its heading: without one now, the editor removed it.
    const headless = updated.replace(`${beginMarker("promotions", new Map())}`, "").replace(/(begin promotions[^\n]*-->\n)## Other Merges\n\n/, "$1");
    expect(headless).not.toMatch(/begin promotions[^\n]*-->\n## /);
    const more = post({ other_merges: [], promotions: [line(7), line(8)] });
    expect(updatePost(headless, more)).toMatch(/begin promotions[^\n]*-->\n\* Editor's own line, with no heading\n/);
  });

  it("refreshes the tool's notes for the editor, keeps a deleted one deleted and leaves the editor's comments alone", () => {
    // As the renderer writes them: stamped with their hash.
    const note = (lines: string[]) => stampNote(["<!-- k8s-weekly featured candidates:", ...lines.map((text) => `  ${text}`), "-->"]).join("\n");
    const gates = (text: string) => stampNote(["<!-- k8s-weekly: changes in the week's feature gates that no PR explains:", `  ${text}`, "-->"]).join("\n");
    const withNotes = (candidates: string[] | null, change: string, lines: string[]) =>
      post({ other_merges: lines }, `## Featured PRs\n\nTODO(editor): pick one.\n\n${candidates ? `${note(candidates)}\n\n` : ""}<!-- the editor's own reminder -->\n`).replace(
        `${endMarker("other_merges")}`,
        `\n${gates(change)}\n${endMarker("other_merges")}`,
      );
    const drafted = withNotes(["#1 Change 1", "#2 Change 2"], "Gate A went beta", [line(1), line(2)]);
    const rendered = withNotes(["#2 Change 2", "#3 Change 3"], "Gate B went GA", [line(1), line(2), line(3)]);
    const updated = updatePost(drafted, rendered);
    expect(updated).toContain(`TODO(editor): pick one.\n\n${note(["#2 Change 2", "#3 Change 3"])}\n\n<!-- the editor's own reminder -->\n`);
    expect(updated).toContain(`${line(3)}\n\n${gates("Gate B went GA")}\n${endMarker("other_merges")}`);
    expect(updated).not.toContain("Gate A");
    expect(updatePost(updated, rendered)).toBe(updated);
    // Deleted by the editor: not brought back. Not in the render (a run without a token reads no
    // candidates): it stays as it was.
    const deleted = updated.replace(`${note(["#2 Change 2", "#3 Change 3"])}\n\n`, "");
    expect(updatePost(deleted, rendered)).toBe(deleted);
    const none = updatePost(updated, withNotes(null, "Gate B went GA", [line(1), line(2), line(3)]));
    expect(none).toContain(`TODO(editor): pick one.\n\n${note(["#2 Change 2", "#3 Change 3"])}\n\n<!-- the editor's own reminder -->\n`);
    // A note the editor wrote in, or a trimmed copy of one, is theirs: it stays as they left it.
    const annotated = drafted.replace("  #2 Change 2\n", "  #2 Change 2\n  EDITOR: ask SIG Node about this one\n");
    expect(updatePost(annotated, rendered)).toContain("  #1 Change 1\n  #2 Change 2\n  EDITOR: ask SIG Node about this one\n");
    const copied = drafted.replace("<!-- the editor's own reminder -->", "<!-- k8s-weekly featured candidates:\n  #2 Change 2, my pick\n-->");
    expect(updatePost(copied, rendered)).toContain("<!-- k8s-weekly featured candidates:\n  #2 Change 2, my pick\n-->");
    // A note whose "-->" was deleted runs into the editor's text: nothing of it is read as a note.
    const unclosed = drafted.replace(/\nsha=[0-9a-f]{10} -->\n\n<!-- the editor's own reminder -->/, "\n\nMy own paragraph.\n<!-- the editor's own reminder -->");
    expect(unclosed).not.toBe(drafted);
    const kept = updatePost(unclosed, rendered);
    expect(kept).toContain("  #2 Change 2\n\nMy own paragraph.\n<!-- the editor's own reminder -->");
    expect(kept).toContain(line(3));
    // CRLF files keep their line ends in the refreshed note.
    const crlf = updatePost(drafted.replace(/\n/g, "\r\n"), rendered);
    expect(crlf).toContain(note(["#2 Change 2", "#3 Change 3"]).replace(/\n/g, "\r\n"));
    expect(crlf.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("takes a section removed with its markers as the editor's choice: the rest is updated, and the left-out lines are named", () => {
    const both = post({ other_merges: [line(1)], promotions: [line(2)] });
    const withoutPromotions = both.replace(/\n\n<!-- k8s-weekly:begin promotions[^\n]*\n[\s\S]*?end promotions -->/, "");
    expect(withoutPromotions).not.toContain("promotions");
    const rendered = post({ other_merges: [line(1), line(3)], promotions: [line(2), line(4)] });
    const updated = updatePost(withoutPromotions, rendered);
    expect(updated).toContain(`${line(1)}\n${line(3)}\n`);
    expect(updated).not.toContain("promotions");
    expect(updatePost(updated, rendered)).toBe(updated);
    expect(sectionsLeftOut(updated, rendered)).toEqual([{ section: "promotions", lines: 2 }]);
    expect(sectionsLeftOut(both, rendered)).toEqual([]);
  });

  it.each([
    ["missing", (text: string) => text.replace(/<!-- k8s-weekly:end other_merges -->\n/, ""), "the file has broken k8s-weekly markers: line 14: begin marker for promotions inside other_merges"],
    ["duplicated", (text: string) => `${text}${endMarker("x")}`, /without its begin marker/],
    [
      "out of order",
      (text: string) => text.replace(/(<!-- k8s-weekly:begin other_merges[^\n]*\n[\s\S]*?end other_merges -->)\n\n(<!-- k8s-weekly:begin promotions[^\n]*\n[\s\S]*?end promotions -->)/, "$2\n\n$1"),
      /do not match the template's \(other_merges, promotions\): markers are unknown or out of order/,
    ],
    ["of a section the template lacks", (text: string) => text.replace(endMarker("promotions"), `${endMarker("promotions")}\n${beginMarker("shoutouts", new Map())}\n${endMarker("shoutouts")}`), /markers are unknown or out of order/],
  ])("rejects a file whose markers are %s", (_name, damage, message) => {
    const both = post({ other_merges: [line(1)], promotions: [] });
    const damaged = damage(both);
    expect(damaged).not.toBe(both);
    expect(() => updatePost(damaged, both)).toThrow(MarkerError);
    expect(() => updatePost(damaged, both)).toThrow(message);
  });
});
