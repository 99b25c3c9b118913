import { type ClassifyContext, classifyWeek } from "../../src/classify/classify.js";
import type { RuleTable } from "../../src/classify/rules.js";
import type { PullRequest } from "../../src/types.js";

export const REPO = "kubernetes/kubernetes";

export const CONTEXT: ClassifyContext = {
  week: { ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" },
  defaultBranches: { [REPO]: "master" },
};

/** A PR body in the shape of the k/k template; `note` undefined leaves the release-note block out. */
export function body(note?: string, extra = ""): string {
  const parts = ["#### What type of PR is this?", "#### What this PR does / why we need it:", extra];
  if (note !== undefined) parts.push("#### Does this PR introduce a user-facing change?", "```release-note", note, "```");
  return parts.filter((part) => part !== "").join("\n");
}

export interface PROptions {
  labels?: string[];
  note?: string;
  extra?: string;
  body?: string;
  author?: string;
  authorIsBot?: boolean;
  baseRef?: string | null;
  mergedAt?: string;
  files?: string[];
}

export function pr(number: number, title: string, options: PROptions = {}): PullRequest {
  return {
    repo: REPO,
    number,
    url: `https://github.com/${REPO}/pull/${number}`,
    title,
    author: options.author ?? "contributor",
    authorIsBot: options.authorIsBot ?? false,
    labels: options.labels ?? [],
    body: options.body ?? body(options.note, options.extra),
    mergedAt: options.mergedAt ?? "2021-07-01T12:00:00Z",
    baseRef: options.baseRef === undefined ? "master" : options.baseRef,
    ...(options.files ? { files: options.files.map((path) => ({ path })) } : {}),
  };
}

/** Classifies one PR alone and returns what the newsletter would do with it. */
export function one(input: PullRequest, rules?: RuleTable): { section: string; reason: string; line?: string; kep?: string } {
  const result = classifyWeek([input], CONTEXT, rules);
  const reported = result.reported[0];
  if (reported) {
    return { section: reported.section, reason: reported.reason, line: reported.line, ...(reported.kep ? { kep: reported.kep } : {}) };
  }
  return { section: "skipped", reason: result.skipped[0]?.reason ?? "lost" };
}

export const url = (number: number): string => `https://github.com/${REPO}/pull/${number}`;
