import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { KepCandidate } from "../src/types.js";
import { ENHANCEMENTS_FACTS } from "./fake-github/context-enhancements.js";
import type { FakeGitHub, FakeSearchItem } from "./fake-github/server.js";
import { contextRequests, kepRequests, searchRequests, startFakeWorld } from "./helpers/fake-world.js";
import { runCli } from "./helpers/run-cli.js";

const TOKEN = "ghp_kepCandidatesToken4242";
const { promoted, added, retargeted, laterPromoted, byIssue } = ENHANCEMENTS_FACTS;

const pr = (number: number, title: string, docs: string, merged = "2021-07-01T10:00:00Z", base = "master"): FakeSearchItem => ({
  number,
  title,
  html_url: `https://github.com/kubernetes/kubernetes/pull/${number}`,
  body: `#### What type of PR is this?\n/kind feature\n#### Does this PR introduce a user-facing change?\n\`\`\`release-note\n${title}\n\`\`\`\n#### Additional documentation e.g., KEPs (Kubernetes Enhancement Proposals), usage docs, etc.:\n\`\`\`docs\n${docs}\n\`\`\`\n`,
  user: { login: "contributor" },
  labels: [{ name: "kind/feature" }, { name: "release-note" }],
  pull_request: { merged_at: merged },
  base: { ref: base },
  files: [{ path: "pkg/fixture.go", additions: 3, deletions: 1 }],
});

/** The week's k/k PRs and the KEPs they link: 2365 twice (folder link, then issue link), 2485 by folder, 2185 by number. */
const LINKING = [
  pr(900101, "Graduate IngressClassNamespacedParams to beta", `- [KEP]: https://github.com/kubernetes/enhancements/tree/master/${promoted.dir}`),
  pr(900102, "Add e2e tests for namespaced IngressClass params", `- [KEP]: https://github.com/kubernetes/enhancements/issues/${promoted.number}`),
  pr(900103, "Enforce ReadWriteOncePod in the scheduler", `- [KEP]: https://github.com/kubernetes/enhancements/blob/master/${laterPromoted.dir}/README.md#scheduler-enforcement`),
  pr(900104, "Promote LogarithmicScaleDown to beta", `- [KEP]: https://kep.k8s.io/${byIssue.number}`),
  // Neither a cherry-pick nor a PR merged after the week counts.
  pr(900105, "Cherry pick of #900101: graduate IngressClassNamespacedParams", `- [KEP]: https://github.com/kubernetes/enhancements/issues/${byIssue.number}`, "2021-07-01T10:00:00Z", "release-1.21"),
  pr(900106, "Promote a feature after the week", `- [KEP]: https://github.com/kubernetes/enhancements/issues/${byIssue.number}`, "2021-07-05T10:00:00Z"),
];

interface JsonDraft {
  kepCandidates: KepCandidate[];
  releaseSchedule: { nextDeadline: string | null; notes: string[] };
  stats: { requests: number };
  warnings: string[];
}

let server: FakeGitHub | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function run(args: string[], cache: string, token: string | null = TOKEN) {
  return runCli(["draft", "--week", "2021-07-04", "--api-url", server?.url ?? "", ...args], { ...(token ? { GH_ENTERPRISE_TOKEN: token } : {}), XDG_CACHE_HOME: cache });
}

describe("KEP of the Week candidates", () => {
  it("cost one more request cold and none warm; --offline drafts them from the cache", async () => {
    server = await startFakeWorld({ items: LINKING, validToken: TOKEN });
    const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-keps-"));
    const cold = await run(["--format", "json"], cache);
    expect(cold.code).toBe(0);
    // The search page with the context riding on it was the whole budget before KEP candidates.
    expect(searchRequests(server.requests)).toHaveLength(1);
    expect(contextRequests(server.requests)).toEqual(searchRequests(server.requests));
    expect(server.requests.length).toBe(1 + 1);
    expect(kepRequests(server.requests)).toHaveLength(1);
    expect(server.graphqlErrors).toEqual([]);
    const coldJson = JSON.parse(cold.stdout) as JsonDraft;
    expect(coldJson.stats.requests).toBe(2);

    const warm = await run(["--format", "json"], cache);
    expect(server.requests.length).toBe(2);
    expect((JSON.parse(warm.stdout) as JsonDraft).kepCandidates).toEqual(coldJson.kepCandidates);

    const offline = await run(["--format", "json", "--offline"], cache, null);
    expect(offline.code).toBe(0);
    expect(server.requests.length).toBe(2);
    expect(offline.stderr).not.toContain("the cache lacks");
    expect((JSON.parse(offline.stdout) as JsonDraft).kepCandidates).toEqual(coldJson.kepCandidates);
  });

  it("a failed KEP request is a warning; the next run asks for the KEP files alone, once", async () => {
    // Request 1 is the search with the context; the second gets a truncated answer (not retried).
    const faults = [{ endpoint: "graphql" as const, nth: 2, kind: "malformed" as const }];
    server = await startFakeWorld({ items: LINKING, validToken: TOKEN, faults });
    const cache = mkdtempSync(join(tmpdir(), "k8s-weekly-keps-"));
    const first = await run(["--format", "json"], cache);
    expect(first.code).toBe(0);
    expect(server.requests).toHaveLength(2);
    expect(first.stderr).toMatch(/warning: fetching the week's KEP files: .*; the KEP candidates lack their facts/);
    expect((JSON.parse(first.stdout) as JsonDraft).kepCandidates[0]?.reasons).toContain("its kep.yaml could not be read");
    const second = await run(["--format", "json"], cache);
    expect(server.requests.slice(2).map((request) => request.graphqlQuery?.match(/query (\w+)/)?.[1])).toEqual(["WeekKeps"]);
    const healed = (JSON.parse(second.stdout) as JsonDraft).kepCandidates;
    expect(healed[0]).toMatchObject({ number: promoted.number, stage: "beta" });
    const third = await run(["--format", "json"], cache);
    expect(server.requests).toHaveLength(3);
    expect((JSON.parse(third.stdout) as JsonDraft).kepCandidates).toEqual(healed);
  });

  it("asks for each KEP once: its kep.yaml at the week's end (and start, when the week changed it), or its tracking issue", async () => {
    server = await startFakeWorld({ items: LINKING, validToken: TOKEN });
    await run(["--format", "json"], mkdtempSync(join(tmpdir(), "k8s-weekly-keps-")));
    const [request] = kepRequests(server.requests);
    const query = request?.graphqlQuery ?? "";
    expect(request?.graphqlVariables).toEqual({ from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" });
    const paths = [...query.matchAll(/file\(path: "([^"]+)"\)/g)].map((match) => match[1]);
    expect(new Set(paths)).toEqual(
      new Set([
        `${promoted.dir}/kep.yaml`,
        `${laterPromoted.dir}/kep.yaml`,
        `${added.dir}/kep.yaml`,
        `${retargeted.dir}/kep.yaml`,
      ]),
    );
    // Read at both ends: the three KEPs kubernetes/enhancements changed in the week.
    expect(query.match(/\bs\d+: file\(/g)).toHaveLength(3);
    expect(query).toContain("start: history(first: 1, until: $from)");
    expect([...query.matchAll(/issue\(number: (\d+)\)/g)].map((match) => Number(match[1]))).toEqual([byIssue.number]);
    // The context's fields searched kubernetes/enhancements for the week's merged PRs.
    const [context] = contextRequests(server.requests);
    expect(context?.graphqlVariables?.kepSearch).toBe("repo:kubernetes/enhancements is:pr is:merged merged:2021-06-28T00:00:00Z..2021-07-04T23:59:59Z");
  });

  it("ranks by the week's PRs linking the KEP, then a stage change that week, with the facts of kep.yaml as it stood at the week's end", async () => {
    server = await startFakeWorld({ items: LINKING, validToken: TOKEN });
    const { stdout, stderr } = await run(["--format", "json"], mkdtempSync(join(tmpdir(), "k8s-weekly-keps-")));
    const { kepCandidates } = JSON.parse(stdout) as JsonDraft;
    expect(stderr).not.toContain("KEP candidates:");
    expect(kepCandidates.map((candidate) => candidate.number)).toEqual([promoted.number, laterPromoted.number, byIssue.number]);
    expect(kepCandidates[0]).toEqual({
      number: promoted.number,
      title: promoted.title,
      sig: promoted.sig,
      stage: "beta",
      latestMilestone: "v1.22",
      url: `https://github.com/kubernetes/enhancements/blob/master/${promoted.dir}/README.md`,
      linkedBy: [900101, 900102].map((number) => ({ repo: "kubernetes/kubernetes", number, url: `https://github.com/kubernetes/kubernetes/pull/${number}` })),
      changedBy: [{ repo: "kubernetes/enhancements", number: 2800, url: "https://github.com/kubernetes/enhancements/pull/2800" }],
      reasons: [
        "linked by 2 of the week's PRs: #900101, #900102",
        "stage alpha → beta this week",
        "latest milestone v1.21 → v1.22 this week",
        "kep.yaml changed in kubernetes/enhancements#2800",
      ],
    });
    // Promoted to beta a day after the week: the week's end still says alpha.
    expect(kepCandidates[1]).toMatchObject({ title: laterPromoted.title, sig: laterPromoted.sig, stage: "alpha", latestMilestone: "v1.22", reasons: ["linked by #900103"] });
    expect(kepCandidates[2]).toMatchObject({
      title: byIssue.title,
      sig: byIssue.sig,
      stage: byIssue.stage,
      latestMilestone: byIssue.milestone,
      url: `https://github.com/kubernetes/enhancements/issues/${byIssue.number}`,
      linkedBy: [expect.objectContaining({ number: 900104 })],
    });
  });

  it("a week without KEP links draws them from kubernetes/enhancements: stage changes, then added and changed kep.yaml files", async () => {
    server = await startFakeWorld({ items: [pr(900201, "Tidy up", "")], validToken: TOKEN });
    const { stdout } = await run(["--format", "json"], mkdtempSync(join(tmpdir(), "k8s-weekly-keps-")));
    const { kepCandidates } = JSON.parse(stdout) as JsonDraft;
    expect(kepCandidates.map((candidate) => candidate.number)).toEqual([promoted.number, added.number, retargeted.number]);
    expect(kepCandidates[1]?.reasons).toEqual(["kep.yaml added this week", "kep.yaml changed in kubernetes/enhancements#2801"]);
    expect(kepCandidates[2]?.reasons).toEqual(["latest milestone v1.21 → v1.22 this week", "kep.yaml changed in kubernetes/enhancements#2802"]);
    // The docs-only PR and those merged before or after the week change no candidate.
    expect(kepCandidates.flatMap((candidate) => candidate.changedBy.map((pull) => pull.number))).toEqual([2800, 2801, 2802]);
  });

  it("a tracking issue GitHub does not have leaves the KEP without facts, not the run without candidates", async () => {
    server = await startFakeWorld({ items: [pr(900301, "Add the missing thing", `- [KEP]: https://github.com/kubernetes/enhancements/issues/${ENHANCEMENTS_FACTS.missingIssue}`)], validToken: TOKEN });
    const { stdout, code } = await run(["--format", "json"], mkdtempSync(join(tmpdir(), "k8s-weekly-keps-")));
    expect(code).toBe(0);
    expect(server.graphqlErrors).toEqual([]);
    const { kepCandidates } = JSON.parse(stdout) as JsonDraft;
    expect(kepCandidates[0]).toMatchObject({
      number: ENHANCEMENTS_FACTS.missingIssue,
      title: `KEP-${ENHANCEMENTS_FACTS.missingIssue}`,
      sig: null,
      url: `https://github.com/kubernetes/enhancements/issues/${ENHANCEMENTS_FACTS.missingIssue}`,
      reasons: ["linked by #900301", "its tracking issue could not be read"],
    });
  });

  it("are an HTML comment under the KEP of the Week heading, in the Featured candidates' style", async () => {
    server = await startFakeWorld({ items: LINKING, validToken: TOKEN });
    const { stdout } = await run([], mkdtempSync(join(tmpdir(), "k8s-weekly-keps-")));
    const section = stdout.slice(stdout.indexOf("## KEP of the Week"), stdout.indexOf("<!-- k8s-weekly:begin"));
    // The note's stamp is checked by the tool-notes tests; here, what it lists.
    expect(section.replace(/\nsha=[0-9a-f]{10} -->\n/, "\n-->\n")).toBe(`## KEP of the Week

TODO(editor): a KEP worth reading this week.

<!-- k8s-weekly KEP candidates:
  KEP-${promoted.number} ${promoted.title} (https://github.com/kubernetes/enhancements/blob/master/${promoted.dir}/README.md) sig-network, beta, latest milestone v1.22: linked by 2 of the week's PRs: #900101, #900102, stage alpha → beta this week, latest milestone v1.21 → v1.22 this week, kep.yaml changed in kubernetes/enhancements#2800
  KEP-${laterPromoted.number} ${laterPromoted.title} (https://github.com/kubernetes/enhancements/blob/master/${laterPromoted.dir}/README.md) sig-storage, alpha, latest milestone v1.22: linked by #900103
  KEP-${byIssue.number} ${byIssue.title} (https://github.com/kubernetes/enhancements/issues/${byIssue.number}) sig-apps, beta, latest milestone v1.22: linked by #900104
-->

`);
    expect(stdout.match(/<!-- k8s-weekly [^\n]*candidates:/g)).toEqual(["<!-- k8s-weekly featured candidates:", "<!-- k8s-weekly KEP candidates:"]);
  });

  it("without a token there are none, and the run says why as before", async () => {
    server = await startFakeWorld({ items: LINKING, validToken: TOKEN });
    const { stdout, stderr } = await run(["--format", "json"], mkdtempSync(join(tmpdir(), "k8s-weekly-keps-")), null);
    expect((JSON.parse(stdout) as JsonDraft).kepCandidates).toEqual([]);
    expect(stderr).toContain("need a token (GraphQL)");
    expect(kepRequests(server.requests)).toEqual([]);
  });
});

describe("the Release Schedule's new lines", () => {
  it("names the week's Kubernetes release and the coming patch releases with their cherry-pick deadline", async () => {
    server = await startFakeWorld({ items: [], validToken: TOKEN, weekFrom: "2021-07-05T00:00:00Z", weekTo: "2021-07-11T23:59:59Z" });
    const result = await runCli(["draft", "--week", "2021-07-11", "--api-url", server.url, "--format", "json", "--allow-empty"], { GH_ENTERPRISE_TOKEN: TOKEN });
    const { releaseSchedule } = JSON.parse(result.stdout) as JsonDraft;
    expect(releaseSchedule.nextDeadline).toBe("Test Freeze, July 14th");
    expect(releaseSchedule.notes[0]).toBe("Kubernetes [v1.22.0-beta.1](https://github.com/kubernetes/kubernetes/releases/tag/v1.22.0-beta.1) was released Thursday, July 8");
    expect(releaseSchedule.notes).toContain("Patch releases 1.21.3, 1.20.9 and 1.19.13 are due Wednesday, July 14; their cherry-pick deadline was Saturday, July 10");
  });

  it("reads the patch schedule as it stood at the week's end, not as it stands today", async () => {
    // The fixture's sig-release history drops the July rows on July 20, as the real page did.
    server = await startFakeWorld({ items: [], validToken: TOKEN, weekFrom: "2021-07-12T00:00:00Z", weekTo: "2021-07-18T23:59:59Z" });
    const result = await runCli(["draft", "--week", "2021-07-18", "--api-url", server.url, "--format", "json", "--allow-empty"], { GH_ENTERPRISE_TOKEN: TOKEN });
    const { releaseSchedule } = JSON.parse(result.stdout) as JsonDraft;
    expect(result.stderr).not.toContain("patch release");
    expect(releaseSchedule.notes[0]).toBe(
      "Kubernetes [v1.21.3](https://github.com/kubernetes/kubernetes/releases/tag/v1.21.3), [v1.20.9](https://github.com/kubernetes/kubernetes/releases/tag/v1.20.9) and [v1.19.13](https://github.com/kubernetes/kubernetes/releases/tag/v1.19.13) were released Thursday, July 15",
    );
    const [context] = contextRequests(server.requests);
    expect(context?.graphqlQuery).toMatch(/history\(first: 1, until: \$to\) \{ nodes \{ file\(path: "releases\/patch-releases\.md"\)/);
  });
});
