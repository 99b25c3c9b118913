import { describe, expect, it } from "vitest";
import type { GitHubClient } from "../src/fetch/github-client.js";
import { allowNotFound, queryPartial } from "../src/fetch/graphql-document.js";
import { createLogger } from "../src/logger.js";

/** A client whose one answer is a partial one: data, and the errors list as given. */
const answering = (errors: unknown[]): GitHubClient =>
  ({
    octokit: {
      graphql: async () => {
        throw Object.assign(new Error("partial"), { data: { r0: null, r1: { ok: true } }, errors });
      },
    },
  }) as unknown as GitHubClient;

describe("GitHub's GraphQL errors list", () => {
  it("is rebuilt from what checks out, so a malformed entry is an error like any other, not a crash", async () => {
    const { data, errors } = await queryPartial(answering([null, { message: 5, path: "r0" }, { type: "NOT_FOUND", message: "gone", path: ["r0", { x: 1 }] }, "text"]), "query { x }", {});
    expect(data).toEqual({ r0: null, r1: { ok: true } });
    expect(errors).toEqual([
      { message: "malformed error" },
      { message: "malformed error" },
      { type: "NOT_FOUND", message: "gone", path: ["r0"] },
      { message: "malformed error" },
    ]);
    expect(() => allowNotFound(errors, createLogger({ quiet: true, write: () => {} }), () => "x")).toThrow();
  });

  it("keeps at most a thousand entries", async () => {
    const many = Array.from({ length: 5000 }, () => ({ type: "NOT_FOUND", message: "gone", path: ["r0"] }));
    expect((await queryPartial(answering(many), "query { x }", {})).errors).toHaveLength(1000);
  });
});
