/**
 * How LWKD writes names outside code: acronyms in capitals, projects as their projects write them.
 * The drafted lines respell every word here; `k8s-weekly lint` holds editors' own lines to the
 * `enforced` ones only, the names a wrong case makes look careless.
 */
export interface HouseSpelling {
  house: string;
  enforced: boolean;
  /** Other forms that are right too: "apiserver" is the component's binary. */
  alsoRight?: readonly string[];
}

const RESPELLED = [
  "API APIs HTTP HTTPS HTTP/2 IP IPs IPv4 IPv6 CPU CPUs GPU GPUs DNS TLS mTLS CRD CRDs PV PVs PVC PVCs",
  "CSI CNI CRI OCI RBAC ABAC JSON YAML URL URLs URI UID UIDs TCP UDP SCTP CIDR CIDRs CEL OIDC JWT",
  "KEPs HPA VPA SSH OOM TTL NUMA SELinux AppArmor seccomp",
  // Binaries keep their lower case at the start of a line too; "kubelet" is left alone: editors
  // write "Kubelet" there as often as not.
  "kube-proxy kube-apiserver kube-scheduler kube-controller-manager",
].join(" ");

export const HOUSE_SPELLINGS: readonly HouseSpelling[] = [
  ...RESPELLED.split(" ").map((house) => ({ house, enforced: false })),
  { house: "kubeadm", enforced: true },
  { house: "kubectl", enforced: true },
  { house: "APIserver", enforced: true, alsoRight: ["apiserver"] },
  ...["etcd", "gRPC", "KEP", "Prow"].map((house) => ({ house, enforced: true })),
];
