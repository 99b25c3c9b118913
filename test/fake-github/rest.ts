import { orderedReleases, restRelease } from "./git-data.js";
import { repoId, restRepository, restSearchItem } from "./items.js";
import { runSearch } from "./search-query.js";
import { jsonReply, type FakeRepo, type Reply } from "./types.js";

const SEARCH_DOCS = "https://docs.github.com/v3/search/";
const RESULT_CAP = 1000;

export interface SearchContext {
  repos: FakeRepo[];
  /** Scheme and host the client used, so Link urls lead back to this server. */
  origin: string;
  searchTypeBeforeItems: boolean;
  incomplete: boolean;
}

const validationFailed = (message: string): Reply =>
  jsonReply(422, {
    message: "Validation Failed",
    errors: [{ message, resource: "Search", field: "q", code: "invalid" }],
    documentation_url: SEARCH_DOCS,
  });

function positiveInt(value: string | null, fallback: number): number {
  const parsed = value === null ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(parsed) && parsed >= 1 ? parsed : fallback;
}

/** GitHub's order: prev, next, last, first; absolute urls keeping every parameter but `page`. */
function linkHeader(origin: string, path: string, params: URLSearchParams, page: number, lastPage: number): string | undefined {
  if (lastPage <= 1 && page <= 1) return undefined;
  const at = (n: number) => {
    const copy = new URLSearchParams(params);
    copy.set("page", String(n));
    return `<${origin}${path}?${copy.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${at(Math.min(page - 1, Math.max(lastPage, 1)))}; rel="prev"`);
  if (page < lastPage) links.push(`${at(page + 1)}; rel="next"`, `${at(lastPage)}; rel="last"`);
  if (page > 1) links.push(`${at(1)}; rel="first"`);
  return links.join(", ");
}

export function searchIssues(context: SearchContext, url: URL): Reply {
  const q = url.searchParams.get("q");
  if (q === null || q.trim() === "") {
    return jsonReply(422, {
      message: "Validation Failed",
      errors: [{ resource: "Search", field: "q", code: "missing" }],
      documentation_url: SEARCH_DOCS,
    });
  }
  const sortParam = url.searchParams.get("sort");
  const sortField = sortParam === "created" || sortParam === "updated" || sortParam === "comments" ? sortParam : undefined;
  const order = url.searchParams.get("order") === "asc" ? "asc" : "desc";
  const outcome = runSearch(context.repos, q, sortField ? { field: sortField, order } : undefined);
  if (!outcome.ok) return validationFailed(outcome.message);

  const perPage = Math.min(100, positiveInt(url.searchParams.get("per_page"), 30));
  const page = positiveInt(url.searchParams.get("page"), 1);
  const offset = (page - 1) * perPage;
  if (offset >= RESULT_CAP) {
    return jsonReply(422, { message: "Only the first 1000 search results are available", documentation_url: SEARCH_DOCS });
  }
  const reachable = Math.min(outcome.hits.length, RESULT_CAP);
  const items = outcome.hits
    .slice(offset, Math.min(offset + perPage, reachable))
    .map((hit) => restSearchItem(context.origin, hit.repo, hit.item));
  const head = { total_count: outcome.hits.length, incomplete_results: context.incomplete };
  // Octokit's paginate crashes when search_type precedes items; GitHub's own example orders it so.
  const body = context.searchTypeBeforeItems
    ? { ...head, search_type: "lexical", items }
    : { ...head, items, search_type: "lexical" };
  const link = linkHeader(context.origin, url.pathname, url.searchParams, page, Math.ceil(reachable / perPage));
  return jsonReply(200, body, link ? { link } : undefined);
}

export function getRepository(repos: FakeRepo[], origin: string, owner: string, name: string): Reply {
  const repo = repos.find((candidate) => `${candidate.owner}/${candidate.name}`.toLowerCase() === `${owner}/${name}`.toLowerCase());
  if (!repo) {
    return jsonReply(404, {
      message: "Not Found",
      documentation_url: "https://docs.github.com/rest/repos/repos#get-a-repository",
      status: "404",
    });
  }
  return jsonReply(200, restRepository(origin, repo));
}

const findRepo = (repos: FakeRepo[], owner: string, name: string): FakeRepo | undefined =>
  repos.find((candidate) => `${candidate.owner}/${candidate.name}`.toLowerCase() === `${owner}/${name}`.toLowerCase());

export type RepoLocator = { owner: string; name: string } | { id: number };

export interface ReleasesContext {
  repos: FakeRepo[];
  origin: string;
  /** Anonymous callers never have push access, so GitHub hides drafts from them. */
  authed: boolean;
}

/**
 * `GET /repos/{owner}/{repo}/releases`, newest created first. Like GitHub, the Link header
 * names the repository by id (`/repositories/{id}/releases`), which this server also answers.
 */
export function listReleases(context: ReleasesContext, url: URL, locator: RepoLocator): Reply {
  const repo = "id" in locator
    ? context.repos.find((candidate) => repoId(candidate) === locator.id)
    : findRepo(context.repos, locator.owner, locator.name);
  if (!repo) {
    return jsonReply(404, {
      message: "Not Found",
      documentation_url: "https://docs.github.com/rest/releases/releases#list-releases",
      status: "404",
    });
  }
  const visible = orderedReleases(repo, "CREATED_AT", "DESC").filter((release) => context.authed || release.isDraft !== true);
  const perPage = Math.min(100, positiveInt(url.searchParams.get("per_page"), 30));
  const page = positiveInt(url.searchParams.get("page"), 1);
  const items = visible.slice((page - 1) * perPage, page * perPage).map((release) => restRelease(context.origin, repo, release));
  const link = linkHeader(context.origin, `/repositories/${repoId(repo)}/releases`, url.searchParams, page, Math.ceil(visible.length / perPage));
  return jsonReply(200, items, link ? { link } : undefined);
}
