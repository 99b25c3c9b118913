import type { Logger } from "../logger.js";
import type { FetchedRepoWeek } from "../types.js";
import type { GitHubClient } from "./github-client.js";
import { firstProblem, isPageOn, PULL_PATH } from "./schemas.js";
import { checkSearchItem } from "./validators.js";
import { pullRequestFromSearchItem, type SearchItem } from "./search-item.js";
import { expectShape, nextLink, PAGE_SIZE, type PageAsk, type PageSource, searchQuery, searchWindow, type SearchPage, type Window } from "./search-window.js";

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
  const page = async (ask: PageAsk): Promise<SearchPage> => {
    const response = await searchPage(() =>
      ask.after
        ? client.octokit.request(`GET ${ask.after}`)
        : client.octokit.request("GET /search/issues", {
            q: searchQuery(owner, name, ask.part, ` base:${defaultBranch}`),
            per_page: PAGE_SIZE,
            sort: "created",
            order: "asc",
          }),
    );
    const body = expectShape(response.data, isRestSearchPage);
    if (body.incomplete_results) {
      logger.warn(`${repo}: a GitHub search page timed out twice and returned incomplete results; the draft may miss PRs`);
    }
    return {
      total: body.total_count,
      prs: body.items.flatMap((item) => {
        const name = `${repo}#${typeof (item as { number?: unknown }).number === "number" ? item.number : "?"}`;
        if (!checkSearchItem(item)) {
          logger.warn(`${name}: skipped, GitHub sent it malformed (${firstProblem(checkSearchItem)})`);
          return [];
        }
        if (!isPageOn(item.html_url, client.webHost, PULL_PATH)) {
          logger.warn(`${name}: skipped, its html_url ${JSON.stringify(item.html_url.slice(0, 100))} is not a pull request page on ${client.webHost}`);
          return [];
        }
        const pr = pullRequestFromSearchItem(item, repo);
        return pr ? [{ ...pr, baseRef: defaultBranch }] : [];
      }),
      next: nextLink(response.headers.link),
    };
  };
  // Link headers follow one search at a time: one page a request.
  const source: PageSource = { batch: 1, next: "next page URL", fetch: async ([ask]) => (ask ? [await page(ask)] : []) };
  const { prs, reportedTotal, complete } = await searchWindow(repo, window, source, logger);
  return { repo, defaultBranch, prs, reportedTotal, complete };
}

/** GitHub's docs: a search that timed out may return partial results; asking once more usually completes. */
async function searchPage<T extends { data: unknown }>(request: () => Promise<T>): Promise<T> {
  const first = await request();
  const body = first.data as Partial<RestSearchPage> | undefined;
  return body?.incomplete_results === true ? request() : first;
}

function isRestSearchPage(data: unknown): data is RestSearchPage {
  const page = data as Partial<RestSearchPage> | null;
  return typeof page === "object" && page !== null && typeof page.total_count === "number" && Array.isArray(page.items);
}

