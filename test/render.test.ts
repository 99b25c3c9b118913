import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../src/errors.js";
import { escapeInline } from "../src/markdown/escape.js";
import { checkTemplateFiles, defaultTemplates, readPartials, renderPost } from "../src/render/render-post.js";
import { buildPostView } from "../src/render/view-model.js";
import type { Draft } from "../src/types.js";
import { emptyDraft } from "./helpers/draft.js";

const entry = {
  repo: "kubernetes/kubernetes",
  number: 103326,
  url: "https://github.com/kubernetes/kubernetes/pull/103326",
  title: "Mark net.ipv4.ip_unprivileged_port_start as a safe sysctl",
  author: "pacoxu",
  line: "* [Mark net.ipv4.ip_unprivileged_port_start as a safe sysctl](https://github.com/kubernetes/kubernetes/pull/103326)",
  bullet: {
    label: escapeInline("Mark net.ipv4.ip_unprivileged_port_start as a safe sysctl"),
    url: "https://github.com/kubernetes/kubernetes/pull/103326",
    also: [],
  },
  reason: "merged-into-default-branch",
};

function draftWith(otherMerges = [entry]): Draft {
  return emptyDraft({
    sections: { featured: [], other_merges: otherMerges, promotions: [], deprecated: [], version_updates: [], subprojects: [] },
    stats: { merged: otherMerges.length, reported: otherMerges.length, skipped: 0, requests: 0 },
  });
}

describe("renderPost", () => {
  it("writes LWKD front matter and keeps only non-empty generated sections", async () => {
    const post = await renderPost(buildPostView(draftWith(), []), defaultTemplates());
    expect(post.startsWith("---\nlayout: post\ntitle: Week Ending July 4, 2021\ndate: 2021-07-04 22:00:00 -0000\nslug: 2021-07-04-update\n---\n\n## Developer News\n")).toBe(true);
    expect(post.match(/^## .*/gm)).toEqual([
      "## Developer News",
      "## Release Schedule",
      "## Featured PRs",
      "## KEP of the Week",
      "## Other Merges",
      "## Shoutouts",
    ]);
    expect(post).toContain(`## Other Merges\n\n${entry.line}\n<!-- k8s-weekly:end other_merges -->\n`);
    expect(post).toContain("<!-- k8s-weekly:begin promotions -->\n<!-- k8s-weekly:end promotions -->\n");
    expect(post.endsWith("\n")).toBe(true);
    expect(post).not.toMatch(/\n\n\n/);
  });

  it("uses --date for the front matter", async () => {
    const post = await renderPost(buildPostView(draftWith(), [], { date: "2021-07-07 09:00:00 -0000" }), defaultTemplates());
    expect(post).toContain("\ndate: 2021-07-07 09:00:00 -0000\n");
  });

  it("renders the same data to the same bytes", async () => {
    const view = buildPostView(draftWith(), []);
    expect(await renderPost(view, defaultTemplates())).toBe(await renderPost(view, defaultTemplates()));
  });

  it("a custom partial changes its section and nothing else", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-partials-"));
    writeFileSync(join(dir, "shoutouts.hbs"), "## Shoutouts\n\nThanks to everyone who reviewed this week!\n");
    const view = buildPostView(draftWith(), []);
    const standard = await renderPost(view, defaultTemplates());
    const custom = await renderPost(view, { ...defaultTemplates(), partials: { ...defaultTemplates().partials, ...readPartials(dir) } });
    expect(custom).toBe(standard.replace("TODO(editor): shoutouts from #shoutouts.", "Thanks to everyone who reviewed this week!"));
  });

  it("names the file and line of a field that does not exist", async () => {
    const templates = defaultTemplates();
    const broken = { ...templates, partials: { ...templates.partials, "pr-line": { name: "my/pr-line.hbs", source: "{{lines}}\n" } } };
    await expect(renderPost(buildPostView(draftWith(), []), broken)).rejects.toThrow(UsageError);
    await expect(renderPost(buildPostView(draftWith(), []), broken)).rejects.toThrow("template my/pr-line.hbs:1:2: \"lines\" not defined in the data the template sees; fix the field name (the README lists the fields)");
  });

  it.each([
    ["{{#if sections.deprecatd.length}}x{{/if}}", "sections.deprecatd.length", 6],
    ["{{#each sections.deprecatd}}x{{/each}}", "sections.deprecatd", 8],
    ['{{join sections.other_merges.reasons ", "}}', "sections.other_merges.reasons", 7],
    ["{{#each sections.other_merges}}{{titel}}{{/each}}", "titel", 33],
  ])("names the file and line of a misspelt field inside a helper or block: %s", async (source, field, column) => {
    const templates = defaultTemplates();
    const broken = { ...templates, partials: { ...templates.partials, shoutouts: { name: "my/shoutouts.hbs", source: `## Shoutouts\n\n${source}\n` } } };
    await expect(renderPost(buildPostView(draftWith(), []), broken)).rejects.toThrow(
      `template my/shoutouts.hbs:3:${column}: "${field}" not defined in the data the template sees; fix the field name (the README lists the fields)`,
    );
  });

  it.each([
    ["* {{link bullet.label}}", "link needs a label and an http(s) URL, as in {{link bullet.label bullet.url}}"],
    ['* {{join bullet.label ", "}}', 'join needs a list, as in {{join section.entries ", "}}'],
    ['* {{formatDate title "yyyy"}}', 'formatDate needs a YYYY-MM-DD date and a date-fns pattern, as in {{formatDate week.ending "MMMM d, yyyy"}}'],
  ])("a helper given the wrong field names itself and the call it wants: %s", async (source, message) => {
    const templates = defaultTemplates();
    const broken = { ...templates, partials: { ...templates.partials, "pr-line": { name: "my/pr-line.hbs", source: `${source}\n` } } };
    await expect(renderPost(buildPostView(draftWith(), []), broken)).rejects.toThrow(`template my/pr-line.hbs: ${message}; fix the template`);
  });

  it.each([
    ['{{formatDate week.ending "YYYY"}}', '"YYYY" is the week-numbering year in date-fns; use yyyy for the year (e.g. "MMMM d, yyyy")'],
    ['{{formatDate week.ending "d DD"}}', '"DD" is the day of the year in date-fns; use d for the day of the month (e.g. "MMMM d, yyyy")'],
    ['{{formatDate week.ending "yyyy-j"}}', "not a date-fns pattern (Format string contains an unescaped latin alphabet character `j`); quote words in '...', e.g. \"MMMM d, yyyy\""],
  ])("a date-fns pattern that cannot format names the call, its line and the tokens to use: %s", async (call, message) => {
    const templates = defaultTemplates();
    const broken = { ...templates, partials: { ...templates.partials, shoutouts: { name: "my/shoutouts.hbs", source: `## Shoutouts\n\n${call}\n` } } };
    await expect(renderPost(buildPostView(draftWith(), []), broken)).rejects.toThrow(`template my/shoutouts.hbs:3: ${call}: ${message}; fix the template`);
  });

  it("checks a written-out date pattern before the week is fetched, inside blocks and subexpressions too", async () => {
    const templates = defaultTemplates();
    const withPartial = (source: string) => ({ ...templates, partials: { ...templates.partials, shoutouts: { name: "my/shoutouts.hbs", source } } });
    await expect(checkTemplateFiles(withPartial('## Shoutouts\n\n{{#if week}}{{formatDate week.ending "MMM Do"}}{{/if}}\n'))).rejects.toThrow(
      'template my/shoutouts.hbs:3: {{formatDate week.ending "MMM Do"}}: "D" is the day of the year in date-fns; use do for the day with its ending (4th) (e.g. "MMMM d, yyyy"); fix the template',
    );
    await expect(checkTemplateFiles(withPartial('{{#if (formatDate week.ending "YYYY")}}x{{/if}}\n'))).rejects.toThrow(/^template my\/shoutouts\.hbs:1: /);
    await expect(checkTemplateFiles(withPartial('{{formatDate week.ending "EEEE, MMMM do \'of\' yyyy"}}\n'))).resolves.toBeUndefined();
  });

  it("refuses a main template that renders nothing, which a later --update could not read", async () => {
    const templates = defaultTemplates();
    await expect(renderPost(buildPostView(draftWith(), []), { ...templates, main: { name: "empty.hbs", source: "\n" } })).rejects.toThrow(
      new UsageError("template empty.hbs: renders an empty post; start from k8s-weekly templates export DIR"),
    );
  });

  it("names the call when formatDate is given more than a date and a pattern", async () => {
    const templates = defaultTemplates();
    const broken = { ...templates, partials: { ...templates.partials, shoutouts: { name: "my/shoutouts.hbs", source: '{{formatDate week.ending "yyyy" null}}\n' } } };
    await expect(renderPost(buildPostView(draftWith(), []), broken)).rejects.toThrow(
      'template my/shoutouts.hbs: formatDate needs a YYYY-MM-DD date and a date-fns pattern, as in {{formatDate week.ending "MMMM d, yyyy"}}; fix the template',
    );
  });

  it("names the file of a syntax error and lists the known partials for an unknown one", async () => {
    const templates = defaultTemplates();
    await expect(renderPost(buildPostView(draftWith(), []), { ...templates, main: { name: "main.hbs", source: "{{#if}}\n" } })).rejects.toThrow(
      /^template main\.hbs/,
    );
    await expect(
      renderPost(buildPostView(draftWith(), []), { ...templates, main: { name: "main.hbs", source: "{{> no-such-section}}\n" } }),
    ).rejects.toThrow('template main.hbs: unknown partial "no-such-section"; known partials: deprecated, developer-news, featured-prs, front-matter, kep-of-the-week, other-merges, pr-line, promotions, release-schedule, section, shoutouts, subprojects, version-updates');
  });
});
