import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EXPECTED_GO_RELEASES_IN_WEEK, EXPECTED_WEEK_PRERELEASES, EXPECTED_WEEK_RELEASES, RELATED_REPO_NAMES } from "./fake-github/context-fixtures.js";
import { makeSyntheticWeek, type FakeGitHub, type FakeSearchItem } from "./fake-github/server.js";
import { contextRequests, kepRequests, searchRequests, startFakeWorld, WEEK_FROM, WEEK_TO } from "./helpers/fake-world.js";
import { runCli } from "./helpers/run-cli.js";

const TOKEN = "ghp_contextSecretToken424242";
const pr = (number: number, title: string, body: string, files: string[], labels: string[]): FakeSearchItem => ({
  number,
  title,
  html_url: `https://github.com/kubernetes/kubernetes/pull/${number}`,
  body,
  user: { login: "contributor" },
  labels: labels.map((name) => ({ name })),
  pull_request: { merged_at: "2021-07-01T10:00:00Z" },
  base: { ref: "master" },
  files: files.map((path) => ({ path, additions: 3, deletions: 1 })),
});
/** PRs that make the fixture's file changes, titled so that only the files say what they did. */
const GATE_PR = pr(
  900001,
  "Turn on the proxy's slice-based endpoint handling for everyone",
  "#### What this PR does / why we need it:\nEndpointSliceProxying graduates.\n```release-note\nkube-proxy always uses EndpointSlices.\n```\n",
  ["pkg/features/kube_features.go", "pkg/proxy/endpointslicecache.go"],
  ["kind/feature", "release-note", "sig/network"],
);
const CADVISOR_PR = pr(900002, "Bump cadvisor to v0.39.2", "```release-note\nNONE\n```\n", ["go.mod", "go.sum", "vendor/modules.txt"], ["area/dependency", "release-note-none"]);
const ITEMS = [
  ...makeSyntheticWeek({ owner: "kubernetes", name: "kubernetes", count: 148, from: WEEK_FROM, to: WEEK_TO, cherryPicks: 10 }),
  GATE_PR,
  CADVISOR_PR,
];

interface JsonDraft {
  sections: Record<string, Array<{ repo: string; number: number | null; line: string; reason: string; url: string }>>;
  releaseSchedule: { nextDeadline: string | null; notes: string[] };
  unexplainedChanges: string[];
  stats: { merged: number; requests: number };
}

/** The fixture world's 36 related repositories (plus one that does not exist) instead of the default list. */
function configFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "k8s-weekly-config-"));
  writeFileSync(join(dir, "k8s-weekly.config.json"), JSON.stringify({ relatedRepos: RELATED_REPO_NAMES }));
  return dir;
}

let server: FakeGitHub | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function draft(args: string[], env: Record<string, string> = {}): Promise<{ json: JsonDraft; stderr: string; code: number | null }> {
  const result = await runCli(["draft", "--week", "2021-07-04", "--api-url", server?.url ?? "", "--format", "json", ...args], { GH_ENTERPRISE_TOKEN: TOKEN, ...env }, configFolder());
  return { json: JSON.parse(result.stdout || "{}") as JsonDraft, stderr: result.stderr, code: result.code };
}

describe("the README's pr-line example", () => {
  it("writes every bullet of a week with releases as the tool's own line does, a pause after the link too", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = readme.match(/e\.g\. `(\* \{\{#if bullet\.before\}\}[^`]+)`/)?.[1];
    expect(example).toContain("{{bullet.pause}}");
    const partials = mkdtempSync(join(tmpdir(), "k8s-weekly-pr-line-"));
    writeFileSync(join(partials, "pr-line.hbs"), `${example}\n`);
    const listed = "Add a sprocket flag, a gear flag and a chain flag to kubectl";
    const paused = pr(900003, listed, `\`\`\`release-note\n${listed}.\n\`\`\`\n`, ["staging/src/k8s.io/kubectl/pkg/cmd/flags.go"], ["kind/feature", "release-note"]);
    server = await startFakeWorld({ items: [...ITEMS, paused], validToken: TOKEN });
    // The second run reads the week the first one cached: the same data, no second fetch.
    const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-cache-"));
    const config = configFolder();
    const run = (args: string[]) => runCli(["draft", "--week", "2021-07-04", "--api-url", server?.url ?? "", ...args], { GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: cache }, config);
    const own = await run([]);
    const fromPieces = await run(["--offline", "--partials", partials]);
    expect(own.stdout).toContain("* Add [a sprocket flag](https://github.com/kubernetes/kubernetes/pull/900003), a gear flag and a chain flag to kubectl\n");
    expect(own.stdout).toContain("; also [v1.4.8](https://github.com/containerd/containerd/releases/tag/v1.4.8)\n");
    expect(fromPieces.stdout).toBe(own.stdout);
  });
});

describe("the week's releases, schedule and file changes", () => {
  it("a cold draft of 150 PRs and 36 related repositories costs 2 requests (the PRs with the context, then the KEPs), a warm re-run none", async () => {
    server = await startFakeWorld({ items: ITEMS, validToken: TOKEN });
    const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-cache-"));
    const config = configFolder();
    const cold = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json"], { GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: cache }, config);
    expect(cold.code).toBe(0);
    // Both halves of the week's 150 PRs and the context in one request, the KEP files they name in a second.
    expect(server.requests.length).toBe(2);
    expect(searchRequests(server.requests).length).toBe(1);
    expect(contextRequests(server.requests)).toEqual(searchRequests(server.requests));
    expect(kepRequests(server.requests).length).toBe(1);
    expect(server.graphqlErrors).toEqual([]);
    const warm = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url, "--format", "json"], { GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: cache }, config);
    expect(warm.code).toBe(0);
    expect(server.requests.length).toBe(2);
    expect((JSON.parse(warm.stdout) as JsonDraft).sections).toEqual((JSON.parse(cold.stdout) as JsonDraft).sections);
  });

  it("lists the week's published releases of related projects, one line per project, with warnings for missing and empty ones", async () => {
    server = await startFakeWorld({ items: ITEMS, validToken: TOKEN });
    const { json, stderr, code } = await draft([]);
    expect(code).toBe(0);
    const lines = json.sections.subprojects?.map((entry) => entry.line) ?? [];
    const expectedProjects = Object.keys(EXPECTED_WEEK_RELEASES).length + 1; // plus Go, read from tags
    expect(lines).toHaveLength(expectedProjects);
    for (const [repo, tags] of Object.entries(EXPECTED_WEEK_RELEASES)) {
      const line = lines.find((candidate) => candidate.includes(`https://github.com/${repo}/releases/tag/`));
      expect(line, repo).toBeDefined();
      for (const tag of tags) expect(line).toContain(`https://github.com/${repo}/releases/tag/${tag})`);
    }
    for (const tags of Object.values(EXPECTED_WEEK_PRERELEASES)) for (const tag of tags) expect(lines.join("\n")).not.toContain(tag);
    expect(lines.join("\n")).not.toContain("v1.22.0-alpha.1");
    expect(lines).toContain(
      "* [containerd v1.5.4](https://github.com/containerd/containerd/releases/tag/v1.5.4): Fix CVE-2021-32760, update runc to v1.0.1; also [v1.4.8](https://github.com/containerd/containerd/releases/tag/v1.4.8)",
    );
    expect(lines.find((line) => line.startsWith("* [Go "))).toBe(
      `* [Go ${EXPECTED_GO_RELEASES_IN_WEEK[0].slice(2)}](https://go.dev/doc/devel/release#go1.16.minor); also [${EXPECTED_GO_RELEASES_IN_WEEK[1].slice(2)}](https://go.dev/doc/devel/release#go1.15.minor)`,
    );
    // Highlights without their items' scopes ("nerdctl compose:", "Helm chart:"), in sentence case.
    expect(lines).toEqual(
      expect.arrayContaining([
        "* [nerdctl v0.10.0](https://github.com/containerd/nerdctl/releases/tag/v0.10.0): Support `build.args` and `build.target`",
        "* [csi-driver-smb v1.1.0](https://github.com/kubernetes-csi/csi-driver-smb/releases/tag/v1.1.0): Add `node.livenessProbe.healthPort`",
        "* [cloud-provider-openstack v1.21.0](https://github.com/kubernetes/cloud-provider-openstack/releases/tag/v1.21.0): Support the `loadbalancer.openstack.org/health-monitor-delay` annotation",
        "* [ingress-nginx controller-v0.47.0](https://github.com/kubernetes/ingress-nginx/releases/tag/controller-v0.47.0): Kubernetes 1.21 is supported; also [helm-chart-3.34.0](https://github.com/kubernetes/ingress-nginx/releases/tag/helm-chart-3.34.0)",
        "* [minikube v1.22.0](https://github.com/kubernetes/minikube/releases/tag/v1.22.0): Add save, tag and push subcommands",
      ]),
    );
    expect(stderr).toContain("warning: kubernetes-csi/csi-driver-vsphere: no such repository");
    expect(stderr).toContain("k8s-weekly: kubernetes/cloud-provider: has no releases, so it never has a Subprojects line\n");
    expect(stderr).not.toContain("warning: kubernetes/cloud-provider");
    expect(RELATED_REPO_NAMES.filter((repo) => repo !== "kubernetes-csi/csi-driver-vsphere")).toHaveLength(36);
  });

  it("leaves out the releases the previous edition gave (it ran past its Sunday), and keeps the rest of their projects' lines", async () => {
    server = await startFakeWorld({ items: ITEMS, validToken: TOKEN });
    const previous = join(mkdtempSync(join(tmpdir(), "k8s-weekly-posts-")), "2021-06-27-update.md");
    const goNewest = EXPECTED_GO_RELEASES_IN_WEEK[0].slice(2);
    writeFileSync(previous, `* [containerd v1.5.4](https://github.com/containerd/containerd/releases/tag/v1.5.4)\n* [Go ${goNewest}](https://go.dev/doc/devel/release#go1.16.minor)\n`);
    const { json, code } = await draft(["--previous", previous]);
    expect(code).toBe(0);
    const lines = json.sections.subprojects?.map((entry) => entry.line) ?? [];
    expect(lines.find((line) => line.startsWith("* [containerd "))).toBe("* [containerd v1.4.8](https://github.com/containerd/containerd/releases/tag/v1.4.8): Fix CVE-2021-32760, update runc to v1.0.1");
    expect(lines.find((line) => line.startsWith("* [Go "))).toBe(`* [Go ${EXPECTED_GO_RELEASES_IN_WEEK[1].slice(2)}](https://go.dev/doc/devel/release#go1.15.minor)`);
  });

  it("shows prereleases only with --prereleases", async () => {
    server = await startFakeWorld({ items: ITEMS, validToken: TOKEN });
    const { json } = await draft(["--prereleases"]);
    const text = json.sections.subprojects?.map((entry) => entry.line).join("\n") ?? "";
    for (const tags of Object.values(EXPECTED_WEEK_PRERELEASES)) for (const tag of tags) expect(text).toContain(tag);
    expect(text).not.toContain("v1.22.0-alpha.1");
  });

  it("reads the next deadline from the 1.22 timeline, and the coming patch releases", async () => {
    server = await startFakeWorld({ items: ITEMS, validToken: TOKEN });
    const { json } = await draft([]);
    expect(json.releaseSchedule.nextDeadline).toBe("Code Freeze, July 8th");
    expect(json.releaseSchedule.notes).toContain("Cherry-picks for the next patch releases (1.21.3, 1.20.9, 1.19.13, due Wednesday, July 14) are due Saturday, July 10");
    // As offline from the sample, whose table has the beta's row first where this one has the freeze's.
    expect(json.releaseSchedule.notes).toContain(
      "Coming up in 1.22: 1.22.0-beta.1 release (Thursday, July 8), Code Freeze (Thursday, July 8), Docs deadline - Open placeholder PRs (Friday, July 9)",
    );
    const post = await runCli(["draft", "--week", "2021-07-04", "--api-url", server.url], { GH_ENTERPRISE_TOKEN: TOKEN });
    expect(post.stdout).toContain("## Release Schedule\n\n**Next Deadline: Code Freeze, July 8th**\n");
  });

  it("--update by a run that reads no releases (no token) keeps the post's Subprojects as they are; one that reads them refreshes them", async () => {
    server = await startFakeWorld({ items: ITEMS, validToken: TOKEN });
    const folder = configFolder();
    const post = join(mkdtempSync(join(tmpdir(), "k8s-weekly-subprojects-")), "2021-07-04-update.md");
    const base = ["draft", "--week", "2021-07-04", "--api-url", server.url];
    expect((await runCli([...base, "-o", post], { GH_ENTERPRISE_TOKEN: TOKEN }, folder)).code).toBe(0);
    const drafted = readFileSync(post, "utf8");
    const subprojects = (text: string) => text.slice(text.indexOf("<!-- k8s-weekly:begin subprojects"), text.indexOf("<!-- k8s-weekly:end subprojects -->"));
    const releaseLines = subprojects(drafted).split("\n").filter((line) => line.startsWith("* "));
    expect(releaseLines.length).toBeGreaterThan(5);
    expect(subprojects(drafted)).not.toContain(" unread");

    const tokenless = await runCli([...base, "--update", post], {}, folder);
    expect(tokenless.code).toBe(0);
    const kept = readFileSync(post, "utf8");
    expect(subprojects(kept)).toBe(subprojects(drafted));

    // The next run with a token still knows whose lines are whose: the editor's line stays, and the
    // release line it replaced is not brought back.
    writeFileSync(post, kept.replace(releaseLines[0] as string, "* An editor's own line about a release"));
    expect((await runCli([...base, "--update", post], { GH_ENTERPRISE_TOKEN: TOKEN }, folder)).code).toBe(0);
    const refreshed = subprojects(readFileSync(post, "utf8"));
    expect(refreshed).toContain("* An editor's own line about a release\n");
    for (const line of releaseLines.slice(1)) expect(refreshed).toContain(`${line}\n`);
    expect(refreshed).not.toContain(`${releaseLines[0] as string}\n`);
  });

  it("says a week between releases is between releases instead of guessing", async () => {
    server = await startFakeWorld({ items: [], validToken: TOKEN, weekFrom: "2021-08-09T00:00:00Z", weekTo: "2021-08-15T23:59:59Z" });
    const result = await runCli(["draft", "--week", "2021-08-15", "--api-url", server.url, "--allow-empty"], { GH_ENTERPRISE_TOKEN: TOKEN });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("**Next Deadline: TODO(editor)**");
    expect(result.stderr).toMatch(/warning: release schedule: between releases: the 1\.22 timeline ends on 2021-08-\d\d and no later timeline has started by 2021-08-15/);
  });

  it("a feature-gate table changed between the week's ends yields the promotion with its PR", async () => {
    server = await startFakeWorld({ items: ITEMS, validToken: TOKEN });
    const { json } = await draft([]);
    expect(json.sections.promotions).toContainEqual({
      repo: "kubernetes/kubernetes",
      number: GATE_PR.number,
      url: GATE_PR.html_url,
      title: GATE_PR.title,
      author: "contributor",
      line: `* [EndpointSliceProxying to GA](${GATE_PR.html_url})`,
      // The JSON adds the bullet as data next to its markdown.
      bullet: { label: "EndpointSliceProxying to GA", url: GATE_PR.html_url, also: [] },
      reason: "feature-gate:EndpointSliceProxying→GA",
    });
    const cadvisor = json.sections.version_updates?.find((entry) => entry.number === CADVISOR_PR.number);
    expect(cadvisor?.reason).toMatch(/\+file-diff:github\.com\/google\/cadvisor v0\.39\.0→v0\.39\.2$/);
    expect(json.unexplainedChanges).toEqual(["feature gate ServiceLBNodePortControl: Alpha → Beta", "etcd: 3.4.13 → 3.5.0"]);
  });
});
