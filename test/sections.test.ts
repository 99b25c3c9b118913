import { describe, expect, it } from "vitest";
import { defaultTemplates, renderPost } from "../src/render/render-post.js";
import { buildPostView } from "../src/render/view-model.js";
import { MARKED_ROWS, SECTION_KEYS } from "../src/sections.js";
import type { Draft } from "../src/types.js";
import { emptyDraft } from "./helpers/draft.js";

const draft: Draft = emptyDraft({ unexplainedChanges: ["etcd: 3.4.13 → 3.5.0"] });

describe("the section table", () => {
  it("orders the JSON draft's sections as the post has them", async () => {
    const { runCli } = await import("./helpers/run-cli.js");
    const json = JSON.parse((await runCli(["draft", "--week", "2021-07-04", "--offline", "--format", "json"])).stdout) as { sections: object };
    expect(Object.keys(json.sections)).toEqual(["featured", "other_merges", "promotions", "deprecated", "version_updates", "subprojects"]);
    expect(Object.keys(json.sections)).toEqual(SECTION_KEYS);
  });

  it("lets a user's partial replace one section by its old name, and renders an old main template", async () => {
    const templates = defaultTemplates();
    const view = buildPostView(draft, []);
    const own = await renderPost(view, { ...templates, partials: { ...templates.partials, promotions: { name: "my/promotions.hbs", source: "MY PROMOTIONS {{sections.promotions.length}}\n" } } });
    expect(own).toContain("MY PROMOTIONS 0");
    expect(own).not.toContain("k8s-weekly:begin promotions");
    const old = await renderPost(view, { ...templates, main: { name: "old.hbs", source: MARKED_ROWS.map((row) => `{{> ${row.partial}}}`).join("\n\n") } });
    expect(old).toBe(await renderPost(view, { ...templates, main: { name: "new.hbs", source: "{{#each sectionList}}\n{{> (lookup . \"partial\") @root section=this}}\n\n{{/each}}\n" } }));
    expect(old).toContain("k8s-weekly: changes in the week's feature gates and dependencies that no PR explains");
  });
});
