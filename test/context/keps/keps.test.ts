import { parse, validate, buildClientSchema, type IntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import {
  issueFacts,
  kepRefOfLink,
  kepRefOfPath,
  MAX_KEP_YAML_LENGTH,
  planKepRequest,
  rankKepCandidates,
  readKepFile,
  weekKeps,
  type WeekKep,
} from "../../../src/context/keps/index.js";
import { kepQuery, missingKeps, mergeKeps, parseKeps } from "../../../src/fetch/fetch-keps.js";
import type { KepData, PullRequest } from "../../../src/types.js";
import { kepYaml } from "../../fake-github/context-enhancements.js";

const WEEK = { from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" };

const pr = (number: number, body: string, extra: Partial<PullRequest> = {}): PullRequest => ({
  repo: "kubernetes/kubernetes",
  number,
  url: `https://github.com/kubernetes/kubernetes/pull/${number}`,
  title: `PR ${number}`,
  author: "someone",
  authorIsBot: false,
  labels: [],
  body,
  mergedAt: "2021-07-01T10:00:00Z",
  baseRef: "master",
  ...extra,
});

const GOOD = kepYaml({ number: 2485, dir: "keps/sig-storage/2485-rwop", title: "ReadWriteOncePod PersistentVolume AccessMode", sig: "sig-storage", stage: "alpha", milestone: "v1.22" });

describe("readKepFile", () => {
  it("reads title, number, SIG, stage, latest milestone and status of a real-shaped kep.yaml", () => {
    expect(readKepFile(GOOD, false)).toEqual({
      ok: true,
      facts: { title: "ReadWriteOncePod PersistentVolume AccessMode", number: 2485, sig: "sig-storage", stage: "alpha", latestMilestone: "v1.22", status: "implementable" },
    });
  });

  it("reads a single-file KEP's front matter", () => {
    const text = `---\ntitle: Distributed Tracing\nowning-sig: sig-instrumentation\nstatus: provisional\n---\n\n# Distributed Tracing\n\n${"prose ".repeat(5000)}`;
    expect(readKepFile(text, true)).toMatchObject({ ok: true, facts: { title: "Distributed Tracing", sig: "sig-instrumentation", status: "provisional", stage: null } });
    expect(readKepFile("# No front matter\n", true)).toEqual({ ok: false, problem: "no YAML front matter" });
  });

  it("refuses a huge file without parsing it", () => {
    const huge = `${GOOD}\n# ${"x".repeat(MAX_KEP_YAML_LENGTH)}\n`;
    const started = performance.now();
    expect(readKepFile(huge, false)).toEqual({ ok: false, problem: "larger than 64 KB" });
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("reads wrong types, template placeholders and nonsense as unknown, not as text", () => {
    const hostile = [
      "title:",
      "  nested: map",
      "kep-number: [1, 2]",
      "owning-sig: SIG Storage; DROP TABLE",
      "stage: alpha|beta|stable",
      "latest-milestone: { v: 1.22 }",
      "status: <script>",
    ].join("\n");
    expect(readKepFile(hostile, false)).toEqual({ ok: true, facts: { title: null, number: null, sig: null, stage: null, latestMilestone: null, status: null } });
    expect(readKepFile("- a list\n- not a map\n", false)).toEqual({ ok: false, problem: "not a YAML mapping" });
    expect(readKepFile("title: [unclosed\n", false)).not.toMatchObject({ facts: { title: expect.any(String) } });
    // Milestones without the v, with leading zeros, or as numbers YAML would read as 1.2.
    expect(readKepFile("latest-milestone: 1.20\nstage: Beta\n", false)).toMatchObject({ facts: { latestMilestone: "v1.20", stage: "beta" } });
  });

  it("treats __proto__, constructor and toString as keys like any other, polluting nothing", () => {
    const text = ["__proto__:", "  polluted: yes", "constructor: evil", "toString: evil", "title: Real title", "owning-sig: sig-node", "stage: beta"].join("\n");
    expect(readKepFile(text, false)).toMatchObject({ ok: true, facts: { title: "Real title", sig: "sig-node", stage: "beta" } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(readKepFile("title: x\n__proto__: { title: hijacked }\n", false)).toMatchObject({ facts: { title: "x" } });
  });

  it("survives an alias bomb and deep nesting", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 9 }, (_, i) => `${"b".repeat(i + 1)}: &${"b".repeat(i + 1)} [*${i === 0 ? "a" : "b".repeat(i)}, *${i === 0 ? "a" : "b".repeat(i)}, *${i === 0 ? "a" : "b".repeat(i)}]`), "title: Bomb"].join("\n");
    const started = performance.now();
    const reading = readKepFile(bomb, false);
    expect(performance.now() - started).toBeLessThan(500);
    if (reading.ok) expect(reading.facts.title === null || reading.facts.title === "Bomb").toBe(true);
    expect(readKepFile(`title: ${"[".repeat(5000)}`, false).ok).toBe(false);
  });

  it("cleans a title of controls and cuts it", () => {
    const reading = readKepFile(`title: "Tracing\\u202e\\u0000 in ${"very ".repeat(100)}long"\n`, false);
    expect(reading.ok && reading.facts.title?.startsWith("Tracing in very")).toBe(true);
    expect(reading.ok && Array.from(reading.facts.title ?? "").length).toBe(200);
  });
});

describe("issueFacts", () => {
  it("reads a tracking issue's labels and milestone, and only one SIG or stage", () => {
    expect(issueFacts({ number: 2185, title: "KEP-2185: Random Pod Selection", url: "https://github.com/kubernetes/enhancements/issues/2185", milestone: "v1.22", labels: ["sig/apps", "stage/beta", "tracked/yes"] })).toEqual({
      title: "Random Pod Selection",
      number: 2185,
      sig: "sig-apps",
      stage: "beta",
      latestMilestone: "v1.22",
      status: null,
    });
    expect(issueFacts({ number: 1, title: "x", url: "https://github.com/kubernetes/enhancements/issues/1", milestone: "keps-beta", labels: ["sig/apps", "sig/node", "stage/nonsense"] })).toMatchObject({ sig: null, stage: null, latestMilestone: null });
  });
});

describe("KEP references", () => {
  it("reads the canonical links of folder, issue and kep.k8s.io forms", () => {
    expect(kepRefOfLink("https://github.com/kubernetes/enhancements/tree/master/keps/sig-network/0752-endpointslices")).toEqual({
      key: "kep:752",
      number: 752,
      dir: "keps/sig-network/0752-endpointslices",
      file: null,
    });
    expect(kepRefOfLink("https://kep.k8s.io/2185")).toEqual({ key: "kep:2185", number: 2185, dir: null, file: null });
    expect(kepRefOfLink("https://github.com/kubernetes/enhancements/tree/master/keps/sig-instrumentation/0034-distributed-tracing-kep.md")).toMatchObject({ number: null, file: "keps/sig-instrumentation/0034-distributed-tracing-kep.md" });
    expect(kepRefOfLink("https://github.com/kubernetes/enhancements/issues/0")).toBeNull();
    expect(kepRefOfLink("https://github.com/kubernetes/enhancements/tree/master/keps/sig-x/12-a/../../etc")).toBeNull();
    expect(kepRefOfPath("keps/sig-network/2365-ingressclass-namespaced-params/kep.yaml")).toMatchObject({ number: 2365 });
    expect(kepRefOfPath("keps/prod-readiness/sig-network/2365.yaml")).toBeNull();
    expect(kepRefOfPath("keps/NNNN-kep-template/kep.yaml")).toBeNull();
  });

  it("counts each PR once per KEP, joins a number link with a folder link, and leaves out other branches and other weeks", () => {
    const keps = weekKeps(
      [
        pr(1, "https://github.com/kubernetes/enhancements/issues/2365 and https://github.com/kubernetes/enhancements/tree/master/keps/sig-network/2365-ingressclass-namespaced-params"),
        pr(2, "KEP: https://kep.k8s.io/2365 https://kep.k8s.io/2365"),
        pr(3, "https://kep.k8s.io/2365", { baseRef: "release-1.21" }),
        pr(4, "https://kep.k8s.io/2365", { mergedAt: "2021-07-05T00:00:00Z" }),
        pr(1, "https://kep.k8s.io/2365"),
      ],
      { "kubernetes/kubernetes": "master" },
      WEEK,
      [{ number: 10, url: "https://github.com/kubernetes/enhancements/pull/10", mergedAt: "2021-07-02T00:00:00Z", paths: ["keps/sig-network/2365-ingressclass-namespaced-params/kep.yaml", "keps/sig-network/2365-ingressclass-namespaced-params/README.md"] }],
    );
    expect(keps).toHaveLength(1);
    expect(keps[0]?.ref.dir).toBe("keps/sig-network/2365-ingressclass-namespaced-params");
    expect(keps[0]?.linkedBy.map((entry) => entry.number)).toEqual([1, 2]);
    expect(keps[0]?.changedBy.map((entry) => entry.number)).toEqual([10]);
  });

  it("plans at most 30 KEPs, the most linked first, and nothing for none", () => {
    const many: WeekKep[] = Array.from({ length: 40 }, (_, index) => ({
      ref: { key: `kep:${index + 1}`, number: index + 1, dir: index % 2 === 0 ? `keps/sig-node/${index + 1}-k` : null, file: null },
      linkedBy: Array.from({ length: index % 5 }, (_unused, n) => pr(n + 1, "")),
      changedBy: [],
    }));
    const request = planKepRequest(many);
    expect((request?.paths.length ?? 0) + (request?.issues.length ?? 0)).toBe(30);
    expect(request?.startPaths).toEqual([]);
    expect(planKepRequest([])).toBeNull();
  });
});

describe("rankKepCandidates with hostile files", () => {
  const kep = (number: number, links: number): WeekKep => ({
    ref: { key: `kep:${number}`, number, dir: `keps/sig-node/${number}-k`, file: null },
    linkedBy: Array.from({ length: links }, (_, n) => pr(100 + n, "")),
    changedBy: [],
  });

  it("keeps a KEP whose kep.yaml is huge or not YAML, without facts, and says so once", () => {
    const data: KepData = {
      end: {
        "keps/sig-node/1-k/kep.yaml": readKepFile("x".repeat(MAX_KEP_YAML_LENGTH + 1), false),
        "keps/sig-node/2-k/kep.yaml": readKepFile("- [\n", false),
        "keps/sig-node/3-k/kep.yaml": readKepFile(GOOD, false),
      },
      start: {},
      issues: {},
    };
    const { candidates, problems } = rankKepCandidates([kep(1, 1), kep(2, 1), kep(3, 1)], data);
    expect(candidates.map((candidate) => candidate.number)).toEqual([3, 2, 1]);
    expect(candidates[2]).toMatchObject({ title: "KEP-1", sig: null, url: "https://github.com/kubernetes/enhancements/issues/1", reasons: ["linked by #100", "its kep.yaml could not be read"] });
    expect([...problems].sort()).toEqual([
      "kubernetes/enhancements keps/sig-node/1-k/kep.yaml: larger than 64 KB, its facts left out",
      "kubernetes/enhancements keps/sig-node/2-k/kep.yaml: not a YAML mapping, its facts left out",
    ]);
  });

  it("ranks by links first and is the same for the same input in any order", () => {
    const data: KepData = { end: {}, start: {}, issues: {} };
    const keps = [kep(5, 1), kep(6, 3), kep(7, 1), kep(8, 2)];
    const forward = rankKepCandidates(keps, data).candidates.map((candidate) => candidate.number);
    expect(forward).toEqual([6, 8, 7]);
    expect(rankKepCandidates([...keps].reverse(), data).candidates.map((candidate) => candidate.number)).toEqual(forward);
  });
});

describe("the KEP request", () => {
  const request = { repo: "kubernetes/enhancements", paths: ["keps/sig-a/1-a/kep.yaml", "keps/sig-b/2-b/kep.yaml"], startPaths: ["keps/sig-b/2-b/kep.yaml"], issues: [2185] };

  it("is a query GitHub's published schema accepts", async () => {
    const { schema } = await import("@octokit/graphql-schema");
    const github = buildClientSchema(schema.json as unknown as IntrospectionQuery);
    for (const variant of [request, { ...request, startPaths: [] }, { ...request, paths: [], startPaths: [] }, { ...request, issues: [] }]) {
      expect(validate(github, parse(kepQuery(variant))).map((error) => error.message)).toEqual([]);
    }
  });

  it("refuses a path or repository that could break out of the query", () => {
    expect(() => kepQuery({ ...request, paths: ['keps/x") { evil }'] })).toThrow(/unsafe path/);
    expect(() => kepQuery({ ...request, repo: "kubernetes/en hancements" })).toThrow();
  });

  it("reads files into their facts and issues, drops what is not a tracking issue page, and knows what is still missing", () => {
    const data = parseKeps(request, {
      defaultBranchRef: {
        target: {
          end: { nodes: [{ f0: { object: { text: GOOD, isTruncated: false } }, f1: { object: { text: "cut", isTruncated: true } } }] },
          start: { nodes: [{ s0: null }] },
        },
      },
      i0: { number: 2185, title: "Random", url: "https://evil.example/kubernetes/enhancements/issues/2185", milestone: null, labels: { nodes: [] } },
    });
    const facts = { title: "ReadWriteOncePod PersistentVolume AccessMode", number: 2485, sig: "sig-storage", stage: "alpha", latestMilestone: "v1.22", status: "implementable" };
    expect(data).toEqual({ end: { "keps/sig-a/1-a/kep.yaml": { ok: true, facts }, "keps/sig-b/2-b/kep.yaml": null }, start: { "keps/sig-b/2-b/kep.yaml": null }, issues: { "2185": null } });
    expect(missingKeps(request, data)).toBeNull();
    expect(missingKeps({ ...request, issues: [2185, 7] }, data)).toEqual({ repo: "kubernetes/enhancements", paths: [], startPaths: [], issues: [7] });
    expect(mergeKeps(data, { end: {}, start: {}, issues: { "7": null } }).issues).toEqual({ "2185": null, "7": null });
  });
});
