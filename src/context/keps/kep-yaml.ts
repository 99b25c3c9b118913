import { cleanText } from "../../markdown/escape.js";
import { readYaml, yamlMap, yamlString } from "../../parsers.js";
import type { KepFacts, KepFileReading, KepIssue } from "../../types.js";
import { KEP_SIG_PATTERN, KEP_STAGES, KEP_STATUSES, MAX_KEP_NUMBER, MAX_KEP_TITLE_LENGTH } from "./kep-values.js";
import { withoutByteOrderMark } from "../../byte-order-mark.js";

export type { KepFacts, KepFileReading };

/** kep.yaml files are 1–3 KB; anything past this is not one and is not parsed. */
export const MAX_KEP_YAML_LENGTH = 64 * 1024;
/** The front matter of a single-file KEP sits in its first lines. */
const MAX_FRONT_MATTER_LENGTH = 16 * 1024;

const SIG = new RegExp(KEP_SIG_PATTERN);
const STAGES: ReadonlySet<string> = new Set(KEP_STAGES);
const STATUSES: ReadonlySet<string> = new Set(KEP_STATUSES);
const MILESTONE = /^v?(\d{1,2})\.(\d{1,3})$/;

/**
 * The facts of a kep.yaml, or of a single-file KEP's YAML front matter (`markdown`); needs
 * `loadYaml()` to have finished. The text comes from the network: it is size-capped, parsed with
 * every scalar a string, read through Maps (a `__proto__` key is a key like any other) and each
 * field checked; wrong types read as null.
 */
export function readKepFile(text: string, markdown: boolean): KepFileReading {
  if (text.length > MAX_KEP_YAML_LENGTH) return { ok: false, problem: `larger than ${MAX_KEP_YAML_LENGTH / 1024} KB` };
  const yaml = markdown ? frontMatter(text) : text;
  if (yaml === null) return { ok: false, problem: "no YAML front matter" };
  const fields = yamlMap(readYaml(yaml));
  if (!fields) return { ok: false, problem: "not a YAML mapping" };
  const field = (name: string): string | null => yamlString(fields.get(name))?.trim() ?? null;
  return {
    ok: true,
    facts: {
      title: title(field("title")),
      number: kepNumber(field("kep-number")),
      sig: sigName(field("owning-sig")),
      stage: stage(field("stage")),
      latestMilestone: milestone(field("latest-milestone")),
      status: oneOf(field("status"), STATUSES),
    },
  };
}

/**
 * What a tracking issue says about its KEP: its title, its `sig/…` and `stage/…` labels and its
 * milestone. A label's SIG or stage counts only when the issue has exactly one.
 */
export function issueFacts(issue: KepIssue): KepFacts {
  const sigs = issue.labels.flatMap((label) => (label.startsWith("sig/") ? [sigName(`sig-${label.slice(4)}`)] : [])).filter((sig) => sig !== null);
  const stages = issue.labels.flatMap((label) => (label.startsWith("stage/") ? [stage(label.slice(6))] : [])).filter((value) => value !== null);
  return {
    title: title(issue.title.replace(/^\s*\[?KEP[- ]?\d{1,6}\]?\s*[:-]?\s*/i, "")),
    number: issue.number,
    sig: sigs.length === 1 ? (sigs[0] ?? null) : null,
    stage: stages.length === 1 ? (stages[0] ?? null) : null,
    latestMilestone: milestone(issue.milestone),
    status: null,
  };
}

function frontMatter(text: string): string | null {
  const head = withoutByteOrderMark(text.slice(0, MAX_FRONT_MATTER_LENGTH));
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(head);
  return match ? (match[1] ?? "") : null;
}

function title(value: string | null): string | null {
  const clean = value === null ? "" : cleanText(value, MAX_KEP_TITLE_LENGTH);
  return clean === "" ? null : clean;
}

function kepNumber(value: string | null): number | null {
  if (value === null || !/^\d{1,6}$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && number <= MAX_KEP_NUMBER ? number : null;
}

function sigName(value: string | null): string | null {
  const lower = value?.toLowerCase() ?? null;
  return lower !== null && SIG.test(lower) ? lower : null;
}

function stage(value: string | null): string | null {
  return oneOf(value?.toLowerCase() ?? null, STAGES);
}

function milestone(value: string | null): string | null {
  const match = value === null ? null : MILESTONE.exec(value.trim());
  return match ? `v${Number(match[1])}.${Number(match[2])}` : null;
}

function oneOf(value: string | null, allowed: ReadonlySet<string>): string | null {
  return value !== null && allowed.has(value) ? value : null;
}

/** Newer milestone first; a missing one last. */
export function compareMilestones(a: string | null, b: string | null): number {
  const parts = (value: string | null) => (value === null ? null : (MILESTONE.exec(value)?.slice(1).map(Number) ?? null));
  const left = parts(a);
  const right = parts(b);
  if (!left || !right) return left ? -1 : right ? 1 : 0;
  return (right[0] ?? 0) - (left[0] ?? 0) || (right[1] ?? 0) - (left[1] ?? 0);
}
