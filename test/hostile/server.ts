import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface HostileRequest {
  method: string;
  url: URL;
  body: string;
  hadAuth: boolean;
}

/** Answers however the test likes; `origin` is the server's own, for absolute Link and redirect URLs. */
export type HostileHandler = (request: HostileRequest, res: ServerResponse, origin: string) => void | Promise<void>;

export interface HostileServer {
  url: string;
  requests: HostileRequest[];
  close(): Promise<void>;
}

/**
 * A deliberately broken GitHub: no schema, no rate limits, just the answers a buggy or malicious
 * server could give. Plain JSON replies keep a request to about a millisecond, so a run that loops
 * shows it within seconds.
 */
export async function startHostile(handler: HostileHandler, host = "127.0.0.1"): Promise<HostileServer> {
  const requests: HostileRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const origin = `http://${req.headers.host ?? host}`;
      const request = { method: req.method ?? "GET", url: new URL(req.url ?? "/", origin), body: Buffer.concat(chunks).toString("utf8"), hadAuth: req.headers.authorization !== undefined };
      requests.push(request);
      void Promise.resolve(handler(request, res, origin)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, body: unknown, headers: Record<string, string> = {}, status = 200): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

export interface PageSpec {
  issueCount: number;
  nodes?: unknown[];
  hasNextPage?: boolean;
  endCursor?: string | null;
}

/**
 * A GraphQL answer: a MergedPulls page under each search alias the query asks for (`pulls0`,
 * `pulls1`…; `page` may depend on the window each searches), beside `extra` for the fields riding
 * along (the week's context); any other query (the context alone) gets `extra` only.
 */
export function searchPage(request: HostileRequest, page: PageSpec | ((range: SearchRange | null) => PageSpec), extra: Record<string, unknown> = {}): unknown {
  if (!request.body.includes("query MergedPulls")) return { data: extra };
  const variables = (JSON.parse(request.body) as { variables?: Record<string, unknown> }).variables ?? {};
  const data: Record<string, unknown> = { ...extra };
  if ("owner" in variables) data.home = { defaultBranchRef: { name: "master" } };
  for (const [name, value] of Object.entries(variables)) {
    const index = /^q(\d+)$/.exec(name)?.[1];
    if (index === undefined) continue;
    const spec = typeof page === "function" ? page(searchRange(String(value))) : page;
    data[`pulls${index}`] = {
      issueCount: spec.issueCount,
      pageInfo: { hasNextPage: spec.hasNextPage ?? false, endCursor: spec.endCursor ?? null },
      nodes: spec.nodes ?? [],
    };
  }
  return { data };
}

/** A merged PR as GraphQL sends it. */
export function pullNode(number: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    number,
    title: `Fix kubelet probe ${number}`,
    url: `https://github.com/kubernetes/kubernetes/pull/${number}`,
    body: "",
    mergedAt: "2021-06-30T12:00:00Z",
    baseRefName: "master",
    author: { __typename: "User", login: `user${number}` },
    labels: { nodes: [{ name: "kind/bug" }] },
    files: { totalCount: 1, nodes: [{ path: "pkg/kubelet/prober.go", additions: 1, deletions: 1 }] },
    ...overrides,
  };
}

export interface SearchRange {
  from: number;
  to: number;
}

/** The merged: range a search query asks about, as epoch seconds. */
export function searchRange(q: string): SearchRange | null {
  const match = /merged:(\S+)\.\.(\S+)/.exec(q);
  return match?.[1] && match[2] ? { from: Date.parse(match[1]) / 1000, to: Date.parse(match[2]) / 1000 } : null;
}
