import type { FakeRepo, FakeSearchItem } from "./types.js";

/** FNV-1a: stable ids and colours without storing any state. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const fullName = (repo: FakeRepo): string => `${repo.owner}/${repo.name}`;
export const repoId = (repo: FakeRepo): number => 10_000_000 + (hash32(fullName(repo).toLowerCase()) % 90_000_000);
const nodeId = (prefix: string, key: string): string =>
  `${prefix}_kwDO${Buffer.from(key).toString("base64url").slice(0, 16)}`;

const LABEL_COLORS: Array<[RegExp, string]> = [
  [/^kind\//, "c7def8"],
  [/^sig\//, "d2b48c"],
  [/^area\//, "0052cc"],
  [/^priority\//, "eb6420"],
  [/^triage\//, "8fc951"],
  [/^release-note/, "c2e0c6"],
  [/^size\//, "ee9900"],
  [/^(lgtm|approved|cncf-cla: yes)$/, "15dd18"],
];

export function labelColor(name: string): string {
  const known = LABEL_COLORS.find(([pattern]) => pattern.test(name));
  return known ? known[1] : (hash32(name) & 0xffffff).toString(16).padStart(6, "0");
}

export function labelDescription(name: string): string | null {
  const [prefix, rest] = name.split("/");
  if (!rest) return null;
  if (prefix === "kind") return `Categorizes issue or PR as related to ${rest.replace(/-/g, " ")}.`;
  if (prefix === "sig") return `Categorizes an issue or PR as relevant to SIG ${rest}.`;
  if (prefix === "area") return `Issues or PRs related to ${rest}`;
  return null;
}

export function isBotLogin(user: FakeSearchItem["user"]): boolean {
  return user?.type === "Bot" || (user?.type === undefined && (user?.login.endsWith("[bot]") ?? false));
}

export function userObject(api: string, user: FakeSearchItem["user"]): Record<string, unknown> | null {
  if (!user) return null;
  const { login } = user;
  const u = `${api}/users/${login}`;
  return {
    login,
    id: 1000 + (hash32(login) % 100_000_000),
    node_id: nodeId("U", login),
    avatar_url: `https://avatars.githubusercontent.com/u/${1000 + (hash32(login) % 100_000_000)}?v=4`,
    gravatar_id: "",
    url: u,
    html_url: `https://github.com/${login.replace(/\[bot\]$/, "")}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type: isBotLogin(user) ? "Bot" : "User",
    user_view_type: "public",
    site_admin: false,
  };
}

/** Creation, update and close times, filled in when a fixture leaves them out. */
export function itemTimes(item: FakeSearchItem): { created: string; updated: string; closed: string | null } {
  const merged = item.pull_request.merged_at;
  const closed = item.closed_at !== undefined ? item.closed_at : merged;
  const anchor = closed ?? "2021-01-01T00:00:00Z";
  const created = item.created_at ?? stamp(Date.parse(anchor) - 3 * 86_400_000);
  const updated = typeof item.updated_at === "string" ? item.updated_at : stamp(Date.parse(anchor) + 3_600_000);
  return { created, updated, closed };
}

/** GitHub timestamps carry no milliseconds. */
export const stamp = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

const pick = <T>(item: FakeSearchItem, key: string, fallback: T, guard: (v: unknown) => boolean): T =>
  guard(item[key]) ? (item[key] as T) : fallback;
const isString = (v: unknown) => typeof v === "string";

/** `components.schemas.issue-search-result-item`, in the key order GitHub sends. */
export function restSearchItem(api: string, repo: FakeRepo, item: FakeSearchItem): Record<string, unknown> {
  const repoUrl = `${api}/repos/${fullName(repo)}`;
  const issueUrl = `${repoUrl}/issues/${item.number}`;
  const htmlUrl = item.pull_request.html_url ?? item.html_url;
  const times = itemTimes(item);
  return {
    url: issueUrl,
    repository_url: repoUrl,
    labels_url: `${issueUrl}/labels{/name}`,
    comments_url: `${issueUrl}/comments`,
    events_url: `${issueUrl}/events`,
    html_url: item.html_url,
    id: 500_000_000 + (hash32(`${fullName(repo)}#${item.number}`) % 1_000_000_000),
    node_id: nodeId("PR", `${fullName(repo)}#${item.number}`),
    number: item.number,
    title: item.title,
    user: userObject(api, item.user === undefined ? { login: "ghost" } : item.user),
    labels: (item.labels ?? []).map((label) => ({
      id: 100_000_000 + (hash32(`${fullName(repo)}:${label.name}`) % 1_000_000_000),
      node_id: nodeId("LA", `${fullName(repo)}:${label.name}`),
      url: `${repoUrl}/labels/${encodeURIComponent(label.name).replace(/%2F/g, "/")}`,
      name: label.name,
      color: labelColor(label.name),
      default: false,
      description: labelDescription(label.name),
    })),
    state: times.closed === null ? "open" : "closed",
    locked: pick(item, "locked", false, (v) => typeof v === "boolean"),
    assignee: null,
    assignees: [],
    milestone: null,
    comments: pick(item, "comments", 0, (v) => typeof v === "number"),
    created_at: times.created,
    updated_at: times.updated,
    closed_at: times.closed,
    author_association: pick(item, "author_association", "MEMBER", isString),
    active_lock_reason: null,
    draft: pick(item, "draft", false, (v) => typeof v === "boolean"),
    pull_request: {
      url: `${repoUrl}/pulls/${item.number}`,
      html_url: htmlUrl,
      diff_url: `${htmlUrl}.diff`,
      patch_url: `${htmlUrl}.patch`,
      merged_at: item.pull_request.merged_at,
    },
    body: item.body ?? null,
    reactions: {
      url: `${issueUrl}/reactions`,
      total_count: 0,
      "+1": 0,
      "-1": 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
    timeline_url: `${issueUrl}/timeline`,
    performed_via_github_app: null,
    state_reason: null,
    score: 1,
  };
}

/** The few `repository` fields a client reads, for `GET /repos/{owner}/{repo}`. */
export function restRepository(api: string, repo: FakeRepo): Record<string, unknown> {
  const name = fullName(repo);
  return {
    id: repoId(repo),
    node_id: nodeId("R", name),
    name: repo.name,
    full_name: name,
    private: false,
    owner: { login: repo.owner, id: 1000 + (hash32(repo.owner) % 100_000_000), type: "Organization", site_admin: false },
    html_url: `https://github.com/${name}`,
    description: null,
    fork: false,
    url: `${api}/repos/${name}`,
    pulls_url: `${api}/repos/${name}/pulls{/number}`,
    releases_url: `${api}/repos/${name}/releases{/id}`,
    default_branch: repo.defaultBranch ?? "master",
    visibility: "public",
    archived: false,
    disabled: false,
  };
}
