import { own } from "../../own.js";

/**
 * The repositories the LWKD release crawler (kubernetes-sigs/lwkd scripts/release-crawler) watches,
 * in its order, with two of its names fixed: "kubernetes/ngninx-ingress" is kubernetes/ingress-nginx,
 * and "kubernetes-csi/csi-driver-vsphere", which does not exist, is the vSphere CSI driver's
 * kubernetes-sigs/vsphere-csi-driver. golang/go has no GitHub releases: its line comes from tags.
 */
export const DEFAULT_RELATED_REPOS: readonly string[] = [
  "coredns/coredns",
  "kubernetes-csi/csi-driver-nfs",
  "kubernetes-csi/csi-driver-host-path",
  "kubernetes-csi/csi-driver-smb",
  "kubernetes-sigs/vsphere-csi-driver",
  "containernetworking/cni",
  "cri-o/cri-o",
  "cri-o/ocicni",
  "containerd/containerd",
  "containerd/nerdctl",
  "kubernetes/kops",
  "kubernetes/kubeadm",
  "kubernetes/ingress-nginx",
  "kubernetes/cloud-provider",
  "kubernetes/cloud-provider-aws",
  "kubernetes/cloud-provider-gcp",
  "kubernetes/cloud-provider-openstack",
  "kubernetes/cloud-provider-vsphere",
  "kubernetes/minikube",
  "kubernetes/ingress-gce",
  "kubernetes/kompose",
  "kubernetes/cloud-provider-alibaba-cloud",
  "kubernetes-sigs/cluster-api-provider-vsphere",
  "kubernetes-sigs/cluster-api",
  "kubernetes-sigs/kind",
  "kubernetes-sigs/kubebuilder",
  "kubernetes-sigs/kustomize",
  "kubernetes-sigs/kubespray",
  "etcd-io/etcd",
  "prometheus/prometheus",
  "grpc/grpc",
  "golang/go",
];

export const GO_REPO = "golang/go";

/**
 * Names the projects go by where the repository name is not it; any other project is called by
 * its repository name ("containerd", "kind", "cloud-provider-aws").
 */
export const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  "golang/go": "Go",
  "kubernetes-sigs/cluster-api": "Cluster API",
  "kubernetes-sigs/cluster-api-provider-vsphere": "Cluster API Provider vSphere",
  "containernetworking/cni": "CNI",
  "cri-o/cri-o": "CRI-O",
  "coredns/coredns": "CoreDNS",
  "etcd-io/etcd": "etcd",
  "grpc/grpc": "gRPC",
  "kubernetes/kops": "kOps",
};

export function displayName(repo: string, overrides: Readonly<Record<string, string>> = {}): string {
  return own(overrides, repo) ?? own(DISPLAY_NAMES, repo) ?? repo.slice(repo.indexOf("/") + 1);
}
