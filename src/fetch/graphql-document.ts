import type { Logger } from "../logger.js";
import type { GitHubClient } from "./github-client.js";
import { expectShape } from "./search-window.js";

/**
 * Top-level fields of a query (each under its own alias) with the variables they use: one query
 * alone, or several sharing one request, so that a week costs fewer round trips.
 */
export interface GraphqlFields {
  /** What the fields are for, in the operation's name: "WeekContext". */
  name: string;
  /** `alias: field(...) { ... }`, each alias unique in the document. */
  fields: readonly string[];
  /** Variable name (without "$") → its GraphQL type and value; GraphQL refuses a declared variable no field uses. */
  variables: Readonly<Record<string, { type: string; value: unknown }>>;
  /** Fragment definitions the fields spread. */
  fragments?: readonly string[];
}

/** One GraphQL error as GitHub sends it; `path` starts with the alias of the field it belongs to. */
export interface FieldError {
  type?: string;
  path?: ReadonlyArray<string | number>;
  message?: string;
}

/** Errors GitHub reported under some fields of an answer that has data, raised by whoever owns those fields. */
export class GraphqlFieldErrors extends Error {
  override readonly name = "GraphqlFieldErrors";
  constructor(readonly errors: readonly FieldError[]) {
    super(errors[0]?.message ?? "GitHub answered with an error");
  }
}

/** The document and variables of all parts' fields in one query named after them; no alias or variable may repeat. */
export function graphqlDocument(parts: readonly GraphqlFields[]): { query: string; variables: Record<string, unknown> } {
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  const aliases = new Set<string>();
  for (const part of parts) {
    for (const [name, { type, value }] of Object.entries(part.variables)) {
      if (name in variables) throw new Error(`internal error: GraphQL variable $${name} declared twice`);
      declarations.push(`$${name}: ${type}`);
      variables[name] = value;
    }
    for (const field of part.fields) {
      const alias = /^(\w+):/.exec(field)?.[1];
      if (alias === undefined || aliases.has(alias)) throw new Error(`internal error: GraphQL field without a unique alias: ${field.slice(0, 60)}`);
      aliases.add(alias);
    }
  }
  const list = declarations.length > 0 ? `(${declarations.join(", ")})` : "";
  const fields = parts.flatMap((part) => part.fields).join("\n  ");
  const fragments = [...new Set(parts.flatMap((part) => part.fragments ?? []))];
  return { query: [`query ${parts.map((part) => part.name).join("And")}${list} {\n  ${fields}\n}`, ...fragments].join("\n"), variables };
}

/**
 * The data of an answer and its errors. Octokit throws on any error; an answer that still has data
 * (GitHub's partial answers: a repository it does not know is null, with an error under its alias)
 * comes back here for each owner of fields to judge its own. Without data, the error is thrown.
 */
export async function queryPartial(client: GitHubClient, query: string, variables: Record<string, unknown>): Promise<{ data: Record<string, unknown>; errors: FieldError[] }> {
  try {
    // A truncated or non-JSON body reaches here as a string or nothing.
    return { data: expectShape(await client.octokit.graphql<unknown>(query, variables), isObject), errors: [] };
  } catch (error) {
    const partial = error as { data?: unknown; errors?: unknown };
    if (!isObject(partial.data) || !Array.isArray(partial.errors)) throw error;
    return { data: partial.data, errors: partial.errors.slice(0, MAX_ERRORS).map(fieldError) };
  }
}

/** GitHub's errors list is text from the network like the rest: each entry is rebuilt from what checks out. */
const MAX_ERRORS = 1000;

function fieldError(entry: unknown): FieldError {
  if (!isObject(entry)) return { message: "malformed error" };
  const path = Array.isArray(entry.path) ? entry.path.filter((part): part is string | number => typeof part === "string" || typeof part === "number") : undefined;
  return {
    ...(typeof entry.type === "string" ? { type: entry.type } : {}),
    message: typeof entry.message === "string" ? entry.message.slice(0, 500) : "malformed error",
    ...(path ? { path } : {}),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Errors under the given aliases (an error without a path belongs to everyone). */
export const errorsUnder = (errors: readonly FieldError[], aliases: ReadonlySet<string>): FieldError[] =>
  errors.filter((error) => typeof error.path?.[0] !== "string" || aliases.has(error.path[0]));

/** The top-level alias of each field. */
export const aliasesOf = (fields: readonly string[]): Set<string> => new Set(fields.map((field) => /^(\w+):/.exec(field)?.[1] ?? ""));

/**
 * GitHub not knowing a repository or an issue leaves its field null, which whoever reads it
 * notices: worth a debug line here. Any other error is thrown.
 */
export function allowNotFound(errors: readonly FieldError[], logger: Logger, describe: (alias: string | number | undefined) => string): void {
  if (errors.some((entry) => entry.type !== "NOT_FOUND")) throw new GraphqlFieldErrors(errors);
  for (const entry of errors) logger.debug(`${describe(entry.path?.[0])}: ${entry.message ?? "not found"}`);
}
