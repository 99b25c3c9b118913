import { describe, expect, it } from "vitest";
import { highlightCandidates, releaseHighlights } from "../../../src/context/releases/index.js";
import { BULLETS_BODY, GENERATED_BODY, HIGHLIGHTS_BODY, HOSTILE_BODY, PROSE_BODY, SECURITY_BODY } from "./bodies.js";

describe("releaseHighlights", () => {
  it.each([
    ["a security release", SECURITY_BODY, "Fix CVE-2021-32760"],
    ["a Highlights section: its first heading, a name kept as written", HIGHLIGHTS_BODY, "Kubernetes v1.22 support"],
    ["a plain bullet list: its first bullet short enough to say whole", BULLETS_BODY, "Updated default node image to v1.21.1"],
    ["GitHub's generated notes", GENERATED_BODY, "Add support for OCI image indexes"],
    ["prose only", PROSE_BODY, ""],
    ["an empty body", "", ""],
    ["no body", null, ""],
  ])("%s", (_name, body, expected) => {
    expect(releaseHighlights(body)).toBe(expected);
  });

  it("lists the next highlights after the first, never repeating the security fix", () => {
    expect(highlightCandidates(SECURITY_BODY)).toEqual(["Fix CVE-2021-32760", "Faster pulls", "Update runc binary to v1.0.1"]);
    expect(highlightCandidates(HIGHLIGHTS_BODY)).toEqual([
      "Kubernetes v1.22 support",
      "Improved machine health checks",
    ]);
  });

  it("says a whole phrase or nothing, less a leading scope of up to three words: a long item is not cut to its first words", () => {
    const body = [
      "## Changes",
      "* KCP: Allow skipping the kube-proxy upgrade of a control plane with an annotation (#4861)",
      "* [BUGFIX] HTTP SD: Allow charset in the Content-Type header. #8981",
      "* UI: Make the new experimental query editor the default one, for everyone",
      "* Scheduler: retry faster, with a smaller backoff",
      "* minikube image: add save, tag and push subcommands",
    ].join("\n");
    expect(highlightCandidates(body)).toEqual(["Allow charset in the Content-Type header", "Retry faster, with a smaller backoff", "Add save, tag and push subcommands"]);
    // The trial's: the project the line names is not said again.
    expect(releaseHighlights("* `nerdctl compose`: support `build.args` and `build.target`")).toBe("Support build.args and build.target");
    expect(releaseHighlights("* Helm chart: add `node.livenessProbe.healthPort` (#266, @csi-dev-d)")).toBe("Add node.livenessProbe.healthPort");
    expect(releaseHighlights("* openstack-cloud-controller-manager: support the `loadbalancer.openstack.org/health-monitor-delay` annotation")).toBe(
      "Support the loadbalancer.openstack.org/health-monitor-delay annotation",
    );
  });

  it("starts in sentence case as the tool's lines do, keeping names and identifiers as written", () => {
    expect(releaseHighlights("### Highlights\n\n- Kubernetes 1.21 is supported\n")).toBe("Kubernetes 1.21 is supported");
    expect(releaseHighlights("* add a `--dry-run` flag")).toBe("Add a --dry-run flag");
    expect(releaseHighlights("* containerd 1.5 is the default runtime")).toBe("containerd 1.5 is the default runtime");
    expect(releaseHighlights("* kubectl plugin list shows shadowed plugins")).toBe("kubectl plugin list shows shadowed plugins");
    expect(releaseHighlights("* healthPort is configurable")).toBe("healthPort is configurable");
    expect(releaseHighlights("* v2 API served by default")).toBe("v2 API served by default");
    expect(releaseHighlights("* eBPF dataplane for IPv6")).toBe("eBPF dataplane for IPv6");
  });

  it("names several CVEs, then counts them", () => {
    expect(releaseHighlights("Fixes CVE-2021-41103 and cve-2021-41190.")).toBe("Fix CVE-2021-41103, CVE-2021-41190");
    expect(releaseHighlights("CVE-2021-1111 CVE-2021-2222 CVE-2021-3333 CVE-2021-1111")).toBe("Fix 3 CVEs");
    expect(releaseHighlights("### Security\n\n* Patched the sandbox escape")).toBe("Security fixes");
    expect(releaseHighlights("* See GHSA-c72p-9xmj-rx3w for details")).toBe("Fix GHSA-c72p-9xmj-rx3w");
  });

  it("keeps nothing executable from a hostile body, and skips fences and comments", () => {
    const highlight = releaseHighlights(HOSTILE_BODY);
    expect(highlight).toBe("Steal tokens");
    expect(highlightCandidates(HOSTILE_BODY)).toEqual(["Steal tokens"]);
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
