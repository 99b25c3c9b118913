import {
  buildClientSchema,
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";
import { analyzeQuery, pointsFor } from "./graphql-cost.js";
import { repositoryNode, searchConnection, type PageArgs } from "./graphql-nodes.js";
import { stamp } from "./items.js";
import type { RateSnapshot } from "./rate.js";
import { jsonReply, type FakeRepo, type Reply } from "./types.js";

let schemaPromise: Promise<GraphQLSchema> | undefined;

/** Building GitHub's schema takes ~100 ms, so every fake server in a test run shares one. */
export function githubSchema(): Promise<GraphQLSchema> {
  schemaPromise ??= import("@octokit/graphql-schema").then(({ schema }) =>
    buildClientSchema(schema.json as unknown as IntrospectionQuery),
  );
  return schemaPromise;
}

export interface GraphqlContext {
  repos: FakeRepo[];
  /** Deducts the query's points and returns the limit as it stands afterwards. */
  charge(points: number): RateSnapshot;
}

export interface GraphqlOutcome {
  reply: Reply;
  /** Messages of errors that mean the query itself is wrong (everything but NOT_FOUND). */
  queryErrors: string[];
}

interface FormattedError {
  type?: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  message: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** graphql-js wording translated to the graphql-ruby wording GitHub answers with, where known. */
function formatValidationError(error: GraphQLError): FormattedError {
  const locations = error.locations ?? [];
  const field = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(error.message);
  if (field) {
    const [, fieldName, typeName] = field;
    return {
      extensions: { code: "undefinedField", typeName, fieldName },
      locations,
      message: `Field '${fieldName}' doesn't exist on type '${typeName}'`,
    };
  }
  const arg = /^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./.exec(error.message);
  if (arg) {
    const [, argumentName, fieldName] = arg;
    return {
      extensions: { code: "argumentNotAccepted", name: fieldName, typeName: "Field", argumentName },
      locations,
      message: `Field '${fieldName}' doesn't accept argument '${argumentName}'`,
    };
  }
  return { locations, message: error.message };
}

/** GitHub puts `type` (NOT_FOUND, ...) at the top level of an error, not under `extensions`. */
function formatExecutionError(error: GraphQLError): FormattedError {
  const type = error.extensions.type;
  const located = { path: error.path ?? [], locations: error.locations ?? [] };
  return typeof type === "string" ? { type, ...located, message: error.message } : { ...located, message: error.message };
}

/** GitHub answers a query it refuses to run with 200 and errors, without a `data` key. */
function errorsOnly(errors: FormattedError[]): GraphqlOutcome {
  return { reply: jsonReply(200, { errors }), queryErrors: errors.map((error) => error.message) };
}

export async function handleGraphql(raw: string, context: GraphqlContext): Promise<GraphqlOutcome> {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    const problem = { message: "Problems parsing JSON", documentation_url: "https://docs.github.com/graphql", status: "400" };
    return { reply: jsonReply(400, problem), queryErrors: [problem.message] };
  }
  const query = isRecord(body) && typeof body.query === "string" ? body.query : undefined;
  const variables = isRecord(body) && isRecord(body.variables) ? body.variables : {};
  const operationName = isRecord(body) && typeof body.operationName === "string" ? body.operationName : undefined;
  if (query === undefined) {
    return errorsOnly([{ message: "A query attribute must be specified and must be a string." }]);
  }
  const schema = await githubSchema();
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return errorsOnly([{ locations: error.locations ?? [], message: error.message }]);
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return errorsOnly(invalid.map(formatValidationError));
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== "query") {
    return errorsOnly([{ message: "The fake GitHub server answers exactly one query operation per request." }]);
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) {
    return errorsOnly(coerced.errors.map((error) => ({ locations: error.locations ?? [], message: error.message })));
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const cost = analyzeQuery(schema, operation, fragments, coerced.coerced);
  if (cost.errors.length > 0) return errorsOnly(cost.errors);

  const points = pointsFor(cost);
  const rate = context.charge(points);
  const rootValue = {
    rateLimit: {
      cost: points,
      limit: rate.limit,
      remaining: rate.remaining,
      used: rate.used,
      resetAt: stamp(rate.reset * 1000),
      nodeCount: cost.nodeCount,
    },
    viewer: { __typename: "User", login: "k8s-weekly-test", url: "https://github.com/k8s-weekly-test" },
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = context.repos.find(
        (candidate) => `${candidate.owner}/${candidate.name}`.toLowerCase() === `${owner}/${name}`.toLowerCase(),
      );
      if (!repo) {
        throw new GraphQLError(`Could not resolve to a Repository with the name '${owner}/${name}'.`, {
          extensions: { type: "NOT_FOUND" },
        });
      }
      return repositoryNode(repo);
    },
    search: (args: PageArgs & { query: string; type: string }) => searchConnection(context.repos, args),
  };
  const result = await execute({ schema, document, rootValue, variableValues: variables, operationName });
  const errors = (result.errors ?? []).map(formatExecutionError);
  return {
    reply: jsonReply(200, errors.length > 0 ? { data: result.data ?? null, errors } : { data: result.data ?? null }),
    queryErrors: errors.filter((error) => error.type !== "NOT_FOUND").map((error) => error.message),
  };
}
