import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../src/classify/rules.js";
import { type DraftOptions, planDraft } from "../src/commands/draft-plan.js";
import type { Config } from "../src/config/load-config.js";
import { UsageError } from "../src/errors.js";

const NOW = new Date("2021-07-07T12:00:00Z");
const FLAGS: DraftOptions = {
  week: "2021-07-04",
  format: "markdown",
  force: false,
  repos: [],
  getToken: () => undefined,
  apiUrl: "https://api.github.com",
  offline: true,
  refresh: false,
  timeoutSeconds: 30,
  maxWaitSeconds: 60,
  maxRequests: 100,
  userAgent: "test",
  prereleases: false,
};
const NO_CONFIG: Config = { path: null };

// The plan is data: these run no server and read no file.
describe("planDraft", () => {
  it("drafts kubernetes/kubernetes with the default rules and templates when nothing is given", () => {
    const plan = planDraft(FLAGS, NO_CONFIG, NOW);
    expect(plan).toMatchObject({ notes: [], repos: ["kubernetes/kubernetes"], templates: {}, previousPost: null });
    expect(plan.week).toMatchObject({ ending: "2021-07-04" });
    expect(plan.rules).toBe(DEFAULT_RULES);
    expect(plan.branches.size).toBe(0);
  });

  it("lets flags beat the config and the config beat the defaults", () => {
    const config: Config = {
      path: "/posts/k8s-weekly.config.json",
      repos: [{ repo: "kubernetes/kubernetes", branch: "release-1.21" }, { repo: "kubernetes/kubectl" }],
      template: "/posts/post.md.hbs",
      partials: "/posts/partials",
      titleDateFormat: "d MMMM yyyy",
      previousPost: "/posts/_posts",
      relatedRepos: ["etcd-io/etcd"],
      rules: { skipAuthors: ["my-bot"] },
    };
    const fromConfig = planDraft(FLAGS, config, NOW);
    expect(fromConfig).toMatchObject({
      notes: ["using the config /posts/k8s-weekly.config.json"],
      repos: ["kubernetes/kubernetes", "kubernetes/kubectl"],
      templates: { template: "/posts/post.md.hbs", partials: "/posts/partials" },
      titleDateFormat: "d MMMM yyyy",
      previousPost: { path: "/posts/_posts", label: "previousPost /posts/_posts (in /posts/k8s-weekly.config.json)" },
      relatedRepos: ["etcd-io/etcd"],
    });
    expect([...fromConfig.branches]).toEqual([["kubernetes/kubernetes", "release-1.21"]]);
    expect(fromConfig.rules.skipAuthors).toEqual([...DEFAULT_RULES.skipAuthors, "my-bot"]);

    const flagged = planDraft({ ...FLAGS, repos: ["kubernetes/kubectl"], template: "mine.hbs", previous: "last.md" }, config, NOW);
    expect(flagged).toMatchObject({
      repos: ["kubernetes/kubectl"],
      templates: { template: "mine.hbs", partials: "/posts/partials" },
      previousPost: { path: "last.md", label: "--previous last.md" },
    });
    expect(flagged.branches.size).toBe(0);
  });

  it("renders no template for JSON, writes -o - to stdout and completes --date", () => {
    const plan = planDraft({ ...FLAGS, format: "json", output: "-", date: "2021-07-05" }, NO_CONFIG, NOW);
    expect(plan.templates).toBeNull();
    expect(plan.options.output).toBeUndefined();
    expect(plan.date).toBe("2021-07-05 22:00:00 -0000");
  });

  it("extends the window with --through and notes how it read a date that is not a Sunday", () => {
    const plan = planDraft({ ...FLAGS, week: "2021-07-01", through: "2021-07-06" }, NO_CONFIG, NOW);
    expect(plan.week.ending).toBe("2021-07-04");
    expect(plan.week.to.slice(0, 10)).toBe("2021-07-06");
    expect(plan.notes).toHaveLength(1);
  });

  it.each<[Partial<DraftOptions>, RegExp]>([
    [{ output: "" }, /^-o '': give a file name \(-o FILE, or -o - for stdout\)$/],
    [{ config: "" }, /^--config '': give a file \(--config FILE\)$/],
    [{ template: "" }, /^--template '': give a file \(--template FILE\)$/],
    [{ partials: "" }, /^--partials '': give a folder \(--partials DIR\)$/],
    [{ repos: [""] }, /^--repo '': give a repository \(--repo OWNER\/NAME\)$/],
    [{ repos: ["kubernetes"] }, /^--repo kubernetes: expected OWNER\/NAME/],
    [{ date: "2021-02-30" }, /^--date 2021-02-30: use an existing date/],
    [{ apiUrl: "ftp://example.com" }, /^--api-url ftp:\/\/example\.com: not an http\(s\) URL/],
    [{ update: "post.md", output: "out.md" }, /^--update post\.md: cannot be combined with -o/],
    [{ update: "post.md", format: "json" }, /^--update post\.md: needs the markdown format/],
    [{ force: true }, /^--force: only applies with -o FILE, to replace an existing file; add -o FILE, or leave out --force$/],
    [{ force: true, output: "-" }, /^--force: only applies with -o FILE, to replace an existing file; -o - writes to stdout, so leave out --force$/],
    [{ force: true, update: "post.md" }, /^--force: only applies with -o FILE, to replace an existing file; --update post\.md rewrites its file without it, so leave out --force$/],
  ])("refuses %o as a usage error", (flags, message) => {
    const plan = () => planDraft({ ...FLAGS, ...flags }, NO_CONFIG, NOW);
    expect(plan).toThrow(UsageError);
    expect(plan).toThrow(message);
  });

  it("names the config file a bad rule came from", () => {
    expect(() => planDraft({ ...FLAGS, config: "my.json" }, { path: "my.json", rules: { skipTitlePatterns: ["("] } }, NOW)).toThrow(
      /^--config my\.json: rules\.skipTitlePatterns\[0\]: not a valid regular expression/,
    );
  });
});
