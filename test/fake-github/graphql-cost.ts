import {
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

export interface StaticError {
  type: string;
  path: string[];
  locations: Array<{ line: number; column: number }>;
  message: string;
}

export interface QueryCost {
  /** GitHub's "requests": one per connection, multiplied by the `first` of every enclosing connection. */
  requests: number;
  nodeCount: number;
  errors: StaticError[];
}

const MAX_PAGE = 100;
const MAX_NODES = 500_000;

/**
 * GitHub rejects unbounded or oversized connections before running anything, and charges by
 * the connections a query could fetch; graphql-js knows neither rule, so walk the query once.
 */
export function analyzeQuery(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): QueryCost {
  const cost: QueryCost = { requests: 0, nodeCount: 0, errors: [] };
  const root = schema.getQueryType();
  if (root && operation.operation === "query") walk(operation.selectionSet, root, 1, [operation.name ? `query ${operation.name.value}` : "query"]);
  if (cost.nodeCount > MAX_NODES) {
    cost.errors.push({
      type: "MAX_NODE_LIMIT_EXCEEDED",
      path: [],
      locations: [],
      message: `This query requests up to ${cost.nodeCount.toLocaleString("en-US")} possible nodes which exceeds the maximum limit of 500,000.`,
    });
  }
  return cost;

  function walk(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number, path: string[]): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!fragment) continue;
        const typeName = fragment.typeCondition?.name.value;
        const type = typeName ? schema.getType(typeName) : parent;
        if (type && isCompositeType(type)) walk(fragment.selectionSet, type, multiplier, path);
        continue;
      }
      if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const here = [...path, selection.alias?.value ?? selection.name.value];
      const named = getNamedType(field.type);
      let childMultiplier = multiplier;
      if (named.name.endsWith("Connection")) {
        const args = getArgumentValues(field, selection, variables);
        const first = typeof args.first === "number" ? args.first : undefined;
        const last = typeof args.last === "number" ? args.last : undefined;
        const location = selection.loc ? [{ line: selection.loc.startToken.line, column: selection.loc.startToken.column }] : [];
        const size = first ?? last;
        if (size === undefined) {
          cost.errors.push({
            type: "MISSING_PAGINATION_BOUNDARIES",
            path: here,
            locations: location,
            message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${field.name}\` connection.`,
          });
        } else if (size > MAX_PAGE || size < 0) {
          const which = first !== undefined ? "first" : "last";
          cost.errors.push({
            type: size > MAX_PAGE ? "EXCESSIVE_PAGINATION" : "INVALID_PAGINATION",
            path: here,
            locations: location,
            message:
              size > MAX_PAGE
                ? `Requesting ${size} records on the \`${field.name}\` connection exceeds the \`${which}\` limit of ${MAX_PAGE} records.`
                : `\`${which}\` on the \`${field.name}\` connection cannot be less than zero.`,
          });
        }
        cost.requests += multiplier;
        childMultiplier = multiplier * (size ?? 0);
        cost.nodeCount += childMultiplier;
      }
      if (selection.selectionSet && isCompositeType(named)) walk(selection.selectionSet, named, childMultiplier, here);
    }
  }
}

/** Points charged for a query: requests / 100, rounded, at least 1. */
export const pointsFor = (cost: QueryCost): number => Math.max(1, Math.round(cost.requests / 100));
