import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { CLI, runCli, type CliResult } from "./helpers/run-cli.js";

const FRONT = "---\nlayout: post\ntitle: Week Ending July 4, 2021\ndate: 2021-07-04 22:00:00 -0000\nslug: 2021-07-04-update\n---\n";
const CLEAN = `${FRONT}\n## Developer News\n\nNews.\n`;

function folder(): string {
  return mkdtempSync(join(tmpdir(), "k8s-weekly-lint-cli-"));
}

/** The CLI in this process, with `stdin` as the process's standard input. */
async function runWithStdin(args: string[], stdin: string, cwd = process.cwd()): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", CLI, ...args], {}, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
    stdin: () => Promise.resolve(Buffer.from(stdin)),
  });
  return { code, stdout, stderr };
}

describe("k8s-weekly lint on a file that is not UTF-8", () => {
  it("says so, as finalize does, instead of reporting a missing front matter", async () => {
    const dir = folder();
    const post = join(dir, "post.md");
    writeFileSync(post, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN, "utf16le")]));
    expect(await runCli(["lint", post], {}, dir)).toEqual({ code: 2, stdout: "", stderr: `k8s-weekly: lint ${post}: is not UTF-8 text; save the post as UTF-8 first; see k8s-weekly lint --help\n` });
  });
});

describe("k8s-weekly lint on a draft", () => {
  it("fails a fresh draft for what the editor has still to do, and passes it with --draft", async () => {
    const dir = folder();
    const post = join(dir, "2021-07-04-update.md");
    expect((await runCli(["draft", "--week", "2021-07-04", "--offline", "-o", post])).code).toBe(0);
    const lines = readFileSync(post, "utf8").split("\n");
    const strict = await runCli(["lint", post], {}, dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe("");
    const printed = strict.stdout.trimEnd().split("\n");
    const todos = lines.flatMap((line, index) => (line.includes("TODO(editor)") ? [`${post}:${index + 1}: TODO(editor) left: write this part, or delete it`] : []));
    expect(todos.length).toBeGreaterThan(3);
    expect(printed).toEqual(expect.arrayContaining(todos));
    const featured = lines.findIndex((line) => line.startsWith("<!-- k8s-weekly featured candidates:")) + 1;
    expect(printed).toContain(`${post}:${featured}: the k8s-weekly note "featured candidates" is still in the post: use it, then delete it or run k8s-weekly finalize`);
    expect(printed.filter((line) => line.includes("markers are still in the post"))).toHaveLength(1);
    expect(printed.at(-1)).toBe(`1 file, ${printed.length - 1} problems`);

    const draft = await runCli(["lint", "--draft", post], {}, dir);
    expect(draft).toEqual({ code: 0, stdout: `1 file, 0 problems (${printed.length - 1} unfinished parts accepted by --draft)\n`, stderr: "" });
  });
});

describe("k8s-weekly lint FILE... and -", () => {
  it("checks several files and stdin, one line per problem, then one summary line", async () => {
    const dir = folder();
    writeFileSync(join(dir, "a.md"), CLEAN);
    writeFileSync(join(dir, "b.md"), `${FRONT}\n## Developer News\n\nThe Kubeadm team.\n\n## Shoutouts\n\n`);
    const result = await runWithStdin(["lint", join(dir, "a.md"), "-", join(dir, "b.md")], `${FRONT}\n## Developer News\n\n* A bullet.\n`);
    expect(result).toEqual({
      code: 1,
      stdout: [
        "<stdin>:10: bullet ends with a period; LWKD bullets have none",
        `${join(dir, "b.md")}:10: "Kubeadm" is spelled "kubeadm" in LWKD`,
        `${join(dir, "b.md")}:12: section "Shoutouts" is empty: write it, or delete the heading`,
        "3 files, 3 problems",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(await runWithStdin(["lint", "-", join(dir, "a.md")], CLEAN)).toEqual({ code: 0, stdout: "2 files, 0 problems\n", stderr: "" });
  });

  it("reads CRLF files, and its line numbers are the file's", async () => {
    const dir = folder();
    const post = join(dir, "crlf.md");
    writeFileSync(post, `${FRONT}\n## Developer News\n\nThe Kubeadm team.\n`.replace(/\n/g, "\r\n"));
    expect(await runCli(["lint", post], {}, dir)).toEqual({ code: 1, stdout: `${post}:10: "Kubeadm" is spelled "kubeadm" in LWKD\n1 file, 1 problem\n`, stderr: "" });
  });

  it("exempts link labels: a label quotes the page it links", async () => {
    const dir = folder();
    const post = join(dir, "links.md");
    writeFileSync(post, `${FRONT}\n## Developer News\n\n- [new APIServer tracing requests](https://github.com/kubernetes/kubernetes/pull/1)\n`);
    expect(await runCli(["lint", post], {}, dir)).toEqual({ code: 0, stdout: "1 file, 0 problems\n", stderr: "" });
  });

  it("is a usage error, exit 2 with nothing checked, for a file it cannot read or - given twice", async () => {
    const dir = folder();
    writeFileSync(join(dir, "a.md"), `${FRONT}\n## Developer News\n\n* A bullet.\n`);
    expect(await runCli(["lint", join(dir, "a.md"), join(dir, "missing.md")], {}, dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: lint ${join(dir, "missing.md")}: does not exist; give an LWKD post; see k8s-weekly lint --help\n`,
    });
    expect(await runCli(["lint", dir], {}, dir)).toMatchObject({ code: 2, stdout: "" });
    expect(await runWithStdin(["lint", "-", "-"], CLEAN)).toEqual({ code: 2, stdout: "", stderr: "k8s-weekly: lint: - (stdin) can be given only once; see k8s-weekly lint --help\n" });
    expect((await runCli(["lint"], {}, dir)).code).toBe(2);
  });

  it("reads the real process's stdin", () => {
    const child = spawnSync(process.execPath, [CLI, "lint", "-"], { input: `${FRONT}\n## Developer News\n\nThe Kubeadm team.\n`, encoding: "utf8", cwd: folder() });
    expect(child.status).toBe(1);
    expect(child.stdout).toBe('<stdin>:10: "Kubeadm" is spelled "kubeadm" in LWKD\n1 file, 1 problem\n');
  });
});

describe("k8s-weekly lint and the config's titleDateFormat", () => {
  it("reads the title with the config's pattern, so a draft in a custom format passes", async () => {
    const dir = folder();
    writeFileSync(join(dir, "k8s-weekly.config.json"), JSON.stringify({ titleDateFormat: "d MMMM yyyy" }));
    const post = join(dir, "post.md");
    expect((await runCli(["draft", "--week", "2021-07-04", "--offline", "-o", post], {}, dir)).code).toBe(0);
    expect(readFileSync(post, "utf8")).toContain("\ntitle: Week Ending 4 July 2021\n");
    expect((await runCli(["lint", "--draft", post], {}, dir)).code).toBe(0);
    // Elsewhere, without the config, the default pattern applies; --config names it.
    const elsewhere = folder();
    expect((await runCli(["lint", "--draft", post], {}, elsewhere)).stdout).toContain(
      `${post}:1: front matter title "Week Ending 4 July 2021" should look like "Week Ending July 4, 2021"`,
    );
    expect((await runCli(["lint", "--draft", "--config", join(dir, "k8s-weekly.config.json"), post], {}, elsewhere)).code).toBe(0);
  });

  it("refuses an invalid titleDateFormat when the config is loaded, naming the key: draft and lint alike", async () => {
    for (const [pattern, reason] of [
      ["MMMM jj, yyyy", "not a date-fns pattern (Format string contains an unescaped latin alphabet character `j`)"],
      ["'the week'", "must name the day and the month"],
      ["MMMM d, YYYY", '"YYYY" is the week-numbering year in date-fns; use yyyy for the year'],
      ["DD MMMM yyyy", '"DD" is the day of the year in date-fns; use d for the day of the month'],
    ] as const) {
      const dir = folder();
      const config = join(dir, "k8s-weekly.config.json");
      writeFileSync(config, JSON.stringify({ titleDateFormat: pattern }));
      writeFileSync(join(dir, "post.md"), CLEAN);
      for (const args of [["draft", "--week", "2021-07-04", "--offline"], ["lint", join(dir, "post.md")]]) {
        const result = await runCli(args, {}, dir);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr).toMatch(new RegExp(`^k8s-weekly: config ${config}: titleDateFormat: .*${reason.replace(/[()`.]/g, "\\$&")}.*\\n$`));
      }
    }
  });
});
