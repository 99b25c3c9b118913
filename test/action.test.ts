import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { FakeGitHub, FakeSearchItem } from "./fake-github/server.js";
import { startFakeWorld } from "./helpers/fake-world.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ACTION = join(ROOT, "action.yml");
const WORKFLOW = join(ROOT, "examples", "lwkd-draft.yml");
const VALIDATOR = join(ROOT, "node_modules", "@action-validator", "cli", "cli.mjs");

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface ActionFile {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}
interface WorkflowFile {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[] }>;
}

const action = parse(readFileSync(ACTION, "utf8")) as ActionFile;
const workflow = parse(readFileSync(WORKFLOW, "utf8")) as WorkflowFile;

/** action-validator checks a file against the schemas GitHub publishes (SchemaStore's): exit 0 or 1, errors as JSON on stdout. */
function validate(file: string): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, [VALIDATOR, file], { encoding: "utf8" });
  return { code: result.status, output: result.stdout + result.stderr };
}

describe("action.yml and the example workflow against GitHub's schemas", () => {
  it.each([["action.yml", ACTION], ["examples/lwkd-draft.yml", WORKFLOW]])("%s validates", (_name, file) => {
    expect(validate(file)).toEqual({ code: 0, output: "" });
  });

  it("the check can fail: a broken action and a broken workflow exit 1 naming the problem", () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-action-"));
    // The validator tells an action from a workflow by the file name.
    const brokenAction = join(dir, "action.yml");
    writeFileSync(brokenAction, readFileSync(ACTION, "utf8").replace(/^ {6}shell: bash\n/m, ""));
    const actionResult = validate(brokenAction);
    expect(actionResult.code).toBe(1);
    expect(actionResult.output).toContain('"path": "/runs/steps/');
    const brokenWorkflow = join(dir, "lwkd-draft.yml");
    writeFileSync(brokenWorkflow, readFileSync(WORKFLOW, "utf8").replace("runs-on: ubuntu-latest", "runs-on: [ubuntu-latest]\n    timeout-minutes: soon"));
    const workflowResult = validate(brokenWorkflow);
    expect(workflowResult.code).toBe(1);
    expect(workflowResult.output).toContain("timeout-minutes");
    copyFileSync(ACTION, join(dir, "action.yml"));
    expect(validate(join(dir, "action.yml")).code).toBe(0);
  });

  it("no expression is pasted into a shell script: inputs reach run steps only through env", () => {
    const steps = [...action.runs.steps, ...Object.values(workflow.jobs).flatMap((job) => job.steps)];
    const scripts = steps.flatMap((step) => (step.run === undefined ? [] : [step.run]));
    expect(scripts.length).toBeGreaterThan(3);
    for (const script of scripts) expect(script).not.toContain("${{");
  });
});

describe("action.yml", () => {
  it("takes week, through, output, config, token (the workflow's by default) and update, and gives the file and the week", () => {
    expect(Object.keys(action.inputs)).toEqual(["week", "through", "output", "config", "token", "update"]);
    expect(action.inputs.token?.default).toBe("${{ github.token }}");
    expect(action.inputs.week?.default).toBe("last");
    expect(action.inputs.update?.default).toBe("false");
    expect(Object.keys(action.outputs)).toEqual(["file", "week"]);
  });

  it("is a composite action that installs Node 20 and builds the tool from its own checkout", () => {
    expect(action.runs.using).toBe("composite");
    const steps = action.runs.steps;
    expect(steps[0]).toMatchObject({ uses: "actions/setup-node@v4", with: { "node-version": 20 } });
    expect(steps.find((step) => step.uses?.startsWith("actions/cache@"))?.with).toMatchObject({ path: "~/.npm" });
    const install = steps.find((step) => step.run?.includes("npm ci"))?.run ?? "";
    expect(install).toContain('cd "$GITHUB_ACTION_PATH"');
    // No dependency's install script runs beside the job's token; the build is asked for by name.
    expect(install).toMatch(/npm ci [^&]*--ignore-scripts && npm run build/);
    for (const step of steps.filter((candidate) => candidate.run?.includes("k8s-weekly.js"))) {
      expect(step.run).toContain('node "$GITHUB_ACTION_PATH/bin/k8s-weekly.js"');
    }
  });
});

describe("the example workflow", () => {
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it("merges the open draft branch first, drafts or refreshes with the action, and opens the pull request", () => {
    expect(Object.keys(workflow.on)).toEqual(["schedule", "workflow_dispatch"]);
    const draft = steps.find((step) => step.id === "draft");
    expect(draft?.uses).toBe("OWNER/REPO@main");
    expect(draft?.with?.update).toBe(true);
    // Every run, scheduled or manual, starts from the open pull request's branch: nothing editors
    // pushed to it is dropped when create-pull-request force-pushes the branch.
    const bringIn = steps.findIndex((step) => step.name === "Bring in the open draft");
    expect(bringIn).toBeGreaterThan(-1);
    expect(bringIn).toBeLessThan(steps.indexOf(draft!));
    expect(steps[bringIn]?.if).toBeUndefined();
    expect(steps[bringIn]?.run).toContain("merge --no-edit FETCH_HEAD");
    expect(steps.at(-1)?.uses).toMatch(/^peter-evans\/create-pull-request@v\d+$/);
    expect(JSON.stringify(steps.at(-1)?.with)).toContain("steps.draft.outputs.week");
    expect(readFileSync(WORKFLOW, "utf8")).not.toContain("npm install --global");
  });
});

describe("the example workflow's git steps, run with git", () => {
  const git = (cwd: string, ...args: string[]): string => {
    const result = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
    return result.stdout;
  };
  const script = (name: string): string => Object.values(workflow.jobs).flatMap((job) => job.steps).find((step) => step.name === name)?.run ?? "";

  /**
   * An origin with a default branch and an lwkd-draft branch where an editor committed; a checkout
   * of main; and a stand-in for the gh CLI that says how many open pull requests the branch has.
   */
  function repositories(openPullRequests: number): { origin: string; checkout: string; run: (step: string, env?: Record<string, string>) => { status: number | null; stderr: string; output: string } } {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-workflow-"));
    const origin = join(dir, "origin");
    git(dir, "init", "-q", origin);
    writeFileSync(join(origin, "index.md"), "site\n");
    git(origin, "add", "index.md");
    git(origin, "commit", "-qm", "site");
    git(origin, "checkout", "-qb", "lwkd-draft");
    writeFileSync(join(origin, "post.md"), "* A line an editor wrote\n");
    writeFileSync(join(origin, "image.png"), "not a post\n");
    git(origin, "add", ".");
    git(origin, "commit", "-qm", "editor");
    git(origin, "checkout", "-q", "main");
    git(dir, "clone", "-q", origin, "checkout");
    const bin = join(dir, "bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "gh"), `#!/bin/sh\necho ${openPullRequests}\n`, { mode: 0o755 });
    const output = join(dir, "github-output");
    writeFileSync(output, "");
    const checkout = join(dir, "checkout");
    const run = (step: string, env: Record<string, string> = {}) => {
      const result = spawnSync("bash", ["-e", "-c", script(step)], {
        cwd: checkout,
        encoding: "utf8",
        env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}`, GITHUB_OUTPUT: output, ...env },
      });
      return { status: result.status, stderr: result.stderr, output: readFileSync(output, "utf8") };
    };
    return { origin, checkout, run };
  }

  it("merges every file editors committed to the open pull request's branch, and adds nothing once it is merged", () => {
    const { origin, checkout, run } = repositories(1);
    const first = run("Bring in the open draft");
    expect(first.status).toBe(0);
    expect(first.output).toBe(`sha=${git(origin, "rev-parse", "lwkd-draft")}`);
    expect(readFileSync(join(checkout, "post.md"), "utf8")).toBe("* A line an editor wrote\n");
    expect(readFileSync(join(checkout, "image.png"), "utf8")).toBe("not a post\n");

    // Merged on the default branch, then the post edited there: the old branch must not undo it.
    git(origin, "merge", "-q", "lwkd-draft");
    writeFileSync(join(origin, "post.md"), "* The published line\n");
    git(origin, "commit", "-qam", "published");
    git(checkout, "fetch", "-q", "origin");
    git(checkout, "reset", "-q", "--hard", "origin/main");
    expect(run("Bring in the open draft").status).toBe(0);
    expect(readFileSync(join(checkout, "post.md"), "utf8")).toBe("* The published line\n");
    expect(git(checkout, "rev-parse", "HEAD")).toBe(git(checkout, "rev-parse", "origin/main"));
  });

  it("leaves alone a branch whose pull request is not open (squash-merged or closed), or no branch at all", () => {
    const squashed = repositories(0);
    // Squash-merged: the default branch has the post, the branch is no ancestor of it.
    writeFileSync(join(squashed.origin, "post.md"), "* The published line\n");
    git(squashed.origin, "add", "post.md");
    git(squashed.origin, "commit", "-qm", "squashed");
    git(squashed.checkout, "pull", "-q");
    expect(squashed.run("Bring in the open draft")).toMatchObject({ status: 0, output: "" });
    expect(readFileSync(join(squashed.checkout, "post.md"), "utf8")).toBe("* The published line\n");
    expect(existsSync(join(squashed.checkout, "image.png"))).toBe(false);

    const none = repositories(1);
    git(none.origin, "branch", "-qD", "lwkd-draft");
    expect(none.run("Bring in the open draft")).toMatchObject({ status: 0, output: "" });
    expect(existsSync(join(none.checkout, "post.md"))).toBe(false);
  });

  it("stops before the force-push when an editor pushed to the branch while the run was drafting", () => {
    const { origin, run } = repositories(1);
    const fetched = git(origin, "rev-parse", "lwkd-draft").trim();
    expect(run("Check that the draft branch did not move", { FETCHED: fetched }).status).toBe(0);
    git(origin, "checkout", "-q", "lwkd-draft");
    writeFileSync(join(origin, "post.md"), "* A line an editor wrote during the run\n");
    git(origin, "commit", "-qam", "editor again");
    const moved = run("Check that the draft branch did not move", { FETCHED: fetched });
    expect(moved.status).toBe(1);
    expect(moved.stderr).toContain("lwkd-draft changed while this run was drafting; run the workflow again to keep those commits");
  });
});


/**
 * Runs the action's own week and draft steps as GitHub would, with bash, against the fake GitHub:
 * its `${{ inputs.* }}` and `${{ steps.*.outputs.* }}` are filled in here, everything else is the
 * script as shipped.
 */
describe("the action's steps, run", () => {
  const TOKEN = "ghp_actionStepsToken0000000";
  let world: FakeGitHub;
  beforeAll(async () => {
    const sample = JSON.parse(readFileSync(join(ROOT, "samples", "2021-07-04.json"), "utf8")) as { items: FakeSearchItem[] };
    world = await startFakeWorld({ items: sample.items, validToken: TOKEN });
  });
  afterAll(async () => {
    await world.close();
  });

  interface Run {
    code: number | null;
    outputs: Record<string, string>;
    stdout: string;
    stderr: string;
  }

  async function runAction(workspace: string, inputs: Record<string, string>, ids = ["week", "draft"]): Promise<Run & { steps: Record<string, Record<string, string>> }> {
    const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-action-cache-"));
    const outputs: Record<string, Record<string, string>> = {};
    const given = (name: string): string => inputs[name] ?? (name === "token" ? TOKEN : (action.inputs[name]?.default ?? ""));
    let last: Run = { code: 0, outputs: {}, stdout: "", stderr: "" };
    for (const id of ids) {
      const step = action.runs.steps.find((candidate) => candidate.id === id);
      if (!step?.run) throw new Error(`action.yml has no run step ${id}`);
      const env = Object.fromEntries(
        Object.entries(step.env ?? {}).map(([key, value]) => {
          const input = /^\$\{\{ inputs\.(\w+) \}\}$/.exec(value);
          const output = /^\$\{\{ steps\.(\w+)\.outputs\.(\w+) \}\}$/.exec(value);
          if (input?.[1]) return [key, given(input[1])];
          if (output?.[1] && output[2]) return [key, outputs[output[1]]?.[output[2]] ?? ""];
          if (!value.includes("${{")) return [key, value];
          throw new Error(`unexpected expression in ${id}: ${value}`);
        }),
      );
      const outputFile = join(mkdtempSync(join(tmpdir(), "k8s-weekly-action-output-")), "output");
      writeFileSync(outputFile, "");
      last = await bash(step.run, workspace, {
        ...env,
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? tmpdir(),
        XDG_CACHE_HOME: cache,
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_OUTPUT: outputFile,
        GITHUB_API_URL: world.url,
      });
      const stepOutputs = Object.fromEntries(readFileSync(outputFile, "utf8").split("\n").filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2)));
      outputs[id] = stepOutputs;
      last.outputs = { week: outputs.week?.ending ?? "", file: outputs.draft?.file ?? "" };
      if (last.code !== 0) break;
    }
    return { ...last, steps: outputs };
  }

  function bash(script: string, cwd: string, env: Record<string, string>): Promise<Run> {
    return new Promise((resolve, reject) => {
      // GitHub runs `shell: bash` steps as bash --noprofile --norc -eo pipefail {0}.
      const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, outputs: {}, stdout, stderr }));
    });
  }

  it("drafts the week into _posts/ENDING-update.md, refuses to replace it, and with update refreshes it in place", async () => {
    const workspace = mkdtempSync(join(tmpdir(), "k8s-weekly-workspace-"));
    const first = await runAction(workspace, { week: "2021-07-04" });
    expect(first.stderr).toContain("k8s-weekly: wrote _posts/2021-07-04-update.md");
    expect(first).toMatchObject({ code: 0, outputs: { week: "2021-07-04", file: "_posts/2021-07-04-update.md" } });
    const post = join(workspace, "_posts", "2021-07-04-update.md");
    expect(readFileSync(post, "utf8")).toMatch(/^---\nlayout: post\ntitle: Week Ending July 4, 2021\ndate: 2021-07-04 22:00:00 -0000\n/);

    const again = await runAction(workspace, { week: "2021-07-04" });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("the file exists; use --update");

    writeFileSync(post, readFileSync(post, "utf8").replace("TODO(editor): developer news", "The editors' own news"));
    const updated = await runAction(workspace, { week: "2021-07-04", update: "true" });
    expect(updated).toMatchObject({ code: 0, outputs: { week: "2021-07-04", file: "_posts/2021-07-04-update.md" } });
    // Nothing new merged since: the editor's file is left as they saved it.
    expect(updated.stderr).toContain("k8s-weekly: _posts/2021-07-04-update.md is up to date");
    expect(readFileSync(post, "utf8")).toContain("The editors' own news");
  });

  it("refreshes the week's post an editor renamed, found by its slug, rather than drafting a second one", async () => {
    const workspace = mkdtempSync(join(tmpdir(), "k8s-weekly-workspace-"));
    expect((await runAction(workspace, { week: "2021-07-04" })).code).toBe(0);
    const renamed = join(workspace, "_posts", "2021-07-06-update.md");
    renameSync(join(workspace, "_posts", "2021-07-04-update.md"), renamed);
    writeFileSync(renamed, readFileSync(renamed, "utf8").replace("TODO(editor): developer news", "The editors' own news").replaceAll("\n", "\r\n"));
    const updated = await runAction(workspace, { week: "2021-07-04", update: "true" });
    expect(updated).toMatchObject({ code: 0, outputs: { week: "2021-07-04", file: "_posts/2021-07-06-update.md" } });
    expect(updated.stdout).toContain("k8s-weekly action: refreshing _posts/2021-07-06-update.md, the week's post under another name");
    expect(readdirSync(join(workspace, "_posts"))).toEqual(["2021-07-06-update.md"]);
    expect(readFileSync(renamed, "utf8")).toContain("The editors' own news");
  });

  it("names the week by its Sunday for any day in it, dates a --through post by that day, and drafts a missing file when asked to update", async () => {
    const workspace = mkdtempSync(join(tmpdir(), "k8s-weekly-workspace-"));
    const result = await runAction(workspace, { week: "2021-07-01", through: "2021-07-06", output: "drafts/post.md", update: "true" });
    expect(result).toMatchObject({ code: 0, outputs: { week: "2021-07-04", file: "drafts/post.md" } });
    expect(result.stdout).toContain("drafts/post.md does not exist yet; drafting it");
    expect(readFileSync(join(workspace, "drafts", "post.md"), "utf8")).toContain("\ndate: 2021-07-06 22:00:00 -0000\nslug: 2021-07-04-update\n");
  });

  it("refuses to refresh a post drafted through a later day over the week alone, naming the through input rather than a flag", async () => {
    const workspace = mkdtempSync(join(tmpdir(), "k8s-weekly-workspace-"));
    expect((await runAction(workspace, { week: "2021-07-04", through: "2021-07-06" })).code).toBe(0);
    const post = join(workspace, "_posts", "2021-07-04-update.md");
    const drafted = readFileSync(post, "utf8");
    // The example workflow's manual run with its through left empty.
    const refresh = await runAction(workspace, { week: "2021-07-04", update: "true" });
    expect(refresh.code).toBe(2);
    expect(refresh.stderr).toBe(
      `k8s-weekly: --update _posts/2021-07-04-update.md: its sections were drafted through 2021-07-06, after the week ending 2021-07-04, and a refresh over the week alone would drop the PRs merged since; set the action's through input to 2021-07-06 (the day "Run workflow" asks for in the example workflow), or to 2021-07-04 for the week alone; see k8s-weekly draft --help\n`,
    );
    expect(readFileSync(post, "utf8")).toBe(drafted);
    expect(await runAction(workspace, { week: "2021-07-04", through: "2021-07-06", update: "true" })).toMatchObject({ code: 0, outputs: { file: "_posts/2021-07-04-update.md" } });
  });

  it("keys the npm cache on the sha256 of the action's own package-lock.json", async () => {
    const result = await runAction(mkdtempSync(join(tmpdir(), "k8s-weekly-workspace-")), {}, ["lock"]);
    expect(result.code).toBe(0);
    expect(result.steps.lock).toEqual({ hash: createHash("sha256").update(readFileSync(join(ROOT, "package-lock.json"))).digest("hex") });
  });

  it("stops on an update that is neither true nor false, an output of two lines, and a week that has not ended, writing nothing", async () => {
    const workspace = mkdtempSync(join(tmpdir(), "k8s-weekly-workspace-"));
    const bad = await runAction(workspace, { week: "2021-07-04", update: "yes" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("k8s-weekly action: the input update must be true or false\n");
    const twoLines = await runAction(workspace, { week: "2021-07-04", output: "post.md\nfile=/etc/passwd" });
    expect(twoLines.code).toBe(2);
    expect(twoLines.stderr).toBe("k8s-weekly action: the input output must be one line\n");
    const future = await runAction(workspace, { week: "2099-01-04" });
    expect(future.code).toBe(2);
    expect(future.stderr).toContain("--week 2099-01-04 is in the future: use a date from 2014-06-02 to ");
    expect(existsSync(join(workspace, "_posts"))).toBe(false);
  });
});
