import { describe, expect, it } from "vitest";
import { houseSpellText, houseSpelling } from "../../src/classify/spellings.js";
import { sentenceLine } from "../../src/classify/wording.js";
import { lintPost } from "../../src/lint/lint-post.js";
import { url } from "./fixtures.js";

const U = url(5);

describe("house spellings", () => {
  it("writes acronyms in capitals and project names as their projects do", () => {
    expect(houseSpelling("api")).toBe("API");
    expect(houseSpelling("Grpc")).toBe("gRPC");
    expect(houseSpelling("Kubectl")).toBe("kubectl");
    expect(houseSpelling("pvcs")).toBe("PVCs");
    expect(houseSpelling("daemon")).toBe("daemon");
  });

  it("keeps binaries in lower case at the start of a line, and writes API versions in lower case", () => {
    expect(sentenceLine("Kube-proxy: use V1 EndpointSlices and V1beta1 Ingress", null, U)).toBe(`* kube-proxy [uses v1 EndpointSlices and v1beta1 Ingress](${U})`);
    expect(houseSpelling("Kube-Scheduler")).toBe("kube-scheduler");
    expect(houseSpelling("V2")).toBe("v2");
    expect(houseSpelling("Version1")).toBe("Version1");
    expect(houseSpelling("V1beta")).toBe("V1beta");
  });

  it("respells prose but never code, paths or parts of words", () => {
    expect(sentenceLine("Support tls and dns names in the csi driver api", null, U)).toBe(
      `* Support [TLS and DNS names](${U}) in the CSI driver API`,
    );
    expect(sentenceLine("x", "The `api` package accepts http/2 for cni plugins.", U)).toBe(
      `* The \`api\` package [accepts HTTP/2](${U}) for CNI plugins`,
    );
    expect(houseSpellText("kube-apiserver api-server `ip` ip")).toBe("kube-apiserver api-server `ip` IP");
  });

  it("agrees with the style checker", () => {
    const drafted = sentenceLine("Fix Kubeadm join with Etcd over Grpc", null, U);
    expect(drafted).toBe(`* Fix [kubeadm join](${U}) with etcd over gRPC`);
    const post = `---\nlayout: post\ntitle: T\ndate: 2024-01-01\nslug: s\n---\n\n## Other Merges\n\n${drafted}\n`;
    expect(lintPost(post).filter((problem) => problem.message.includes("spelled"))).toEqual([]);
  });
});
