/** go.mod, build/dependencies.yaml and PRs in the shapes kubernetes/kubernetes had in 2021. */
import type { PullRequest } from "../../../src/types.js";

export function goMod2021(smd: string, xnet: string): string {
  return `// This is a generated file. Do not edit directly.
// Ensure you've carefully read
// https://git.k8s.io/community/contributors/devel/sig-architecture/vendor.md
// Run hack/pin-dependency.sh to change pinned dependency versions.
// Run hack/update-vendor.sh to update go.mod files and the vendor directory.

module k8s.io/kubernetes

go 1.16

require (
	bitbucket.org/bertimus9/systemstat v0.0.0-20180207000608-0a2f9a4cb6a4
	github.com/Azure/azure-sdk-for-go v55.0.0+incompatible
	github.com/google/cadvisor v0.39.2
	go.etcd.io/etcd/client/v3 v3.5.0
	golang.org/x/net ${xnet}
	golang.org/x/text v0.3.6 // indirect
	k8s.io/api v0.0.0
	sigs.k8s.io/structured-merge-diff/v4 v4.1.0
)

require "sigs.k8s.io/yaml" v1.2.0

replace (
	bitbucket.org/bertimus9/systemstat => bitbucket.org/bertimus9/systemstat v0.0.0-20180207000608-0a2f9a4cb6a4
	github.com/google/cadvisor => github.com/google/cadvisor v0.39.2
	go.etcd.io/etcd/client/v3 => go.etcd.io/etcd/client/v3 v3.5.0
	golang.org/x/net => golang.org/x/net ${xnet}
	golang.org/x/text => golang.org/x/text v0.3.6
	k8s.io/api => ./staging/src/k8s.io/api
	sigs.k8s.io/structured-merge-diff/v4 => sigs.k8s.io/structured-merge-diff/v4 ${smd}
)

replace github.com/onsi/ginkgo v1.14.0 => github.com/onsi/ginkgo v4.7.0-origin.0+incompatible
`;
}

export function dependenciesYaml(etcd: string, golang: string): string {
  return `dependencies:
  # zeitgeist (https://github.com/kubernetes-sigs/zeitgeist) was inspired by
  # (and now replaces) the cmd/verifydependencies tool to verify external
  # dependencies across the repo.

  # CNI plugins
  - name: "cni"
    version: 0.8.7
    refPaths:
    - path: cluster/gce/config-common.sh
      match: WINDOWS_CNI_VERSION=
    - path: test/e2e_node/remote/utils.go
      match: cniVersion[\\t\\n\\f\\r ]*=

  # etcd
  - name: "etcd"
    version: ${etcd}
    refPaths:
    - path: cluster/gce/manifests/etcd.manifest
      match: etcd_docker_tag|etcd_version
    - path: build/dependencies.yaml
      match: version

  - name: etcd-image
    version: '${etcd}-0'   # the image adds a revision
    refPaths:
    - path: cluster/images/etcd/Makefile
      match: REVISION[[:space:]]*\\?=

  # Golang
  - name: "golang: upstream version"
    version: ${golang}
    refPaths:
    - path: build/build-image/cross/VERSION
    - path: staging/publishing/rules.yaml
      match: 'default-go-version\\: \\d+.\\d+(alpha|beta|rc)?\\.?(\\d+)?'
`;
}

export function pr(number: number, title: string, options: { body?: string; files?: string[]; mergedAt?: string } = {}): PullRequest {
  return {
    repo: "kubernetes/kubernetes",
    number,
    url: `https://github.com/kubernetes/kubernetes/pull/${number}`,
    title,
    author: "contributor",
    authorIsBot: false,
    labels: [],
    body: options.body ?? "",
    mergedAt: options.mergedAt ?? "2021-07-01T12:00:00Z",
    baseRef: "master",
    ...(options.files ? { files: options.files.map((path) => ({ path })) } : {}),
  };
}
