import { describe, expect, it } from "vitest";
import { cleanText, codeSpan, commentText, escapeAnyText, escapeInline, escapeMidLine, link, safeUrl } from "../src/markdown/escape.js";

describe("escapeInline", () => {
  it.each([
    ["Add tracing to apiserver client-go requests", "Add tracing to apiserver client-go requests"],
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"],
    ["{% include secrets %}", "&#123;% include secrets %&#125;"],
    ["# Heading", "\\# Heading"],
    ["- item", "\\- item"],
    ["1. item", "1\\. item"],
    ["see https://evil.example/a_b.", "see `https://evil.example/a_b`."],
    ["www.evil.example", "`www.evil.example`"],
    ["mail admin@evil.example", "mail `admin@evil.example`"],
    ["javascript://x {{y}}", "`javascript://x` &#123;&#123;y&#125;&#125;"],
    ["https://x.example/{{y}}", "(link removed)"],
    ["a & b | c ~ d", "a & b &#124; c &#126; d"],
    // Entities read as GitHub shows them, then escaped again; one decoding, as GitHub does.
    ["&lt;tags&gt; &#169; &#xA9; &amp;lt; R&D", "&lt;tags&gt; © © &amp;lt; R&D"],
    ["&copy; &constructor; &#0; &#x110000; &#xD800;", "&amp;copy; &amp;constructor; &amp;#0; &amp;#x110000; &amp;#xD800;"],
    ["&#x202E;evil&#8203;", "evil"],
    ["line one\nline two", "line one line two"],
    ["a\u202Eb\u200Bc", "abc"],
    ["snake_case *and* `code`", "snake\\_case \\*and\\* \\`code\\`"],
    // Kramdown (Jekyll's renderer) reads $$...$$ as math; a lone $ is nothing to it.
    ["cost $$x^2$$ or $5", "cost \\$\\$x^2\\$\\$ or $5"],
  ])("%j becomes %j", (input, output) => {
    expect(escapeInline(input)).toBe(output);
  });

  it("cuts very long text to a readable length", () => {
    expect(cleanText("word ".repeat(200))).toHaveLength(300);
    expect(cleanText("word ".repeat(200)).endsWith("…")).toBe(true);
  });
});

describe("codeSpan", () => {
  it("keeps identifiers as code, even with backticks inside", () => {
    expect(codeSpan("--field-selector")).toBe("`--field-selector`");
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("`edge`")).toBe("`` `edge` ``");
  });

  it("escapes text with Liquid braces as plain text instead", () => {
    expect(codeSpan("{{ site.token }}")).toBe("&#123;&#123; site.token &#125;&#125;");
  });
});

describe("escapeMidLine", () => {
  it("leaves what only starts a block at the start of a line, and escapes the rest as escapeInline does", () => {
    expect(escapeInline("1.24 removes it")).toBe("1\\.24 removes it");
    expect(escapeMidLine("1.24")).toBe("1.24");
    expect(escapeMidLine("#123")).toBe("#123");
    expect(escapeMidLine("-")).toBe("-");
    expect(escapeMidLine("2) or")).toBe("2) or");
    expect(escapeMidLine("<b>*x*</b>")).toBe(escapeInline("<b>*x*</b>"));
    expect(escapeMidLine("{{ site.title }}")).toBe(escapeInline("{{ site.title }}"));
  });
});

describe("link and safeUrl", () => {
  it("links only to http(s) URLs", () => {
    expect(link("PR", "https://github.com/kubernetes/kubernetes/pull/1")).toBe("[PR](https://github.com/kubernetes/kubernetes/pull/1)");
    // "[^" opens a footnote in kramdown, and "\\^" is no escape there.
    expect(link(escapeInline("^ caret"), "https://github.com/kubernetes/kubernetes/pull/1")).toBe("[&#94; caret](https://github.com/kubernetes/kubernetes/pull/1)");
    expect(() => safeUrl("javascript:alert(1)")).toThrow("refusing to link to a non-http URL: javascript:");
    expect(safeUrl("https://example.com/a b(c)")).toBe("https://example.com/a%20b%28c%29");
  });
});

describe("escapeInline's fast path for plain words", () => {
  it("escapes exactly as the general path does, on text built from plain and special characters", async () => {
    const fc = (await import("fast-check")).default;
    const piece = fc.constantFrom("a", "Z", "7", " ", "  ", ".", ",", ":", "/", "-", "(", ")", "'", "\"", "!", "?", "1.", "#", "+", "=", "_", "*", "`", "<", "&", "{", "@", "[", "\r", "\u200b", "é", "www.", "http://", "x@y.z");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.integer({ min: 1, max: 40 }), (pieces, maxLength) => {
        const text = pieces.join("");
        expect(escapeInline(text, maxLength)).toBe(escapeAnyText(text, maxLength));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});

describe("safeUrl's fast path for PR pages", () => {
  it("returns what the URL parser gives back, for any URL built from page-like pieces", async () => {
    const fc = (await import("fast-check")).default;
    const piece = fc.constantFrom("https://", "http://", "github.com", "GitHub.com", "1.2.3", "xn--", "a", "-", ".", "..", "/", "pull", "issues", "releases/tag", "7", "_", "%2e", " ", "(", "é", "?x", "#y", "@");
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), (pieces) => {
        const url = `https://${pieces.join("")}`;
        let expected: string;
        try {
          expected = safeUrl(new URL(url).href);
        } catch {
          expect(() => safeUrl(url)).toThrow();
          return;
        }
        expect(safeUrl(url)).toBe(expected);
      }),
      { numRuns: 3000, seed: 11 },
    );
    expect(safeUrl("https://github.com/kubernetes/kubernetes/pull/103462")).toBe("https://github.com/kubernetes/kubernetes/pull/103462");
    expect(safeUrl("https://github.com/a/../pull/1")).toBe("https://github.com/pull/1");
  });
});

describe("commentText", () => {
  it("leaves markdown characters as they are, since no markdown runs inside a comment", () => {
    expect(commentText("add `--widget-syncs` flag to kube_codegen *now*")).toBe("add `- -widget-syncs` flag to kube_codegen *now*");
  });

  it("cannot end the comment or run Liquid, whatever the dashes", () => {
    expect(commentText("a ---> b <!-- {% raw %} {{ x }}")).toBe("a - - -&gt; b &lt;!- - &#123;% raw %&#125; &#123;&#123; x &#125;&#125;");
  });
});
