import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyRuleOverrides } from "../src/config/apply-rules.js";
import { jsonFault, syntaxErrorOffset } from "../src/json-fault.js";
import { loadConfig } from "../src/config/load-config.js";
import { DEFAULT_RULES } from "../src/classify/rules.js";
import { UsageError } from "../src/errors.js";
import { runCli } from "./helpers/run-cli.js";

function folderWith(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-config-"));
  writeFileSync(join(dir, "k8s-weekly.config.json"), typeof config === "string" ? config : JSON.stringify(config));
  return dir;
}

describe("loadConfig", () => {
  it("is optional", async () => {
    expect(await loadConfig(undefined, mkdtempSync(join(tmpdir(), "k8s-weekly-none-")))).toEqual({ path: null });
  });

  it("reads repositories, branches, paths relative to the file, the title format and rules", async () => {
    const dir = folderWith({
      $schema: "./node_modules/k8s-weekly/schema/config.schema.json",
      repos: ["kubernetes/kubernetes", { repo: "kubernetes/kubectl", branch: "main" }],
      template: "lwkd/post.md.hbs",
      partials: "lwkd/partials",
      titleDateFormat: "d MMMM yyyy",
      rules: { skipAuthors: ["my-bot"] },
    });
    expect(await loadConfig(undefined, dir)).toEqual({
      path: join(dir, "k8s-weekly.config.json"),
      repos: [{ repo: "kubernetes/kubernetes" }, { repo: "kubernetes/kubectl", branch: "main" }],
      template: join(dir, "lwkd/post.md.hbs"),
      partials: join(dir, "lwkd/partials"),
      titleDateFormat: "d MMMM yyyy",
      rules: { skipAuthors: ["my-bot"] },
    });
  });

  it("reports every problem at once with its path", async () => {
    const dir = folderWith({ repos: ["kubernetes"], rules: { labels: { feature: "kind/feature" }, skipAuthors: [1] }, colour: true });
    const path = join(dir, "k8s-weekly.config.json");
    await expect(loadConfig(undefined, dir)).rejects.toThrow(
      new UsageError(
        `config ${path}: colour: unknown setting (settings here: $schema, repos, template, partials, previousPost, titleDateFormat, rules, relatedRepos, extraRelatedRepos); repos[0]: "kubernetes" is not OWNER/NAME (e.g. kubernetes/kubernetes); rules.skipAuthors[0]: expected a string; rules.labels.feature: expected an array`,
      ),
    );
  });

  it("checks titleDateFormat as date-fns reads it, with the other problems, naming the key", async () => {
    const dir = folderWith({ titleDateFormat: "MMMM d, YYYY", colour: true });
    await expect(loadConfig(undefined, dir)).rejects.toThrow(
      new UsageError(
        `config ${join(dir, "k8s-weekly.config.json")}: colour: unknown setting (settings here: $schema, repos, template, partials, previousPost, titleDateFormat, rules, relatedRepos, extraRelatedRepos); titleDateFormat: "YYYY" is the week-numbering year in date-fns; use yyyy for the year (e.g. "MMMM d, yyyy")`,
      ),
    );
    for (const pattern of ["MMMM d, yyyy", "d MMMM yyyy", "yyyy-MM-dd", "EEEE, MMMM do", "'Week of' MMM d"]) {
      expect((await loadConfig(undefined, folderWith({ titleDateFormat: pattern }))).titleDateFormat).toBe(pattern);
    }
    // What would end the front matter's unquoted title or open a Liquid tag is refused too.
    for (const pattern of ["MMMM d, yyyy': #1'", "MMMM d, yyyy '{{ x }}'", "MMMM d, yyyy'\nlayout: page'"]) {
      await expect(loadConfig(undefined, folderWith({ titleDateFormat: pattern }))).rejects.toThrow(/: titleDateFormat: .*with a character the post's front matter or Liquid would read/);
    }
    for (const pattern of ["MMMM", "yyyy", "d", "EEEE", "'week'", "MMMM yyyy", "Q yyyy", "jj MMMM"]) {
      await expect(loadConfig(undefined, folderWith({ titleDateFormat: pattern }))).rejects.toThrow(/: titleDateFormat: /);
    }
  });

  it("refuses an empty --config, and empty paths and patterns in the file, rather than reading them as the default", async () => {
    const dir = folderWith({ template: "", partials: "", previousPost: "", titleDateFormat: "" });
    // Not the working folder's file in its place, nor no config.
    await expect(loadConfig("", dir)).rejects.toThrow(new UsageError("--config '': give a file (--config FILE)"));
    const empty = (key: string) => `${key}: is empty; give a value, or remove it to use the default`;
    await expect(loadConfig(undefined, dir)).rejects.toThrow(
      new UsageError(
        `config ${join(dir, "k8s-weekly.config.json")}: ${[empty("template"), empty("partials"), empty("previousPost"), empty("titleDateFormat")].join("; ")}`,
      ),
    );
  });

  it("names a file that is not JSON, at the line and column an editor shows", async () => {
    const dir = folderWith("{ repos: ");
    await expect(loadConfig(join(dir, "k8s-weekly.config.json"), "/")).rejects.toThrow(/^--config .*k8s-weekly\.config\.json: not valid JSON at line 1, column 3 \(.*\); fix the syntax$/);
    const fault = async (text: string) => {
      const path = join(folderWith(text), "k8s-weekly.config.json");
      const error = await loadConfig(path, "/").then(() => null, (thrown: unknown) => thrown as Error);
      return error?.message.slice(`--config ${path}: `.length);
    };
    // V8's wording of the fault, which changes between Node versions, is quoted in the parentheses.
    expect(await fault('{\n  "repos": ["kubernetes/kubernetes"]\n  "template": "post.md.hbs"\n}\n')).toMatch(/^not valid JSON at line 3, column 3 \([^)]+\); fix the syntax$/);
    expect(await fault('{\r\n  "rules": {\r\n    "skipAuthors": ["a",]\r\n  }\r\n}')).toBe("not valid JSON at line 3, column 25 (unexpected ']'); fix the syntax");
    expect(await fault("\uFEFF{\n  \"repos\": [")).toBe("not valid JSON at line 2, column 13 (the file ends before the JSON does); fix the syntax");
  });

  it("says which branch of an alternative is meant: one message for a repository that is neither OWNER/NAME nor an object", async () => {
    const problems = async (config: unknown) => {
      const path = join(folderWith(config), "k8s-weekly.config.json");
      const error = await loadConfig(path, "/").then(() => null, (thrown: unknown) => thrown as Error);
      return error?.message.slice(`--config ${path}: `.length);
    };
    expect(await problems({ repos: ["kubernetes"] })).toBe('repos[0]: "kubernetes" is not OWNER/NAME (e.g. kubernetes/kubernetes)');
    expect(await problems({ repos: [{ repo: "kubernetes/kubernetes", brnch: "main" }] })).toBe('repos[0].brnch: unknown setting (did you mean "branch"? settings here: repo, branch)');
    expect(await problems({ repos: [{ repo: "kubernetes" }] })).toBe('repos[0].repo: "kubernetes" is not OWNER/NAME (e.g. kubernetes/kubernetes)');
    expect(await problems({ repos: [{ branch: "main" }] })).toBe('repos[0]: missing "repo"');
    expect(await problems({ repos: [{ repo: "kubernetes/kubernetes", branch: "" }] })).toBe("repos[0].branch: is empty; give a value, or remove it to use the default");
    expect(await problems({ repos: [5] })).toBe("repos[0]: expected a string or an object");
    // Each value is its own alternative.
    expect(await problems({ repos: ["kubernetes", "website"] })).toBe(
      'repos[0]: "kubernetes" is not OWNER/NAME (e.g. kubernetes/kubernetes); repos[1]: "website" is not OWNER/NAME (e.g. kubernetes/kubernetes)',
    );
    expect(await problems({ repos: [5, true] })).toBe("repos[0]: expected a string or an object; repos[1]: expected a string or an object");
    // Thousands of mistakes: the first ten and a count, soon; keys and values one clean short line.
    const started = Date.now();
    const many = await problems({ repos: Array.from({ length: 2000 }, () => 5) });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(many?.split("; ")).toHaveLength(11);
    expect(many?.endsWith("; and 1990 more problems")).toBe(true);
    expect(await problems({ [`bad\nkey${"x".repeat(200)}`]: 1 })).toBe(
      `bad key${"x".repeat(52)}…: unknown setting (settings here: $schema, repos, template, partials, previousPost, titleDateFormat, rules, relatedRepos, extraRelatedRepos)`,
    );
    expect(await problems({ repos: [] })).toBe("repos: is empty; list at least one repository (OWNER/NAME), or remove it to use the default");
    expect(await problems({ extraRelatedRepos: ["etcd"] })).toBe('extraRelatedRepos[0]: "etcd" is not OWNER/NAME (e.g. kubernetes/kubernetes)');
    // A near miss is named, at any depth; the settings are listed where they are few.
    expect(await problems({ repo: ["kubernetes/kubernetes"] })).toBe('repo: unknown setting (did you mean "repos"?)');
    expect(await problems({ Template: "post.md.hbs" })).toBe('Template: unknown setting (did you mean "template"?)');
    expect(await problems({ rules: { labls: {} } })).toBe('rules.labls: unknown setting (did you mean "labels"?)');
    expect(await problems({ rules: { patterns: { crsh: "boom" } } })).toBe('rules.patterns.crsh: unknown setting (did you mean "crash"?)');
    expect(await problems({ rules: { patterns: { boom: "boom" } } })).toBe("rules.patterns.boom: unknown setting");
    expect(await problems({ rules: { featured: { mod: "top" } } })).toBe('rules.featured.mod: unknown setting (did you mean "mode"? settings here: mode, count, minScore)');
  });
});

describe("jsonFault", () => {
  it("places every fault where JSON.parse does, also for the faults its message gives no place of", () => {
    const faults = [
      '{"a": 1 "b": 2}', '{"a": 1,}', "{a: 1}", '{"a": tru}', '{"a": [1, 2,]}', '{"a": "x\ny"}', "[1, 2] x", '{"a": 01}', '{"a": -}', '{"a": 1.}',
      '{"a": "\\x"}', '{"a": "\\u12"}', '{"a" 1}', "[,]", "]", '{"a": [1 2]}', '{"a": {"b": null,, "c": 1}}', "'a'", '{"a": 1e}', '{"a": NaN}',
    ];
    for (const text of faults) {
      const message = (() => {
        try {
          JSON.parse(text);
        } catch (error) {
          return (error as Error).message;
        }
        throw new Error(`${text} parsed`);
      })();
      const given = /at position (\d+)/.exec(message);
      if (given) expect(syntaxErrorOffset(text), text).toBe(Number(given[1]));
      expect(jsonFault(text, message), text).toMatch(/^ at line [12], column \d+ \((?:unexpected (?:'.'|line break)|the file ends before the JSON does)\)$/);
    }
    for (const text of ['{"a": [1, {"b": "\\u00e9\\n"}], "c": -1.5e3, "d": true}', " [] ", '""']) expect(syntaxErrorOffset(text)).toBe(-1);
    expect(jsonFault('{\n  "skipAuthors": ["a",]\n}', `Unexpected token ']', ..."rs": ["a",]\n}" is not valid JSON`)).toBe(" at line 2, column 23 (unexpected ']')");
    // V8's quote of the file is never read for a place, nor printed.
    expect(jsonFault('[" at position 0",]', `Unexpected token ']', "[" at position 0",]" is not valid JSON`)).toBe(" at line 1, column 19 (unexpected ']')");
    expect(jsonFault('{"a": "x\ny"}', "Bad control character in string literal in JSON at position 8")).toBe(" at line 1, column 9 (unexpected line break)");
    expect(jsonFault("{\n", "Unexpected end of JSON input")).toBe(" at line 2, column 1 (the file ends before the JSON does)");
    expect(jsonFault("{}", "something else")).toBe(" (something else)");
    expect(jsonFault("[1] x", "Unexpected non-whitespace character after JSON at position 4")).toBe(" at line 1, column 5 (unexpected 'x')");
    expect(jsonFault(" \n", "Unexpected end of JSON input")).toBe(": the file is empty (write {} for no settings)");
  });
});

describe("applyRuleOverrides", () => {
  it("adds lists to the defaults and replaces strings", () => {
    const rules = applyRuleOverrides({ skipAuthors: ["my-bot"], labels: { feature: ["kind/enhancement"] }, patterns: { crash: "\\bboom\\b" } }, "config");
    expect(rules.skipAuthors).toEqual([...DEFAULT_RULES.skipAuthors, "my-bot"]);
    expect(rules.labels.feature).toEqual(["kind/feature", "kind/enhancement"]);
    expect(rules.patterns.crash).toBe("\\bboom\\b");
    expect(rules.patterns.security).toBe(DEFAULT_RULES.patterns.security);
  });

  it("rejects a pattern that is not a regular expression", () => {
    expect(() => applyRuleOverrides({ skipTitlePatterns: ["(unclosed"] }, "config x.json")).toThrow(
      /^config x\.json: rules\.skipTitlePatterns\[0\]: not a valid regular expression \(/,
    );
  });

  it("refuses a pattern that matches the empty text, which would match every PR, naming its key", () => {
    const refused = (overrides: Record<string, unknown>): string => {
      try {
        applyRuleOverrides(overrides, "config x.json");
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      return "accepted";
    };
    expect(refused({ skipTitlePatterns: ["^WIP:", ""] })).toBe(
      'config x.json: rules.skipTitlePatterns[1]: "" matches the empty text, so it would match every PR; give a pattern that needs at least one character, or remove it',
    );
    expect(refused({ patterns: { promotionTitle: "" } })).toBe(
      'config x.json: rules.patterns.promotionTitle: "" matches the empty text, so it would match every PR; give a pattern that needs at least one character, or remove it',
    );
    expect(refused({ patterns: { prerelease: "(?:rc)?" } })).toBe(
      'config x.json: rules.patterns.prerelease: "(?:rc)?" matches the empty text, so it would match every release; give a pattern that needs at least one character, or remove it',
    );
    for (const pattern of ["^", "$", "x*", "(?:)", "a|", "\\B", "(?=)"]) expect(refused({ skipTitlePatterns: [pattern] })).toMatch(/matches the empty text/);
    // A pattern switched off matches the empty text alone, and is no mistake.
    expect(refused({ skipTitlePatterns: ["^$"], patterns: { promotionTitle: "^$" } })).toBe("accepted");
    // Every pattern-typed setting is checked: each of the rule table's patterns, and the title skips.
    for (const name of Object.keys(DEFAULT_RULES.patterns)) {
      expect(refused({ patterns: { [name]: "^" } })).toMatch(new RegExp(`^config x\\.json: rules\\.patterns\\.${name}: "\\^" matches the empty text`));
    }
    expect(refused({ skipAuthors: ["my-bot", "*"] })).toBe(
      'config x.json: rules.skipAuthors[1]: "*" matches every author, so it would skip every PR; give a login, or * and the end of one ("*[bot]")',
    );
    // What needs a character is taken, and none of the defaults matches the empty text.
    expect(refused({ skipTitlePatterns: ["^WIP:", "x+", "\\S"], skipAuthors: ["*[bot]"], patterns: { crash: "\\bboom\\b" } })).toBe("accepted");
    for (const source of [...Object.values(DEFAULT_RULES.patterns), ...DEFAULT_RULES.skipTitlePatterns]) expect(new RegExp(source, "i").test("")).toBe(false);
  });

  it("refuses an empty pattern in a draft: exit 2 naming the key, before anything is skipped", async () => {
    for (const rules of [{ skipTitlePatterns: [""] }, { patterns: { promotionTitle: "" } }]) {
      const dir = folderWith({ rules });
      const key = "skipTitlePatterns" in rules ? "rules.skipTitlePatterns[0]" : "rules.patterns.promotionTitle";
      expect(await runCli(["draft", "--week", "2021-07-04", "--offline"], {}, dir)).toEqual({
        code: 2,
        stdout: "",
        stderr: `k8s-weekly: config ${join(dir, "k8s-weekly.config.json")}: ${key}: "" matches the empty text, so it would match every PR; give a pattern that needs at least one character, or remove it; see k8s-weekly draft --help\n`,
      });
    }
  });
});

describe("draft with a config file", () => {
  it("a repository listed twice with two branches is a usage error naming both", async () => {
    const dir = folderWith({ repos: ["kubernetes/kubectl", { repo: "Kubernetes/Kubectl", branch: "release-1.21" }] });
    expect(await runCli(["draft", "--week", "2021-07-04", "--offline"], {}, dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: repos in ${join(dir, "k8s-weekly.config.json")}: kubernetes/kubectl is listed twice, for its default branch and for release-1.21; keep one of them; see k8s-weekly draft --help\n`,
    });
  });

  it("skips what the config says, formats the title its way, and flags beat the file", async () => {
    const sample = JSON.parse(readFileSync(new URL("../samples/2021-07-04.json", import.meta.url), "utf8")) as { items: Array<{ number: number; user: { login: string } }> };
    const dir = folderWith({ titleDateFormat: "d MMMM yyyy", rules: { skipTitlePatterns: ["^Promote LogarithmicScaleDown"], skipAuthors: [sample.items.find((item) => item.number === 103326)?.user.login] } });
    mkdirSync(join(dir, "out"));
    const json = await runCli(["draft", "--week", "2021-07-04", "--offline", "--format", "json"], {}, dir);
    expect(json.code).toBe(0);
    const draft = JSON.parse(json.stdout) as { skipped: Array<{ number: number; reason: string }> };
    expect(draft.skipped).toContainEqual({ repo: "kubernetes/kubernetes", number: 101767, title: "Promote LogarithmicScaleDown to Beta", reason: "title:skip-pattern ^Promote LogarithmicScaleDown" });
    // A person listed in skipAuthors is skipped as listed there, not as a bot.
    expect(draft.skipped.find((entry) => entry.number === 103326)?.reason).toBe("author:skip-authors");
    const markdown = await runCli(["draft", "--week", "2021-07-04", "--offline"], {}, dir);
    expect(markdown.stdout).toContain("\ntitle: Week Ending 4 July 2021\n");
    expect(markdown.stderr).toContain(`using the config ${join(dir, "k8s-weekly.config.json")}`);
    const flagged = await runCli(["draft", "--week", "2021-07-04", "--offline", "--repo", "kubernetes/kubectl"], {}, dir);
    expect(flagged.code).toBe(1);
    expect(flagged.stderr).toContain('no cached or sample data for kubernetes/kubectl, week ending 2021-07-04; run "k8s-weekly draft --week 2021-07-04 --repo kubernetes/kubectl" online once to cache it');
  });

  it("names a config saved as UTF-16 as not UTF-8, instead of quoting an unreadable token", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-utf16-"));
    const path = join(dir, "k8s-weekly.config.json");
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify({ titleDateFormat: "d MMMM yyyy" }), "utf16le")]));
    expect(await runCli(["draft", "--week", "2021-07-04", "--offline"], {}, dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: config ${path}: is not UTF-8 text; save the file as UTF-8; see k8s-weekly draft --help\n`,
    });
  });

  it("reads a config saved with a byte order mark, as Windows editors save it", async () => {
    const dir = folderWith(`\uFEFF${JSON.stringify({ titleDateFormat: "d MMMM yyyy" })}`);
    const result = await runCli(["draft", "--week", "2021-07-04", "--offline"], {}, dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("\ntitle: Week Ending 4 July 2021\n");
    // A mark before broken JSON leaves the real fault to report, placed in the text without it.
    const broken = folderWith("\uFEFF{ repos: ");
    const refused = await runCli(["draft", "--week", "2021-07-04", "--offline"], {}, broken);
    expect(refused).toMatchObject({ code: 2, stdout: "" });
    expect(refused.stderr).toMatch(new RegExp(`^k8s-weekly: config ${join(broken, "k8s-weekly.config.json").replace(/[.\\]/g, "\\$&")}: not valid JSON at line 1, column 3 \\([^)]+\\); fix the syntax; see k8s-weekly draft --help\n$`));
  });

  it("refuses rules.sectionOrder, which never changed the draft, saying so rather than letting it be ignored", async () => {
    const dir = folderWith({ rules: { sectionOrder: ["other_merges", "featured"] } });
    expect(await runCli(["draft", "--week", "2021-07-04", "--offline"], {}, dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: `k8s-weekly: config ${join(dir, "k8s-weekly.config.json")}: rules.sectionOrder: no longer a setting (it never changed the draft: the post's sections follow LWKD's order, and a --template can place them otherwise); remove it; see k8s-weekly draft --help\n`,
    });
    // A name inherited by every object is no setting either, retired or not.
    expect((await runCli(["draft", "--week", "2021-07-04", "--offline"], {}, folderWith({ constructor: 1 }))).stderr).toContain(": constructor: unknown setting (settings here: $schema, repos, ");
  });

  it("with a branch, skips the default branch's merges as other-branch:master, not as cherry-picks", async () => {
    const dir = folderWith({ repos: [{ repo: "kubernetes/kubernetes", branch: "release-1.21" }] });
    const result = await runCli(["draft", "--week", "2021-07-04", "--offline", "--format", "json", "--explain"], {}, dir);
    expect(result.code).toBe(0);
    const draft = JSON.parse(result.stdout) as { skipped: Array<{ number: number; reason: string }> };
    expect(draft.skipped.find((entry) => entry.number === 101946)).toEqual({ repo: "kubernetes/kubernetes", number: 101946, title: "Support extended resource in NodeResourcesBalancedAllocation plugin", reason: "other-branch:master" });
    expect(draft.skipped.filter((entry) => entry.reason === "cherry-pick")).toEqual([]);
    expect(result.stderr).toContain("\n  kubernetes/kubernetes#101946  skipped: other-branch:master\n");
  });

  it("refuses an invalid config with exit 2 before doing anything", async () => {
    const dir = folderWith({ repos: "kubernetes/kubernetes" });
    const result = await runCli(["draft", "--week", "2021-07-04", "--offline"], {}, dir);
    expect(result).toEqual({ code: 2, stdout: "", stderr: `k8s-weekly: config ${join(dir, "k8s-weekly.config.json")}: repos: expected an array; see k8s-weekly draft --help\n` });
  });
});

describe("schema/config.schema.json", () => {
  it("is what npm run schema writes from the config's zod schema", async () => {
    const { configJsonSchemaText } = await import("../src/config/config-schema.js");
    expect(readFileSync(new URL("../schema/config.schema.json", import.meta.url), "utf8")).toBe(configJsonSchemaText());
  });

  it("gives every rule's default, so an editor shows what a config file changes", async () => {
    const schema = JSON.parse(readFileSync(new URL("../schema/config.schema.json", import.meta.url), "utf8")) as {
      properties: { rules: { properties: { patterns: { properties: Record<string, { default?: string }> } } } };
    };
    expect(schema.properties.rules.properties.patterns.properties.crash?.default).toBe(DEFAULT_RULES.patterns.crash);
  });
});

describe("the config schema and the rule table", () => {
  it("name the same keys, so every rule can be overridden from a config file", () => {
    const schema = JSON.parse(readFileSync(new URL("../schema/config.schema.json", import.meta.url), "utf8")) as SchemaNode;
    interface SchemaNode { properties?: Record<string, SchemaNode> }
    const missing: string[] = [];
    const walk = (value: unknown, node: SchemaNode | undefined, path: string): void => {
      if (value === null || typeof value !== "object" || Array.isArray(value) || !node?.properties) return;
      for (const [key, child] of Object.entries(value)) {
        const childNode = node.properties[key];
        if (!childNode) missing.push(`${path}.${key}`);
        else if (key !== "aliases") walk(child, childNode, `${path}.${key}`);
      }
    };
    walk(DEFAULT_RULES, schema.properties?.rules, "rules");
    expect(missing).toEqual([]);
  });
});
