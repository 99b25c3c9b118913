import { describe, expect, it } from "vitest";
import { indefiniteArticle } from "../../src/classify/articles.js";
import { sentenceLine } from "../../src/classify/wording.js";
import { url } from "./fixtures.js";

const U = url(4);
const line = (title: string): string => sentenceLine(title, null, U);

describe("articles after 'Adds'", () => {
  it("gives a bare singular count noun its article", () => {
    expect(line("Add --max-retries option to kubectl wait")).toBe(`* Add [a \`--max-retries\` option](${U}) to kubectl wait`);
    expect(line("Added audit annotation for rejected tokens")).toBe(`* Added [an audit annotation](${U}) for rejected tokens`);
    expect(line("Introduce HTTP probe header limit")).toBe(`* Introduce [an HTTP probe header limit](${U})`);
  });

  it("leaves mass nouns, plurals, determiners and lists alone", () => {
    expect(line("Add support for sidecar containers")).toBe(`* Add [support for sidecar containers](${U})`);
    expect(line("Add metrics for image pulls")).toBe(`* Add [metrics for image pulls](${U})`);
    expect(line("Add the --all flag to kubectl drain")).toBe(`* Add [the \`--all\` flag](${U}) to kubectl drain`);
    expect(line("Add flag and metric for pull backoff")).toBe(`* Add [flag and metric](${U}) for pull backoff`);
    expect(line("Fix missing flag")).toBe(`* Fix [missing flag](${U})`);
  });

  it("chooses a or an by sound", () => {
    expect(indefiniteArticle("option")).toBe("an");
    expect(indefiniteArticle("`reason`")).toBe("a");
    expect(indefiniteArticle("RBAC")).toBe("an");
    expect(indefiniteArticle("CRD")).toBe("a");
    expect(indefiniteArticle("unique")).toBe("a");
    expect(indefiniteArticle("unused")).toBe("an");
    expect(indefiniteArticle("--dry-run")).toBe("a");
  });
});
