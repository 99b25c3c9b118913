import type { Logger } from "../logger.js";
import type { FetchedRepoWeek, PullRequest } from "../types.js";
import type { GitHubClient } from "./github-client.js";
import { firstProblem, isPageOn, PULL_PATH } from "./schemas.js";
import { checkGraphqlPull } from "./validators.js";
import { firstLine } from "./github-errors.js";
import { aliasesOf, errorsUnder, type FieldError, graphqlDocument, type GraphqlFields, GraphqlFieldErrors, queryPartial } from "./graphql-document.js";
import { expectShape, type PageAsk, PAGE_SIZE, searchQuery, searchWindow, type SearchPage, type Window } from "./search-window.js";

const PULL_FRAGMENT = `fragment MergedPull on PullRequest {
  number title url body mergedAt baseRefName
  author { __typename login }
  labels(first: 50) { nodes { name } }
  files(first: 100) { totalCount nodes { path additions deletions } }
}`;

/**
 * Search pages one request asks for. Two halves of a week of up to 200 PRs arrive in one request;
 * each page of 100 PRs with their labels and files is about 15,000 of the 500,000 nodes GitHub
 * allows a query, but more pages would make one answer slow enough to risk GitHub's 10 s timeout.
 */
const PAGES_PER_REQUEST = 2;

interface GraphqlPullNode {
  number?: number;
  title?: string;
  url?: string;
  body?: string;
  mergedAt?: string | null;
  baseRefName?: string;
  author?: { __typename?: string; login?: string } | null;
  labels?: { nodes?: Array<{ name?: string } | null> | null } | null;
  files?: { totalCount?: number; nodes?: Array<{ path: string; additions?: number; deletions?: number } | null> | null } | null;
}

interface SearchConnection {
  issueCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Array<GraphqlPullNode | null>;
}

/**
 * Fields of another query sent along with the first request of a search, so that they cost no
 * request of their own. `receive` gets that answer's data and the errors under the rider's fields;
 * it is not called when the request fails, nor when GitHub refuses the combined document (the
 * search then goes on alone, and the rider's owner must ask for its fields itself).
 */
export interface Rider extends GraphqlFields {
  receive(data: Readonly<Record<string, unknown>>, errors: readonly FieldError[]): void;
}

/** With a token: GraphQL search, 100 PRs a page and two pages a request, with base branch and files. */
export async function fetchWithGraphql(
  client: GitHubClient,
  owner: string,
  name: string,
  window: Window,
  logger: Logger,
  rider?: Rider,
): Promise<FetchedRepoWeek> {
  const repo = `${owner}/${name}`;
  let defaultBranch: string | null = null;
  let riding = rider;
  const fetch = async (asks: readonly PageAsk[]): Promise<SearchPage[]> => {
    const search = searchFields(owner, name, asks, defaultBranch === null);
    const own = aliasesOf(search.fields);
    let answer: Awaited<ReturnType<typeof queryPartial>>;
    const alone = riding === undefined;
    try {
      const { query, variables } = graphqlDocument(riding ? [search, riding] : [search]);
      answer = await queryPartial(client, query, variables);
    } catch (error) {
      if (alone || !refusedDocument(error)) throw error;
      // A document GitHub will not run at all may be the rider's fault: the PRs must not fail for it.
      logger.info(`${repo}: GitHub refused the search with the ${riding?.name ?? ""} fields in one query (${firstLine((error as { errors?: FieldError[] }).errors?.[0]?.message)}); asking for the PRs alone`);
      riding = undefined;
      return fetch(asks);
    }
    const searchErrors = errorsUnder(answer.errors, own);
    if (searchErrors.length > 0) throw new GraphqlFieldErrors(searchErrors);
    const data = answer.data;
    const connections = asks.map((_, index) => expectShape(data[`pulls${index}`], isSearchConnection));
    if (riding) {
      const passenger = riding;
      riding = undefined;
      passenger.receive(data, errorsUnder(answer.errors, aliasesOf(passenger.fields)));
    }
    const branch = (data.home as { defaultBranchRef?: { name?: unknown } | null } | null | undefined)?.defaultBranchRef?.name;
    defaultBranch ??= typeof branch === "string" ? branch : "master";
    return connections.map((connection) => ({
      total: connection.issueCount,
      prs: connection.nodes.flatMap((node) => {
        const pr = node ? checkedPull(node, repo, client.webHost, logger) : null;
        return pr ? [pr] : [];
      }),
      next: connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? connection.pageInfo.endCursor : null,
    }));
  };
  const { prs, reportedTotal, complete } = await searchWindow(repo, window, { batch: PAGES_PER_REQUEST, next: "search cursor", fetch }, logger);
  return { repo, defaultBranch: defaultBranch ?? "master", prs, reportedTotal, complete };
}

/** The search pages asked for as `pulls0`, `pulls1`…, and the repository's default branch (`home`) on the first request. */
function searchFields(owner: string, name: string, asks: readonly PageAsk[], withHome: boolean): GraphqlFields {
  const fields: string[] = [];
  const variables: Record<string, { type: string; value: unknown }> = {};
  if (withHome) {
    fields.push("home: repository(owner: $owner, name: $name) { defaultBranchRef { name } }");
    variables.owner = { type: "String!", value: owner };
    variables.name = { type: "String!", value: name };
  }
  asks.forEach((ask, index) => {
    fields.push(`pulls${index}: search(query: $q${index}, type: ISSUE, first: ${PAGE_SIZE}, after: $c${index}) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes { ...MergedPull }
  }`);
    variables[`q${index}`] = { type: "String!", value: searchQuery(owner, name, ask.part) };
    variables[`c${index}`] = { type: "String", value: ask.after };
  });
  return { name: "MergedPulls", fields, variables, fragments: [PULL_FRAGMENT] };
}

/** GitHub ran nothing of the document (it answered errors without data), and not for a rate limit, which asking again would only prolong. */
function refusedDocument(error: unknown): boolean {
  const answer = error as { data?: unknown; errors?: unknown };
  if (!Array.isArray(answer.errors) || (answer.data !== undefined && answer.data !== null)) return false;
  return !(answer.errors as Array<FieldError | null>).some((entry) => entry?.type === "RATE_LIMITED" || /rate limit/i.test(entry?.message ?? ""));
}

/** Nodes that are not merged PRs (issues have no fields here) are left out quietly; malformed PRs with a warning. */
function checkedPull(node: object, repo: string, webHost: string, logger: Logger): PullRequest | null {
  if (Object.keys(node).length === 0) return null;
  const number = (node as { number?: unknown }).number;
  const name = `${repo}#${typeof number === "number" ? number : "?"}`;
  if (!checkGraphqlPull(node)) {
    logger.warn(`${name}: skipped, GitHub sent it malformed (${firstProblem(checkGraphqlPull)})`);
    return null;
  }
  const pull = node as GraphqlPullNode & { url: string; number: number };
  if (!isPageOn(pull.url, webHost, PULL_PATH) || !pull.url.replace(/\/$/, "").endsWith(`/pull/${pull.number}`)) {
    logger.warn(`${name}: skipped, its url ${JSON.stringify(pull.url.slice(0, 100))} is not a pull request page on ${webHost}`);
    return null;
  }
  return pullRequestFromGraphql(pull, repo);
}

function pullRequestFromGraphql(node: GraphqlPullNode, repo: string): PullRequest | null {
  if (node.number === undefined || !node.mergedAt || !node.url) return null;
  const login = node.author?.login ?? "ghost";
  const files = (node.files?.nodes ?? []).flatMap((file) => (file ? [{ ...file }] : []));
  return {
    repo,
    number: node.number,
    url: node.url,
    title: node.title ?? "",
    author: login,
    authorIsBot: node.author?.__typename === "Bot" || login.endsWith("[bot]"),
    labels: (node.labels?.nodes ?? []).flatMap((label) => (label?.name ? [label.name] : [])),
    body: node.body ?? "",
    mergedAt: node.mergedAt,
    baseRef: node.baseRefName ?? null,
    // Every real PR changes a file; an empty list means GitHub did not say, not "no files".
    ...(files.length > 0 ? { files } : {}),
  };
}

function isSearchConnection(data: unknown): data is SearchConnection {
  const connection = data as Partial<SearchConnection> | null;
  return typeof connection === "object" && connection !== null && typeof connection.issueCount === "number" && Array.isArray(connection.nodes) && typeof connection.pageInfo?.hasNextPage === "boolean";
}
