import { createHash } from "node:crypto";
import { stamp } from "./items.js";
import type { FakeCommit, FakeRelease } from "./types.js";

/**
 * kubernetes/kubernetes' default branch around one week, for tools that diff files between the
 * week's start and end. Written in the 2021 (v1.22 development) formats: go.mod with pinned
 * require and replace blocks, zeitgeist's build/dependencies.yaml, and the two feature gate files.
 */

export const KUBERNETES_FILES = {
  goMod: "go.mod",
  dependencies: "build/dependencies.yaml",
  features: "pkg/features/kube_features.go",
  apiserverFeatures: "staging/src/k8s.io/apiserver/pkg/features/kube_features.go",
} as const;

export interface KubernetesWeekChanges {
  /** Gate that goes Alpha -> Beta (Default becomes true) during the week. */
  alphaToBeta: string;
  /** Gate that goes Beta -> GA (Default true, LockToDefault: true) during the week. */
  betaToGA: string;
  /** A go.mod module whose version changes in both the require and the replace block. */
  goMod: { module: string; from: string; to: string };
  /** A build/dependencies.yaml entry whose `version:` changes. */
  dependency: { name: string; from: string; to: string };
}

export interface KubernetesHistoryOptions extends Partial<KubernetesWeekChanges> {
  weekFrom: string;
  weekTo: string;
  /** The release the promotions are recorded for in `// beta: v1.22` comments. Default "v1.22". */
  release?: string;
  /** Gate promoted Alpha -> Beta one day after weekTo, which a look at weekTo must not see. */
  afterWeekAlphaToBeta?: string;
}

export const DEFAULT_KUBERNETES_WEEK_CHANGES: KubernetesWeekChanges = {
  alphaToBeta: "ServiceLBNodePortControl",
  betaToGA: "EndpointSliceProxying",
  goMod: { module: "github.com/google/cadvisor", from: "v0.39.0", to: "v0.39.2" },
  dependency: { name: "etcd", from: "3.4.13", to: "3.5.0" },
};

type Stage = "Alpha" | "Beta" | "GA" | "Deprecated";

interface Gate {
  name: string;
  owner: string;
  kep?: number;
  /** The comment lines recording the stages, e.g. [["alpha", "v1.20"], ["beta", "v1.22"]]. */
  history: Array<[string, string]>;
  description: string;
  preRelease: Stage;
  default: boolean;
  lock?: boolean;
  removeIn?: string;
}

const gate = (name: string, owner: string, history: Array<[string, string]>, description: string, preRelease: Stage, on: boolean, extra: Partial<Gate> = {}): Gate => ({
  name, owner, history, description, preRelease, default: on, ...extra,
});

/** pkg/features gates; owners are placeholders. */
const KUBERNETES_GATES: Gate[] = [
  gate("AppArmor", "@node-owner-a", [["beta", "v1.4"]], "Enables AppArmor profiles for pods.", "Beta", true),
  gate("DynamicKubeletConfig", "@node-owner-b", [["alpha", "v1.4"], ["beta", "v1.11"]], "Enables the kubelet to use a ConfigMap for its configuration.", "Beta", true),
  gate("ExperimentalHostUserNamespaceDefaultingGate", "@node-owner-c", [["beta", "v1.5"]], "Defaults the host user namespace for privileged pods.", "Beta", false),
  gate("CPUManager", "@node-owner-d", [["alpha", "v1.8"], ["beta", "v1.10"]], "Enables the CPU manager, which pins containers to exclusive CPUs.", "Beta", true),
  gate("TopologyManager", "@node-owner-e", [["alpha", "v1.16"], ["beta", "v1.18"]], "Enables resource alignment across NUMA nodes.", "Beta", true),
  gate("EphemeralContainers", "@node-owner-f", [["alpha", "v1.16"]], "Allows running an ephemeral container in pod namespaces to troubleshoot a running pod.", "Alpha", false),
  gate("EndpointSliceProxying", "@network-owner-a", [["alpha", "v1.18"], ["beta", "v1.19"]], "Enables kube-proxy to use EndpointSlices as the primary source of truth.", "Beta", true, { kep: 752 }),
  gate("ImmutableEphemeralVolumes", "@apps-owner-a", [["alpha", "v1.18"], ["beta", "v1.19"], ["ga", "v1.21"]], "Allows users to mark Secrets and ConfigMaps as immutable.", "GA", true, { lock: true, removeIn: "1.24" }),
  gate("CSIStorageCapacity", "@storage-owner-a", [["alpha", "v1.19"], ["beta", "v1.21"]], "Enables tracking of available storage capacity that CSI drivers provide.", "Beta", true, { kep: 1472 }),
  gate("ServiceLBNodePortControl", "@network-owner-b @network-owner-c", [["alpha", "v1.20"]], "Allows control if NodePorts shall be created for services with \"type: LoadBalancer\" by defining the spec.AllocateLoadBalancerNodePorts field (bool)", "Alpha", false, { kep: 1864 }),
  gate("GracefulNodeShutdown", "@node-owner-g", [["alpha", "v1.20"], ["beta", "v1.21"]], "Enables the kubelet to delay node shutdown until pods are terminated.", "Beta", true, { kep: 2000 }),
  gate("IndexedJob", "@apps-owner-b", [["alpha", "v1.21"]], "Allows Jobs to set completionMode: Indexed.", "Alpha", false, { kep: 2214 }),
  gate("MemoryManager", "@node-owner-h", [["alpha", "v1.21"]], "Allows guaranteed memory allocation for pods on NUMA nodes.", "Alpha", false, { kep: 1769 }),
  gate("ProbeTerminationGracePeriod", "@node-owner-i", [["alpha", "v1.21"]], "Enables probe-level terminationGracePeriodSeconds.", "Alpha", false, { kep: 2238 }),
  gate("NetworkPolicyEndPort", "@network-owner-d", [["alpha", "v1.21"]], "Enables the endPort field in NetworkPolicy to select a range of ports.", "Alpha", false, { kep: 2079 }),
  gate("DaemonSetUpdateSurge", "@apps-owner-c", [["alpha", "v1.21"]], "Enables maxSurge in DaemonSet rolling updates.", "Alpha", false, { kep: 1591 }),
];

/** Gate added (alpha) two days before the week starts: present at both ends. */
const GATE_ADDED_BEFORE_WEEK = gate("JobTrackingWithFinalizers", "@apps-owner-b", [["alpha", "v1.22"]], "Enables tracking Job completions without keeping all Pods.", "Alpha", false, { kep: 2307 });

/** staging/src/k8s.io/apiserver gates, relisted in pkg/features as genericfeatures.X. */
const APISERVER_GATES: Gate[] = [
  gate("StreamingProxyRedirects", "@api-owner-a", [["alpha", "v1.5"], ["beta", "v1.6"], ["deprecated", "v1.18"]], "StreamingProxyRedirects controls whether the apiserver should intercept (and follow)\n\t// redirects from the backend (Kubelet) for streaming requests (exec/attach/port-forward).", "Deprecated", false, { removeIn: "1.22" }),
  gate("ValidateProxyRedirects", "@api-owner-a", [["alpha", "v1.12"], ["beta", "v1.14"]], "ValidateProxyRedirects controls whether the apiserver should validate that redirects are only\n\t// followed to the same host. Only used if StreamingProxyRedirects is enabled.", "Beta", true),
  gate("AdvancedAuditing", "@api-owner-b", [["alpha", "v1.7"], ["beta", "v1.8"], ["GA", "v1.12"]], "AdvancedAuditing enables a much more general API auditing pipeline, which includes support for\n\t// pluggable output backends and an audit policy specifying how different requests should be\n\t// audited.", "GA", true),
  gate("APIResponseCompression", "@api-owner-c", [["alpha", "v1.7"], ["beta", "v1.16"]], "Allows compression of REST responses (GET and LIST only)", "Beta", true),
  gate("APIListChunking", "@api-owner-d", [["alpha", "v1.8"], ["beta", "v1.9"]], "Allows api clients to retrieve LIST or GET resources in chunks.", "Beta", true),
  gate("DryRun", "@api-owner-e", [["alpha", "v1.12"], ["beta", "v1.13"], ["GA", "v1.19"]], "Allows requests to be processed but not stored, so that\n\t// validation, merging, mutation can be tested without\n\t// committing.", "GA", true),
  gate("ServerSideApply", "@api-owner-e", [["alpha", "v1.14"], ["beta", "v1.16"]], "Server-side apply. Merging happens on the server.", "Beta", true),
  gate("APIPriorityAndFairness", "@api-owner-f", [["alpha", "v1.17"], ["beta", "v1.20"]], "Enables managing request concurrency with prioritization and fairness at each server.", "Beta", true),
  gate("RemoveSelfLink", "@api-owner-g", [["alpha", "v1.16"], ["beta", "v1.20"]], "Deprecates and removes SelfLink from ObjectMeta and ListMeta.", "Beta", true),
  gate("WarningHeaders", "@api-owner-h", [["beta", "v1.19"]], "Allows sending warning headers in API responses.", "Beta", true),
  gate("EfficientWatchResumption", "@api-owner-i", [["alpha", "v1.20"], ["beta", "v1.21"]], "Allows for storing a transient compaction watch progress notification in the watch cache.", "Beta", true),
  gate("APIServerIdentity", "@api-owner-j", [["alpha", "v1.20"]], "Assigns each kube-apiserver an ID in a cluster.", "Alpha", false),
];

interface Module {
  path: string;
  version: string;
}

/** go.mod requires (direct dependencies), pinned again in the replace block. */
const REQUIRES: Module[] = [
  ["bitbucket.org/bertimus9/systemstat", "v0.0.0-20180207000608-0eeff89b0690"],
  ["github.com/Azure/azure-sdk-for-go", "v55.0.0+incompatible"],
  ["github.com/Azure/go-autorest/autorest", "v0.11.18"],
  ["github.com/GoogleCloudPlatform/k8s-cloud-provider", "v0.0.0-20200415212908-1cd2e6a5d3a8"],
  ["github.com/JeffAshton/win_pdh", "v0.0.0-20161109143554-76bb4ee9f0ab"],
  ["github.com/Microsoft/go-winio", "v0.4.15"],
  ["github.com/Microsoft/hcsshim", "v0.8.10-0.20200715222032-5eafd1556990"],
  ["github.com/auth0/go-jwt-middleware", "v1.0.1"],
  ["github.com/aws/aws-sdk-go", "v1.38.49"],
  ["github.com/blang/semver", "v3.5.1+incompatible"],
  ["github.com/boltdb/bolt", "v1.3.1"],
  ["github.com/container-storage-interface/spec", "v1.5.0"],
  ["github.com/containerd/containerd", "v1.4.4"],
  ["github.com/coredns/corefile-migration", "v1.0.12"],
  ["github.com/coreos/go-oidc", "v2.1.0+incompatible"],
  ["github.com/coreos/go-systemd/v22", "v22.3.2"],
  ["github.com/cpuguy83/go-md2man/v2", "v2.0.0"],
  ["github.com/davecgh/go-spew", "v1.1.1"],
  ["github.com/docker/distribution", "v2.7.1+incompatible"],
  ["github.com/docker/docker", "v20.10.2+incompatible"],
  ["github.com/docker/go-connections", "v0.4.0"],
  ["github.com/emicklei/go-restful", "v2.9.5+incompatible"],
  ["github.com/evanphx/json-patch", "v4.11.0+incompatible"],
  ["github.com/fsnotify/fsnotify", "v1.4.9"],
  ["github.com/go-openapi/loads", "v0.19.5"],
  ["github.com/go-ozzo/ozzo-validation", "v3.5.0+incompatible"],
  ["github.com/godbus/dbus/v5", "v5.0.4"],
  ["github.com/gogo/protobuf", "v1.3.2"],
  ["github.com/golang/groupcache", "v0.0.0-20210331224755-41bb18bfe9da"],
  ["github.com/golang/mock", "v1.5.0"],
  ["github.com/golang/protobuf", "v1.5.2"],
  ["github.com/google/cadvisor", "v0.39.0"],
  ["github.com/google/go-cmp", "v0.5.5"],
  ["github.com/google/gofuzz", "v1.1.0"],
  ["github.com/google/uuid", "v1.1.2"],
  ["github.com/googleapis/gnostic", "v0.5.5"],
  ["github.com/heketi/heketi", "v10.3.0+incompatible"],
  ["github.com/ishidawataru/sctp", "v0.0.0-20190723014705-7c296d48a2b5"],
  ["github.com/json-iterator/go", "v1.1.11"],
  ["github.com/libopenstorage/openstorage", "v1.0.0"],
  ["github.com/lithammer/dedent", "v1.1.0"],
  ["github.com/moby/ipvs", "v1.0.1"],
  ["github.com/mrunalp/fileutils", "v0.5.0"],
  ["github.com/onsi/ginkgo", "v1.14.0"],
  ["github.com/onsi/gomega", "v1.10.1"],
  ["github.com/opencontainers/go-digest", "v1.0.0"],
  ["github.com/opencontainers/runc", "v1.0.0"],
  ["github.com/opencontainers/selinux", "v1.8.2"],
  ["github.com/pkg/errors", "v0.9.1"],
  ["github.com/prometheus/client_golang", "v1.11.0"],
  ["github.com/prometheus/client_model", "v0.2.0"],
  ["github.com/prometheus/common", "v0.26.0"],
  ["github.com/spf13/cobra", "v1.1.3"],
  ["github.com/spf13/pflag", "v1.0.5"],
  ["github.com/storageos/go-api", "v2.2.0+incompatible"],
  ["github.com/stretchr/testify", "v1.7.0"],
  ["github.com/vishvananda/netlink", "v1.1.0"],
  ["github.com/vmware/govmomi", "v0.20.3"],
  ["go.etcd.io/etcd/api/v3", "v3.5.0"],
  ["go.etcd.io/etcd/client/pkg/v3", "v3.5.0"],
  ["go.etcd.io/etcd/client/v3", "v3.5.0"],
  ["go.opentelemetry.io/otel/sdk", "v0.20.0"],
  ["golang.org/x/crypto", "v0.0.0-20210322153248-0c34fe9e7dc2"],
  ["golang.org/x/net", "v0.0.0-20210520170846-37e1c6afe023"],
  ["golang.org/x/oauth2", "v0.0.0-20200107190931-bf48bf16ab8d"],
  ["golang.org/x/sys", "v0.0.0-20210616094352-59db8d763f22"],
  ["golang.org/x/time", "v0.0.0-20210220033141-f8bda1e9f3ba"],
  ["google.golang.org/api", "v0.20.0"],
  ["google.golang.org/grpc", "v1.38.0"],
  ["google.golang.org/protobuf", "v1.26.0"],
  ["gopkg.in/gcfg.v1", "v1.2.0"],
  ["gopkg.in/square/go-jose.v2", "v2.2.2"],
  ["gopkg.in/yaml.v2", "v2.4.0"],
  ["k8s.io/klog/v2", "v2.9.0"],
  ["k8s.io/kube-openapi", "v0.0.0-20210421082810-95288971da7e"],
  ["k8s.io/system-validators", "v1.5.0"],
  ["k8s.io/utils", "v0.0.0-20210521133846-da695404a2bc"],
  ["sigs.k8s.io/structured-merge-diff/v4", "v4.1.2"],
  ["sigs.k8s.io/yaml", "v1.2.0"],
].map(([path = "", version = ""]) => ({ path, version }));

/** Transitive modules that only appear in the replace block. */
const REPLACE_ONLY: Module[] = [
  ["cloud.google.com/go", "v0.54.0"],
  ["github.com/beorn7/perks", "v1.0.1"],
  ["github.com/cespare/xxhash/v2", "v2.1.1"],
  ["github.com/go-logr/logr", "v0.4.0"],
  ["github.com/modern-go/reflect2", "v1.0.1"],
  ["github.com/prometheus/procfs", "v0.6.0"],
  ["go.uber.org/zap", "v1.17.0"],
  ["golang.org/x/text", "v0.3.6"],
].map(([path = "", version = ""]) => ({ path, version }));

const STAGING = [
  "api", "apiextensions-apiserver", "apimachinery", "apiserver", "cli-runtime", "client-go", "cloud-provider", "cluster-bootstrap",
  "code-generator", "component-base", "component-helpers", "controller-manager", "cri-api", "csi-translation-lib", "kube-aggregator",
  "kube-controller-manager", "kube-proxy", "kube-scheduler", "kubectl", "kubelet", "legacy-cloud-providers", "metrics", "mount-utils",
  "sample-apiserver",
];

interface Dependency {
  name: string;
  version: string;
  comment?: string;
  refPaths: Array<{ path: string; match?: string }>;
}

const DEPENDENCIES: Dependency[] = [
  { name: "repo-infra", version: "0.2.2", comment: "Bazel", refPaths: [{ path: "build/root/WORKSPACE", match: 'strip_prefix = "repo-infra-\\d+.\\d+.\\d+"' }] },
  { name: "cni", version: "0.8.7", comment: "CNI plugins", refPaths: [{ path: "build/workspace.bzl", match: "CNI_VERSION =" }, { path: "cluster/gce/gci/configure.sh", match: "DEFAULT_CNI_VERSION=" }, { path: "test/e2e_node/remote/utils.go", match: "cniVersion[\\t\\n\\f\\r ]*=" }] },
  { name: "coredns-kube-up", version: "1.8.0", comment: "CoreDNS", refPaths: [{ path: "cluster/addons/dns/coredns/coredns.yaml.base", match: "k8s.gcr.io/coredns" }, { path: "cluster/addons/dns/coredns/coredns.yaml.in", match: "k8s.gcr.io/coredns" }, { path: "cluster/addons/dns/coredns/coredns.yaml.sed", match: "k8s.gcr.io/coredns" }] },
  { name: "coredns-kubeadm", version: "1.8.0", refPaths: [{ path: "cmd/kubeadm/app/constants/constants.go", match: "CoreDNSVersion =" }] },
  { name: "crictl", version: "1.21.0", comment: "CRI Tools", refPaths: [{ path: "build/workspace.bzl", match: "CRI_TOOLS_VERSION =" }, { path: "cluster/gce/gci/configure.sh", match: "DEFAULT_CRICTL_VERSION=" }, { path: "cluster/gce/windows/k8s-node-setup.psm1", match: "$CRICTL_VERSION =" }] },
  { name: "etcd", version: "3.4.13", comment: "etcd", refPaths: [{ path: "cluster/gce/manifests/etcd.manifest", match: "etcd_docker_tag|etcd_version" }, { path: "cluster/gce/upgrade-aliases.sh", match: "export ETCD_IMAGE|export ETCD_VERSION" }, { path: "cluster/images/etcd/Makefile", match: "BUNDLED_ETCD_VERSIONS\\?|LATEST_ETCD_VERSION\\?" }, { path: "cmd/kubeadm/app/constants/constants.go" }, { path: "hack/lib/etcd.sh", match: "ETCD_VERSION=" }, { path: "staging/src/k8s.io/sample-apiserver/artifacts/example/deployment.yaml", match: "gcr.io/etcd-development/etcd" }, { path: "test/utils/image/manifest.go", match: 'configs\\[Etcd\\] = Config{list.GcEtcdRegistry, "etcd", "\\d+\\.\\d+.\\d+(-(alpha|beta|rc).\\d+)?(-\\d+)?"}' }] },
  { name: "etcd-image", version: "3.4.13", refPaths: [{ path: "cluster/images/etcd/Makefile", match: "REVISION \\?=" }] },
  { name: "golang: upstream version", version: "1.16.4", comment: "Golang", refPaths: [{ path: "build/build-image/cross/VERSION" }, { path: "cluster/addons/fluentd-elasticsearch/es-image/Dockerfile", match: "FROM golang\\:\\d+.\\d+(alpha|beta|rc)?\\.?(\\d+)?" }, { path: "test/images/Makefile", match: "GOLANG_VERSION=\\d+.\\d+(alpha|beta|rc)?\\.?(\\d+)?" }] },
  { name: "k8s.gcr.io/kube-cross: dependents", version: "v1.16.4-1", refPaths: [{ path: "build/build-image/cross/VERSION" }] },
  { name: "k8s.gcr.io/debian-base: dependents", version: "buster-v1.7.1", comment: "Base images", refPaths: [{ path: "build/common.sh", match: "debian_base_version=" }, { path: "build/dependencies.yaml", match: "debian_base_version:" }] },
  { name: "k8s.gcr.io/pause", version: "3.5", comment: "Pause", refPaths: [{ path: "build/pause/Makefile", match: "TAG =" }, { path: "cmd/kubeadm/app/constants/constants.go", match: "PauseVersion =" }] },
];

interface State {
  gates: Gate[];
  apiserverGates: Gate[];
  modules: Module[];
  dependencies: Dependency[];
}

const clone = (state: State): State => structuredClone(state);

function findGate(state: State, name: string): { gate: Gate; apiserver: boolean } | undefined {
  const own = state.gates.find((candidate) => candidate.name === name);
  if (own) return { gate: own, apiserver: false };
  const generic = state.apiserverGates.find((candidate) => candidate.name === name);
  return generic ? { gate: generic, apiserver: true } : undefined;
}

function promote(state: State, name: string, to: "Beta" | "GA", release: string): void {
  const found = findGate(state, name);
  if (!found) throw new Error(`makeKubernetesHistory: no gate ${name}`);
  const { gate: target } = found;
  const from = to === "Beta" ? "Alpha" : "Beta";
  if (target.preRelease !== from) throw new Error(`makeKubernetesHistory: ${name} is ${target.preRelease}, not ${from}`);
  target.preRelease = to;
  target.default = true;
  target.history.push([to === "Beta" ? "beta" : "GA", release]);
  if (to === "GA") {
    target.lock = true;
    const minor = Number(/^v?1\.(\d+)/.exec(release)?.[1] ?? "22");
    target.removeIn = `1.${minor + 2}`;
  }
}

function setModule(state: State, module: string, version: string): void {
  const existing = state.modules.find((candidate) => candidate.path === module);
  if (existing) existing.version = version;
  else {
    state.modules.push({ path: module, version });
    state.modules.sort((a, b) => (a.path < b.path ? -1 : 1));
  }
}

function setDependency(state: State, name: string, version: string): void {
  const existing = state.dependencies.find((candidate) => candidate.name === name);
  if (existing) existing.version = version;
  else state.dependencies.push({ name, version, refPaths: [{ path: `hack/lib/${name.replace(/[^a-z0-9]+/gi, "-")}.sh`, match: "VERSION=" }] });
}

// ---- rendering ---------------------------------------------------------------------------------

function renderGoMod(state: State): string {
  const requires = state.modules.map((module) => `\t${module.path} ${module.version}`);
  const stagingRequires = STAGING.map((name) => `\tk8s.io/${name} v0.0.0`);
  const pinned = [...state.modules, ...REPLACE_ONLY]
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((module) => `\t${module.path} => ${module.path} ${module.version}`);
  const stagingReplaces = STAGING.map((name) => `\tk8s.io/${name} => ./staging/src/k8s.io/${name}`);
  return [
    "// This is a generated file. Do not edit directly.",
    "// Ensure you've carefully read",
    "// https://git.k8s.io/community/contributors/devel/sig-architecture/vendor.md",
    "// Run hack/pin-dependency.sh to change pinned dependency versions.",
    "// Run hack/update-vendor.sh to update go.mod files and the vendor directory.",
    "",
    "module k8s.io/kubernetes",
    "",
    "go 1.16",
    "",
    "require (",
    ...[...requires, ...stagingRequires].sort((a, b) => (a < b ? -1 : 1)),
    ")",
    "",
    "replace (",
    ...[...pinned, ...stagingReplaces].sort((a, b) => (a < b ? -1 : 1)),
    ")",
    "",
  ].join("\n");
}

function renderDependencies(state: State): string {
  const lines = ["dependencies:"];
  for (const dependency of state.dependencies) {
    if (dependency.comment) lines.push(`  # ${dependency.comment}`);
    lines.push(`  - name: "${dependency.name}"`, `    version: ${dependency.version}`, "    refPaths:");
    for (const ref of dependency.refPaths) {
      lines.push(`    - path: ${ref.path}`);
      if (ref.match !== undefined) lines.push(`      match: ${ref.match}`);
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

const LICENSE = (year: number) => `/*
Copyright ${year} The Kubernetes Authors.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
*/
`;

function constBlock(gates: Gate[]): string[] {
  const lines: string[] = [];
  for (const g of gates) {
    lines.push("", `\t// owner: ${g.owner}`);
    if (g.kep !== undefined) lines.push(`\t// kep: http://kep.k8s.io/${g.kep}`);
    for (const [stage, version] of g.history) lines.push(`\t// ${stage}: ${version}`);
    lines.push("\t//", `\t// ${g.description}`, `\t${g.name} featuregate.Feature = "${g.name}"`);
  }
  return lines;
}

const spec = (g: Gate): string =>
  `{Default: ${g.default}, PreRelease: featuregate.${g.preRelease}${g.lock ? ", LockToDefault: true" : ""}},${g.removeIn ? ` // remove in ${g.removeIn}` : ""}`;

/**
 * gofmt aligns the values of consecutive key: value lines, but a much longer key breaks the
 * run; emulate that, so parsers meet both aligned and unaligned entries.
 */
function mapEntries(keys: string[], specs: string[]): string[] {
  const lines: string[] = [];
  let run: number[] = [];
  const flush = () => {
    const width = Math.max(...run.map((i) => keys[i]?.length ?? 0));
    for (const i of run) lines.push(`\t${keys[i]}:${" ".repeat(width - (keys[i]?.length ?? 0) + 1)}${specs[i]}`);
    run = [];
  };
  keys.forEach((key, i) => {
    if (key.length >= 40) {
      if (run.length > 0) flush();
      lines.push(`\t${key}: ${specs[i]}`);
      return;
    }
    run.push(i);
  });
  if (run.length > 0) flush();
  return lines;
}

function renderKubernetesFeatures(state: State): string {
  return [
    LICENSE(2017),
    "package features",
    "",
    "import (",
    '\t"k8s.io/apimachinery/pkg/util/runtime"',
    '\tgenericfeatures "k8s.io/apiserver/pkg/features"',
    '\tutilfeature "k8s.io/apiserver/pkg/util/feature"',
    '\t"k8s.io/component-base/featuregate"',
    ")",
    "",
    "const (",
    "\t// Every feature gate should add method here following this template:",
    "\t//",
    "\t// // owner: @username",
    "\t// // alpha: v1.X",
    '\t// MyFeature featuregate.Feature = "MyFeature"',
    ...constBlock(state.gates),
    ")",
    "",
    "func init() {",
    "\truntime.Must(utilfeature.DefaultMutableFeatureGate.Add(defaultKubernetesFeatureGates))",
    "}",
    "",
    "// defaultKubernetesFeatureGates consists of all known Kubernetes-specific feature keys.",
    "// To add a new feature, define a key for it above and add it here. The features will be",
    "// available throughout Kubernetes binaries.",
    "var defaultKubernetesFeatureGates = map[featuregate.Feature]featuregate.FeatureSpec{",
    ...mapEntries(state.gates.map((g) => g.name), state.gates.map(spec)),
    "",
    "\t// inherited features from generic apiserver, relisted here to get a conflict if it is changed",
    "\t// unintentionally on either side:",
    ...mapEntries(state.apiserverGates.map((g) => `genericfeatures.${g.name}`), state.apiserverGates.map(spec)),
    "",
    "\t// features that enable backwards compatibility but are scheduled to be removed",
    "\t// ...",
    "}",
    "",
  ].join("\n");
}

function renderApiserverFeatures(state: State): string {
  return [
    LICENSE(2017),
    "package features",
    "",
    "import (",
    '\t"k8s.io/apimachinery/pkg/util/runtime"',
    "",
    '\tutilfeature "k8s.io/apiserver/pkg/util/feature"',
    '\t"k8s.io/component-base/featuregate"',
    ")",
    "",
    "const (",
    "\t// Every feature gate should add method here following this template:",
    "\t//",
    "\t// // owner: @username",
    "\t// // alpha: v1.4",
    "\t// MyFeature() bool",
    ...constBlock(state.apiserverGates),
    ")",
    "",
    "func init() {",
    "\truntime.Must(utilfeature.DefaultMutableFeatureGate.Add(defaultKubernetesFeatureGates))",
    "}",
    "",
    "// defaultKubernetesFeatureGates consists of all known Kubernetes-specific feature keys.",
    "// To add a new feature, define a key for it above and add it here. The features will be",
    "// available throughout Kubernetes binaries.",
    "var defaultKubernetesFeatureGates = map[featuregate.Feature]featuregate.FeatureSpec{",
    ...mapEntries(state.apiserverGates.map((g) => g.name), state.apiserverGates.map(spec)),
    "}",
    "",
  ].join("\n");
}

const render = (state: State): Record<string, string> => ({
  [KUBERNETES_FILES.goMod]: renderGoMod(state),
  [KUBERNETES_FILES.dependencies]: renderDependencies(state),
  [KUBERNETES_FILES.features]: renderKubernetesFeatures(state),
  [KUBERNETES_FILES.apiserverFeatures]: renderApiserverFeatures(state),
});

const oid = (index: number, date: string): string => createHash("sha1").update(`kubernetes/kubernetes#${index}@${date}`).digest("hex");

/**
 * Commits on kubernetes/kubernetes' master, oldest first: two before the week (the second adds
 * the JobTrackingWithFinalizers alpha gate), five inside it (the alpha -> beta promotion at 18%
 * of the week, the go.mod bump at 40%, the beta -> GA promotion at 63%, the
 * dependencies.yaml bump at 81%, and a commit at 90% that changes none of these files), and one
 * a day after weekTo (afterWeekAlphaToBeta to beta; golang 1.16.4 -> 1.16.5 and kube-cross
 * v1.16.4-1 -> v1.16.5-1 in dependencies.yaml).
 */
export function makeKubernetesHistory(opts: KubernetesHistoryOptions): FakeCommit[] {
  const changes: KubernetesWeekChanges = {
    alphaToBeta: opts.alphaToBeta ?? DEFAULT_KUBERNETES_WEEK_CHANGES.alphaToBeta,
    betaToGA: opts.betaToGA ?? DEFAULT_KUBERNETES_WEEK_CHANGES.betaToGA,
    goMod: opts.goMod ?? DEFAULT_KUBERNETES_WEEK_CHANGES.goMod,
    dependency: opts.dependency ?? DEFAULT_KUBERNETES_WEEK_CHANGES.dependency,
  };
  const release = opts.release ?? "v1.22";
  const afterWeekGate = opts.afterWeekAlphaToBeta ?? "IndexedJob";
  if (new Set([changes.alphaToBeta, changes.betaToGA, afterWeekGate]).size !== 3) {
    throw new Error("makeKubernetesHistory: alphaToBeta, betaToGA and afterWeekAlphaToBeta must differ");
  }
  const from = Date.parse(opts.weekFrom);
  const to = Date.parse(opts.weekTo);
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from) throw new Error(`makeKubernetesHistory: bad window ${opts.weekFrom}..${opts.weekTo}`);
  const inWeek = (fraction: number) => stamp(from + Math.round(((to - from) * fraction) / 1000) * 1000);

  let state: State = clone({ gates: KUBERNETES_GATES, apiserverGates: APISERVER_GATES, modules: REQUIRES, dependencies: DEPENDENCIES });
  // A gate the caller names that the table lacks joins it at the stage it starts from.
  const ensure = (name: string, stage: "Alpha" | "Beta") => {
    if (findGate(state, name)) return;
    const history: Array<[string, string]> = stage === "Alpha" ? [["alpha", "v1.21"]] : [["alpha", "v1.19"], ["beta", "v1.20"]];
    state.gates.push(gate(name, "@fixture-owner", history, `Fixture gate ${name}.`, stage, stage === "Beta"));
  };
  ensure(changes.alphaToBeta, "Alpha");
  ensure(changes.betaToGA, "Beta");
  ensure(afterWeekGate, "Alpha");
  setModule(state, changes.goMod.module, changes.goMod.from);
  setDependency(state, changes.dependency.name, changes.dependency.from);

  const commits: FakeCommit[] = [];
  const commit = (date: string, message: string) => {
    commits.push({ oid: oid(commits.length, date), committedDate: date, files: render(state), message });
  };
  const step = (mutate: (next: State) => void) => {
    const next = clone(state);
    mutate(next);
    state = next;
  };

  commit(stamp(from - 9 * 86_400_000 + 4 * 3_600_000), "Merge pull request #102400 from fixture/kubelet-cleanup\n\nkubelet: remove unused helpers");
  step((next) => next.gates.push(structuredClone(GATE_ADDED_BEFORE_WEEK)));
  commit(stamp(from - 2 * 86_400_000), "Merge pull request #102700 from fixture/job-tracking\n\nAdd the JobTrackingWithFinalizers alpha feature gate");
  step((next) => promote(next, changes.alphaToBeta, "Beta", release));
  commit(inWeek(0.18), `Merge pull request #102901 from fixture/promote-beta\n\nPromote ${changes.alphaToBeta} to beta`);
  step((next) => setModule(next, changes.goMod.module, changes.goMod.to));
  commit(inWeek(0.4), `Merge pull request #102950 from fixture/bump-module\n\nBump ${changes.goMod.module} to ${changes.goMod.to}`);
  step((next) => promote(next, changes.betaToGA, "GA", release));
  commit(inWeek(0.63), `Merge pull request #103001 from fixture/promote-ga\n\nGraduate ${changes.betaToGA} to GA`);
  step((next) => setDependency(next, changes.dependency.name, changes.dependency.to));
  commit(inWeek(0.81), `Merge pull request #103050 from fixture/bump-dependency\n\nUpdate ${changes.dependency.name} to ${changes.dependency.to}`);
  commit(inWeek(0.9), "Merge pull request #103077 from fixture/owners\n\nUpdate OWNERS of sig-node");
  step((next) => {
    promote(next, afterWeekGate, "Beta", release);
    if (changes.dependency.name !== "golang: upstream version") setDependency(next, "golang: upstream version", "1.16.5");
    if (changes.dependency.name !== "k8s.gcr.io/kube-cross: dependents") setDependency(next, "k8s.gcr.io/kube-cross: dependents", "v1.16.5-1");
  });
  commit(stamp(to + 86_400_000), `Merge pull request #103200 from fixture/after-week\n\nPromote ${afterWeekGate} to beta; build with Go 1.16.5`);
  return commits;
}

/**
 * kubernetes/kubernetes' GitHub releases of summer 2021, at fixed days (the release team's
 * timeline: 1.22.0-beta.1 on Thursday July 8, the July patches due Wednesday July 14 and out a day
 * later). Their bodies point at the changelog, as the real ones do.
 */
export const KUBERNETES_RELEASES_2021: FakeRelease[] = (
  [
    ["v1.22.0-beta.0", "2021-06-22T21:30:00Z", true],
    ["v1.21.2", "2021-06-16T21:00:00Z", false],
    ["v1.20.8", "2021-06-16T21:10:00Z", false],
    ["v1.19.12", "2021-06-16T21:20:00Z", false],
    ["v1.22.0-beta.1", "2021-07-08T22:15:00Z", true],
    ["v1.21.3", "2021-07-15T20:00:00Z", false],
    ["v1.20.9", "2021-07-15T20:10:00Z", false],
    ["v1.19.13", "2021-07-15T20:20:00Z", false],
  ] as const
).map(([tag, published, prerelease]) => ({
  tagName: tag,
  name: `Kubernetes ${tag}`,
  body: `See [kubernetes-announce@](https://groups.google.com/forum/#!forum/kubernetes-announce). Additional binary downloads are linked in the [CHANGELOG](https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-${tag.slice(1, 5)}.md#${tag.replace(/\./g, "")}).`,
  publishedAt: published,
  createdAt: stamp(Date.parse(published) - 3_600_000),
  isPrerelease: prerelease,
  targetCommitish: prerelease ? "master" : `release-${tag.slice(1).split(".").slice(0, 2).join(".")}`,
  author: "k8s-release-robot",
}));
