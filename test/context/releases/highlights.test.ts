import { describe, expect, it } from "vitest";
import { highlightCandidates, releaseHighlights } from "../../../src/context/releases/index.js";
import { BULLETS_BODY, GENERATED_BODY, HIGHLIGHTS_BODY, HOSTILE_BODY, PROSE_BODY, SECURITY_BODY } from "./bodies.js";

describe("releaseHighlights", () => {
  it.each([
    ["a security release", SECURITY_BODY, "fix CVE-2021-32760"],
    ["a Highlights section: its first heading", HIGHLIGHTS_BODY, "kubernetes v1.22 support"],
    ["a plain bullet list: its first bullet short enough to say whole", BULLETS_BODY, "updated default node image to v1.21.1"],
    ["GitHub's generated notes", GENERATED_BODY, "add support for OCI image indexes"],
    ["prose only", PROSE_BODY, ""],
    ["an empty body", "", ""],
    ["no body", null, ""],
  ])("%s", (_name, body, expected) => {
    expect(releaseHighlights(body)).toBe(expected);
  });

  it("lists the next highlights after the first, never repeating the security fix", () => {
    expect(highlightCandidates(SECURITY_BODY)).toEqual(["fix CVE-2021-32760", "faster pulls", "update runc binary to v1.0.1"]);
    expect(highlightCandidates(HIGHLIGHTS_BODY)).toEqual([
      "kubernetes v1.22 support",
      "improved machine health checks",
    ]);
  });

  it("says a whole phrase or nothing, with its scope: a long item is not cut to its first words", () => {
    const body = [
      "## Changes",
      "* KCP: Allow skipping the kube-proxy upgrade of a control plane with an annotation (#4861)",
      "* [BUGFIX] HTTP SD: Allow charset in the Content-Type header. #8981",
      "* UI: Make the new experimental query editor the default one, for everyone",
      "* Scheduler: retry faster, with a smaller backoff",
      "* minikube image: add save, tag and push subcommands",
    ].join("\n");
    expect(highlightCandidates(body)).toEqual(["HTTP SD: allow charset in the Content-Type header", "scheduler: retry faster, with a smaller backoff", "minikube image: add save, tag and push subcommands"]);
  });

  it("names several CVEs, then counts them", () => {
    expect(releaseHighlights("Fixes CVE-2021-41103 and cve-2021-41190.")).toBe("fix CVE-2021-41103, CVE-2021-41190");
    expect(releaseHighlights("CVE-2021-1111 CVE-2021-2222 CVE-2021-3333 CVE-2021-1111")).toBe("fix 3 CVEs");
    expect(releaseHighlights("### Security\n\n* Patched the sandbox escape")).toBe("security fixes");
    expect(releaseHighlights("* See GHSA-c72p-9xmj-rx3w for details")).toBe("fix GHSA-c72p-9xmj-rx3w");
  });

  it("keeps nothing executable from a hostile body, and skips fences and comments", () => {
    const highlight = releaseHighlights(HOSTILE_BODY);
    expect(highlight).toBe("steal tokens");
    expect(highlightCandidates(HOSTILE_BODY)).toEqual(["steal tokens"]);
  });

  it("reads a 1 MB body in linear time", () => {
    const bodies = [
      `## Highlights\n${"* **".repeat(250_000)}`,
      `${"[".repeat(500_000)}${"(".repeat(500_000)}`,
      `${"CVE-2021-".repeat(100_000)}`,
      `${"# ".repeat(500_000)}`,
      `${"<!-- ".repeat(200_000)}`,
      `${"word ".repeat(200_000)}`,
      `${"{{ ".repeat(300_000)}`,
    ];
    for (const body of bodies) {
      const started = performance.now();
      releaseHighlights(body);
      expect(performance.now() - started, body.slice(0, 20)).toBeLessThan(2000);
    }
  });
});
