import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";

const SAMPLE = JSON.parse(readFileSync(new URL("../samples/2021-07-04.json", import.meta.url), "utf8")) as { items: Array<{ number: number }> };
const LATE = [101946, 102155, 103082];
const url = (n: number) => `https://github.com/kubernetes/kubernetes/pull/${n}`;

/** The post without its marked regions and the tool's notes: what --update must keep byte for byte. */
function outsideMarkers(post: string): string {
  return post.replace(/<!-- k8s-weekly:begin ([a-z_]+)[^\n]*-->\n[\s\S]*?<!-- k8s-weekly:end \1 -->/g, "<$1>").replace(/<!-- k8s-weekly [^\n]*:\n[\s\S]*?-->/g, "<note>");
}

const featuredNote = (post: string): string | undefined => post.match(/<!-- k8s-weekly featured candidates:\n[\s\S]*?-->/)?.[0];

/** The sample week drafted offline into a new folder's post, and the arguments that refresh it. */
async function offlineDraft(): Promise<{ post: string; args: string[] }> {
  const post = join(mkdtempSync(join(tmpdir(), "k8s-weekly-update-")), "2021-07-04-update.md");
  const args = ["draft", "--week", "2021-07-04", "--offline"];
  expect((await runCli([...args, "-o", post])).code).toBe(0);
  return { post, args };
}

describe("draft --update on a real week an editor has worked on", () => {
  it("keeps the editor's sections and lines, re-adds nothing deleted, and adds the new PRs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-update-"));
    const early = join(dir, "early.json");
    const full = join(dir, "full.json");
    writeFileSync(early, JSON.stringify({ items: SAMPLE.items.filter((item) => !LATE.includes(item.number)) }));
    writeFileSync(full, JSON.stringify(SAMPLE));
    const post = join(dir, "2021-07-04-update.md");

    expect((await runCli(["draft", "--week", "2021-07-04", "--input", early, "-o", post])).code).toBe(0);
    const generated = readFileSync(post, "utf8");
    const mergeLines = generated.split("\n").filter((line) => line.startsWith("* ") && line.includes("/pull/"));
    const [editedOriginal, deleted] = mergeLines;
    expect(editedOriginal).toBeDefined();
    expect(deleted).toBeDefined();
    const editedLine = `${editedOriginal as string}, which the editor reworded by hand`;
    const deletedKey = (deleted as string).match(/\/pull\/(\d+)/)?.[1] as string;
    const edited = generated
      .replace("TODO(editor): developer news, announcements and calls for help.", "Happy Independence Day! Code Freeze is on Thursday.")
      .replace("TODO(editor): shoutouts from #shoutouts.", "Thanks to everyone who reviewed PRs this week.")
      .replace(`${editedOriginal as string}\n`, `${editedLine}\n`)
      .replace(`${deleted as string}\n`, "* Some text an editor added by hand\n");
    writeFileSync(post, edited);

    const update = await runCli(["draft", "--week", "2021-07-04", "--input", full, "--update", post]);
    expect(update).toEqual({ code: 0, stdout: "", stderr: expect.stringContaining(`updated ${post}`) });
    const updated = readFileSync(post, "utf8");
    expect(outsideMarkers(updated)).toBe(outsideMarkers(edited));
    // The tool's own notes follow the new data: the candidates are those of a fresh draft.
    const freshPost = (await runCli(["draft", "--week", "2021-07-04", "--input", full])).stdout;
    expect(featuredNote(generated)).not.toBe(featuredNote(freshPost));
    expect(featuredNote(updated)).toBe(featuredNote(freshPost));
    expect(updated).toContain(`${editedLine}\n`);
    expect(updated).toContain("* Some text an editor added by hand\n");
    // The featured-candidates comment may name the PR; no bullet may bring the deleted line back.
    expect(updated.split("\n").filter((line) => line.startsWith("* ") && line.includes(`${url(Number(deletedKey))})`))).toEqual([]);
    for (const line of mergeLines.slice(2)) expect(updated).toContain(`${line}\n`);

    const fresh = JSON.parse((await runCli(["draft", "--week", "2021-07-04", "--input", full, "--format", "json"])).stdout) as {
      sections: Record<string, Array<{ number: number; line: string }>>;
    };
    const newLines = Object.entries(fresh.sections)
      .filter(([key]) => key !== "featured")
      .flatMap(([, entries]) => entries)
      .filter((entry) => LATE.includes(entry.number));
    expect(newLines.length).toBeGreaterThan(0);
    for (const entry of newLines) expect(updated).toContain(`${entry.line}\n`);

    // A second update with nothing new changes nothing, not even the file an editor has open, and
    // without --week the file's slug names the week.
    const inode = statSync(post).ino;
    const again = await runCli(["draft", "--week", "2021-07-04", "--input", full, "--update", post]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`k8s-weekly: ${post} is up to date\n`);
    expect(statSync(post).ino).toBe(inode);
    expect(readFileSync(post, "utf8")).toBe(updated);
    expect((await runCli(["draft", "--input", full, "--update", post])).code).toBe(0);
    expect(readFileSync(post, "utf8")).toBe(updated);
    // A slug that names no week is never guessed at: the post would be refreshed with another week's PRs.
    const renamed = updated.replace("slug: 2021-07-04-update\n", "slug: my-post\n");
    writeFileSync(post, renamed);
    expect(await runCli(["draft", "--input", full, "--update", post])).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: --update ${post}: its front matter's slug names no week (YYYY-MM-DD-update); give --week, the Sunday the post is for; see k8s-weekly draft --help\n`,
    });
    expect(readFileSync(post, "utf8")).toBe(renamed);
  });

  it("keeps hand-added, moved and typed lines through any number of re-runs (issue 11)", async () => {
    const { post, args } = await offlineDraft();
    const generated = readFileSync(post, "utf8");
    const moved = generated.split("\n").find((line) => line.includes(`${url(103326)})`)) as string;
    const kubectl = "* kubectl [gets a new `--subresource` flag](https://github.com/kubernetes/kubectl/pull/1200)";
    const plain = "* The scheduler team thanks every reviewer";
    const typed = "## Deprecated\n\n* The `--cloud-provider` flag of kube-apiserver is deprecated";
    const edited = generated
      .replace(`${moved}\n`, `${kubectl}\n${plain}\n`)
      .replace("## Promotions\n\n", `## Promotions\n\n${moved}\n`)
      .replace("<!-- k8s-weekly:begin deprecated -->\n", `<!-- k8s-weekly:begin deprecated -->\n${typed}\n`);
    writeFileSync(post, edited);
    for (let run = 1; run <= 3; run += 1) {
      expect((await runCli([...args, "--update", post])).code).toBe(0);
      const updated = readFileSync(post, "utf8");
      for (const text of [kubectl, plain, typed]) expect(updated, `run ${run}`).toContain(`${text}\n`);
      const promotions = updated.slice(updated.indexOf("begin promotions"), updated.indexOf("end promotions"));
      expect(promotions).toContain(`${moved}\n`);
      expect(updated.split("\n").filter((line) => line.includes(`${url(103326)})`)), `run ${run}: the moved PR is not re-added`).toEqual([moved]);
    }
  });

  it("no longer offers a PR the editor has featured as a Featured candidate, and a second run is up to date", async () => {
    const { post, args } = await offlineDraft();
    const candidates = (text: string) => [...(featuredNote(text) ?? "").matchAll(/^ {2}#(\d+) /gm)].map((match) => Number(match[1]));
    expect(candidates(readFileSync(post, "utf8"))).toEqual([98866, 99494, 101946]);
    const featured = `### [#99494: Certificates that say how long they live](${url(99494)})\n\nWhy a shorter certificate matters.`;
    writeFileSync(post, readFileSync(post, "utf8").replace("TODO(editor): pick a featured PR.", featured));
    expect((await runCli([...args, "--update", post])).code).toBe(0);
    const updated = readFileSync(post, "utf8");
    expect(updated).toContain(featured);
    expect(candidates(updated)).toEqual([98866, 101946, 103364]);
    const again = await runCli([...args, "--update", post]);
    expect(again.stderr).toContain(`${post} is up to date`);
    expect(readFileSync(post, "utf8")).toBe(updated);
  });

  it("no longer offers a KEP the editor has written up as a KEP candidate", async () => {
    const { post, args } = await offlineDraft();
    const keps = (text: string) => [...(text.match(/<!-- k8s-weekly KEP candidates:\n[\s\S]*?-->/)?.[0] ?? "").matchAll(/^ {2}KEP-(\d+) /gm)].map((match) => Number(match[1]));
    expect(keps(readFileSync(post, "utf8"))).toEqual([2579, 2485, 2365]);
    const written = "### [KEP-2579: admission that replaces pod security policies](https://github.com/kubernetes/enhancements/issues/2579)\n\nWhy it matters.";
    writeFileSync(post, readFileSync(post, "utf8").replace("TODO(editor): a KEP worth reading this week.", written));
    expect((await runCli([...args, "--update", post])).code).toBe(0);
    const updated = readFileSync(post, "utf8");
    expect(updated).toContain(written);
    expect(keps(updated)).toEqual([2485, 2365]);
  });

  it("updates a CRLF file with trailing spaces after its markers and keeps its line ends", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-update-"));
    const early = join(dir, "early.json");
    writeFileSync(early, JSON.stringify({ items: SAMPLE.items.filter((item) => !LATE.includes(item.number)) }));
    const post = join(dir, "2021-07-04-update.md");
    expect((await runCli(["draft", "--week", "2021-07-04", "--input", early, "-o", post])).code).toBe(0);
    const crlf = readFileSync(post, "utf8").replace(/(<!-- k8s-weekly:[^\n]*-->)\n/g, "$1  \n").replace(/\n/g, "\r\n");
    writeFileSync(post, crlf);
    const result = await runCli(["draft", "--week", "2021-07-04", "--offline", "--update", post]);
    expect(result.stderr).not.toContain("markers");
    expect(result.code).toBe(0);
    const updated = readFileSync(post, "utf8");
    expect(updated).not.toBe(crlf);
    expect(updated).toContain(url(LATE[0] as number));
    expect(updated.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("owns the lines a custom pr-line partial words: they follow the data, and an unchanged re-run is up to date", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-update-"));
    mkdirSync(join(dir, "partials"));
    writeFileSync(join(dir, "partials", "pr-line.hbs"), "{{line}} (by @{{author}})\n");
    const early = join(dir, "early.json");
    const full = join(dir, "full.json");
    writeFileSync(early, JSON.stringify({ items: SAMPLE.items.filter((item) => !LATE.includes(item.number)) }));
    writeFileSync(full, JSON.stringify(SAMPLE));
    const post = join(dir, "post.md");
    const partials = ["--partials", join(dir, "partials")];
    expect((await runCli(["draft", "--week", "2021-07-04", "--input", full, ...partials, "-o", post])).code).toBe(0);
    const drafted = readFileSync(post, "utf8");
    expect(drafted).toMatch(new RegExp(`\\]\\(${url(LATE[0] as number)}\\).* \\(by @[^)]+\\)\n`));
    expect(await runCli(["draft", "--week", "2021-07-04", "--input", full, ...partials, "--update", post])).toMatchObject({ code: 0, stderr: expect.stringContaining("is up to date") });
    // The PRs leave the week: the lines the tool wrote for them go, as they would in the default wording.
    expect((await runCli(["draft", "--week", "2021-07-04", "--input", early, ...partials, "--update", post])).code).toBe(0);
    for (const number of LATE) expect(readFileSync(post, "utf8")).not.toContain(`${url(number)})`);
  });

  it("finds the week of a file saved with a byte order mark, and keeps the mark", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-update-"));
    const early = join(dir, "early.json");
    writeFileSync(early, JSON.stringify({ items: SAMPLE.items.filter((item) => !LATE.includes(item.number)) }));
    const post = join(dir, "post.md");
    expect((await runCli(["draft", "--week", "2021-07-04", "--input", early, "-o", post])).code).toBe(0);
    writeFileSync(post, `\uFEFF${readFileSync(post, "utf8")}`);
    expect(await runCli(["draft", "--offline", "--update", post])).toMatchObject({ code: 0, stdout: "" });
    const updated = readFileSync(post, "utf8");
    expect(updated.startsWith("\uFEFF---\nlayout: post\n")).toBe(true);
    expect(updated).toContain(url(LATE[0] as number));
    const wrongWeek = await runCli(["draft", "--week", "2021-06-27", "--offline", "--update", post]);
    expect(wrongWeek.code).toBe(2);
    expect(wrongWeek.stderr).toContain("is the draft for the week ending 2021-07-04, not 2021-06-27");
  });

  it("refuses a file with broken markers with exit 2 and leaves it untouched", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-update-"));
    const post = join(dir, "post.md");
    expect((await runCli(["draft", "--week", "2021-07-04", "--offline", "-o", post])).code).toBe(0);
    const broken = readFileSync(post, "utf8").replace("<!-- k8s-weekly:end other_merges -->\n", "");
    writeFileSync(post, broken);
    const result = await runCli(["draft", "--week", "2021-07-04", "--offline", "--update", post]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^k8s-weekly: --update .*post\.md: broken k8s-weekly markers \(line \d+: begin marker for promotions inside other_merges\); restore them from a fresh draft; see k8s-weekly draft --help\n$/);
    expect(readFileSync(post, "utf8")).toBe(broken);
    expect(readdirSync(dir)).toEqual(["post.md"]);
  });

  it("refuses a file without markers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-update-"));
    const post = join(dir, "post.md");
    writeFileSync(post, "---\nlayout: post\n---\n\nHand-written post\n");
    const result = await runCli(["draft", "--week", "2021-07-04", "--offline", "--update", post]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: --update ${post}: has no k8s-weekly markers; draft the week with -o first, or restore them from a fresh draft; see k8s-weekly draft --help\n`,
    });
    expect(readFileSync(post, "utf8")).toBe("---\nlayout: post\n---\n\nHand-written post\n");
  });

  it("refuses a file that is not UTF-8 text, with or without --week, and leaves it untouched", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-update-"));
    const post = join(dir, "post.md");
    expect((await runCli(["draft", "--week", "2021-07-04", "--offline", "-o", post])).code).toBe(0);
    const draft = readFileSync(post, "utf8");
    const notUtf8 = { code: 2, stdout: "", stderr: `k8s-weekly: --update ${post}: is not UTF-8 text; save the post as UTF-8 first; see k8s-weekly draft --help\n` };
    // A line an editor typed in Latin-1: decoded anyway, the refresh would write it back as U+FFFD.
    const latin1 = Buffer.concat([Buffer.from(draft), Buffer.from("Caf\xe9 news\n", "latin1")]);
    // Saved as UTF-16 by an editor on Windows: no marker or slug can be read.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(draft, "utf16le")]);
    for (const bytes of [latin1, utf16]) {
      writeFileSync(post, bytes);
      expect(await runCli(["draft", "--week", "2021-07-04", "--offline", "--update", post])).toEqual(notUtf8);
      expect(await runCli(["draft", "--offline", "--update", post])).toEqual(notUtf8);
      expect(readFileSync(post).equals(bytes)).toBe(true);
    }
    expect(readdirSync(dir)).toEqual(["post.md"]);
  });
});
