import { createHash } from "node:crypto";

/**
 * Release bodies for the related-repository fixtures. All text is written for these tests in the
 * shapes real projects use (release-notes tool sections, "## Security", "### Highlights",
 * plain bullets, HTML details blocks, very long dependency lists); PR numbers, names and
 * digests are made up.
 */

const digest = (seed: string): string => createHash("sha256").update(seed).digest("hex");

export const COREDNS_184 = `This release fixes a stale cache entry in the _kubernetes_ plugin and lets the _rewrite_ plugin change response headers.

## Brought to You By

@ada-dns,
@bo-resolver,
@cy-forward

## Noteworthy Changes

* plugin/kubernetes: drop stale Service entries after a watch restart (https://github.com/coredns/coredns/pull/4601)
* plugin/rewrite: add a \`header\` option (https://github.com/coredns/coredns/pull/4587)
* plugin/forward: retry once over TCP when a UDP answer is truncated (https://github.com/coredns/coredns/pull/4590)
* core: build with Go 1.16 (https://github.com/coredns/coredns/pull/4570)
`;

export const COREDNS_183 = `A small release with bug fixes in the _cache_ and _health_ plugins.

## Noteworthy Changes

* plugin/cache: honour the minimum TTL for negative answers (https://github.com/coredns/coredns/pull/4512)
* plugin/health: report unhealthy while the server is shutting down (https://github.com/coredns/coredns/pull/4498)
`;

export function csiReleaseNotes(features: string[], fixes: string[], changed: Array<[string, string, string]>): string {
  const lines = ["## Changes by Kind", "", "### Feature", "", ...features.map((f) => `- ${f}`), "", "### Bug or Regression", ""];
  lines.push(...(fixes.length > 0 ? fixes.map((f) => `- ${f}`) : ["_Nothing has changed._"]), "", "## Dependencies", "", "### Added", "_Nothing has changed._", "", "### Changed");
  lines.push(...changed.map(([module, from, to]) => `- ${module}: ${from} → ${to}`), "", "### Removed", "_Nothing has changed._", "");
  return lines.join("\n");
}

export const CNI_081 = `This is a security release.

A plugin name containing \`../\` could make libcni run a binary outside the configured plugin directories. Plugin names are now rejected when they contain a path separator.

- libcni: refuse plugin types that contain a path separator
- skel: print the supported versions when \`CNI_COMMAND=VERSION\` is set without a config
`;

/** CRI-O's generated notes: a table of contents, downloads, a changelog and hundreds of dependency lines. */
export function crioNotes(version: string, previous: string): string {
  const commit = digest(`cri-o ${version}`).slice(0, 40);
  const archs = ["amd64", "arm64"];
  const modules = [
    "cloud.google.com/go", "github.com/Azure/go-ansiterm", "github.com/BurntSushi/toml", "github.com/Microsoft/go-winio", "github.com/Microsoft/hcsshim",
    "github.com/blang/semver", "github.com/checkpoint-restore/go-criu/v5", "github.com/cilium/ebpf", "github.com/containerd/cgroups", "github.com/containerd/console",
    "github.com/containerd/containerd", "github.com/containerd/continuity", "github.com/containerd/fifo", "github.com/containerd/ttrpc", "github.com/containernetworking/cni",
    "github.com/containernetworking/plugins", "github.com/containers/buildah", "github.com/containers/common", "github.com/containers/conmon", "github.com/containers/image/v5",
    "github.com/containers/ocicrypt", "github.com/containers/podman/v3", "github.com/containers/storage", "github.com/coreos/go-systemd/v22", "github.com/cri-o/ocicni",
    "github.com/cyphar/filepath-securejoin", "github.com/docker/docker", "github.com/docker/go-units", "github.com/emicklei/go-restful", "github.com/fsnotify/fsnotify",
    "github.com/go-logr/logr", "github.com/godbus/dbus/v5", "github.com/gogo/protobuf", "github.com/golang/protobuf", "github.com/google/go-cmp",
    "github.com/google/uuid", "github.com/gorilla/mux", "github.com/grpc-ecosystem/go-grpc-middleware", "github.com/json-iterator/go", "github.com/klauspost/compress",
    "github.com/moby/sys/mountinfo", "github.com/onsi/ginkgo", "github.com/onsi/gomega", "github.com/opencontainers/go-digest", "github.com/opencontainers/image-spec",
    "github.com/opencontainers/runc", "github.com/opencontainers/runtime-spec", "github.com/opencontainers/runtime-tools", "github.com/opencontainers/selinux", "github.com/pkg/errors",
    "github.com/prometheus/client_golang", "github.com/prometheus/common", "github.com/prometheus/procfs", "github.com/seccomp/libseccomp-golang", "github.com/sirupsen/logrus",
    "github.com/soheilhy/cmux", "github.com/urfave/cli/v2", "github.com/vbauerster/mpb/v6", "go.etcd.io/bbolt", "go.opencensus.io",
    "golang.org/x/crypto", "golang.org/x/net", "golang.org/x/sync", "golang.org/x/sys", "golang.org/x/term",
    "golang.org/x/text", "golang.org/x/time", "google.golang.org/genproto", "google.golang.org/grpc", "google.golang.org/protobuf",
    "k8s.io/api", "k8s.io/apimachinery", "k8s.io/client-go", "k8s.io/cri-api", "k8s.io/klog/v2",
    "k8s.io/kubernetes", "k8s.io/utils", "sigs.k8s.io/release-sdk", "sigs.k8s.io/structured-merge-diff/v4", "sigs.k8s.io/yaml",
  ];
  const bump = (module: string, salt: string) => {
    const h = Number.parseInt(digest(`${module}:${salt}`).slice(0, 6), 16);
    return [`v0.${h % 30}.${h % 7}`, `v0.${h % 30}.${(h % 7) + 1 + (h % 3)}`];
  };
  const lines = [
    `- [CRI-O ${version}](#cri-o-${version.replace(/\./g, "")})`,
    "  - [Downloads](#downloads)",
    "    - [To verify the artifact signatures](#to-verify-the-artifact-signatures)",
    `  - [Changelog since ${previous}](#changelog-since-${previous.replace(/\./g, "")})`,
    "    - [Changes by Kind](#changes-by-kind)",
    "      - [Bug or Regression](#bug-or-regression)",
    "      - [Other (Cleanup or Flake)](#other-cleanup-or-flake)",
    "  - [Dependencies](#dependencies)",
    "    - [Added](#added)",
    "    - [Changed](#changed)",
    "    - [Removed](#removed)",
    "",
    `# CRI-O ${version}`,
    "",
    "The release notes have been generated for the commit range",
    `[${previous}...${version}](https://github.com/cri-o/cri-o/compare/${previous}...${version}).`,
    "",
    "## Downloads",
    "",
    "Download one of our static release bundles via our Google Cloud Bucket:",
    "",
    ...archs.flatMap((arch) => [
      `- [cri-o.${arch}.${commit}.tar.gz](https://storage.googleapis.com/cri-o/artifacts/cri-o.${arch}.${commit}.tar.gz)`,
      `  - [cri-o.${arch}.${commit}.tar.gz.sha256sum](https://storage.googleapis.com/cri-o/artifacts/cri-o.${arch}.${commit}.tar.gz.sha256sum)`,
      `  - [cri-o.${arch}.${commit}.tar.gz.sig](https://storage.googleapis.com/cri-o/artifacts/cri-o.${arch}.${commit}.tar.gz.sig)`,
    ]),
    "",
    "### To verify the artifact signatures",
    "",
    "```console",
    `> export COSIGN_EXPERIMENTAL=1`,
    `> cosign verify-blob cri-o.amd64.${commit}.tar.gz \\`,
    `    --signature cri-o.amd64.${commit}.tar.gz.sig`,
    "```",
    "",
    `## Changelog since ${previous}`,
    "",
    "### Changes by Kind",
    "",
    "#### Bug or Regression",
    " - Fix a bug where a container's cgroup was not removed when the container exited before the runtime reported it ready. (#4951, @crio-dev-a)",
    " - Fix a panic when a pod sandbox is removed while its network is still being set up. (#4960, @crio-dev-b)",
    " - Restore the `--log-level` default of `info` for the `crio config` subcommand. (#4972, @crio-dev-c)",
    " - Report the correct exit code for containers killed by the OOM killer on cgroup v2 hosts. (#4981, @crio-dev-a)",
    "",
    "#### Other (Cleanup or Flake)",
    " - Build with Go 1.16.5. (#4990, @crio-dev-d)",
    "",
    "## Dependencies",
    "",
    "### Added",
    ...modules.slice(0, 6).map((module) => `- ${module}/internal/testutil: ${bump(module, "added")[0]}`),
    "",
    "### Changed",
  ];
  for (const salt of ["a", "b", "c"]) {
    for (const module of modules) {
      const [from, to] = bump(module, salt);
      lines.push(`- ${module}${salt === "a" ? "" : `/${salt === "b" ? "api" : "pkg"}`}: ${from} → ${to}`);
    }
  }
  lines.push("", "### Removed", "- github.com/containers/libtrust: 14b9617", "");
  return lines.join("\n");
}

export const CRIO_1203 = `# CRI-O v1.20.3

The release notes have been generated for the commit range [v1.20.2...v1.20.3](https://github.com/cri-o/cri-o/compare/v1.20.2...v1.20.3).

## Changelog since v1.20.2

#### Bug or Regression
 - Fix a memory leak in the image pull progress reporter. (#4880, @crio-dev-b)
`;

export const OCICNI_020 = `- Add support for the \`ips\` capability argument
- Tear down the network of a pod even when its network namespace is already gone
- Move CI to GitHub Actions
`;

export function containerdSecurityNotes(version: string, previous: string, runc: [string, string]): string {
  const minor = version.replace(/^v(\d+\.\d+)\..*$/, "$1");
  return `Welcome to the ${version} release of containerd!

This patch release of containerd ${minor} is a security release that fixes CVE-2021-32760.

## Security

### CVE-2021-32760

Pulling and extracting a specially crafted container image could change the Unix permissions of existing files on the host's filesystem. The archive package now refuses to follow symbolic links that point outside the extraction root while changing permissions. Deployments that only pull trusted images are not affected, but everyone is encouraged to upgrade.

## Notable changes

* Fix the archive package so it never changes permissions of files outside the extraction root
* Update runc to ${runc[1]}
* Install the seccomp profile with mode 0644 in the release tarball

Please try out the release binaries and report any issues at
https://github.com/containerd/containerd/issues.

### Contributors

* @ctrd-maintainer-a
* @ctrd-maintainer-b
* @ctrd-maintainer-c

### Changes

* Merge pull request from GHSA advisory: archive: fix chmod of files outside the root ([ctrd-maintainer-a](https://github.com/ctrd-maintainer-a))
* [release/${minor}] Update runc to ${runc[1]} ([#5741](https://github.com/containerd/containerd/pull/5741))
* [release/${minor}] Prepare release notes for ${version} ([#5745](https://github.com/containerd/containerd/pull/5745))

### Dependency Changes

* **github.com/opencontainers/runc**  ${runc[0]} -> ${runc[1]}

Previous release can be found at [${previous}](https://github.com/containerd/containerd/releases/tag/${previous})
`;
}

export function containerdPatchNotes(version: string, previous: string): string {
  return `Welcome to the ${version} release of containerd!

### Highlights

* Fix a deadlock in the CRI plugin when a container exits while it is being stopped
* Retry image unpacking when the snapshotter reports a transient error
* Support \`io.containerd.runc.v2\` shim options in the default configuration

Please try out the release binaries and report any issues at
https://github.com/containerd/containerd/issues.

Previous release can be found at [${previous}](https://github.com/containerd/containerd/releases/tag/${previous})
`;
}

export function nerdctlNotes(version: string): string {
  const bare = version.slice(1);
  const sha = (name: string) => digest(`${version}:${name}`);
  const files = [`nerdctl-${bare}-linux-amd64.tar.gz`, `nerdctl-${bare}-linux-arm64.tar.gz`, `nerdctl-full-${bare}-linux-amd64.tar.gz`, `nerdctl-full-${bare}-linux-arm64.tar.gz`];
  return `## Changes
- \`nerdctl compose\`: support \`build.args\` and \`build.target\`
- \`nerdctl run\`: add \`--cidfile\` and \`--pidfile\`
- \`nerdctl ps\`: show the ports of a container started with \`-p\`
- Rootless: detect a missing \`newuidmap\` and print a hint

## About the binaries
- Minimal (\`nerdctl-${bare}-linux-amd64.tar.gz\`): nerdctl only
- Full (\`nerdctl-full-${bare}-linux-amd64.tar.gz\`):    Includes dependencies such as containerd, runc, and CNI

### Minimal
Extract the archive to a path like \`/usr/local/bin\` or \`~/bin\` .
<details><summary>tar Cxzvvf /usr/local/bin nerdctl-${bare}-linux-amd64.tar.gz</summary>
<p>

\`\`\`
-rwxr-xr-x root/root  24498176 nerdctl
-rwxr-xr-x root/root     21562 containerd-rootless-setuptool.sh
-rwxr-xr-x root/root      7032 containerd-rootless.sh
\`\`\`
</p>
</details>

- - -
The binaries were built automatically on GitHub Actions.

<details><summary>SHA256SUMS</summary>
<p>

\`\`\`
${files.map((file) => `${sha(file)}  ${file}`).join("\n")}
\`\`\`
</p>
</details>
`;
}

export const KOPS_1210 = `## Significant changes

* Kubernetes 1.21 is now the default for new clusters.
* The AWS load balancer controller can be installed as an addon.
* Instance groups can use EC2 instance types with more than one GPU.

## Known issues

* Upgrading a cluster that uses the deprecated \`kops.k8s.io/v1alpha2\` API with an old kubeconfig may print a warning; it is safe to ignore.

See the [release notes](https://kops.sigs.k8s.io/releases/1.21-notes/) for the full list of changes.
`;

export const KOPS_1220_ALPHA1_DRAFT = `## Significant changes

* (draft, not yet reviewed) Kubernetes 1.22 support
`;

export const KOPS_1202 = `* Fix a nil pointer when an instance group has no subnets
* Update etcd-manager to a release built with Go 1.15
`;

export function ingressNginxControllerNotes(version: string, previousChanges: number): string {
  const image = `k8s.gcr.io/ingress-nginx/controller:${version}@sha256:${digest(`controller ${version}`)}`;
  const changes = [
    "Add the `annotation-value-word-blocklist` flag to reject risky annotation values",
    "Fix a regression where `proxy-ssl-secret` was ignored for canary backends",
    "Update NGINX to 1.20.1",
    "Only fetch Secrets referenced by Ingresses the controller watches",
    "Docs: explain how to migrate to networking.k8s.io/v1",
  ];
  return `### Community Updates

The v1 branch of the controller needs \`networking.k8s.io/v1\` Ingresses and Kubernetes 1.19 or newer. Please join the next community meeting if your upgrade is blocked.

### Highlights

- Kubernetes 1.21 is supported
- Secrets are now only read from namespaces that hold a watched Ingress
- NGINX 1.20.1

### Image:

- ${image}

### Changes:

${changes.map((text, i) => `- [${previousChanges + i}](https://github.com/kubernetes/ingress-nginx/pull/${previousChanges + i}) ${text}`).join("\n")}
`;
}

export const INGRESS_NGINX_HELM = `Ingress controller for Kubernetes using NGINX as a reverse proxy and load balancer

- Bump the controller image to v0.47.0
- Allow setting \`controller.admissionWebhooks.createSecretJob.resources\`
`;

export const INGRESS_NGINX_V1_BETA = `This is a **beta** of the v1 controller. Do not run it in production.

### Highlights

- Only \`networking.k8s.io/v1\` Ingresses are read
- IngressClass is required; see the migration FAQ

### Image:

- k8s.gcr.io/ingress-nginx/controller:v1.0.0-beta.0@sha256:${digest("controller v1.0.0-beta.0")}
`;

export const PLAIN_PROVIDER_NOTES = (component: string, items: string[]): string =>
  `## What's Changed\n\n${items.map((item) => `* ${component}: ${item}`).join("\n")}\n`;

export const MINIKUBE_1220 = `Features:
* \`minikube image\`: add \`save\`, \`tag\` and \`push\` subcommands (#11640)
* Add the \`--ports\` flag to expose ports of the docker driver's container (#11630)
* Support the \`containerd\` runtime on the podman driver (#11615)

Bug fixes:
* Fix \`minikube mount\` on hosts with more than one network interface (#11662)
* Do not fail \`minikube start\` when the host has no swap (#11644)

Version Upgrades:
* Kubernetes: default v1.21.2, latest v1.22.0-beta.0 (#11659)
* containerd: v1.4.6 (#11601)

Thank you to our contributors for this release!

- @mk-contributor-a
- @mk-contributor-b
- @mk-contributor-c
- @mk-contributor-d

Thank you to our PR reviewers for this release!

- @mk-reviewer-a (25 comments)
- @mk-reviewer-b (11 comments)

Thank you to our triage members for this release!

- @mk-triage-a (40 comments)
`;

export const MINIKUBE_OLD = (version: string): string =>
  `See the [changelog](https://github.com/kubernetes/minikube/blob/master/CHANGELOG.md#version-${version.replace(/\./g, "")}) for ${version}.\n`;

export const KOMPOSE_1230 = `- Support \`deploy.resources.reservations\` in compose v3
- Convert \`healthcheck.disable\` to no probe instead of an empty one
- Fix the generated Service name when a compose service name has underscores
- Build with Go 1.16
`;

export const CAPV_078 = `## Changelog since v0.7.7

### Bug Fixes
- Fix the VM folder lookup when the datacenter name contains a slash (#1190)

### Other
- Bump the HAProxy load balancer image (#1184)
`;

export const CAPI_0320 = `## Changes since v0.3.19
---
## :sparkles: New Features
- KCP: allow skipping the kube-proxy upgrade with an annotation (#4655)

## :bug: Bug Fixes
- MachineHealthCheck: count Machines without a Node as unhealthy only after the node startup timeout (#4666)
- clusterctl: fix upgrades when a provider is installed in more than one namespace (#4671)

## :seedling: Others
- Build with Go 1.16.5 (#4680)

_Thanks to all our contributors!_ 😊
`;

export const CAPI_040_RC = `## 👌 Kubernetes version support

- Management Cluster: v1.19.x -> v1.21.x
- Workload Cluster: v1.18.x -> v1.21.x

## Highlights

- ClusterClass groundwork (experimental, off by default)
- clusterctl: \`alpha rollout\` subcommands
- v1alpha4 API types

**This is a release candidate.** Please test the upgrade from v0.3.x and report problems in #cluster-api on Kubernetes Slack.
`;

export const CAPI_040 = `# Cluster API v0.4.0

The v1alpha4 API is now the stored version. See the [provider migration guide](https://cluster-api.sigs.k8s.io/developer/providers/v1alpha3-to-v1alpha4.html).

## Highlights

- v1alpha4 APIs
- \`clusterctl alpha rollout\`
- Machine pools graduated to the v1alpha4 experimental API
`;

export const KIND_0111 = `This is a small bugfix release.

Please see the [v0.11.0](https://github.com/kubernetes-sigs/kind/releases/tag/v0.11.0) notes for more details about this release series.

<h1 id="new-features">New Features</h1>

- Bumped the default node image to Kubernetes v1.21.1

<h1 id="fixes">Fixes</h1>

- Fixed \`kind load docker-image\` for images with a digest and no tag
`;

export const KIND_0110 = `<h1 id="breaking-changes">Breaking Changes</h1>

- The default node image is now Kubernetes v1.21.1
- Go 1.16 or newer is needed to build kind

<h1 id="new-features">New Features</h1>

- Rootless podman support
- \`kind build node-image\` can build from a release tarball
`;

export const KUBEBUILDER_310 = `## :warning: Breaking Changes
- (go/v3) Scaffolded projects now need Go 1.16 (#2170)

## :sparkles: New Features
- (go/v3) Scaffold \`controller-gen\` v0.6.1 and \`kustomize\` v3.8.7 (#2190)
- (declarative/v1) Add the \`--patterns\` flag to \`create api\` (#2176)

## :bug: Bug Fixes
- Quote the image name in the scaffolded Makefile (#2183)

## :book: Additions to documentation
- Document how to migrate a project from \`go/v2\` to \`go/v3\` (#2161)
`;

export const KUBEBUILDER_DRAFT = `## :sparkles: New Features
- TODO: fill in before publishing
`;

export const KUBEBUILDER_300 = `## :warning: Breaking Changes
- The \`go/v3\` plugin is now the default for \`kubebuilder init\`

## :sparkles: New Features
- Plugin phase 1.5: plugins can be chained with \`--plugins\`
`;

export const KUSTOMIZE_420 = `The kustomize CLI, built with Go 1.16.

## Changes
- a9f6a17f6 Allow \`namespace\` in \`replacements\` source selectors
- 31c8a09ea Fix \`edit add resource\` for remote bases with a \`ref\` query
- 0c2e3a6d2 Support \`openapi: path:\` for custom schemas in components
- 7b3b7e10c Pin kyaml to v0.11.0

## Install

\`\`\`
curl -s "https://raw.githubusercontent.com/kubernetes-sigs/kustomize/master/hack/install_kustomize.sh"  | bash
\`\`\`
`;

export const KUSTOMIZE_API_0811 = `- 31c8a09ea Fix \`edit add resource\` for remote bases with a \`ref\` query
- 4a0f1e8b2 Update kyaml to v0.11.0
`;

export const KUSTOMIZE_413 = `- 5d6bc5b1a Fix \`configMapGenerator\` behaviour with \`merge\` across overlays
`;

export function kubesprayNotes(): string {
  const components: Array<[string, string]> = [
    ["kubernetes", "v1.20.7"], ["etcd", "v3.4.13"], ["docker", "19.03"], ["containerd", "1.4.4"], ["cri-o", "1.20"],
    ["cni-plugins", "v0.9.1"], ["calico", "v3.17.4"], ["canal", "given calico/flannel versions"], ["cilium", "v1.8.9"], ["flanneld", "v0.13.0"],
    ["kube-ovn", "v1.6.2"], ["kube-router", "v1.2.2"], ["multus", "v3.7"], ["ovn4nfv", "v1.1.0"], ["weave", "2.8.1"],
    ["ambassador", "v1.5"], ["cephfs-provisioner", "v2.1.0-k8s1.11"], ["rbd-provisioner", "v2.1.1-k8s1.11"], ["cert-manager", "v0.16.1"], ["coredns", "v1.7.0"],
    ["ingress-nginx", "v0.43.0"], ["metallb", "v0.9.6"], ["local-path-provisioner", "v0.0.19"], ["local-volume-provisioner", "v2.3.4"], ["helm", "v3.5.4"],
  ];
  const changes = [
    "Drop support for CentOS 7 with Docker 18.09", "Add Rocky Linux as a supported OS", "Calico: add the `calico_ip_auto_method` variable",
    "containerd: allow a custom `config.toml` template", "Cilium: support the `ipam: kubernetes` mode", "etcd: run as a systemd unit by default on new clusters",
    "Kubernetes: default to v1.20.7", "kube-vip: new optional addon", "Fix the upgrade of clusters with more than three control plane nodes",
    "Fix `kubeadm join` timeouts on slow disks", "MetalLB: support BGP peers per node", "Remove the deprecated `kubeadm_enabled` variable",
  ];
  const lines = ["## Component versions", "", "### Core", ""];
  lines.push(...components.map(([name, version]) => `- [${name}](https://github.com/kubespray-example/${name}) ${version}`));
  lines.push("", "## Deprecations and removals", "", "- The `docker_dns_servers_strict` variable is ignored", "", "## Changes", "");
  for (let round = 0; round < 6; round++) {
    for (const [i, change] of changes.entries()) lines.push(`- ${change} (#${7400 + round * changes.length + i})`);
  }
  lines.push("");
  return lines.join("\n");
}

export function etcdNotes(version: string): string {
  const install = (os: string, ext: string) => `ETCD_VER=${version}

# choose either URL
GOOGLE_URL=https://storage.googleapis.com/etcd
GITHUB_URL=https://github.com/etcd-io/etcd/releases/download
DOWNLOAD_URL=\${GOOGLE_URL}

rm -f /tmp/etcd-\${ETCD_VER}-${os}-amd64.${ext}
rm -rf /tmp/etcd-download-test && mkdir -p /tmp/etcd-download-test

curl -L \${DOWNLOAD_URL}/\${ETCD_VER}/etcd-\${ETCD_VER}-${os}-amd64.${ext} -o /tmp/etcd-\${ETCD_VER}-${os}-amd64.${ext}
${ext === "zip" ? `unzip /tmp/etcd-\${ETCD_VER}-${os}-amd64.zip -d /tmp && rm -f /tmp/etcd-\${ETCD_VER}-${os}-amd64.zip` : `tar xzvf /tmp/etcd-\${ETCD_VER}-${os}-amd64.tar.gz -C /tmp/etcd-download-test --strip-components=1`}

/tmp/etcd-download-test/etcd --version
/tmp/etcd-download-test/etcdctl version
/tmp/etcd-download-test/etcdutl version`;
  return `Please check out [CHANGELOG](https://github.com/etcd-io/etcd/blob/main/CHANGELOG-${version.replace(/^v(\d+\.\d+).*$/, "$1")}.md) for a full list of changes. And make sure to read [upgrade guide](https://etcd.io/docs/latest/upgrades/) before upgrading etcd (there may be breaking changes).

For installation guides, please check out [play.etcd.io](http://play.etcd.io) and [operating etcd](https://etcd.io/docs/latest/op-guide/). Latest support status for common architectures and operating systems can be found at [supported platforms](https://etcd.io/docs/latest/op-guide/supported-platform/).

###### Linux

\`\`\`sh
${install("linux", "tar.gz")}

# start a local etcd server
/tmp/etcd-download-test/etcd

# write,read to etcd
/tmp/etcd-download-test/etcdctl --endpoints=localhost:2379 put foo bar
/tmp/etcd-download-test/etcdctl --endpoints=localhost:2379 get foo
\`\`\`

###### macOS (Darwin)

\`\`\`sh
${install("darwin", "zip")}
\`\`\`

###### Docker

etcd uses [\`gcr.io/etcd-development/etcd\`](https://gcr.io/etcd-development/etcd) as a primary container registry, and [\`quay.io/coreos/etcd\`](https://quay.io/coreos/etcd) as secondary.

\`\`\`sh
rm -rf /tmp/etcd-data.tmp && mkdir -p /tmp/etcd-data.tmp && \\
  docker rmi gcr.io/etcd-development/etcd:${version} || true && \\
  docker run \\
  -p 2379:2379 \\
  -p 2380:2380 \\
  --mount type=bind,source=/tmp/etcd-data.tmp,destination=/etcd-data \\
  --name etcd-gcr-${version} \\
  gcr.io/etcd-development/etcd:${version} \\
  /usr/local/bin/etcd \\
  --name s1 \\
  --data-dir /etcd-data \\
  --listen-client-urls http://0.0.0.0:2379 \\
  --advertise-client-urls http://0.0.0.0:2379 \\
  --listen-peer-urls http://0.0.0.0:2380 \\
  --initial-advertise-peer-urls http://0.0.0.0:2380 \\
  --initial-cluster s1=http://0.0.0.0:2380 \\
  --initial-cluster-token tkn \\
  --initial-cluster-state new \\
  --log-level info \\
  --logger zap \\
  --log-outputs stderr
\`\`\`
`;
}

export const PROMETHEUS_2281 = `* [BUGFIX] HTTP SD: accept a \`charset\` in the \`Content-Type\` header. #8981
* [BUGFIX] Remote read: fix a panic when the remote end answers with a non-protobuf body. #8993
* [BUGFIX] TSDB: stop compaction from looping when a block has no chunks. #8996
`;

export const PROMETHEUS_2280 = `* [CHANGE] UI: make the new experimental PromQL editor the default. #8925
* [FEATURE] Linode SD: new service discovery. #8846
* [FEATURE] HTTP SD: new service discovery. #8839
* [ENHANCEMENT] Kubernetes SD: add \`__meta_kubernetes_endpointslice_*\` labels. #8901
* [BUGFIX] Rules: fix a race when a rule group is reloaded. #8920
`;

export function grpcNotes(version: string): string {
  return `This is release ${version} of gRPC Core.

For gRPC documentation, see [grpc.io](https://grpc.io/). For previous releases, see [Releases](https://github.com/grpc/grpc/releases).

This release contains refinements, improvements, and bug fixes, with highlights listed below.

## Core

* Backport a fix for a crash in the xDS client when a cluster resource is removed and re-added. (#26600)
* Fix a use-after-free in the c-ares resolver on shutdown. (#26588)

## C++

* Avoid a deadlock in the callback API when a server is shut down during a pending read. (#26577)

## Python

* Publish wheels for Python 3.10 beta. (#26590)
`;
}

export const DASHBOARD_231 = `### Bug fixes

- Fix a blank page when a CronJob has no last schedule time
- Show init containers on the Pod details page

### Dependencies

- Build with Go 1.16 and Angular 12
`;

export const METRICS_SERVER_050 = `### Changes

- Use the \`/metrics/resource\` kubelet endpoint by default
- Add the \`--kubelet-use-node-status-port\` flag
- Image: \`k8s.gcr.io/metrics-server/metrics-server:v0.5.0\`
`;

export const CAPZ_050 = `# Release v0.5.0

## Highlights

- v1alpha4 API types, following Cluster API v0.4
- AKS: managed clusters can use system node pools
`;

export const CAPA_066 = `## Changes since v0.6.5

### Bug Fixes
- Fix reconciling security groups when the VPC has more than one CIDR (#2480)

### Other
- Build with Go 1.16.5 (#2486)
`;
