// JSON Schemas for everything read from GitHub or the cache, checked before any of it is used or
// cached: a number where GitHub sends a string must cost one PR with a warning, not the run. Only
// the fields k8s-weekly reads are described; anything else GitHub adds passes.
//
// They are data here: src/fetch/validators.ts compiles them when run from source, and the bundle
// carries the code Ajv generated from them at build time (scripts/bundle.mjs), because compiling
// them at start took about a fifth of a cold draft's CPU. Only data modules are imported, which the
// build bundles with this file.

import { KEP_MILESTONE_PATTERN, KEP_SIG_PATTERN, KEP_STAGES, KEP_STATUSES, MAX_KEP_NUMBER, MAX_KEP_TITLE_LENGTH } from "../context/keps/kep-values.js";

/** Only the first error is reported (firstProblem), so Ajv stops at it. */
export const RESPONSE_AJV_OPTIONS = { allErrors: false, strict: false } as const;

const nullable = (schema: object) => ({ anyOf: [schema, { type: "null" }] });
const str = { type: "string" };
// Past 2^53 a JSON integer is no longer exact: Octokit reads it as a BigInt, which is no integer
// to Ajv, and the bundle's plain JSON.parse as an inexact number, which this bound refuses alike.
const int = { type: "integer", maximum: Number.MAX_SAFE_INTEGER };
const capped = (maxLength: number) => ({ type: "string", maxLength });

/** A REST search item (issue-search-result-item), also the shape of --input files. */
const searchItem = {
  type: "object",
  required: ["number", "title", "html_url"],
  properties: {
    number: int,
    title: str,
    html_url: str,
    repository_url: str,
    body: nullable(str),
    user: nullable({ type: "object", required: ["login"], properties: { login: str, type: str } }),
    // GitHub's form first: Ajv builds an error for every branch that fails before one passes, and a
    // file of tens of thousands of PRs holds hundreds of thousands of labels.
    labels: { type: "array", items: { anyOf: [{ type: "object", properties: { name: str } }, str] } },
    pull_request: { type: "object", properties: { merged_at: nullable(str), html_url: str } },
    base: { type: "object", properties: { ref: str } },
    files: { type: "array", items: { $ref: "#/$defs/file" } },
  },
  $defs: { file: { type: "object", required: ["path"], properties: { path: str, additions: int, deletions: int } } },
};

/** A PullRequest node of the GraphQL search. */
const graphqlPull = {
  type: "object",
  required: ["number", "title", "url"],
  properties: {
    number: int,
    title: str,
    url: str,
    body: nullable(str),
    mergedAt: nullable(str),
    baseRefName: nullable(str),
    author: nullable({ type: "object", properties: { __typename: str, login: str } }),
    labels: nullable({ type: "object", properties: { nodes: nullable({ type: "array", items: nullable({ type: "object", required: ["name"], properties: { name: str } }) }) } }),
    files: nullable({
      type: "object",
      properties: {
        totalCount: int,
        nodes: nullable({ type: "array", items: nullable({ type: "object", required: ["path"], properties: { path: str, additions: int, deletions: int } }) }),
      },
    }),
  },
};

/** A Release node of the context query. */
const release = {
  type: "object",
  required: ["tagName", "url"],
  properties: { tagName: str, name: nullable(str), url: str, description: nullable(str), isDraft: { type: "boolean" }, isPrerelease: { type: "boolean" }, publishedAt: nullable(str) },
};

/** A tag ref of the context query (golang/go). */
const tag = {
  type: "object",
  required: ["name"],
  properties: {
    name: str,
    target: nullable({ type: "object", properties: { committedDate: str, tagger: nullable({ type: "object", properties: { date: nullable(str) } }) } }),
  },
};

const stringMap = (values: object) => ({ type: "object", additionalProperties: values });

const pullRequest = {
  type: "object",
  required: ["repo", "number", "url", "title", "author", "authorIsBot", "labels", "body", "mergedAt", "baseRef"],
  properties: {
    repo: str,
    number: int,
    url: str,
    title: str,
    author: str,
    authorIsBot: { type: "boolean" },
    labels: { type: "array", items: str },
    body: str,
    mergedAt: str,
    baseRef: nullable(str),
    files: { type: "array", items: { type: "object", required: ["path"], properties: { path: str, additions: int, deletions: int } } },
  },
};

/** A cached week, as cache.ts writes it. */
const weekFile = {
  type: "object",
  required: ["format", "apiHost", "repo", "weekEnding", "defaultBranch", "reportedTotal", "prs"],
  properties: { format: str, apiHost: str, repo: str, weekEnding: str, defaultBranch: str, reportedTotal: int, prs: { type: "array", items: pullRequest } },
};

/** The week's context (WeekContextData), as fetched and as cached. */
const contextFile = {
  type: "object",
  required: ["format", "apiHost", "requestKey", "data"],
  properties: {
    format: str,
    apiHost: str,
    requestKey: str,
    data: {
      type: "object",
      required: ["snapshots", "releases", "tags", "blobs"],
      properties: {
        snapshots: nullable({ type: "object", required: ["before", "after"], properties: { before: stringMap(nullable(str)), after: stringMap(nullable(str)) } }),
        releases: stringMap(nullable({ type: "array", items: { $ref: "#/$defs/release" } })),
        tags: stringMap(nullable({ type: "array", items: { type: "object", required: ["name", "date"], properties: { name: str, date: nullable(str) } } })),
        blobs: stringMap(nullable(str)),
        // The same bounds the fetch keeps (a week's enhancements PRs and their files, 256 KB a kep.yaml):
        // a cache file is text anyone could have written.
        enhancementPulls: nullable({
          type: "array",
          maxItems: 1000,
          items: {
            type: "object",
            required: ["number", "url", "mergedAt", "paths"],
            properties: { number: int, url: capped(300), mergedAt: nullable(capped(40)), paths: { type: "array", maxItems: 3000, items: capped(300) } },
          },
        }),
        keps: {
          type: "object",
          required: ["end", "start", "issues"],
          properties: {
            end: { ...stringMap(nullable({ $ref: "#/$defs/kepReading" })), maxProperties: 100 },
            start: { ...stringMap(nullable({ $ref: "#/$defs/kepReading" })), maxProperties: 100 },
            issues: {
              ...stringMap(
                nullable({
                  type: "object",
                  required: ["number", "title", "url", "milestone", "labels"],
                  properties: { number: int, title: capped(1000), url: capped(300), milestone: nullable(capped(100)), labels: { type: "array", maxItems: 100, items: capped(100) } },
                }),
              ),
              maxProperties: 100,
            },
          },
        },
      },
    },
  },
  $defs: {
    // A kep.yaml as readKepFile left it: the same checks again, since anyone could have written the file.
    kepReading: {
      anyOf: [
        {
          type: "object",
          required: ["ok", "facts"],
          properties: {
            ok: { const: true },
            facts: {
              type: "object",
              required: ["title", "number", "sig", "stage", "latestMilestone", "status"],
              properties: {
                title: nullable(capped(MAX_KEP_TITLE_LENGTH)),
                number: nullable({ type: "integer", minimum: 1, maximum: MAX_KEP_NUMBER }),
                sig: nullable({ type: "string", pattern: KEP_SIG_PATTERN }),
                stage: nullable({ enum: KEP_STAGES }),
                latestMilestone: nullable({ type: "string", pattern: KEP_MILESTONE_PATTERN }),
                status: nullable({ enum: KEP_STATUSES }),
              },
            },
          },
        },
        { type: "object", required: ["ok", "problem"], properties: { ok: { const: false }, problem: capped(200) } },
      ],
    },
    release: {
      type: "object",
      required: ["tagName", "name", "url", "description", "isDraft", "isPrerelease", "publishedAt"],
      properties: { tagName: str, name: nullable(str), url: str, description: nullable(str), isDraft: { type: "boolean" }, isPrerelease: { type: "boolean" }, publishedAt: nullable(str) },
    },
  },
};

/** Each schema under the name of the check that validators.ts exports for it. */
export const RESPONSE_SCHEMAS = {
  checkSearchItem: searchItem,
  checkGraphqlPull: graphqlPull,
  checkRelease: release,
  checkTag: tag,
  checkWeekFile: weekFile,
  checkContextFile: contextFile,
} as const;
