import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyRuleOverrides } from "../../src/config/apply-rules.js";
import { buildDraft } from "../../src/draft/build-draft.js";
import { draftJson } from "../../src/draft/draft-json.js";
import { pullRequestFromSearchItem, type SearchItem } from "../../src/fetch/search-item.js";
import { defaultTemplates, renderPost } from "../../src/render/render-post.js";
import { buildPostView } from "../../src/render/view-model.js";
import type { PullRequest } from "../../src/types.js";
import { runCli } from "../helpers/run-cli.js";

/** Every name an object inherits: as a key of a plain object each would find something that is not data. */
const NAMES = Object.getOwnPropertyNames(Object.prototype);
const capital = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
const week = { ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" };

/** A GitHub search item whose every piece of text is `name`, in the places the classifier looks. */
function items(name: string, offset: number): SearchItem[] {
  // GitHub owners are letters, digits and single hyphens; the repository name carries the word whole.
  const repo = `${name.replace(/[^A-Za-z0-9]/g, "")}-org/${name}`;
  const templates = [
    { title: `Update ${name} to v1.2.3`, body: "```release-note\nNONE\n```", labels: ["area/dependency"] },
    { title: `Bump ${name} from 1.0.0 to 1.2.3`, body: "", labels: [`area/${name}`] },
    { title: name, body: `\`\`\`release-note\n${capital(name)} the ${name} field of the ${name} API\n\`\`\``, labels: [name, `sig/${name}`, `kind/${name}`] },
    { title: `Promote ${name} to GA`, body: `\`\`\`release-note\n${capital(name)}s are now GA\n\`\`\``, labels: [`kind/${name}`, "kind/feature"] },
    { title: `${capital(name)} ${name} ${name}`, body: `\`\`\`release-note\n${capital(name)}d ${name}\n\`\`\``, labels: [`area/${name}`] },
  ];
  return templates.flatMap((template, index) =>
    ["kubernetes/kubernetes", repo].map((where, copy): SearchItem => ({
      number: offset + index * 2 + copy,
      title: template.title,
      html_url: `https://github.com/${where}/pull/${offset + index * 2 + copy}`,
      body: template.body,
      user: { login: name },
      labels: template.labels.map((label) => ({ name: label })),
      pull_request: { merged_at: "2021-06-30T12:00:00Z" },
      base: { ref: name },
    })),
  );
}

const ALL = NAMES.flatMap((name, index) => items(name, 1000 + index * 100));

function expectPlainText(text: string): void {
  expect(text).not.toMatch(/native code|\[object |function |=> /i);
}

describe("untrusted words are never object keys", () => {
  it("config aliases named like Object.prototype's members are entries like any other", () => {
    const aliases = Object.fromEntries(NAMES.map((name) => [name, "etcd"]));
    const rules = applyRuleOverrides(JSON.parse(JSON.stringify({ dependencies: { aliases } })) as Record<string, unknown>, "test");
    expect(Object.getPrototypeOf(rules.dependencies.aliases)).toBe(Object.prototype);
    for (const name of NAMES) expect(Object.getOwnPropertyDescriptor(rules.dependencies.aliases, name)?.value).toBe("etcd");
  });

  it.each(NAMES)("%s as title, note word, label, login, branch and repository: the pure pipeline", async (name) => {
    const prs = items(name, 1).map((item) => pullRequestFromSearchItem(item)).filter((pr): pr is PullRequest => pr !== null);
    const byRepo = new Map<string, PullRequest[]>();
    for (const pr of prs) byRepo.set(pr.repo, [...(byRepo.get(pr.repo) ?? []), pr]);
    const repoWeeks = [...byRepo].map(([repo, repoPrs]) => ({ repo, defaultBranch: name, prs: repoPrs }));
    const { draft, featuredCandidates } = buildDraft({ week, repoWeeks, requests: 0, warnings: [] });
    expect(draft.stats.merged).toBe(prs.length);
    const post = await renderPost(buildPostView(draft, featuredCandidates), defaultTemplates());
    expectPlainText(post);
    expectPlainText(draftJson(draft, featuredCandidates, []));
  });

  it("all of them through the CLI with --input, as a post and as JSON", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "k8s-weekly-proto-")), "week.json");
    writeFileSync(file, JSON.stringify({ items: ALL }));
    for (const format of ["markdown", "json"]) {
      const result = await runCli(["draft", "--week", "2021-07-04", "--input", file, "--format", format, "--explain"]);
      // Info lines only: no warning, no error, no stack.
      expect(result.stderr).not.toMatch(/warning: |Error|^\s+at /m);
      expect(result.code).toBe(0);
      expectPlainText(result.stdout);
    }
    const named = await runCli(["draft", "--week", "2021-07-04", "--input", file, "--repo", "constructor-org/constructor", "--repo", "kubernetes/kubernetes"]);
    expect(named.code).toBe(0);
    expectPlainText(named.stdout);
  });
});
