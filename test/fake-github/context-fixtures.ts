import { DEFAULT_RELATED_REPOS } from "../../src/context/releases/index.js";
import * as notes from "./context-release-notes.js";
import { stamp } from "./items.js";
import type { FakeRelease, FakeRepo, FakeTag } from "./types.js";

export {
  DEFAULT_KUBERNETES_WEEK_CHANGES,
  KUBERNETES_FILES,
  KUBERNETES_RELEASES_2021,
  makeKubernetesHistory,
  type KubernetesHistoryOptions,
  type KubernetesWeekChanges,
} from "./context-kubernetes.js";
export { makeSigReleaseBlobs, makeSigReleaseHistory, PATCH_RELEASES_JULY_2021, SIG_RELEASE_FACTS, SIG_RELEASE_PATHS } from "./context-sig-release.js";

/**
 * Repositories LWKD's release crawler reads, as fixtures for one week. Every release is placed
 * relative to the week, so the same releases fall inside whatever window a test picks.
 */

export interface WeekWindow {
  /** Inclusive ISO 8601 bounds. */
  weekFrom: string;
  weekTo: string;
}

/**
 * The default list in its order, plus four more and one that does not exist (the name the crawler
 * has for the vSphere CSI driver), which is left out of the fixtures.
 */
export const RELATED_REPO_NAMES: readonly string[] = [
  ...DEFAULT_RELATED_REPOS,
  "kubernetes-sigs/cluster-api-provider-aws",
  "kubernetes-sigs/cluster-api-provider-azure",
  "kubernetes/dashboard",
  "kubernetes-sigs/metrics-server",
  "kubernetes-csi/csi-driver-vsphere",
];

/** In RELATED_REPO_NAMES, absent from makeRelatedRepos(): GraphQL answers NOT_FOUND, REST 404. */
export const MISSING_RELATED_REPO = "kubernetes-csi/csi-driver-vsphere";

/** No releases and no tags at all. */
export const EMPTY_RELATED_REPO = "kubernetes/cloud-provider";

/** Repositories with no releases (kubeadm and golang/go still have tags). */
export const REPOS_WITHOUT_RELEASES = ["kubernetes/kubeadm", "kubernetes/cloud-provider", "golang/go"] as const;

/**
 * Published (non-draft), non-prerelease releases with weekFrom <= publishedAt <= weekTo, by
 * repository in RELATED_REPO_NAMES order, newest publishedAt first. Boundaries: openstack's
 * v1.21.0 is published exactly at weekFrom and kubebuilder's v3.1.0 exactly at weekTo (both in);
 * metrics-server's v0.5.0 one second before weekFrom and vsphere's v1.21.0 one second after
 * weekTo (both out). kops v1.21.0 was created before the week but published in it (in);
 * cluster-api v0.4.0 was created in the week but published after it (out).
 */
export const EXPECTED_WEEK_RELEASES: Readonly<Record<string, readonly string[]>> = {
  "kubernetes-csi/csi-driver-nfs": ["v3.0.0"],
  "kubernetes-csi/csi-driver-smb": ["v1.1.0"],
  "cri-o/cri-o": ["v1.21.1"],
  "containerd/containerd": ["v1.5.4", "v1.4.8"],
  "containerd/nerdctl": ["v0.10.0"],
  "kubernetes/kops": ["v1.21.0"],
  "kubernetes/ingress-nginx": ["helm-chart-3.34.0", "controller-v0.47.0"],
  "kubernetes/cloud-provider-openstack": ["v1.21.0"],
  "kubernetes/minikube": ["v1.22.0"],
  "kubernetes/kompose": ["v1.23.0"],
  "kubernetes-sigs/cluster-api-provider-vsphere": ["v0.7.8"],
  "kubernetes-sigs/cluster-api": ["v0.3.20"],
  "kubernetes-sigs/kubebuilder": ["v3.1.0"],
  "kubernetes-sigs/kustomize": ["kustomize/v4.2.0", "api/v0.8.11"],
  "prometheus/prometheus": ["v2.28.1"],
  "grpc/grpc": ["v1.38.1"],
  "kubernetes-sigs/cluster-api-provider-aws": ["v0.6.6"],
};

/** Prereleases published inside the week. */
export const EXPECTED_WEEK_PRERELEASES: Readonly<Record<string, readonly string[]>> = {
  "kubernetes/ingress-nginx": ["controller-v1.0.0-beta.0"],
  "kubernetes-sigs/cluster-api": ["v0.4.0-rc.0"],
};

/** Drafts (publishedAt null): kops' was created inside the week, kubebuilder's before it. */
export const EXPECTED_DRAFTS: Readonly<Record<string, readonly string[]>> = {
  "kubernetes/kops": ["v1.22.0-alpha.1"],
  "kubernetes-sigs/kubebuilder": ["v3.2.0"],
};

/** Releases whose body has a "## Security" section naming CVE-2021-32760. */
export const EXPECTED_SECURITY_RELEASES: Readonly<Record<string, readonly string[]>> = {
  "containerd/containerd": ["v1.5.4", "v1.4.8"],
};

/** Release bodies of at least 10 000 characters. */
export const EXPECTED_LONG_BODIES: Readonly<Record<string, readonly string[]>> = {
  "cri-o/cri-o": ["v1.21.1"],
};

/** golang/go tags dated inside the week, newest first; go1.17beta1 is prerelease-like. */
export const EXPECTED_GO_TAGS_IN_WEEK = ["go1.16.5", "go1.15.13", "go1.17beta1"] as const;
export const EXPECTED_GO_RELEASES_IN_WEEK = ["go1.16.5", "go1.15.13"] as const;

const DAY = 86_400_000;
const SECOND = 1000;

type Moment = ["in", number] | ["before", number] | ["after", number];

interface ReleaseSpec {
  tag: string;
  /** Defaults to the tag; null for a release without a title. */
  name?: string | null;
  body: string;
  /** "draft" for a release that was never published. */
  published: Moment | "draft";
  /** Defaults to 25 minutes before publication; required for drafts. */
  created?: Moment;
  prerelease?: boolean;
  branch?: string;
}

interface RepoSpec {
  slug: string;
  defaultBranch: string;
  releases: ReleaseSpec[];
  tags?: Array<{ name: string; at: Moment; oid?: string }>;
}

const inWeek = (fraction: number): Moment => ["in", fraction];
const daysBefore = (days: number): Moment => ["before", days];
const daysAfter = (days: number): Moment => ["after", days];

const csiDeps = (seed: number): Array<[string, string, string]> => [
  ["github.com/container-storage-interface/spec", "v1.3.0", "v1.5.0"],
  ["github.com/kubernetes-csi/csi-lib-utils", `v0.${seed}.0`, `v0.${seed + 1}.0`],
  ["google.golang.org/grpc", "v1.34.0", "v1.38.0"],
  ["k8s.io/klog/v2", "v2.4.0", "v2.9.0"],
  ["k8s.io/mount-utils", "v0.20.0", "v0.21.1"],
];

const minikubeHistory: ReleaseSpec[] = (
  [
    ["v1.21.0", 40], ["v1.20.0", 60], ["v1.19.0", 110], ["v1.18.1", 150], ["v1.18.0", 160],
    ["v1.17.1", 190], ["v1.17.0", 200], ["v1.16.0", 240], ["v1.15.1", 260], ["v1.15.0", 270],
  ] as const
).map(([tag, days]) => ({ tag, name: `${tag} - release`, body: notes.MINIKUBE_OLD(tag), published: daysBefore(days) }));

const goTag = (name: string, at: Moment) => ({ name, at });

const SPECS: RepoSpec[] = [
  {
    slug: "coredns/coredns",
    defaultBranch: "master",
    releases: [
      { tag: "v1.8.4", body: notes.COREDNS_184, published: daysBefore(30) },
      { tag: "v1.8.3", body: notes.COREDNS_183, published: daysBefore(80) },
    ],
  },
  {
    slug: "kubernetes-csi/csi-driver-nfs",
    defaultBranch: "master",
    releases: [
      {
        tag: "v3.0.0",
        body: notes.csiReleaseNotes(
          ["Support `mountOptions` in the storage class for dynamic provisioning (#201, @csi-dev-a)", "Add a `subDir` parameter that places each volume below a fixed folder of the share (#198, @csi-dev-b)"],
          ["Fix volume deletion when the share is mounted read-only on another node (#205, @csi-dev-a)"],
          csiDeps(9),
        ),
        published: inWeek(0.3),
      },
      { tag: "v2.1.0", body: notes.csiReleaseNotes(["Support NFSv4.1 mount options (#150, @csi-dev-b)"], [], csiDeps(8)), published: daysBefore(95) },
    ],
  },
  {
    slug: "kubernetes-csi/csi-driver-host-path",
    defaultBranch: "master",
    releases: [{ tag: "v1.7.0", body: notes.csiReleaseNotes(["Support volume health monitoring (#280, @csi-dev-c)"], [], csiDeps(9)), published: daysBefore(20) }],
  },
  {
    slug: "kubernetes-csi/csi-driver-smb",
    defaultBranch: "master",
    releases: [
      {
        tag: "v1.1.0",
        body: notes.csiReleaseNotes(
          ["Windows: mount SMB shares with CSI proxy v1 (#260, @csi-dev-d)", "Helm chart: add `node.livenessProbe.healthPort` (#266, @csi-dev-d)"],
          ["Fix a leaked SMB global mapping after an unmount error on Windows (#262, @csi-dev-e)"],
          csiDeps(9),
        ),
        published: inWeek(0.55),
      },
      { tag: "v1.0.0", body: notes.csiReleaseNotes(["GA release of the SMB CSI driver (#240, @csi-dev-d)"], [], csiDeps(8)), published: daysBefore(60) },
    ],
  },
  {
    slug: "kubernetes-sigs/vsphere-csi-driver",
    defaultBranch: "master",
    // Released weeks before: a project on the list with nothing this week has no line and no note.
    releases: [{ tag: "v2.2.1", body: notes.csiReleaseNotes(["Support volume expansion offline (#900, @csi-dev-f)"], [], csiDeps(7)), published: daysBefore(25) }],
  },
  {
    slug: "containernetworking/cni",
    defaultBranch: "master",
    releases: [{ tag: "v0.8.1", name: "CNI v0.8.1", body: notes.CNI_081, published: daysBefore(150) }],
  },
  {
    slug: "cri-o/cri-o",
    defaultBranch: "main",
    releases: [
      { tag: "v1.21.1", body: notes.crioNotes("v1.21.1", "v1.21.0"), published: inWeek(0.1), branch: "release-1.21" },
      { tag: "v1.20.3", body: notes.CRIO_1203, published: daysBefore(12), branch: "release-1.20" },
    ],
  },
  {
    slug: "cri-o/ocicni",
    defaultBranch: "master",
    releases: [{ tag: "v0.2.0", body: notes.OCICNI_020, published: daysBefore(420) }],
  },
  {
    slug: "containerd/containerd",
    defaultBranch: "main",
    releases: [
      // A security fix shipped on two release branches the same day: the 1.4 backport first.
      { tag: "v1.4.8", name: "containerd 1.4.8", body: notes.containerdSecurityNotes("v1.4.8", "v1.4.7", ["v1.0.0", "v1.0.1"]), published: inWeek(0.34), branch: "release/1.4" },
      { tag: "v1.5.4", name: "containerd 1.5.4", body: notes.containerdSecurityNotes("v1.5.4", "v1.5.3", ["v1.0.0", "v1.0.1"]), published: inWeek(0.36), branch: "release/1.5" },
      { tag: "v1.4.7", name: "containerd 1.4.7", body: notes.containerdPatchNotes("v1.4.7", "v1.4.6"), published: daysBefore(9.2), branch: "release/1.4" },
      { tag: "v1.5.3", name: "containerd 1.5.3", body: notes.containerdPatchNotes("v1.5.3", "v1.5.2"), published: daysBefore(9), branch: "release/1.5" },
    ],
  },
  {
    slug: "containerd/nerdctl",
    defaultBranch: "master",
    releases: [
      { tag: "v0.10.0", body: notes.nerdctlNotes("v0.10.0"), published: inWeek(0.6) },
      { tag: "v0.9.0", body: notes.nerdctlNotes("v0.9.0"), published: daysBefore(25) },
    ],
  },
  {
    slug: "kubernetes/kops",
    defaultBranch: "master",
    releases: [
      { tag: "v1.21.0", name: "Release v1.21.0", body: notes.KOPS_1210, created: daysBefore(2), published: inWeek(0.2), branch: "release-1.21" },
      { tag: "v1.22.0-alpha.1", name: "Release v1.22.0-alpha.1", body: notes.KOPS_1220_ALPHA1_DRAFT, created: inWeek(0.85), published: "draft" },
      { tag: "v1.20.2", name: "Release v1.20.2", body: notes.KOPS_1202, published: daysBefore(14), branch: "release-1.20" },
    ],
  },
  { slug: "kubernetes/kubeadm", defaultBranch: "main", releases: [], tags: [{ name: "v1.0.0-alpha.1", at: daysBefore(1500) }] },
  {
    slug: "kubernetes/ingress-nginx",
    defaultBranch: "main",
    releases: [
      { tag: "controller-v0.47.0", name: "NGINX: 0.47.0", body: notes.ingressNginxControllerNotes("v0.47.0", 7180), published: inWeek(0.45) },
      { tag: "helm-chart-3.34.0", name: "ingress-nginx-3.34.0", body: notes.INGRESS_NGINX_HELM, published: inWeek(0.46) },
      { tag: "controller-v1.0.0-beta.0", name: "NGINX: 1.0.0-beta.0", body: notes.INGRESS_NGINX_V1_BETA, published: inWeek(0.7), prerelease: true, branch: "v1" },
      { tag: "controller-v0.46.0", name: "NGINX: 0.46.0", body: notes.ingressNginxControllerNotes("v0.46.0", 7050), published: daysBefore(30) },
    ],
  },
  { slug: "kubernetes/cloud-provider", defaultBranch: "master", releases: [], tags: [] },
  {
    slug: "kubernetes/cloud-provider-aws",
    defaultBranch: "master",
    releases: [{ tag: "v1.21.0-alpha.0", body: notes.PLAIN_PROVIDER_NOTES("aws-cloud-controller-manager", ["build against Kubernetes 1.21", "add a Helm chart"]), published: daysBefore(35), prerelease: true }],
  },
  {
    slug: "kubernetes/cloud-provider-gcp",
    defaultBranch: "master",
    releases: [{ tag: "v0.1.0", body: notes.PLAIN_PROVIDER_NOTES("gcp-controller-manager", ["first tagged release"]), published: daysBefore(200) }],
  },
  {
    slug: "kubernetes/cloud-provider-openstack",
    defaultBranch: "master",
    releases: [
      {
        tag: "v1.21.0",
        name: "v1.21.0",
        body: notes.PLAIN_PROVIDER_NOTES("openstack-cloud-controller-manager", ["support the `loadbalancer.openstack.org/health-monitor-delay` annotation", "cinder-csi-plugin: expand in-use volumes", "manila-csi-plugin: build with Go 1.16"]),
        published: inWeek(0),
      },
      { tag: "v1.20.2", body: notes.PLAIN_PROVIDER_NOTES("openstack-cloud-controller-manager", ["fix the Octavia pool name for UDP listeners"]), published: daysBefore(45) },
    ],
  },
  {
    slug: "kubernetes/cloud-provider-vsphere",
    defaultBranch: "master",
    releases: [
      { tag: "v1.21.0", body: notes.PLAIN_PROVIDER_NOTES("vsphere-cloud-controller-manager", ["build against Kubernetes 1.21", "IPv6 node addresses"]), published: daysAfter(1 / 86_400) },
      { tag: "v1.20.0", body: notes.PLAIN_PROVIDER_NOTES("vsphere-cloud-controller-manager", ["build against Kubernetes 1.20"]), published: daysBefore(100) },
    ],
  },
  {
    slug: "kubernetes/minikube",
    defaultBranch: "master",
    releases: [
      { tag: "v1.22.0", name: "v1.22.0 - 2021 release", body: notes.MINIKUBE_1220, published: inWeek(0.15) },
      { tag: "v1.22.0-beta.0", name: "v1.22.0-beta.0 - beta", body: notes.MINIKUBE_OLD("v1.22.0-beta.0"), published: daysBefore(14), prerelease: true },
      ...minikubeHistory,
    ],
  },
  {
    slug: "kubernetes/ingress-gce",
    defaultBranch: "master",
    releases: [{ tag: "v1.13.0", body: notes.PLAIN_PROVIDER_NOTES("glbc", ["support custom health check request paths in BackendConfig"]), published: daysBefore(50) }],
  },
  {
    slug: "kubernetes/kompose",
    defaultBranch: "master",
    releases: [
      { tag: "v1.23.0", name: null, body: notes.KOMPOSE_1230, published: inWeek(0.93) },
      { tag: "v1.22.0", name: null, body: "- Support compose v3.8 files\n", published: daysBefore(110) },
    ],
  },
  {
    slug: "kubernetes/cloud-provider-alibaba-cloud",
    defaultBranch: "master",
    releases: [{ tag: "v2.1.0", body: notes.PLAIN_PROVIDER_NOTES("cloud-controller-manager", ["support NLB listeners", "Go 1.15"]), published: daysBefore(120) }],
  },
  {
    slug: "kubernetes-sigs/cluster-api-provider-vsphere",
    defaultBranch: "master",
    releases: [
      { tag: "v0.7.8", name: "v0.7.8", body: notes.CAPV_078, published: inWeek(0.5), branch: "release-0.7" },
      { tag: "v0.7.7", name: "v0.7.7", body: "### Bug Fixes\n- Fix the VM template lookup by name (#1170)\n", published: daysBefore(40) },
    ],
  },
  {
    slug: "kubernetes-sigs/cluster-api",
    defaultBranch: "master",
    releases: [
      { tag: "v0.3.20", name: "v0.3.20", body: notes.CAPI_0320, published: inWeek(0.25), branch: "release-0.3" },
      { tag: "v0.4.0-rc.0", name: "v0.4.0-rc.0", body: notes.CAPI_040_RC, published: inWeek(0.65), prerelease: true },
      // Created during the week, published only after it.
      { tag: "v0.4.0", name: "v0.4.0", body: notes.CAPI_040, created: inWeek(0.9), published: daysAfter(2) },
      { tag: "v0.3.19", name: "v0.3.19", body: "## :bug: Bug Fixes\n- Fix a nil pointer in clusterctl move (#4600)\n", published: daysBefore(28), branch: "release-0.3" },
    ],
  },
  {
    slug: "kubernetes-sigs/kind",
    defaultBranch: "main",
    releases: [
      { tag: "v0.11.1", name: "v0.11.1", body: notes.KIND_0111, published: daysBefore(35) },
      { tag: "v0.11.0", name: "v0.11.0", body: notes.KIND_0110, published: daysBefore(50) },
    ],
  },
  {
    slug: "kubernetes-sigs/kubebuilder",
    defaultBranch: "master",
    releases: [
      { tag: "v3.1.0", name: "v3.1.0", body: notes.KUBEBUILDER_310, published: inWeek(1) },
      { tag: "v3.2.0", name: "v3.2.0", body: notes.KUBEBUILDER_DRAFT, created: daysBefore(5), published: "draft" },
      { tag: "v3.0.0", name: "v3.0.0", body: notes.KUBEBUILDER_300, published: daysBefore(60) },
    ],
  },
  {
    slug: "kubernetes-sigs/kustomize",
    defaultBranch: "master",
    releases: [
      { tag: "api/v0.8.11", name: "api/v0.8.11", body: notes.KUSTOMIZE_API_0811, published: inWeek(0.04) },
      { tag: "kustomize/v4.2.0", name: "kustomize v4.2.0", body: notes.KUSTOMIZE_420, published: inWeek(0.05) },
      { tag: "kustomize/v4.1.3", name: "kustomize v4.1.3", body: notes.KUSTOMIZE_413, published: daysBefore(40) },
    ],
  },
  {
    slug: "kubernetes-sigs/kubespray",
    defaultBranch: "master",
    releases: [{ tag: "v2.16.0", name: "v2.16.0", body: notes.kubesprayNotes(), published: daysBefore(25) }],
  },
  {
    slug: "etcd-io/etcd",
    defaultBranch: "main",
    releases: [
      { tag: "v3.5.0", name: "v3.5.0", body: notes.etcdNotes("v3.5.0"), published: daysBefore(16) },
      { tag: "v3.5.0-rc.1", name: "v3.5.0-rc.1", body: notes.etcdNotes("v3.5.0-rc.1"), published: daysBefore(25), prerelease: true },
      { tag: "v3.4.16", name: "v3.4.16", body: notes.etcdNotes("v3.4.16"), published: daysBefore(40), branch: "release-3.4" },
    ],
  },
  {
    slug: "prometheus/prometheus",
    defaultBranch: "main",
    releases: [
      { tag: "v2.28.1", name: "2.28.1 / 2021-07-01", body: notes.PROMETHEUS_2281, published: inWeek(0.47), branch: "release-2.28" },
      { tag: "v2.28.0", name: "2.28.0 / 2021-06-21", body: notes.PROMETHEUS_2280, published: daysBefore(8) },
    ],
  },
  {
    slug: "grpc/grpc",
    defaultBranch: "master",
    releases: [
      { tag: "v1.38.1", name: "Release v1.38.1", body: notes.grpcNotes("1.38.1"), published: inWeek(0.4), branch: "v1.38.x" },
      { tag: "v1.39.0-pre1", name: "Release v1.39.0-pre1", body: notes.grpcNotes("1.39.0-pre1"), published: daysBefore(6), prerelease: true },
      { tag: "v1.38.0", name: "Release v1.38.0", body: notes.grpcNotes("1.38.0"), published: daysBefore(35) },
      { tag: "v1.37.1", name: "Release v1.37.1", body: notes.grpcNotes("1.37.1"), published: daysBefore(55) },
      { tag: "v1.37.0", name: "Release v1.37.0", body: notes.grpcNotes("1.37.0"), published: daysBefore(70) },
      { tag: "v1.36.4", name: "Release v1.36.4", body: notes.grpcNotes("1.36.4"), published: daysBefore(80) },
    ],
  },
  {
    slug: "golang/go",
    defaultBranch: "master",
    releases: [],
    tags: [
      goTag("go1.17rc1", daysAfter(8)),
      goTag("go1.16.5", inWeek(0.52)),
      goTag("go1.15.13", inWeek(0.515)),
      goTag("go1.17beta1", inWeek(0.15)),
      goTag("go1.16.4", daysBefore(28)),
      goTag("go1.15.12", daysBefore(28.01)),
      goTag("go1.16.3", daysBefore(75)),
      goTag("go1.15.11", daysBefore(75.01)),
      goTag("go1.16.2", daysBefore(105)),
      goTag("go1.15.10", daysBefore(105.01)),
      goTag("go1.16.1", daysBefore(120)),
      goTag("go1.15.9", daysBefore(120.01)),
      goTag("go1.16", daysBefore(130)),
      goTag("go1.15.8", daysBefore(135)),
      goTag("go1.16rc1", daysBefore(150)),
      goTag("go1.15.7", daysBefore(160)),
      goTag("go1.16beta1", daysBefore(200)),
      goTag("go1.15.6", daysBefore(210)),
      goTag("go1.15.5", daysBefore(230)),
      goTag("go1.14.15", daysBefore(160.01)),
      goTag("release.r60.3", daysBefore(3550)),
      goTag("weekly.2012-03-27", daysBefore(3380)),
    ],
  },
  {
    slug: "kubernetes-sigs/cluster-api-provider-aws",
    defaultBranch: "main",
    releases: [
      { tag: "v0.6.6", name: "v0.6.6", body: notes.CAPA_066, published: inWeek(0.58), branch: "release-0.6" },
      { tag: "v0.6.5", name: "v0.6.5", body: "### Bug Fixes\n- Fix the bastion security group rules (#2400)\n", published: daysBefore(33) },
    ],
  },
  {
    slug: "kubernetes-sigs/cluster-api-provider-azure",
    defaultBranch: "main",
    releases: [{ tag: "v0.5.0", name: "v0.5.0", body: notes.CAPZ_050, published: daysBefore(3) }],
  },
  {
    slug: "kubernetes/dashboard",
    defaultBranch: "master",
    releases: [{ tag: "v2.3.1", name: "v2.3.1", body: notes.DASHBOARD_231, published: daysBefore(50) }],
  },
  {
    slug: "kubernetes-sigs/metrics-server",
    defaultBranch: "master",
    releases: [{ tag: "v0.5.0", name: "v0.5.0", body: notes.METRICS_SERVER_050, published: daysBefore(1 / 86_400) }],
  },
];

function clock({ weekFrom, weekTo }: WeekWindow) {
  const from = Date.parse(weekFrom);
  const to = Date.parse(weekTo);
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from) throw new Error(`makeRelatedRepos: bad window ${weekFrom}..${weekTo}`);
  return (moment: Moment): number => {
    const [kind, value] = moment;
    if (kind === "in") return from + Math.round(((to - from) * value) / SECOND) * SECOND;
    return kind === "before" ? from - Math.round((value * DAY) / SECOND) * SECOND : to + Math.round((value * DAY) / SECOND) * SECOND;
  };
}

/**
 * 36 repositories (RELATED_REPO_NAMES without MISSING_RELATED_REPO) with releases placed around
 * the window. Deterministic: the same window gives the same data.
 */
export function makeRelatedRepos(opts: WeekWindow): FakeRepo[] {
  const at = clock(opts);
  return SPECS.map((spec): FakeRepo => {
    const [owner = "", name = ""] = spec.slug.split("/");
    const releases = spec.releases.map((release): FakeRelease => {
      const published = release.published === "draft" ? null : at(release.published);
      const created = release.created ? at(release.created) : (published ?? 0) - 25 * 60 * SECOND;
      return {
        tagName: release.tag,
        name: release.name === undefined ? release.tag : release.name,
        body: release.body,
        isDraft: release.published === "draft",
        isPrerelease: release.prerelease === true,
        publishedAt: published === null ? null : stamp(published),
        createdAt: stamp(created),
        ...(release.branch ? { targetCommitish: release.branch } : {}),
      };
    });
    const tags = spec.tags?.map((tag): FakeTag => ({ name: tag.name, date: stamp(at(tag.at)), ...(tag.oid ? { oid: tag.oid } : {}) }));
    return { owner, name, defaultBranch: spec.defaultBranch, items: [], releases, ...(tags ? { tags } : {}) };
  });
}
