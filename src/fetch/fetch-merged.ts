import type { Logger } from "../logger.js";
import type { FetchedRepoWeek, Week } from "../types.js";
import type { GitHubClient } from "./github-client.js";
import { toGitHubFailure } from "./github-errors.js";
import { fetchWithGraphql, type Rider } from "./search-graphql.js";
import { fetchWithRest } from "./search-rest.js";
import { splitRepo } from "./search-window.js";

/** Every PR merged into any branch of `repo` within the week, every page, split below the cap. */
export async function fetchMergedPulls(
  client: GitHubClient,
  repo: string,
  week: Week,
  logger: Logger,
  /** Fields of another query for the first request to carry (GraphQL only). */
  rider?: Rider,
): Promise<FetchedRepoWeek> {
  const [owner, name] = splitRepo(repo);
  const window = { from: new Date(week.from), to: new Date(week.to) };
  try {
    const fetched = client.authenticated
      ? await fetchWithGraphql(client, owner, name, window, logger, rider)
      : await fetchWithRest(client, owner, name, window, logger);
    if (fetched.prs.length !== fetched.reportedTotal) {
      logger.warn(
        `${repo}: fetched ${fetched.prs.length} merged PRs but GitHub reported ${fetched.reportedTotal}; the draft may be incomplete`,
      );
    }
    return fetched;
  } catch (error) {
    throw toGitHubFailure(error, `fetching PRs merged in ${repo}`, client.tokenHint);
  }
}

