import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readProblem, errnoWords } from "../src/errors.js";
import { runCli } from "./helpers/run-cli.js";

const errno = (code: string, syscall = "open"): NodeJS.ErrnoException => Object.assign(new Error(`${code}: something, ${syscall}`), { code, syscall });

describe("Node's errno codes in plain words", () => {
  it("says what is wrong with the path, and keeps the code of a rare failure", () => {
    expect(readProblem(errno("ENOENT"))).toBe("does not exist");
    expect(readProblem(errno("EISDIR", "read"))).toBe("is a folder");
    expect(readProblem(errno("ENOTDIR", "scandir"))).toBe("is not a folder");
    expect(readProblem(errno("ENOTDIR"))).toBe("does not exist (part of its path is a file)");
    expect(readProblem(errno("EACCES"))).toBe("cannot be read (permission denied)");
    expect(readProblem(errno("EPERM"))).toBe("cannot be read (permission denied)");
    expect(readProblem(errno("EIO"))).toBe("cannot be read (EIO)");
    expect(errnoWords(errno("EROFS"))).toBe("read-only file system");
    expect(errnoWords(errno("ENOSPC"))).toBe("no space left on the disk");
    expect(errnoWords(new Error("went wrong"))).toBe("went wrong");
  });
});

describe("a file or folder that cannot be read is named in words, not by its errno code", () => {
  const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-file-errors-"));
  const folder = join(dir, "posts");
  const missing = join(dir, "missing.md");
  const file = join(dir, "partials.hbs");
  mkdirSync(folder);
  writeFileSync(file, "{{line}}\n");
  const offline = ["draft", "--week", "2021-07-04", "--offline"];

  it.each([
    [["lint", folder], `lint ${folder}: is a folder; give an LWKD post`, "lint"],
    [["lint", missing], `lint ${missing}: does not exist; give an LWKD post`, "lint"],
    [["finalize", folder], `finalize ${folder}: is a folder; give a draft written by k8s-weekly`, "finalize"],
    [["finalize", missing], `finalize ${missing}: does not exist; give a draft written by k8s-weekly`, "finalize"],
    [[...offline, "--update", folder], `--update ${folder}: is a folder; give a draft written earlier by k8s-weekly`, "draft"],
    [[...offline, "--update", missing], `--update ${missing}: does not exist; give a draft written earlier by k8s-weekly`, "draft"],
    [[...offline, "--config", folder], `--config ${folder}: is a folder; give an existing JSON file`, "draft"],
    [[...offline, "--config", missing], `--config ${missing}: does not exist; give an existing JSON file`, "draft"],
    [["draft", "--week", "2021-07-04", "--input", folder], `--input ${folder}: is a folder; give an existing JSON file`, "draft"],
    [["draft", "--week", "2021-07-04", "--input", missing], `--input ${missing}: does not exist; give an existing JSON file`, "draft"],
    [[...offline, "--template", folder], `template ${folder}: is a folder; give an existing file`, "draft"],
    [[...offline, "--template", missing], `template ${missing}: does not exist; give an existing file`, "draft"],
    [[...offline, "--partials", file], `partials folder ${file}: is not a folder; give an existing folder`, "draft"],
    [[...offline, "--partials", missing], `partials folder ${missing}: does not exist; give an existing folder`, "draft"],
    [[...offline, "--previous", join(file, "2021-06-27-update.md")], `--previous ${join(file, "2021-06-27-update.md")}: does not exist (part of its path is a file); give the previous post (YYYY-MM-DD-update.md) or the folder of posts`, "draft"],
  ])("%j", async (args, message, command) => {
    expect(await runCli(args, {}, dir)).toEqual({ code: 2, stdout: "", stderr: `k8s-weekly: ${message}; see k8s-weekly ${command} --help\n` });
  });

  it("templates export to a device says it is not a folder, not that it is a file", async () => {
    expect(await runCli(["templates", "export", "/dev/null"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "k8s-weekly: templates export /dev/null: is not a folder; give a folder; see k8s-weekly templates export --help\n",
    });
    expect((await runCli(["templates", "export", join("/dev/null", "lwkd")])).stderr).toBe(
      "k8s-weekly: templates export /dev/null/lwkd: /dev/null is not a folder; give another folder; see k8s-weekly templates export --help\n",
    );
  });
});
