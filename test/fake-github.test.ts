import { Octokit } from "@octokit/rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import Bottleneck from "bottleneck";
import { afterEach, describe, expect, it } from "vitest";
import { makeSyntheticWeek, startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "./fake-github/server.js";
import { client, failure, ITEM_KEYS, MERGED_PULLS, nextLink, postGraphql, pr, quiet, TOKEN, type MergedPulls } from "./fake-github/testing.js";

const K8S = { owner: "kubernetes", name: "kubernetes" };
const WEEK = { from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" };
const WEEK_Q = "repo:kubernetes/kubernetes is:pr is:merged merged:2021-06-28T00:00:00Z..2021-07-04T23:59:59Z";
const week250 = makeSyntheticWeek({ ...K8S, count: 250, ...WEEK });
const week1050 = makeSyntheticWeek({ ...K8S, count: 1050, ...WEEK });

const servers: FakeGitHub[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const server = await startFakeGitHub(options);
  servers.push(server);
  return server;
}

const answer = async (gh: FakeGitHub, query: string) => {
  const { status, body } = await postGraphql(gh, query);
  return { status, body };
};

describe.each([false, true])("REST search paging, searchTypeBeforeItems=%s", (searchTypeBeforeItems) => {
  it("pages 250 items by following the Link header's next url verbatim", async () => {
    const gh = await start({ repos: [{ ...K8S, items: week250 }], searchTypeBeforeItems, validToken: TOKEN });
    const octokit = client(gh);
    let response = await octokit.request("GET /search/issues", { q: WEEK_Q, per_page: 100, sort: "created", order: "asc" });
    const pages = [response];
    for (let next = nextLink(response.headers.link); next; next = nextLink(response.headers.link)) {
      response = (await octokit.request(`GET ${next}`)) as typeof response;
      pages.push(response);
    }
    const query = "q=repo%3Akubernetes%2Fkubernetes+is%3Apr+is%3Amerged+merged%3A2021-06-28T00%3A00%3A00Z..2021-07-04T23%3A59%3A59Z&per_page=100&sort=created&order=asc";
    expect(pages.map((page) => page.headers.link)).toEqual([
      `<${gh.url}/search/issues?${query}&page=2>; rel="next", <${gh.url}/search/issues?${query}&page=3>; rel="last"`,
      `<${gh.url}/search/issues?${query}&page=1>; rel="prev", <${gh.url}/search/issues?${query}&page=3>; rel="next", <${gh.url}/search/issues?${query}&page=3>; rel="last", <${gh.url}/search/issues?${query}&page=1>; rel="first"`,
      `<${gh.url}/search/issues?${query}&page=2>; rel="prev", <${gh.url}/search/issues?${query}&page=1>; rel="first"`,
    ]);
    expect(Object.keys(pages[0]?.data ?? {})).toEqual(
      searchTypeBeforeItems
        ? ["total_count", "incomplete_results", "search_type", "items"]
        : ["total_count", "incomplete_results", "items", "search_type"],
    );
    expect(pages.map((page) => [page.data.total_count, page.data.items.length])).toEqual([[250, 100], [250, 100], [250, 50]]);
    const items = pages.flatMap((page) => page.data.items);
    expect(new Set(items.map((item) => item.number)).size).toBe(250);
    const created = items.map((item) => item.created_at);
    expect(created).toEqual([...created].sort());
    expect(Object.keys(items[0] ?? {})).toEqual(ITEM_KEYS);
    expect(pages.map((page) => [page.headers["x-ratelimit-resource"], page.headers["x-ratelimit-limit"], page.headers["x-ratelimit-remaining"]]))
      .toEqual([["search", "30", "29"], ["search", "30", "28"], ["search", "30", "27"]]);
    expect(gh.requests.map((r) => [r.endpoint, r.status, r.hadAuth, r.query.page])).toEqual([
      ["search", 200, true, undefined], ["search", 200, true, "2"], ["search", 200, true, "3"],
    ]);
  });
});

describe.each([false, true])("octokit.paginate, searchTypeBeforeItems=%s", (searchTypeBeforeItems) => {
  it("collects every item only when search_type comes after items", async () => {
    const gh = await start({ repos: [{ ...K8S, items: week250 }], searchTypeBeforeItems });
    const all = client(gh).paginate("GET /search/issues", { q: WEEK_Q, per_page: 100 });
    // plugin-paginate-rest assigns onto the first key after total_count and incomplete_results.
    if (searchTypeBeforeItems) await expect(all).rejects.toThrow("Cannot create property 'incomplete_results' on string 'lexical'");
    else expect((await all).length).toBe(250);
  });
});

describe("REST search results", () => {
  it("caps reachable results at 1000 while total_count stays uncapped", async () => {
    const gh = await start({ repos: [{ ...K8S, items: week1050 }] });
    const octokit = client(gh);
    const page10 = await octokit.request("GET /search/issues", { q: WEEK_Q, per_page: 100, page: 10 });
    expect([page10.data.total_count, page10.data.items.length]).toEqual([1050, 100]);
    expect(page10.headers.link).not.toContain('rel="next"');
    const capped = { message: "Only the first 1000 search results are available", documentation_url: "https://docs.github.com/v3/search/" };
    expect(await failure(octokit.request("GET /search/issues", { q: WEEK_Q, per_page: 100, page: 11 }))).toEqual({ status: 422, data: capped });
    const page34 = await octokit.request("GET /search/issues", { q: WEEK_Q, per_page: 30, page: 34 });
    expect(page34.data.items.length).toBe(10);
    expect(await failure(octokit.request("GET /search/issues", { q: WEEK_Q, per_page: 30, page: 35 }))).toEqual({ status: 422, data: capped });
    const clamped = await octokit.request("GET /search/issues", { q: WEEK_Q, per_page: 500 });
    expect(clamped.data.items.length).toBe(100);
    expect(clamped.headers.link).toContain('page=10>; rel="last"');
  });

  it("omits Link for a single page and drops base, files and bookkeeping keys from items", async () => {
    const item = pr(7, "2021-07-01T12:00:00Z", { base: { ref: "master" }, files: [{ path: "go.mod" }], negative: true, found_by: "x" });
    const gh = await start({ repos: [{ ...K8S, items: [item] }] });
    const { data, headers } = await client(gh).request("GET /search/issues", { q: "repo:kubernetes/kubernetes is:pr" });
    expect(headers.link).toBeUndefined();
    expect(Object.keys(data.items[0] ?? {})).toEqual(ITEM_KEYS);
    expect(data.items[0]?.pull_request).toEqual({
      url: `${gh.url}/repos/kubernetes/kubernetes/pulls/7`,
      html_url: "https://github.com/kubernetes/kubernetes/pull/7",
      diff_url: "https://github.com/kubernetes/kubernetes/pull/7.diff",
      patch_url: "https://github.com/kubernetes/kubernetes/pull/7.patch",
      merged_at: "2021-07-01T12:00:00Z",
    });
  });

  const items = [
    pr(1, "2021-06-27T23:59:59Z"),
    pr(2, "2021-06-28T00:00:00Z"),
    pr(3, "2021-07-01T12:00:00Z"),
    pr(4, "2021-07-04T23:59:59Z"),
    pr(5, "2021-07-05T00:00:00Z"),
    pr(6, null, { closed_at: "2021-07-01T00:00:00Z" }),
    pr(7, "2021-07-02T00:00:00Z", { base: { ref: "release-1.21" } }),
    pr(8, "2021-07-03T00:00:00Z", { labels: [{ name: "kind/bug" }], user: { login: "dependabot[bot]", type: "Bot" } }),
  ];
  const search = async (gh: FakeGitHub, q: string) => {
    const { data } = await client(gh).request("GET /search/issues", { q: `repo:kubernetes/kubernetes is:pr ${q}`, per_page: 100 });
    return data.items.map((item) => item.number).sort((a, b) => a - b);
  };

  it("filters by merged ranges, base, label and author qualifiers", async () => {
    const gh = await start({ repos: [{ ...K8S, items }, { owner: "kubernetes-sigs", name: "kind", defaultBranch: "main", items: [pr(9, "2021-07-01T00:00:00Z")] }] });
    const cases: Array<[string, number[]]> = [
      ["merged:2021-06-28..2021-07-04", [2, 3, 4, 7, 8]],
      ["merged:2021-06-28T00:00:00Z..2021-07-01T12:00:00Z", [2, 3]],
      ["merged:>=2021-07-04", [4, 5]],
      ["merged:>2021-07-04", [5]],
      ["merged:<2021-06-28", [1]],
      ["merged:<=2021-06-28T00:00:00Z", [1, 2]],
      ["merged:2021-07-04..*", [4, 5]],
      ["merged:*..2021-06-28", [1, 2]],
      ["merged:2021-07-01", [3]],
      ["is:unmerged", [6]],
      ["is:merged base:master", [1, 2, 3, 4, 5, 8]],
      ["is:merged -base:master", [7]],
      ["label:kind/bug", [8]],
      ["is:merged -label:kind/bug -base:release-1.21", [1, 2, 3, 4, 5]],
      ["author:app/dependabot", [8]],
      ["is:merged -author:app/dependabot base:master merged:2021-07-01..2021-07-05", [3, 4, 5]],
    ];
    for (const [q, expected] of cases) expect([q, await search(gh, q)]).toEqual([q, expected]);
    const { data } = await client(gh).request("GET /search/issues", { q: "repo:kubernetes-sigs/kind is:pr base:main" });
    expect(data.items.map((item) => item.number)).toEqual([9]);
  });

  it("accepts %2B offsets and rejects a + that arrived as a space", async () => {
    const gh = await start({ repos: [{ ...K8S, items }] });
    const params = new URLSearchParams({ q: "repo:kubernetes/kubernetes merged:2021-06-28T00:00:00+00:00..2021-07-04T23:59:59+00:00" });
    const encoded = (await (await fetch(`${gh.url}/search/issues?${params}`)).json()) as { items: Array<{ number: number }> };
    expect(encoded.items.map((item) => item.number).sort()).toEqual([2, 3, 4, 7, 8]);
    const plus = await failure(client(gh).request("GET /search/issues", { q: "repo:kubernetes/kubernetes merged:2021-06-28T00:00:00+00:00..*" }));
    expect(plus.status).toBe(422);
  });

  it("answers an unknown repo or qualifier with 422 Validation Failed", async () => {
    const gh = await start({ repos: [{ ...K8S, items }] });
    expect(await failure(client(gh).request("GET /search/issues", { q: "repo:kubernetes/ngninx-ingress is:pr" }))).toEqual({
      status: 422,
      data: {
        message: "Validation Failed",
        errors: [{
          message: "The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.",
          resource: "Search", field: "q", code: "invalid",
        }],
        documentation_url: "https://docs.github.com/v3/search/",
      },
    });
    expect(await failure(client(gh).request("GET /search/issues", { q: "repo:kubernetes/kubernetes frobnicate:yes" }))).toMatchObject({
      status: 422, data: { message: "Validation Failed", errors: [{ resource: "Search", field: "q", code: "invalid" }] },
    });
  });
});

describe("authentication, repositories and headers", () => {
  it("rejects a bad token, serves REST anonymously at 10/min and refuses anonymous GraphQL", async () => {
    const gh = await start({ repos: [{ ...K8S, items: [] }], validToken: TOKEN });
    expect(await failure(client(gh, "wrong").request("GET /search/issues", { q: "is:pr" }))).toEqual({
      status: 401, data: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" },
    });
    const anonymous = await client(gh, "").request("GET /search/issues", { q: "repo:kubernetes/kubernetes is:pr" });
    expect([anonymous.status, anonymous.headers["x-ratelimit-limit"]]).toEqual([200, "10"]);
    expect(await failure(client(gh, "").graphql("query { viewer { login } }"))).toEqual({
      status: 401,
      data: { message: "This endpoint requires you to be authenticated.", documentation_url: "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql" },
    });
    expect(gh.requests.map((r) => [r.endpoint, r.status, r.hadAuth])).toEqual([["search", 401, true], ["search", 200, false], ["graphql", 401, false]]);
  });

  it("serves GET /repos/{owner}/{repo}, 404s unknown repos and routes, and sends GitHub's headers", async () => {
    const gh = await start({ repos: [{ ...K8S, items: [] }] });
    const octokit = client(gh);
    // Octokit's constructor ignores a `headers` option, so the version header must go on each request.
    const version = { "x-github-api-version": "2022-11-28" };
    const { data, headers } = await octokit.request("GET /repos/{owner}/{repo}", { owner: "kubernetes", repo: "kubernetes", headers: version });
    expect(data).toMatchObject({ full_name: "kubernetes/kubernetes", name: "kubernetes", owner: { login: "kubernetes" }, default_branch: "master", private: false, html_url: "https://github.com/kubernetes/kubernetes" });
    expect(headers).toMatchObject({ "content-type": "application/json; charset=utf-8", "x-github-media-type": "github.v3; format=json", "x-ratelimit-resource": "core", "x-ratelimit-limit": "5000" });
    expect(headers["x-github-request-id"]).toMatch(/^[0-9A-F]+(:[0-9A-F]+){4}$/);
    expect(await failure(octokit.request("GET /repos/{owner}/{repo}", { owner: "kubernetes", repo: "ngninx-ingress" }))).toEqual({
      status: 404, data: { message: "Not Found", documentation_url: "https://docs.github.com/rest/repos/repos#get-a-repository", status: "404" },
    });
    expect((await failure(octokit.request("GET /rate_limit"))).status).toBe(404);
    expect(await failure(octokit.request("GET /search/issues", { q: "is:pr", headers: { "x-github-api-version": "2020-01-01" } }))).toMatchObject({ status: 400 });
    expect(gh.requests.map((r) => [r.endpoint, r.status, r.apiVersion])).toEqual([
      ["repos", 200, "2022-11-28"], ["repos", 404, undefined], ["other", 404, undefined], ["search", 400, "2020-01-01"],
    ]);
  });
});

describe("GraphQL", () => {
  it("pages the tool's MergedPulls document through 250 PRs in 3 requests", async () => {
    const gh = await start({ repos: [{ ...K8S, items: week250 }], validToken: TOKEN });
    const octokit = client(gh);
    const pages: MergedPulls[] = [];
    let cursor: string | null = null;
    do {
      const page: MergedPulls = await octokit.graphql<MergedPulls>(MERGED_PULLS, { q: WEEK_Q, cursor, ...K8S });
      pages.push(page);
      cursor = page.search.pageInfo.hasNextPage ? page.search.pageInfo.endCursor : null;
    } while (cursor);
    expect(pages.map((p) => [p.search.issueCount, p.search.nodes.length, p.search.pageInfo.hasNextPage, p.rateLimit.cost, p.rateLimit.remaining]))
      .toEqual([[250, 100, true, 2, 4998], [250, 100, true, 2, 4996], [250, 50, false, 2, 4994]]);
    expect(pages[0]?.search.pageInfo.endCursor).toBe(Buffer.from("cursor:100").toString("base64"));
    expect(pages[0]?.repository.defaultBranchRef.name).toBe("master");
    const nodes = pages.flatMap((p) => p.search.nodes);
    expect(new Set(nodes.map((n) => n.number)).size).toBe(250);
    expect(nodes.every((n) => n.baseRefName === "master" && n.files.totalCount > 0 && n.labels.nodes.length > 0)).toBe(true);
    expect(new Set(nodes.map((n) => n.author.__typename))).toEqual(new Set(["User", "Bot"]));
    expect(nodes.find((n) => n.author.__typename === "Bot")?.author.login).toBe("dependabot");
    expect(gh.requests.map((r) => [r.endpoint, r.status, r.graphqlVariables?.cursor ?? null])).toEqual([
      ["graphql", 200, null], ["graphql", 200, pages[0]?.search.pageInfo.endCursor], ["graphql", 200, pages[1]?.search.pageInfo.endCursor],
    ]);
    expect(gh.graphqlErrors).toEqual([]);
  });

  it("stops at 1000 reachable results while issueCount stays uncapped", async () => {
    const gh = await start({ repos: [{ ...K8S, items: week1050 }] });
    const page = await client(gh).graphql<MergedPulls>(MERGED_PULLS, { q: WEEK_Q, cursor: Buffer.from("cursor:900").toString("base64"), ...K8S });
    expect([page.search.issueCount, page.search.nodes.length, page.search.pageInfo.hasNextPage]).toEqual([1050, 100, false]);
  });

  it("reports a misspelled field as a validation error and records it", async () => {
    const gh = await start({ repos: [{ ...K8S, items: [] }] });
    expect(await answer(gh, 'query { search(query: "is:pr", type: ISSUE, first: 1) { issueCont } }')).toEqual({
      status: 200,
      body: { errors: [{
        extensions: { code: "undefinedField", typeName: "SearchResultItemConnection", fieldName: "issueCont" },
        locations: [{ line: 1, column: 57 }],
        message: "Field 'issueCont' doesn't exist on type 'SearchResultItemConnection'",
      }] },
    });
    expect(gh.graphqlErrors).toEqual(["Field 'issueCont' doesn't exist on type 'SearchResultItemConnection'"]);
  });

  it("rejects first over 100 before running anything", async () => {
    const gh = await start({ repos: [{ ...K8S, items: [] }] });
    expect(await answer(gh, 'query { search(query: "is:pr", type: ISSUE, first: 101) { issueCount } }')).toEqual({
      status: 200,
      body: { errors: [{
        type: "EXCESSIVE_PAGINATION", path: ["query", "search"], locations: [{ line: 1, column: 9 }],
        message: "Requesting 101 records on the `search` connection exceeds the `first` limit of 100 records.",
      }] },
    });
  });

  it("answers a missing repository alias with null data and a top-level NOT_FOUND error", async () => {
    const gh = await start({ repos: [{ ...K8S, items: [] }] });
    const query = 'query {\n  k: repository(owner: "kubernetes", name: "kubernetes") { nameWithOwner }\n  nginx: repository(owner: "kubernetes", name: "ngninx-ingress") { nameWithOwner }\n}';
    expect(await answer(gh, query)).toEqual({
      status: 200,
      body: {
        data: { k: { nameWithOwner: "kubernetes/kubernetes" }, nginx: null },
        errors: [{ type: "NOT_FOUND", path: ["nginx"], locations: [{ line: 3, column: 3 }], message: "Could not resolve to a Repository with the name 'kubernetes/ngninx-ingress'." }],
      },
    });
    const { headers } = await postGraphql(gh, query);
    expect([headers.get("x-ratelimit-resource"), headers.get("x-ratelimit-limit"), headers.get("x-ratelimit-remaining")]).toEqual(["graphql", "5000", "4998"]);
    const error = await client(gh).graphql(query).catch((rejected: unknown) => rejected);
    expect(error).toMatchObject({ data: { k: { nameWithOwner: "kubernetes/kubernetes" }, nginx: null } });
    expect(gh.graphqlErrors).toEqual([]);
  });
});

describe("faults", () => {
  it("answers each injected fault the way GitHub does and records it", async () => {
    const gh = await start({
      repos: [{ ...K8S, items: week250 }],
      faults: [
        { endpoint: "search", nth: 1, kind: "502" },
        { endpoint: "search", nth: 2, kind: "503" },
        { endpoint: "search", nth: 3, kind: "secondary-403", retryAfter: 7 },
        { endpoint: "search", nth: 4, kind: "secondary-429" },
        { endpoint: "search", nth: 5, kind: "primary", resetIn: 120 },
        { endpoint: "search", nth: 6, kind: "malformed" },
        { endpoint: "search", nth: 7, kind: "incomplete" },
        { endpoint: "search", nth: 8, kind: "drop" },
        { endpoint: "repos", nth: 1, kind: "hang" },
        { endpoint: "graphql", nth: 1, kind: "primary", resetIn: 60 },
      ],
    });
    const get = async () => {
      const response = await fetch(`${gh.url}/search/issues?q=${encodeURIComponent(WEEK_Q)}`, { headers: { authorization: `token ${TOKEN}` } });
      return { status: response.status, headers: response.headers, text: await response.text() };
    };
    const secondary = '{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}';
    expect((({ status, text }) => [status, text])(await get())).toEqual([502, '{"message":"Server Error"}']);
    expect((await get()).status).toBe(503);
    const s403 = await get();
    expect([s403.status, s403.headers.get("retry-after"), s403.text]).toEqual([403, "7", secondary]);
    const s429 = await get();
    expect([s429.status, s429.headers.get("retry-after"), s429.text]).toEqual([429, "1", secondary]);
    const primary = await get();
    const reset = Number(primary.headers.get("x-ratelimit-reset")) - Math.floor(Date.now() / 1000);
    expect([primary.status, primary.headers.get("x-ratelimit-remaining"), JSON.parse(primary.text).message]).toEqual([403, "0", "API rate limit exceeded for user ID 1."]);
    expect(reset).toBeGreaterThanOrEqual(119);
    expect(reset).toBeLessThanOrEqual(120);
    const malformed = await get();
    expect([malformed.status, malformed.headers.get("content-type"), malformed.text]).toEqual([200, "application/json; charset=utf-8", '{"total_count": 3, "items": [']);
    expect(JSON.parse((await get()).text)).toMatchObject({ total_count: 250, incomplete_results: true });
    await expect(get()).rejects.toThrow();
    await expect(fetch(`${gh.url}/repos/kubernetes/kubernetes`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    const limited = await answer(gh, "query { viewer { login } }");
    expect(limited).toEqual({ status: 200, body: { errors: [{ type: "RATE_LIMITED", message: "API rate limit already exceeded for user ID 1." }] } });
    expect(JSON.parse((await get()).text)).toMatchObject({ incomplete_results: false });
    expect(gh.requests.map((r) => r.status)).toEqual([502, 503, 403, 429, 403, 200, 200, 0, 0, 200, 200]);
  });

  it("counts calls to any endpoint for an 'any' fault", async () => {
    const gh = await start({ repos: [{ ...K8S, items: [] }], faults: [{ endpoint: "any", nth: 2, kind: "503" }] });
    const octokit = client(gh);
    await octokit.request("GET /repos/{owner}/{repo}", { owner: "kubernetes", repo: "kubernetes" });
    expect((await failure(octokit.graphql("query { viewer { login } }"))).status).toBe(503);
    await octokit.request("GET /search/issues", { q: "is:pr" });
    expect(gh.requests.map((r) => [r.endpoint, r.status])).toEqual([["repos", 200], ["graphql", 503], ["search", 200]]);
  });

  it("lets Octokit's throttling and retry plugins recover from secondary, primary and 5xx answers", async () => {
    const gh = await start({
      repos: [{ ...K8S, items: week250 }],
      faults: [
        { endpoint: "search", nth: 1, kind: "secondary-403" },
        { endpoint: "search", nth: 2, kind: "primary", resetIn: 0 },
        { endpoint: "search", nth: 3, kind: "502" },
        { endpoint: "graphql", nth: 1, kind: "primary", resetIn: 0 },
      ],
    });
    const Throttled = Octokit.plugin(throttling, retry);
    const octokit = new Throttled({
      baseUrl: gh.url, auth: TOKEN, log: quiet,
      retry: { retryAfterBaseValue: 1 },
      throttle: {
        retryAfterBaseValue: 1,
        search: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
        onRateLimit: () => true,
        onSecondaryRateLimit: () => true,
      },
    });
    const { data } = await octokit.request("GET /search/issues", { q: WEEK_Q, per_page: 100 });
    expect(data.items.length).toBe(100);
    const page = await octokit.graphql<MergedPulls>(MERGED_PULLS, { q: WEEK_Q, cursor: null, ...K8S });
    expect(page.search.nodes.length).toBe(100);
    expect(gh.requests.map((r) => [r.endpoint, r.status])).toEqual([
      ["search", 403], ["search", 403], ["search", 502], ["search", 200], ["graphql", 200], ["graphql", 200],
    ]);
  });
});

describe("makeSyntheticWeek", () => {
  it("is deterministic, spreads merges over the window and adds release-branch cherry picks", () => {
    const opts = { ...K8S, count: 40, ...WEEK, cherryPicks: 4, startNumber: 103000 };
    const items = makeSyntheticWeek(opts);
    expect(makeSyntheticWeek(opts)).toEqual(items);
    expect([items[0]?.pull_request.merged_at, items.at(-1)?.pull_request.merged_at]).toEqual(["2021-06-28T00:00:00Z", "2021-07-04T23:59:59Z"]);
    expect(new Set(items.map((item) => item.number)).size).toBe(40);
    const picks = items.filter((item) => item.base?.ref !== "master");
    expect(picks.length).toBe(4);
    for (const item of picks) {
      expect(item.title).toMatch(/^Automated cherry pick of #\d+: /);
      expect(item.base?.ref).toMatch(/^release-1\.(19|20|21)$/);
    }
    expect(items.every((item) => (item.body ?? "").includes("```release-note\n"))).toBe(true);
  });
});
