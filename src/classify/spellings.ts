import type { Token } from "./tokens.js";

/**
 * House spellings outside code: acronyms in capitals and project names as their projects write
 * them. Notes are typed fast ("api", "Kubectl", "grpc"); a newsletter line should not be. Keys are
 * lowercase; the same forms `k8s-weekly lint` checks for kubeadm, kubectl, etcd, gRPC, KEP and Prow.
 */
const HOUSE = new Map<string, string>(
  [
    "API APIs HTTP HTTPS HTTP/2 IP IPs IPv4 IPv6 CPU CPUs GPU GPUs DNS TLS mTLS CRD CRDs PV PVs PVC PVCs",
    "CSI CNI CRI OCI RBAC ABAC gRPC JSON YAML URL URLs URI UID UIDs TCP UDP SCTP CIDR CIDRs CEL OIDC JWT",
    "KEP KEPs HPA VPA SSH OOM TTL NUMA SELinux AppArmor seccomp kubeadm kubectl etcd Prow",
  ]
    .join(" ")
    .split(" ")
    .map((word): [string, string] => [word.toLowerCase(), word]),
);

/** The house form of one word, or the word itself when the house has no opinion. */
export function houseSpelling(word: string): string {
  return HOUSE.get(word.toLowerCase()) ?? word;
}

/** Respells the prose words of a sentence in place; code spans keep their exact text. */
export function applyHouseSpellings(tokens: Token[]): void {
  for (const token of tokens) if (!token.code) token.text = houseSpelling(token.text);
}

/** The same for plain text; words in backticks are left alone. */
export function houseSpellText(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith("`") ? part : part.replace(/(?<![\w/-])[A-Za-z][\w/]*(?![\w/-])/g, houseSpelling)))
    .join("");
}
