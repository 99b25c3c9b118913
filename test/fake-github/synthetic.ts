import { hash32, stamp } from "./items.js";
import type { FakeSearchItem } from "./types.js";

interface Topic {
  sig: string;
  area?: string;
  component: string;
  paths: string[];
  things: string[];
  problems: string[];
}

const TOPICS: Topic[] = [
  { sig: "node", area: "kubelet", component: "kubelet", paths: ["pkg/kubelet/kubelet.go", "pkg/kubelet/cm/container_manager_linux.go", "pkg/kubelet/kuberuntime/kuberuntime_manager.go"], things: ["pod resize status", "image pull progress", "graceful shutdown metrics"], problems: ["a panic on static pod restart", "a leaked goroutine in pod workers", "stale container status after restart"] },
  { sig: "network", area: "kube-proxy", component: "kube-proxy", paths: ["pkg/proxy/iptables/proxier.go", "pkg/proxy/nftables/proxier.go", "pkg/proxy/endpointslicecache.go"], things: ["nftables sync metrics", "topology-aware hints", "traffic distribution"], problems: ["stale conntrack entries for UDP services", "a race when endpoints change", "wrong masquerade rules for LoadBalancer IPs"] },
  { sig: "api-machinery", area: "apiserver", component: "kube-apiserver", paths: ["staging/src/k8s.io/apiserver/pkg/server/config.go", "staging/src/k8s.io/apiserver/pkg/storage/cacher/cacher.go", "staging/src/k8s.io/apimachinery/pkg/util/wait/loop.go"], things: ["consistent reads from cache", "watch list streaming", "CEL cost estimation"], problems: ["a data race in the watch cache", "a memory leak in the cacher", "wrong resourceVersion on list"] },
  { sig: "scheduling", area: "kube-scheduler", component: "kube-scheduler", paths: ["pkg/scheduler/schedule_one.go", "pkg/scheduler/framework/plugins/noderesources/fit.go"], things: ["queueing hints", "a pod scheduling readiness check", "plugin score metrics"], problems: ["unschedulable pods never being retried", "a nil pointer in preemption"] },
  { sig: "storage", component: "the CSI volume manager", paths: ["pkg/volume/csi/csi_attacher.go", "pkg/controller/volume/persistentvolume/pv_controller.go"], things: ["volume attributes classes", "SELinux mount options", "recursive ownership change skipping"], problems: ["a detach race on node shutdown", "volumes stuck in Terminating"] },
  { sig: "apps", area: "workload-api", component: "the job controller", paths: ["pkg/controller/job/job_controller.go", "pkg/controller/statefulset/stateful_set_control.go"], things: ["pod replacement policy", "success policy", "a backoff limit per index"], problems: ["orphaned pods after job deletion", "wrong StatefulSet status on scale down"] },
  { sig: "auth", component: "the service account token controller", paths: ["pkg/serviceaccount/jwt.go", "plugin/pkg/auth/authorizer/node/node_authorizer.go"], things: ["structured authorization config", "node-bound tokens"], problems: ["tokens issued with the wrong audience"] },
  { sig: "cli", area: "kubectl", component: "kubectl", paths: ["staging/src/k8s.io/kubectl/pkg/cmd/debug/debug.go", "staging/src/k8s.io/kubectl/pkg/cmd/get/get.go"], things: ["a --subresource flag", "custom debug profiles"], problems: ["a crash on empty kubeconfig", "wrong column alignment in get -o wide"] },
  { sig: "instrumentation", component: "component-base logging", paths: ["staging/src/k8s.io/component-base/logs/api/v1/options.go", "staging/src/k8s.io/component-base/metrics/registry.go"], things: ["contextual logging", "a metric stability check"], problems: ["duplicate metric registration"] },
  { sig: "testing", area: "test", component: "the e2e framework", paths: ["test/e2e/framework/pod/wait.go", "test/e2e/network/service.go"], things: ["ginkgo v2 labels", "a helper for node readiness"], problems: ["flaky timeouts on slow nodes"] },
];

const DEPENDENCY_TOPIC: Topic = { sig: "architecture", area: "dependency", component: "vendor", paths: ["go.mod"], things: [], problems: [] };
const LOGINS = ["aojea", "pohly", "liggitt", "thockin", "SergeyKanzhelev", "mimowo", "gjkim42", "carlory", "dims", "alculquicondor", "bart0sh", "HirazawaUi", "Jefftree", "kannon92", "danwinship", "jpbetz", "sttts", "tallclair", "neolit123", "ardaguclu"];
const DEPS = ["golang.org/x/net", "google.golang.org/grpc", "github.com/prometheus/client_golang", "sigs.k8s.io/structured-merge-diff/v4", "go.etcd.io/etcd/client/v3"];
const GATES = ["InPlacePodVerticalScaling", "SidecarContainers", "JobPodReplacementPolicy", "ServiceTrafficDistribution", "RecursiveReadOnlyMounts"];

const pick = <T>(list: readonly T[], seed: number): T => list[seed % list.length] as T;
/** FNV's low bits barely change between "x:1" and "x:2", so finish with murmur3's mixer. */
function rand(i: number, salt: string): number {
  let h = hash32(`${salt}:${i}`);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Kubernetes ships ~3 minors a year; 1.22 was in development in July 2021. */
function developmentMinor(atMs: number): number {
  const at = new Date(atMs);
  const months = (at.getUTCFullYear() - 2021) * 12 + at.getUTCMonth() - 7;
  return 22 + Math.floor((months + 3) / 4);
}

interface Draft {
  title: string;
  kind?: string;
  topic: Topic;
  note: string;
  files: NonNullable<FakeSearchItem["files"]>;
  extraLabels: string[];
  login: string;
  botAuthor?: boolean;
}

function masterDraft(i: number): Draft {
  const topic = pick(TOPICS, rand(i, "topic"));
  const roll = rand(i, "kind") % 40;
  const paths = [pick(topic.paths, rand(i, "path")), pick(topic.paths, rand(i, "path")).replace(/\.go$/, "_test.go")];
  const files = [...new Set(paths)].map((path, n) => ({ path, additions: 5 + (rand(i, `add${n}`) % 200), deletions: rand(i, `del${n}`) % 80 }));
  const login = pick(LOGINS, rand(i, "login"));
  if (roll === 0) {
    const dep = pick(DEPS, rand(i, "dep"));
    const version = `v0.${20 + (rand(i, "minor") % 15)}.${rand(i, "patch") % 5}`;
    const depFiles = ["go.mod", "go.sum", "vendor/modules.txt"].map((path) => ({ path, additions: 3, deletions: 3 }));
    const bot = rand(i, "bot") % 2 === 0;
    return { title: `Bump ${dep} to ${version}`, topic: DEPENDENCY_TOPIC, note: "NONE", files: depFiles, extraLabels: [], login: bot ? "dependabot[bot]" : login, botAuthor: bot };
  }
  if (roll <= 2) {
    const gate = pick(GATES, rand(i, "gate"));
    const stage = roll === 1 ? "beta" : "GA";
    files.push({ path: "pkg/features/kube_features.go", additions: 2, deletions: 2 });
    return { title: `Promote ${gate} to ${stage}`, kind: "feature", topic, note: `The ${gate} feature gate is now ${stage} and ${stage === "GA" ? "locked to true" : "enabled by default"}.`, files, extraLabels: ["kind/api-change"], login };
  }
  const thing = pick(topic.things, rand(i, "thing"));
  const problem = pick(topic.problems, rand(i, "problem"));
  if (roll <= 9) return { title: `Add ${thing} to ${topic.component}`, kind: "feature", topic, note: `Added ${thing} to ${topic.component}.`, files, extraLabels: [], login };
  if (roll <= 20) return { title: `Fix ${problem} in ${topic.component}`, kind: "bug", topic, note: `Fixed ${problem} in ${topic.component}.`, files, extraLabels: [], login };
  if (roll <= 23) return { title: `Deprecate the legacy ${thing} flag in ${topic.component}`, kind: "deprecation", topic, note: `ACTION REQUIRED: the legacy ${thing} flag of ${topic.component} is deprecated and will be removed in a future release.`, files, extraLabels: ["release-note-action-required"], login };
  if (roll <= 26) return { title: `[test] Fix flaky ${topic.component} e2e test`, kind: "flake", topic, note: "NONE", files, extraLabels: [], login };
  if (roll === 27) return { title: `Update ${topic.component} documentation for ${thing}`, kind: "documentation", topic, note: "NONE", files, extraLabels: [], login };
  return { title: `Migrate ${topic.component} to ${pick(["contextual logging", "generic sets", "the new wait API"], rand(i, "cleanup"))}`, kind: "cleanup", topic, note: "NONE", files, extraLabels: [], login };
}

function prBody(i: number, draft: Draft, issue: number): string {
  const style = rand(i, "style") % 12;
  const note = "```release-note\n" + draft.note + "\n```";
  if (style === 0) return `/kind ${draft.kind ?? "cleanup"}\n\n${draft.title}.\n\n**Release note**:\n${note}\n`;
  if (style === 1) return `${draft.title}.\n\n${note}\n`;
  const docs = draft.kind === "feature" ? `- [KEP]: https://github.com/kubernetes/enhancements/tree/master/keps/sig-${draft.topic.sig}/${3000 + (rand(i, "kep") % 1500)}-${draft.topic.component.replace(/\W+/g, "-")}` : "";
  return [
    "#### What type of PR is this?",
    "",
    draft.kind ? `/kind ${draft.kind}` : "/area dependency",
    "",
    "#### What this PR does / why we need it:",
    "",
    `${draft.title}.`,
    "",
    "#### Which issue(s) this PR fixes:",
    "",
    style === 2 ? "" : `Fixes #${issue}`,
    "",
    "#### Special notes for your reviewer:",
    "",
    "#### Does this PR introduce a user-facing change?",
    "",
    note,
    "",
    "#### Additional documentation e.g., KEPs (Kubernetes Enhancement Proposals), usage docs, etc.:",
    "",
    "```docs\n" + docs + "\n```",
    "",
  ].join("\n");
}

function labelsFor(i: number, draft: Draft, extra: string[]): Array<{ name: string }> {
  const names = new Set([
    ...(draft.kind ? [`kind/${draft.kind}`] : []),
    `sig/${draft.topic.sig}`,
    ...(draft.topic.area ? [`area/${draft.topic.area}`] : []),
    draft.note === "NONE" ? "release-note-none" : "release-note",
    ...draft.extraLabels,
    ...extra,
    "approved",
    "cncf-cla: yes",
    "lgtm",
    pick(["size/XS", "size/S", "size/M", "size/L"], rand(i, "size")),
    ...(rand(i, "triage") % 3 === 0 ? ["triage/accepted", "priority/important-soon"] : []),
  ]);
  return [...names].sort().map((name) => ({ name }));
}

/** A deterministic week of merged PRs, merge times spread evenly from `from` to `to`. */
export function makeSyntheticWeek(opts: {
  owner: string;
  name: string;
  count: number;
  from: string;
  to: string;
  cherryPicks?: number;
  startNumber?: number;
}): FakeSearchItem[] {
  const { owner, name, count, cherryPicks = 0, startNumber = 120_000 } = opts;
  const fromMs = Date.parse(opts.from);
  const toMs = Date.parse(opts.to);
  const minor = developmentMinor(fromMs);
  const pickSlots = new Set(Array.from({ length: Math.min(cherryPicks, count) }, (_, j) => Math.floor(((j + 0.5) * count) / cherryPicks)));
  const drafts = Array.from({ length: count }, (_, i) => {
    const mergedMs = Math.floor((count > 1 ? fromMs + ((toMs - fromMs) * i) / (count - 1) : fromMs) / 1000) * 1000;
    const cherry = pickSlots.has(i);
    const ageMs = cherry ? (1 + (i % 3)) * 86_400_000 : (1 + (rand(i, "age") % 45)) * 86_400_000 + (rand(i, "sec") % 86_400) * 1000;
    return { i, mergedMs, createdMs: mergedMs - ageMs, cherry };
  });
  // PR numbers follow creation order, as on GitHub.
  const numbers = new Map([...drafts].sort((a, b) => a.createdMs - b.createdMs || a.i - b.i).map((d, rank) => [d.i, startNumber + rank]));
  let cherryIndex = 0;
  return drafts.map(({ i, mergedMs, createdMs, cherry }) => {
    const number = numbers.get(i) ?? startNumber + i;
    const draft = masterDraft(i);
    const html_url = `https://github.com/${owner}/${name}/pull/${number}`;
    let title = draft.title;
    let body = prBody(i, draft, startNumber - 5000 - (rand(i, "issue") % 20_000));
    let base = "master";
    const extra: string[] = [];
    if (cherry) {
      const original = startNumber - 300 - cherryIndex * 37;
      const branch = `release-1.${minor - 1 - (cherryIndex % 3)}`;
      cherryIndex += 1;
      title = `Automated cherry pick of #${original}: ${draft.title}`;
      body = `Cherry pick of #${original} on ${branch}.\n\n#${original}: ${draft.title}\n\nFor details on the cherry pick process, see the [cherry pick requests](https://git.k8s.io/community/contributors/devel/sig-release/cherry-picks.md) page.\n\n\`\`\`release-note\n${draft.note}\n\`\`\``;
      base = branch;
      extra.push("cherry-pick-approved");
    }
    const merged_at = stamp(mergedMs);
    return {
      number,
      title,
      html_url,
      body,
      user: { login: draft.login, type: draft.botAuthor ? "Bot" : "User" },
      labels: labelsFor(i, draft, extra),
      created_at: stamp(createdMs),
      closed_at: merged_at,
      pull_request: { merged_at, html_url },
      base: { ref: base },
      files: draft.files,
    };
  });
}
