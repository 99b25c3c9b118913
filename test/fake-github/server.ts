import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FaultPlan, faultAction } from "./faults.js";
import { handleGraphql } from "./graphql.js";
import { RateBook, rateHeaders, type Resource } from "./rate.js";
import { getRepository, listReleases, searchIssues } from "./rest.js";
import { jsonReply, type Endpoint, type FakeGitHub, type FakeGitHubOptions, type RecordedRequest, type Reply } from "./types.js";

export type {
  FakeGitHub,
  FakeCommit,
  FakeGitHubOptions,
  FakeRelease,
  FakeRepo,
  FakeSearchItem,
  FakeTag,
  Fault,
  FaultKind,
  RecordedRequest,
} from "./types.js";
export { makeSyntheticWeek } from "./synthetic.js";

const API_VERSIONS = new Set(["2022-11-28", "2026-03-10"]);
const REPO_PATH = /^\/repos\/([^/]+)\/([^/]+)\/?$/;
const RELEASES_PATH = /^\/repos\/([^/]+)\/([^/]+)\/releases\/?$/;
const RELEASES_BY_ID_PATH = /^\/repositories\/(\d+)\/releases\/?$/;

function classify(method: string, path: string): Endpoint {
  if (method === "GET" && path === "/search/issues") return "search";
  if (method === "POST" && path === "/graphql") return "graphql";
  if (path.startsWith("/repos/") || path.startsWith("/repositories/")) return "repos";
  return "other";
}

const RESOURCE: Record<Endpoint, Resource> = { search: "search", graphql: "graphql", repos: "core", other: "core" };

interface IncomingRequest {
  url: URL;
  origin: string;
  method: string;
  endpoint: Endpoint;
  token: string | undefined;
  apiVersion: string | undefined;
  record: RecordedRequest;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** "token X" (Octokit's default) or "bearer X"; undefined when no Authorization header came. */
function tokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  return header.replace(/^(token|bearer)\s+/i, "");
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const graphqlErrors: string[] = [];
  const faults = new FaultPlan(options.faults ?? []);
  const rates = new RateBook();
  let requestCounter = 0;

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
    const url = new URL(req.url ?? "/", origin);
    const method = req.method ?? "GET";
    const endpoint = classify(method, url.pathname);
    const token = tokenOf(req);
    const apiVersion = headerValue(req, "x-github-api-version");
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      endpoint,
      ...(apiVersion === undefined ? {} : { apiVersion }),
      hadAuth: token !== undefined,
    };
    requests.push(record);
    try {
      await serve(req, res, { url, origin, method, endpoint, token, apiVersion, record });
    } catch (error) {
      // A bug in the fake must fail the test that hit it, not hang it.
      record.status = 500;
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ message: `fake GitHub server error: ${String(error)}` }));
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse, request: IncomingRequest): Promise<void> {
    const { url, origin, method, endpoint, token, apiVersion, record } = request;
    const raw = method === "POST" ? await readBody(req) : "";
    if (endpoint === "graphql") {
      try {
        const parsed: unknown = JSON.parse(raw);
        if (typeof parsed === "object" && parsed !== null) {
          const { query, variables } = parsed as { query?: unknown; variables?: unknown };
          if (typeof query === "string") record.graphqlQuery = query;
          if (typeof variables === "object" && variables !== null) record.graphqlVariables = variables as Record<string, unknown>;
        }
      } catch {
        // handleGraphql answers unparsable bodies with GitHub's 400.
      }
    }

    requestCounter += 1;
    const id = requestCounter.toString(16).toUpperCase().padStart(4, "0");
    const send = (reply: Reply, resource: Resource, authed: boolean) => {
      record.status = reply.status;
      res.writeHead(reply.status, {
        "content-type": "application/json; charset=utf-8",
        "x-github-request-id": `CAFE:${id}:1A2B3C:4D5E6F:${id}${id}`,
        "x-github-media-type": "github.v3; format=json",
        "x-github-api-version-selected": apiVersion ?? "2022-11-28",
        "access-control-expose-headers":
          "ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset",
        ...rateHeaders(rates.peek(resource, authed)),
        ...reply.headers,
      });
      res.end(reply.body);
    };

    const badToken = token !== undefined && options.validToken !== undefined && token !== options.validToken;
    const authed = token !== undefined && !badToken;
    const fault = faults.next(endpoint);
    const action = fault ? faultAction(fault, endpoint, authed, Math.floor(Date.now() / 1000)) : { kind: "none" as const };
    if (action.kind === "drop") {
      req.socket.destroy();
      return;
    }
    if (action.kind === "hang") return;
    if (action.kind === "reply") return send(action.reply, RESOURCE[endpoint], authed);

    if (badToken) {
      return send(jsonReply(401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" }), "core", false);
    }
    if (apiVersion !== undefined && !API_VERSIONS.has(apiVersion)) {
      const unsupported = {
        message: `API version ${apiVersion} is not supported.`,
        documentation_url: "https://docs.github.com/rest/overview/api-versions",
        status: "400",
      };
      return send(jsonReply(400, unsupported), "core", authed);
    }
    if (endpoint === "search") {
      rates.charge("search", authed, 1);
      const context = { repos: options.repos, origin, searchTypeBeforeItems: options.searchTypeBeforeItems ?? false, incomplete: action.kind === "incomplete" };
      return send(searchIssues(context, url), "search", authed);
    }
    if (endpoint === "graphql") {
      if (!authed) {
        const message = "This endpoint requires you to be authenticated.";
        const documentation_url = "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql";
        return send(jsonReply(401, { message, documentation_url }), "graphql", false);
      }
      const outcome = await handleGraphql(raw, {
        repos: options.repos,
        charge: (points) => rates.charge("graphql", true, points),
      });
      graphqlErrors.push(...outcome.queryErrors);
      return send(outcome.reply, "graphql", true);
    }
    rates.charge("core", authed, 1);
    const repoPath = method === "GET" ? REPO_PATH.exec(url.pathname) : null;
    if (repoPath) {
      const [, owner = "", name = ""] = repoPath;
      return send(getRepository(options.repos, origin, decodeURIComponent(owner), decodeURIComponent(name)), "core", authed);
    }
    const releasesPath = method === "GET" ? RELEASES_PATH.exec(url.pathname) : null;
    if (releasesPath) {
      const [, owner = "", name = ""] = releasesPath;
      const locator = { owner: decodeURIComponent(owner), name: decodeURIComponent(name) };
      return send(listReleases({ repos: options.repos, origin, authed }, url, locator), "core", authed);
    }
    const releasesById = method === "GET" ? RELEASES_BY_ID_PATH.exec(url.pathname) : null;
    if (releasesById) {
      return send(listReleases({ repos: options.repos, origin, authed }, url, { id: Number(releasesById[1]) }), "core", authed);
    }
    return send(jsonReply(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" }), "core", authed);
  }

  const server = createServer((req, res) => void respond(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    graphqlErrors,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Hung requests would otherwise keep close() waiting forever.
        server.closeAllConnections();
      }),
  };
}
