import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintPost } from "../src/lint/lint-post.js";
import { TOOL_COMMENT, toolComment } from "../src/markdown/tool-comments.js";
import { finalizePost } from "../src/write/finalize-post.js";
import { runCli } from "./helpers/run-cli.js";

const FRONT = "---\nlayout: post\ntitle: Week Ending July 4, 2021\ndate: 2021-07-04 22:00:00 -0000\nslug: 2021-07-04-update\n---\n";
const PR = "https://github.com/kubernetes/kubernetes/pull/103326";

function folder(): string {
  return mkdtempSync(join(tmpdir(), "k8s-weekly-finalize-"));
}

/** A fresh draft of the sample week, written by the CLI. */
async function freshDraft(dir: string): Promise<string> {
  const post = join(dir, "2021-07-04-update.md");
  const result = await runCli(["draft", "--week", "2021-07-04", "--offline", "-o", post], {}, dir);
  expect(result.code).toBe(0);
  return post;
}

/** What an editor does before publishing: every placeholder written, nothing left empty. */
function finish(draft: string): string {
  return draft.replace(/^.*TODO\(editor\).*$/gm, "Written by the editor.");
}

describe("finalizePost", () => {
  const draft = [
    FRONT,
    "## Featured PRs",
    "",
    "Written by the editor.",
    "",
    "<!-- k8s-weekly featured candidates:",
    `  #1 A title (${PR}) score 0.5: kind/feature +0.3`,
    "-->",
    "",
    "## KEP of the Week",
    "",
    "A KEP.",
    "",
    "<!-- k8s-weekly KEP candidates:",
    "  KEP-1234 -->",
    "",
    "<!-- k8s-weekly:begin other_merges kubernetes/kubernetes/pull/103326=4f1c0d2a9b -->",
    "## Other Merges",
    "",
    `* kubeadm [supports JSON output](${PR})`,
    "<!-- k8s-weekly:end other_merges -->",
    "",
    "<!-- k8s-weekly:begin promotions -->",
    "<!-- k8s-weekly:end promotions -->",
    "",
    "<!-- k8s-weekly:begin version_updates -->",
    "<!-- k8s-weekly:end version_updates -->",
    "<!-- k8s-weekly: changes in the week's feature gates and dependencies that no PR explains:",
    "  go.mod: foo v1 → v2",
    "-->",
    "",
    "## Shoutouts",
    "",
    "<!-- the editor's own comment stays -->",
    "Thanks.",
    "",
  ].join("\n");
  const published = [
    FRONT,
    "## Featured PRs",
    "",
    "Written by the editor.",
    "",
    "## KEP of the Week",
    "",
    "A KEP.",
    "",
    "## Other Merges",
    "",
    `* kubeadm [supports JSON output](${PR})`,
    "",
    "## Shoutouts",
    "",
    "<!-- the editor's own comment stays -->",
    "Thanks.",
    "",
  ].join("\n");

  it("removes the markers with their hash lists, empty marker pairs and every note of the tool, and nothing else", () => {
    const finalized = finalizePost(draft);
    expect(finalized.text).toBe(published);
    expect(finalized.removed).toEqual([
      { kind: "note", name: "featured candidates" },
      { kind: "note", name: "KEP candidates" },
      { kind: "marker", name: "other_merges" },
      { kind: "marker", name: "other_merges" },
      { kind: "marker", name: "promotions" },
      { kind: "marker", name: "promotions" },
      { kind: "marker", name: "version_updates" },
      { kind: "marker", name: "version_updates" },
      { kind: "note", name: "changes in the week's feature gates and dependencies that no PR explains" },
    ]);
    expect(lintPost(finalized.text)).toEqual([]);
    // Each line of the result knows the draft's line it came from.
    const lines = draft.split("\n");
    finalized.text.split("\n").forEach((line, index) => expect(lines[(finalized.sourceLine[index] ?? 0) - 1]).toBe(line));
  });

  it("keeps CRLF line ends and a byte order mark, and is a no-op on a finalized post", () => {
    const crlf = `\uFEFF${draft.replace(/\n/g, "\r\n")}`;
    expect(finalizePost(crlf).text).toBe(`\uFEFF${published.replace(/\n/g, "\r\n")}`);
    expect(finalizePost(published)).toEqual({ text: published, removed: [], sourceLine: published.split("\n").map((_, index) => index + 1) });
    // A draft that ends in a note ends in one line end, not a bare CR.
    expect(finalizePost(`${FRONT}\nText.\r\n\r\n<!-- k8s-weekly featured candidates:\r\n-->\r\n`.replace(/(?<!\r)\n/g, "\r\n")).text).toBe(`${FRONT}\nText.\r\n`.replace(/(?<!\r)\n/g, "\r\n"));
  });

  it("counts lines as the file has them, whatever lone carriage returns an editor pasted", () => {
    const pasted = [
      FRONT,
      "## Developer News",
      "",
      "Pasted text with a stray\rcarriage return.",
      "",
      "<!-- k8s-weekly:begin other_merges kubernetes/kubernetes/pull/1=0123456789 -->",
      "## Other Merges",
      "",
      `* An editor's bullet [about widgets](${PR})`,
      "<!-- k8s-weekly:end other_merges -->",
      "",
      "An editor's closing line.",
      "",
    ].join("\n");
    expect(finalizePost(pasted).text).toBe(pasted.replace(/<!-- k8s-weekly:[^\n]*\n/g, ""));
  });

  it("never touches the editor's text: what only looks like the tool's survives, byte for byte", () => {
    const hostile = [
      FRONT,
      "## Developer News",
      "",
      "Editors delete lines like <!-- k8s-weekly:end other_merges --> by hand no more.",
      "<!-- k8s-weekly:end other_merges --> and this editor's words follow the comment",
      "<!-- k8s-weekly featured candidates: kept --> with words after it",
      "",
      "```markdown",
      "<!-- k8s-weekly:begin other_merges kubernetes/kubernetes/pull/1=abcdef0123 -->",
      "<!-- k8s-weekly featured candidates:",
      "-->",
      "<!-- k8s-weekly:end other_merges -->",
      "```",
      "",
      "    <!-- k8s-weekly:end promotions -->",
      "",
      "* A list item",
      "",
      "  <!-- k8s-weekly:end deprecated -->",
      "",
      "> <!-- k8s-weekly featured candidates: quoted -->",
      "",
      "<!--k8s-weekly:end tight -->",
      "<!-- k8s-weeklyish note -->",
      "",
    ].join("\n");
    expect(finalizePost(hostile)).toMatchObject({ text: hostile, removed: [] });
    // With the tool's own comments around it, only those go.
    const mixed = hostile.replace("## Developer News\n", "## Developer News\n\n<!-- k8s-weekly:begin other_merges -->\n<!-- k8s-weekly:end other_merges -->\n");
    expect(finalizePost(mixed).text).toBe(hostile);
  });

  it("keeps two lines of text apart where a removed comment stood between them", () => {
    const text = `${FRONT}\n## Developer News\n\nFirst paragraph.\n<!-- k8s-weekly:end other_merges -->\nSecond paragraph.\n`;
    expect(finalizePost(text).text).toBe(`${FRONT}\n## Developer News\n\nFirst paragraph.\n\nSecond paragraph.\n`);
  });

  it("keeps two list items one list where a removed marker stood between them", () => {
    const text = `${FRONT}\n## Other Merges\n\n* [A tool line](${PR})\n<!-- k8s-weekly:end other_merges -->\n* A line the editor added below\n1. A numbered one\n`;
    expect(finalizePost(text).text).toBe(`${FRONT}\n## Other Merges\n\n* [A tool line](${PR})\n* A line the editor added below\n1. A numbered one\n`);
  });
});

describe("the tool's comments share one prefix", () => {
  it("every comment the shipped templates write opens with TOOL_COMMENT, so lint and finalize know it", () => {
    const dir = new URL("../templates/", import.meta.url);
    const files = ["post.md.hbs", ...readdirSync(new URL("partials/", dir)).map((name) => `partials/${name}`)];
    const comments = files.flatMap((file) => readFileSync(new URL(file, dir), "utf8").split("\n").filter((line) => line.includes("<!--")));
    expect(comments.length).toBeGreaterThan(0);
    for (const line of comments) expect(line.startsWith(TOOL_COMMENT)).toBe(true);
    expect(toolComment("<!-- k8s-weekly featured candidates:\n  #1 x\n-->")).toEqual({ kind: "note", name: "featured candidates" });
    expect(toolComment("<!-- k8s-weekly:begin promotions a/b=0123456789 -->")).toEqual({ kind: "marker", name: "promotions" });
    expect(toolComment("<!-- an editor's -->")).toBeNull();
  });
});

describe("k8s-weekly finalize", () => {
  it("refuses a fresh draft: exit 1, the problems listed with the draft's lines, the file untouched", async () => {
    const dir = folder();
    const post = await freshDraft(dir);
    const before = readFileSync(post);
    const result = await runCli(["finalize", post], {}, dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = before.toString("utf8").split("\n");
    const listed = result.stderr.trimEnd().split("\n");
    expect(listed.at(-1)).toMatch(new RegExp(`^k8s-weekly: finalize ${post}: the post is not finished \\(\\d+ problems above\\); the file was left as it is: finish it, or add --force$`));
    const problems = listed.slice(0, -1);
    expect(problems.length).toBeGreaterThan(3);
    for (const problem of problems) {
      const [, line] = problem.match(new RegExp(`^k8s-weekly: ${post}:(\\d+): TODO\\(editor\\) left`)) ?? [];
      expect(lines[Number(line) - 1]).toContain("TODO(editor)");
    }
    expect(readFileSync(post).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(["2021-07-04-update.md"]);
  });

  it("finalizes a finished draft in place: no tool comment left, lint passes, and --update then says it was finalized", async () => {
    const dir = folder();
    const post = await freshDraft(dir);
    writeFileSync(post, finish(readFileSync(post, "utf8")));
    const mode = statSync(post).mode;
    const result = await runCli(["finalize", post], {}, dir);
    expect(result).toMatchObject({ code: 0, stdout: "" });
    expect(result.stderr).toMatch(new RegExp(`^k8s-weekly: finalized ${post}: removed \\d+ markers and the notes? .*"featured candidates"`));
    const text = readFileSync(post, "utf8");
    expect(text).not.toContain("k8s-weekly");
    expect(text).not.toContain("<!--");
    expect(text).toContain("## Other Merges\n\n* ");
    expect(statSync(post).mode).toBe(mode);
    expect(readdirSync(dir)).toEqual(["2021-07-04-update.md"]);
    expect(await runCli(["lint", post], {}, dir)).toEqual({ code: 0, stdout: "1 file, 0 problems\n", stderr: "" });

    const update = await runCli(["draft", "--week", "2021-07-04", "--offline", "--update", post], {}, dir);
    expect(update.code).toBe(2);
    expect(update.stdout).toBe("");
    expect(update.stderr.trimEnd().split("\n").at(-1)).toBe(
      `k8s-weekly: --update ${post}: is a finished post (finalized, written by hand, or drafted with a template that writes no k8s-weekly markers: it has a slug and no markers), and --update refreshes only a draft; edit the post by hand, or draft the week again with -o NEW-FILE; see k8s-weekly draft --help`,
    );
    expect(readFileSync(post, "utf8")).toBe(text);

    // Finalizing again changes nothing.
    expect(await runCli(["finalize", post], {}, dir)).toEqual({ code: 0, stdout: "", stderr: `k8s-weekly: finalize ${post}: has no k8s-weekly markers or notes; the file was left as it is\n` });
    expect(await runCli(["finalize", post, "-o", "-"], {}, dir)).toEqual({ code: 0, stdout: text, stderr: `k8s-weekly: finalize ${post}: has no k8s-weekly markers or notes; printed as it is\n` });
    expect(readFileSync(post, "utf8")).toBe(text);
  });

  it("keeps the editor's text that looks like the tool's, and --update of the result still says finalized", async () => {
    const dir = folder();
    const post = await freshDraft(dir);
    const editorsText = [
      "How the draft marks its sections, for new editors:",
      "",
      "```markdown",
      "<!-- k8s-weekly:begin other_merges kubernetes/kubernetes/pull/1=abcdef0123 -->",
      "<!-- k8s-weekly:end other_merges -->",
      "```",
      "",
      "The line <!-- k8s-weekly:end promotions --> stays where an editor typed it.",
    ].join("\n");
    writeFileSync(post, finish(readFileSync(post, "utf8")).replace("## Developer News\n\nWritten by the editor.", `## Developer News\n\n${editorsText}`));
    expect((await runCli(["finalize", post], {}, dir)).code).toBe(0);
    const text = readFileSync(post, "utf8");
    expect(text).toContain(`## Developer News\n\n${editorsText}\n\n## Release Schedule`);
    expect(text).not.toContain("featured candidates");
    const update = await runCli(["draft", "--week", "2021-07-04", "--offline", "--update", post], {}, dir);
    expect(update.code).toBe(2);
    expect(update.stderr).toContain("is a finished post (finalized, written by hand, or drafted with a template that writes no k8s-weekly markers");
  });

  it("-o - prints the post and leaves the file alone; --force finalizes an unfinished draft with a warning", async () => {
    const dir = folder();
    const post = await freshDraft(dir);
    const draft = readFileSync(post, "utf8");
    writeFileSync(post, finish(draft));
    const printed = await runCli(["finalize", post, "-o", "-"], {}, dir);
    expect(printed).toEqual({ code: 0, stdout: finalizePost(finish(draft)).text, stderr: "" });
    expect(readFileSync(post, "utf8")).toBe(finish(draft));

    writeFileSync(post, draft);
    const forced = await runCli(["finalize", "--force", post], {}, dir);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain(`k8s-weekly: ${post}:10: TODO(editor) left: write this part, or delete it\n`);
    expect(forced.stderr).toMatch(/warning: finalize .*: finalized with \d+ problems left \(--force\)\n/);
    expect(readFileSync(post, "utf8")).toBe(finalizePost(draft).text);
  });

  it("a post with nothing of the tool's in it is left as it is, and says so once, with --force or without: nothing was finalized", async () => {
    const dir = folder();
    const post = join(dir, "post.md");
    writeFileSync(post, "# x\n");
    const problem = [
      `k8s-weekly: ${post}:1: no front matter: the post must start with a --- line\n`,
      `k8s-weekly: ${post}:1: the post has no sections (## headings): draft it with k8s-weekly draft, or write them\n`,
    ].join("");
    expect(await runCli(["finalize", "--force", post], {}, dir)).toEqual({
      code: 0,
      stdout: "",
      stderr: `${problem}k8s-weekly: warning: finalize ${post}: has no k8s-weekly markers or notes, so nothing was finalized; the file was left as it is, with 2 problems (above)\n`,
    });
    expect(await runCli(["finalize", "--force", post, "-o", "-"], {}, dir)).toEqual({
      code: 0,
      stdout: "# x\n",
      stderr: `${problem}k8s-weekly: warning: finalize ${post}: has no k8s-weekly markers or notes, so nothing was finalized; printed as it is, with 2 problems (above)\n`,
    });
    // Without --force, adding it would change nothing: the fix is to finish the post.
    expect(await runCli(["finalize", post], {}, dir)).toEqual({
      code: 1,
      stdout: "",
      stderr: `${problem}k8s-weekly: finalize ${post}: the post is not finished (2 problems above), and has no k8s-weekly markers or notes to remove; the file was left as it is: finish it\n`,
    });
    expect(readFileSync(post, "utf8")).toBe("# x\n");
  });

  it("keeps a CRLF draft's line ends", async () => {
    const dir = folder();
    const post = await freshDraft(dir);
    writeFileSync(post, finish(readFileSync(post, "utf8")).replace(/\n/g, "\r\n"));
    expect((await runCli(["finalize", post], {}, dir)).code).toBe(0);
    const text = readFileSync(post, "utf8");
    expect(text).not.toContain("k8s-weekly");
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("is a usage error (exit 2) for -o FILE, a folder, a missing file or one that is not UTF-8", async () => {
    const dir = folder();
    const post = await freshDraft(dir);
    expect(await runCli(["finalize", post, "-o", join(dir, "other.md")], {}, dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: -o ${join(dir, "other.md")}: finalize rewrites ${post} in place, or prints the result with -o - (stdout); copy the file first to keep the draft; see k8s-weekly finalize --help\n`,
    });
    expect((await runCli(["finalize", dir], {}, dir)).code).toBe(2);
    expect((await runCli(["finalize", join(dir, "missing.md")], {}, dir)).code).toBe(2);
    writeFileSync(post, Buffer.concat([Buffer.from(finish(readFileSync(post, "utf8"))), Buffer.from([0xff, 0x0a])]));
    expect(await runCli(["finalize", post], {}, dir)).toMatchObject({ code: 2, stderr: `k8s-weekly: finalize ${post}: is not UTF-8 text; save the post as UTF-8 first; see k8s-weekly finalize --help\n` });
  });

  it("a device is a usage error that asks for the draft, not for - (finalize has no stdin or stdout spelling)", async () => {
    expect(await runCli(["finalize", "/dev/null"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "k8s-weekly: finalize /dev/null: is not a regular file; give the draft's file; see k8s-weekly finalize --help\n",
    });
    expect(await runCli(["draft", "--week", "2021-07-04", "--offline", "--update", "/dev/null"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "k8s-weekly: --update /dev/null: is not a regular file; give the draft's file; see k8s-weekly draft --help\n",
    });
  });
});
