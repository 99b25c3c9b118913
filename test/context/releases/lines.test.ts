import { describe, expect, it } from "vitest";
import { DEFAULT_RELATED_REPOS, subprojectLines, type RepoRelease, type RepoReleases } from "../../../src/context/releases/index.js";
import { BULLETS_BODY, GENERATED_BODY, HIGHLIGHTS_BODY, HOSTILE_BODY, SECURITY_BODY } from "./bodies.js";

const week = { ending: "2021-07-18", from: "2021-07-12T00:00:00Z", to: "2021-07-18T23:59:59Z" };

function release(repo: string, tagName: string, publishedAt: string, description: string | null = null, extra: Partial<RepoRelease> = {}): RepoRelease {
  const url = `https://github.com/${repo}/releases/tag/${tagName}`;
  return { tagName, name: tagName, url, description, isDraft: false, isPrerelease: false, publishedAt, ...extra };
}

const repos: RepoReleases[] = [
  { repo: "kubernetes-sigs/kind", releases: [release("kubernetes-sigs/kind", "v0.11.1", "2021-07-15T20:00:00Z", BULLETS_BODY)] },
  {
    repo: "containerd/containerd",
    releases: [
      release("containerd/containerd", "v1.4.8", "2021-07-16T18:00:00Z", "* Fix CVE-2021-32760"),
      release("containerd/containerd", "v1.5.4", "2021-07-16T17:00:00Z", SECURITY_BODY),
      release("containerd/containerd", "v1.6.0-beta.0", "2021-07-14T17:00:00Z", "* Early bird", { isPrerelease: true }),
      release("containerd/containerd", "v1.5.5", "2021-07-17T17:00:00Z", "secret", { isDraft: true }),
      release("containerd/containerd", "v1.5.3", "2021-07-11T23:59:59Z", SECURITY_BODY),
    ],
  },
  { repo: "kubernetes-sigs/cluster-api", releases: [release("kubernetes-sigs/cluster-api", "v0.4.0", "2021-07-12T00:00:00Z", HIGHLIGHTS_BODY)] },
  { repo: "containerd/nerdctl", releases: [release("containerd/nerdctl", "v0.11.0", "2021-07-18T23:59:59Z", GENERATED_BODY)] },
  { repo: "etcd-io/etcd", releases: [release("etcd-io/etcd", "v3.5.0", "2021-06-15T00:00:00Z", "* Big release")] },
  { repo: "kubernetes-csi/csi-driver-vsphere", releases: null },
  { repo: "kubernetes/kubeadm", releases: [] },
  { repo: "golang/go", releases: null },
];

const goTags = [
  { name: "go1.16.6", date: "2021-07-12T19:00:00Z" },
  { name: "go1.15.14", date: "2021-07-12T19:05:00Z" },
  { name: "go1.17rc1", date: "2021-07-13T17:00:00Z" },
];

describe("subprojectLines", () => {
  it("leaves out the releases the previous edition gave, Go's tags too", () => {
    const previouslyLinked = new Set(["containerd/containerd@v1.5.4", "golang/go@go1.16.6"]);
    expect(subprojectLines(repos, week, { prereleases: false, goTags, previouslyLinked }).lines.filter((line) => /^\* \[(?:containerd|Go) /.test(line))).toEqual([
      "* [containerd v1.4.8](https://github.com/containerd/containerd/releases/tag/v1.4.8): Fix CVE-2021-32760",
      "* [Go 1.15.14](https://go.dev/doc/devel/release#go1.15.minor)",
    ]);
  });

  it("names a release by its tag less the project's own name: kustomize/v4.2.0 is v4.2.0, api/v0.8.11 stays", () => {
    const kustomize = "kubernetes-sigs/kustomize";
    const tags = [release(kustomize, "kustomize/v4.2.0", "2021-07-15T20:00:00Z"), release(kustomize, "api/v0.8.11", "2021-07-14T20:00:00Z")];
    expect(subprojectLines([{ repo: kustomize, releases: tags }], week, { prereleases: false }).lines).toEqual([
      "* [kustomize v4.2.0](https://github.com/kubernetes-sigs/kustomize/releases/tag/kustomize/v4.2.0); also [api/v0.8.11](https://github.com/kubernetes-sigs/kustomize/releases/tag/api/v0.8.11)",
    ]);
  });

  it("writes one line per project, alphabetical by repository, newest release first", () => {
    expect(subprojectLines(repos, week, { prereleases: false, goTags })).toEqual({
      lines: [
        "* [containerd v1.5.4](https://github.com/containerd/containerd/releases/tag/v1.5.4): Fix CVE-2021-32760, faster pulls; also [v1.4.8](https://github.com/containerd/containerd/releases/tag/v1.4.8)",
        "* [nerdctl v0.11.0](https://github.com/containerd/nerdctl/releases/tag/v0.11.0): Add support for OCI image indexes",
        "* [Go 1.16.6](https://go.dev/doc/devel/release#go1.16.minor); also [1.15.14](https://go.dev/doc/devel/release#go1.15.minor)",
        "* [Cluster API v0.4.0](https://github.com/kubernetes-sigs/cluster-api/releases/tag/v0.4.0): Kubernetes v1.22 support, improved machine health checks",
        "* [kind v0.11.1](https://github.com/kubernetes-sigs/kind/releases/tag/v0.11.1): Updated default node image to v1.21.1",
      ],
      warnings: ["kubernetes-csi/csi-driver-vsphere: no such repository"],
      notes: ["kubernetes/kubeadm: has no releases, so it never has a Subprojects line"],
    });
  });

  it("lists prereleases when asked, and is the same whatever the input order", () => {
    const withPre = subprojectLines([...repos].reverse(), week, { prereleases: true, goTags: [...goTags].reverse() });
    expect(withPre.lines[0]).toBe(
      "* [containerd v1.5.4](https://github.com/containerd/containerd/releases/tag/v1.5.4): Fix CVE-2021-32760, faster pulls; also [v1.4.8](https://github.com/containerd/containerd/releases/tag/v1.4.8), [v1.6.0-beta.0](https://github.com/containerd/containerd/releases/tag/v1.6.0-beta.0)",
    );
    expect(withPre.lines[2]).toBe(
      "* [Go 1.17rc1](https://github.com/golang/go/releases/tag/go1.17rc1); also [1.16.6](https://go.dev/doc/devel/release#go1.16.minor), [1.15.14](https://go.dev/doc/devel/release#go1.15.minor)",
    );
    expect(subprojectLines([...repos].reverse(), week, { prereleases: false, goTags }).lines).toEqual(
      subprojectLines(repos, week, { prereleases: false, goTags }).lines,
    );
  });

  it("lets no hostile text through: body, tag and URL", () => {
    const hostile: RepoReleases = {
      repo: "evil/project",
      releases: [
        release("evil/project", "v1](https://evil.example) {{ x }}", "2021-07-13T00:00:00Z", HOSTILE_BODY),
        release("evil/project", "v0.1", "2021-07-12T00:00:00Z", null, { url: "javascript:alert(1)" }),
      ],
    };
    const { lines, warnings } = subprojectLines([hostile], week, { prereleases: false });
    expect(lines).toEqual([
      "* [project v1\\](`https://evil.example`) &#123;&#123; x &#125;&#125;](https://github.com/evil/project/releases/tag/v1%5D%28https://evil.example%29%20%7B%7B%20x%20%7D%7D): Steal tokens; also [v0.1](https://github.com/evil/project/releases/tag/v0.1)",
    ]);
    expect(lines[0]).not.toMatch(/\{\{|<img|<script|javascript:|\{%/);
    expect(warnings).toEqual(["evil/project v0.1: unusable release URL, linked the tag page instead"]);
  });

  it("warns about Go tags that could not be fetched and skips what is not a repository", () => {
    const { lines, warnings } = subprojectLines([{ repo: "not a repo", releases: [] }], week, { prereleases: false, goTags: null });
    expect(lines).toEqual([]);
    expect(warnings).toEqual(["not a repo: not an owner/name repository, skipped", "golang/go: tags could not be fetched"]);
  });

  it("uses display names given by the caller", () => {
    const { lines } = subprojectLines(repos.slice(0, 1), week, { prereleases: false, displayNames: { "kubernetes-sigs/kind": "KinD" } });
    expect(lines[0]).toMatch(/^\* \[KinD v0\.11\.1\]/);
  });
});

describe("DEFAULT_RELATED_REPOS", () => {
  it("is the crawler's list with the ingress-nginx typo fixed", () => {
    expect(DEFAULT_RELATED_REPOS).toHaveLength(32);
    expect(new Set(DEFAULT_RELATED_REPOS).size).toBe(32);
    expect(DEFAULT_RELATED_REPOS).toContain("kubernetes/ingress-nginx");
    expect(DEFAULT_RELATED_REPOS).not.toContain("kubernetes/ngninx-ingress");
    expect(DEFAULT_RELATED_REPOS.every((repo) => /^[\w.-]+\/[\w.-]+$/.test(repo))).toBe(true);
  });
});
