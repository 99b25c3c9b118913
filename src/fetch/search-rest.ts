import type { Logger } from "../logger.js";
import type { PullRequest } from "../types.js";
import type { FetchedRepoWeek } from "./fetch-merged.js";
import type { GitHubClient } from "./github-client.js";
import { pullRequestFromSearchItem, type SearchItem } from "./search-item.js";
import { dedupe, expectShape, halves, nextLink, PAGE_SIZE, SEARCH_RESULT_CAP, searchQuery, type Window } from "./search-window.js";

interface RestSearchPage {
  total_count: number;
  incomplete_results: boolean;
  items: SearchItem[];
}

/** GraphQL needs a token; REST search works without one, at 10 requests a minute. */
export async function fetchWithRest(
  client: GitHubClient,
  owner: string,
  name: string,
  window: Window,
  logger: Logger,
): Promise<FetchedRepoWeek> {
  const repo = `${owner}/${name}`;
  const { data: repository } = await client.octokit.request("GET /repos/{owner}/{repo}", { owner, repo: name });
  const defaultBranch = repository.default_branch;
  // REST search items carry no base branch, so ask only for the default branch's merges.
  logger.warn(`${repo}: without a token only PRs merged into ${defaultBranch} are fetched`);
  const prs: PullRequest[] = [];
  let reportedTotal = 0;
  const pending: Window[] = [window];
  while (pending.length > 0) {
    const part = pending.shift() as Window;
    const q = searchQuery(owner, name, part, ` base:${defaultBranch}`);
    let response: { data: unknown; headers: { link?: string } } = await searchPage(client, () =>
      client.octokit.request("GET /search/issues", { q, per_page: PAGE_SIZE, sort: "created", order: "asc" }),
    );
    let body = expectShape(response.data, isRestSearchPage);
    const split = body.total_count > SEARCH_RESULT_CAP ? halves(part) : null;
    if (split) {
      pending.unshift(...split);
      continue;
    }
    reportedTotal += body.total_count;
    for (let page = 1; ; page += 1) {
      if (body.incomplete_results) {
        logger.warn(`${repo}: GitHub search timed out on page ${page} twice and returned incomplete results; the draft may miss PRs`);
      }
      for (const item of body.items) {
        const pr = pullRequestFromSearchItem(item, repo);
        if (pr) prs.push({ ...pr, baseRef: defaultBranch });
      }
      logger.info(`${repo}: page ${page}, ${prs.length} of ${reportedTotal} PRs`);
      const next = nextLink(response.headers.link);
      if (!next) break;
      response = await searchPage(client, () => client.octokit.request(`GET ${next}`));
      body = expectShape(response.data, isRestSearchPage);
    }
  }
  return { repo, defaultBranch, prs: dedupe(prs), reportedTotal };
}

/** GitHub's docs: a search that timed out may return partial results; asking once more usually completes. */
async function searchPage<T extends { data: unknown }>(client: GitHubClient, request: () => Promise<T>): Promise<T> {
  const first = await request();
  const body = first.data as Partial<RestSearchPage> | undefined;
  return body?.incomplete_results === true ? request() : first;
}

function isRestSearchPage(data: unknown): data is RestSearchPage {
  const page = data as Partial<RestSearchPage> | null;
  return typeof page === "object" && page !== null && typeof page.total_count === "number" && Array.isArray(page.items);
}

