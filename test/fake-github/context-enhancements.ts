import { stamp } from "./items.js";
import type { FakeCommit, FakeIssue, FakeRepo, FakeSearchItem } from "./types.js";

/**
 * kubernetes/enhancements around one week, for KEP candidates: the default branch's history with
 * kep.yaml files (one KEP promoted during the week, one added, one touched only for its milestone,
 * one promoted after the week that a look at the week's end must not see), the merged PRs that
 * made those changes (and some that fall outside the week or touch no KEP), and tracking issues.
 * Written in the real files' shapes: kep.yaml as in keps/NNNN-kep-template/kep.yaml, PRs as
 * search items with their changed files, issues with sig/ and stage/ labels and a milestone.
 * Everything is placed relative to the window, so any week a test picks works.
 */

export interface EnhancementsWindow {
  weekFrom: string;
  weekTo: string;
}

interface KepSpec {
  number: number;
  dir: string;
  title: string;
  sig: string;
  stage: string;
  milestone: string;
  status?: string;
}

/** The KEPs and what the week does to them; the tests read their expectations from here. */
export const ENHANCEMENTS_FACTS = {
  /** alpha v1.21 before the week, beta v1.22 at its end (PR #2800). */
  promoted: { number: 2365, dir: "keps/sig-network/2365-ingressclass-namespaced-params", title: "IngressClass namespaced params", sig: "sig-network", before: "alpha", after: "beta" },
  /** Added during the week (PR #2801). */
  added: { number: 2590, dir: "keps/sig-cli/2590-kubectl-subresource", title: "Add subresource support to kubectl", sig: "sig-cli", stage: "alpha" },
  /** Only its latest-milestone moves, v1.21 → v1.22 (PR #2802). */
  retargeted: { number: 2000, dir: "keps/sig-node/2000-graceful-node-shutdown", title: "Graceful node shutdown", sig: "sig-node", stage: "beta" },
  /** alpha at the week's end; beta one day after it (PR #2810, merged after the week). */
  laterPromoted: { number: 2485, dir: "keps/sig-storage/2485-read-write-once-pod-pv-access-mode", title: "ReadWriteOncePod PersistentVolume AccessMode", sig: "sig-storage", stage: "alpha" },
  /** Linked by number only: read from its tracking issue. */
  byIssue: { number: 2185, title: "Random Pod Selection on ReplicaSet Downscale", sig: "sig-apps", stage: "beta", milestone: "v1.22" },
  /** A tracking issue whose number GitHub does not know. */
  missingIssue: 4999,
  /** Merged in the week, touching no KEP. */
  docsPull: 2803,
} as const;

export function kepYaml(spec: KepSpec): string {
  return `title: ${spec.title}
kep-number: ${spec.number}
authors:
  - "@kep-author"
owning-sig: ${spec.sig}
participating-sigs:
status: ${spec.status ?? "implementable"}
creation-date: 2021-02-10
reviewers:
  - "@reviewer"
approvers:
  - "@approver"
see-also:
replaces:

# The target maturity stage in the current dev cycle for this KEP.
stage: ${spec.stage}

# The most recent milestone for which work toward delivery of this KEP has been
# done. This can be the current (upcoming) milestone, if it is being actively
# worked on.
latest-milestone: "${spec.milestone}"

# The milestone at which this feature was, or is targeted to be, at each stage.
milestone:
  alpha: "v1.21"
  beta: "v1.22"
  stable: "v1.24"

feature-gates:
  - name: FixtureGate${spec.number}
    components:
      - kube-apiserver
disable-supported: true

metrics:
`;
}

const readme = (title: string) => `# ${title}\n\n<!-- toc -->\n- [Summary](#summary)\n<!-- /toc -->\n\n## Summary\n\nFixture text.\n`;

function kepFiles(spec: KepSpec): Record<string, string> {
  return { [`${spec.dir}/kep.yaml`]: kepYaml(spec), [`${spec.dir}/README.md`]: readme(spec.title) };
}

const { promoted, added, retargeted, laterPromoted } = ENHANCEMENTS_FACTS;

export function makeEnhancementsRepo(window: EnhancementsWindow): FakeRepo {
  const from = Date.parse(window.weekFrom);
  const to = Date.parse(window.weekTo);
  const inWeek = (fraction: number) => stamp(from + Math.round(((to - from) * fraction) / 1000) * 1000);
  const day = 86_400_000;

  const base = {
    ...kepFiles({ ...promoted, stage: promoted.before, milestone: "v1.21" }),
    ...kepFiles({ ...retargeted, milestone: "v1.21" }),
    ...kepFiles({ ...laterPromoted, milestone: "v1.22" }),
    "keps/sig-storage/README.md": "# SIG Storage KEPs\n",
    "keps/NNNN-kep-template/kep.yaml": kepYaml({ number: 0, dir: "keps/NNNN-kep-template", title: "KEP Template", sig: "sig-xxx", stage: "alpha|beta|stable", milestone: "v1.19" }),
  };
  const duringWeek = {
    ...base,
    ...kepFiles({ ...promoted, stage: promoted.after, milestone: "v1.22" }),
    ...kepFiles({ ...added, milestone: "v1.22" }),
    ...kepFiles({ ...retargeted, milestone: "v1.22" }),
  };
  const afterWeek = { ...duringWeek, ...kepFiles({ ...laterPromoted, stage: "beta", milestone: "v1.23" }) };
  const commits: FakeCommit[] = [
    { oid: "e0aa000000000000000000000000000000000001", committedDate: stamp(from - 20 * day), files: base, message: "Merge pull request #2700" },
    { oid: "e0aa000000000000000000000000000000000002", committedDate: inWeek(0.3), files: duringWeek, message: "Merge pull request #2800" },
    { oid: "e0aa000000000000000000000000000000000003", committedDate: stamp(to + day), files: afterWeek, message: "Merge pull request #2810" },
  ];

  const pull = (number: number, title: string, merged: string, paths: string[]): FakeSearchItem => ({
    number,
    title,
    html_url: `https://github.com/kubernetes/enhancements/pull/${number}`,
    body: "<!-- KEP PR -->\nOne-line PR description: fixture\n",
    user: { login: "kep-author" },
    labels: [{ name: "kind/kep" }, { name: "cncf-cla: yes" }],
    created_at: stamp(Date.parse(merged) - 5 * day),
    closed_at: merged,
    pull_request: { merged_at: merged },
    base: { ref: "master" },
    files: paths.map((path) => ({ path, additions: 4, deletions: 2 })),
  });
  const items: FakeSearchItem[] = [
    pull(2790, "KEP-2000: graceful node shutdown beta", stamp(from - 3 * day), [`${retargeted.dir}/README.md`]),
    pull(2800, "KEP-2365: graduate to beta", inWeek(0.3), [`${promoted.dir}/kep.yaml`, `${promoted.dir}/README.md`, "keps/prod-readiness/sig-network/2365.yaml"]),
    pull(2801, "KEP-2590: kubectl subresource support", inWeek(0.3), [`${added.dir}/kep.yaml`, `${added.dir}/README.md`]),
    pull(2802, "KEP-2000: target v1.22", inWeek(0.3), [`${retargeted.dir}/kep.yaml`]),
    pull(ENHANCEMENTS_FACTS.docsPull, "Fix a link in the KEP template", inWeek(0.6), ["keps/NNNN-kep-template/README.md", "README.md"]),
    pull(2810, "KEP-2485: graduate to beta", stamp(to + day), [`${laterPromoted.dir}/kep.yaml`]),
  ];

  const issue = (number: number, title: string, sig: string, stage: string, milestone: string | null): FakeIssue => ({
    number,
    title,
    body: `### Enhancement Description\n- One-line enhancement description: ${title}\n- Kubernetes Enhancement Proposal: https://git.k8s.io/enhancements/keps/${sig}/${number}\n`,
    labels: [{ name: `sig/${sig.replace(/^sig-/, "")}` }, { name: `stage/${stage}` }, { name: "tracked/yes" }],
    milestone,
  });
  const issues: FakeIssue[] = [
    issue(ENHANCEMENTS_FACTS.byIssue.number, ENHANCEMENTS_FACTS.byIssue.title, ENHANCEMENTS_FACTS.byIssue.sig, ENHANCEMENTS_FACTS.byIssue.stage, ENHANCEMENTS_FACTS.byIssue.milestone),
    issue(promoted.number, promoted.title, promoted.sig, "beta", "v1.22"),
    issue(laterPromoted.number, laterPromoted.title, laterPromoted.sig, "alpha", "v1.22"),
  ];
  return { owner: "kubernetes", name: "enhancements", items, commits, issues };
}
