import type { FakeRepo, FakeSearchItem } from "./types.js";

/** Inclusive bounds in epoch milliseconds. */
interface Range {
  field: "merged_at" | "created_at" | "closed_at" | "updated_at";
  from: number;
  to: number;
}

export interface SearchQuery {
  repos: string[];
  owners: string[];
  onlyIssues: boolean;
  merged?: boolean;
  state?: "open" | "closed";
  draft?: boolean;
  noLabel: boolean;
  ranges: Range[];
  base: string[];
  notBase: string[];
  /** Each inner list is one `label:a,b` qualifier: any of them (OR); qualifiers AND together. */
  labels: string[][];
  notLabels: string[];
  authors: string[];
  notAuthors: string[];
  terms: string[];
  sort?: { field: string; order: "asc" | "desc" };
}

export type ParsedQuery = { ok: true; query: SearchQuery } | { ok: false; message: string };

export interface SearchHit {
  repo: FakeRepo;
  item: FakeSearchItem;
}

export type SearchOutcome = { ok: true; hits: SearchHit[] } | { ok: false; unknownRepo: boolean; message: string };

const DAY_MS = 86_400_000;
const DATE_FIELDS: Record<string, Range["field"]> = {
  merged: "merged_at",
  created: "created_at",
  closed: "closed_at",
  updated: "updated_at",
};

/** Splits on whitespace, keeping `label:"a b"` together and dropping the quotes. */
function tokenize(q: string): string[] {
  const tokens: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of q) {
    if (ch === '"') quoted = !quoted;
    else if (/\s/.test(ch) && !quoted) {
      if (current) tokens.push(current);
      current = "";
    } else current += ch;
  }
  if (current) tokens.push(current);
  return tokens;
}

/** A date or timestamp as the span of instants it names (a date-only value is a whole UTC day). */
function parseBound(text: string): { start: number; end: number } | null {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) {
    const start = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    return { start, end: start + DAY_MS - 1 };
  }
  const stamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!stamp) return null;
  // GitHub reads a timestamp without an offset as UTC.
  const ms = Date.parse(stamp[2] ? text : `${text}Z`);
  if (Number.isNaN(ms)) return null;
  // Timestamps have second precision, so `..T23:59:59Z` covers the whole last second.
  return { start: ms, end: ms + (stamp[1] ? 999 : 59_999) };
}

function parseRange(field: Range["field"], value: string): Range | null {
  const cmp = /^(>=|<=|>|<)(.+)$/.exec(value);
  if (cmp) {
    const bound = parseBound(cmp[2] ?? "");
    if (!bound) return null;
    switch (cmp[1]) {
      case ">=":
        return { field, from: bound.start, to: Infinity };
      case ">":
        return { field, from: bound.end + 1, to: Infinity };
      case "<=":
        return { field, from: -Infinity, to: bound.end };
      default:
        return { field, from: -Infinity, to: bound.start - 1 };
    }
  }
  const parts = value.split("..");
  if (parts.length === 1) {
    const bound = parseBound(value);
    return bound ? { field, from: bound.start, to: bound.end } : null;
  }
  const [lo = "", hi = ""] = parts;
  if (parts.length !== 2 || (lo === "*" && hi === "*")) return null;
  const from = lo === "*" ? { start: -Infinity } : parseBound(lo);
  const to = hi === "*" ? { end: Infinity } : parseBound(hi);
  return from && to ? { field, from: from.start, to: to.end } : null;
}

const invalid = (message: string): ParsedQuery => ({ ok: false, message });

export function parseSearchQuery(q: string): ParsedQuery {
  const query: SearchQuery = {
    repos: [], owners: [], onlyIssues: false, noLabel: false, ranges: [], base: [], notBase: [],
    labels: [], notLabels: [], authors: [], notAuthors: [], terms: [],
  };
  for (const token of tokenize(q)) {
    const qualifier = /^(-?)([a-z][a-z-]*):(.*)$/i.exec(token);
    if (!qualifier) {
      // Octokit leaves `+` unencoded, so `T00:00:00+00:00` arrives split at a space; real GitHub
      // would silently search for the orphaned text. Failing loudly makes the bug visible.
      if (/^\d{2}:\d{2}(\.\.|$)/.test(token)) {
        return invalid(`"${token}" looks like a UTC offset whose "+" was not percent-encoded; use Z timestamps`);
      }
      if (token === "AND") continue;
      if (token === "OR" || token === "NOT" || token.startsWith("(")) {
        return invalid(`The fake GitHub server does not support boolean operators ("${token}")`);
      }
      query.terms.push(token.toLowerCase());
      continue;
    }
    const negated = qualifier[1] === "-";
    const key = (qualifier[2] ?? "").toLowerCase();
    const value = qualifier[3] ?? "";
    const lower = value.toLowerCase();
    const dateField = DATE_FIELDS[key];
    if (dateField && !negated) {
      const range = parseRange(dateField, value);
      if (!range) return invalid(`The ${key} qualifier has an invalid date: "${value}"`);
      query.ranges.push(range);
    } else if (key === "repo" && !negated && /^[^/]+\/[^/]+$/.test(value)) query.repos.push(lower);
    else if ((key === "org" || key === "user") && !negated && value) query.owners.push(lower);
    else if ((key === "is" || key === "type") && !negated && (lower === "pr" || lower === "pull-request")) continue;
    else if ((key === "is" || key === "type") && !negated && lower === "issue") query.onlyIssues = true;
    else if (key === "is" && !negated && (lower === "merged" || lower === "unmerged")) query.merged = lower === "merged";
    else if ((key === "is" || key === "state") && !negated && (lower === "open" || lower === "closed")) query.state = lower;
    else if (key === "draft" && !negated && (lower === "true" || lower === "false")) query.draft = lower === "true";
    else if (key === "no" && !negated && lower === "label") query.noLabel = true;
    else if (key === "base" && value) (negated ? query.notBase : query.base).push(lower);
    else if (key === "label" && value) {
      if (negated) query.notLabels.push(...lower.split(","));
      else query.labels.push(lower.split(","));
    } else if (key === "author" && value) (negated ? query.notAuthors : query.authors).push(lower);
    else if (key === "sort" && !negated && /^(created|updated|comments)(-(asc|desc))?$/.test(lower)) {
      const [field = "", order] = lower.split("-");
      query.sort = { field, order: order === "asc" ? "asc" : "desc" };
    } else {
      return invalid(`The fake GitHub server does not support the qualifier "${token}"`);
    }
  }
  return { ok: true, query };
}

const time = (value: unknown): number => (typeof value === "string" ? Date.parse(value) : NaN);

export function fieldTime(item: FakeSearchItem, field: Range["field"]): number {
  if (field === "merged_at") return time(item.pull_request.merged_at);
  if (field === "created_at") return time(item.created_at ?? item.pull_request.merged_at);
  if (field === "closed_at") return time(item.closed_at ?? item.pull_request.merged_at);
  return time(item.updated_at ?? item.closed_at ?? item.pull_request.merged_at);
}

export function baseRef(repo: FakeRepo, item: FakeSearchItem): string {
  return item.base?.ref ?? repo.defaultBranch ?? "master";
}

/** `app/NAME` is how search names a GitHub App's bot account `NAME[bot]`. */
function authorMatches(login: string, wanted: string): boolean {
  return login === wanted || (wanted.startsWith("app/") && login === `${wanted.slice(4)}[bot]`);
}

function matches(query: SearchQuery, repo: FakeRepo, item: FakeSearchItem): boolean {
  const fullName = `${repo.owner}/${repo.name}`.toLowerCase();
  const labels = (item.labels ?? []).map((label) => label.name.toLowerCase());
  const login = item.user?.login.toLowerCase() ?? "ghost";
  const base = baseRef(repo, item).toLowerCase();
  const merged = item.pull_request.merged_at !== null;
  const closed = merged || typeof item.closed_at === "string";
  const text = `${item.title}\n${item.body ?? ""}`.toLowerCase();
  return (
    !query.onlyIssues &&
    query.repos.every((name) => name === fullName) &&
    query.owners.every((owner) => owner === repo.owner.toLowerCase()) &&
    (query.merged === undefined || query.merged === merged) &&
    (query.state === undefined || (query.state === "closed") === closed) &&
    (query.draft === undefined || query.draft === (item.draft === true)) &&
    (!query.noLabel || labels.length === 0) &&
    query.ranges.every((range) => {
      const at = fieldTime(item, range.field);
      return !Number.isNaN(at) && at >= range.from && at <= range.to;
    }) &&
    query.base.every((ref) => ref === base) &&
    query.notBase.every((ref) => ref !== base) &&
    query.labels.every((anyOf) => anyOf.some((name) => labels.includes(name))) &&
    query.notLabels.every((name) => !labels.includes(name)) &&
    query.authors.every((author) => authorMatches(login, author)) &&
    query.notAuthors.every((author) => !authorMatches(login, author)) &&
    query.terms.every((term) => text.includes(term))
  );
}

/** Best match has no stable meaning in a fake, so unsorted results come newest number first. */
function compare(sort: SearchQuery["sort"]): (a: SearchHit, b: SearchHit) => number {
  const byNumber = (a: SearchHit, b: SearchHit) => b.item.number - a.item.number;
  if (!sort || sort.field === "comments") return byNumber;
  const field = sort.field === "updated" ? "updated_at" : "created_at";
  const sign = sort.order === "asc" ? 1 : -1;
  return (a, b) => sign * (fieldTime(a.item, field) - fieldTime(b.item, field) || a.item.number - b.item.number);
}

export const UNSEARCHABLE_MESSAGE =
  "The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.";

export function runSearch(repos: FakeRepo[], q: string, sort?: SearchQuery["sort"]): SearchOutcome {
  const parsed = parseSearchQuery(q);
  if (!parsed.ok) return { ok: false, unknownRepo: false, message: parsed.message };
  const { query } = parsed;
  const known = (name: string) => repos.some((repo) => `${repo.owner}/${repo.name}`.toLowerCase() === name);
  const knownOwner = (owner: string) => repos.some((repo) => repo.owner.toLowerCase() === owner);
  if (!query.repos.every(known) || !query.owners.every(knownOwner)) {
    return { ok: false, unknownRepo: true, message: UNSEARCHABLE_MESSAGE };
  }
  const hits = repos.flatMap((repo) =>
    repo.items.filter((item) => matches(query, repo, item)).map((item) => ({ repo, item })),
  );
  return { ok: true, hits: hits.sort(compare(query.sort ?? sort)) };
}
