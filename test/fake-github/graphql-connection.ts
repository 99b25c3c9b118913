import { GraphQLError } from "graphql";

/** GitHub's search cursors are literally base64("cursor:N"), N being the 1-based position. */
export const encodeCursor = (position: number): string => Buffer.from(`cursor:${position}`).toString("base64");

function decodeCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const match = /^cursor:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  if (!match) throw new GraphQLError(`\`${cursor}\` does not appear to be a valid cursor.`);
  return Number(match[1]);
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

interface Page<T> {
  slice: T[];
  start: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

function page<T>(list: readonly T[], args: PageArgs): Page<T> {
  if (args.last !== undefined && args.last !== null) {
    throw new GraphQLError("The fake GitHub server pages forward only (`first`/`after`), not with `last`/`before`.");
  }
  const start = decodeCursor(args.after);
  const slice = list.slice(start, start + (args.first ?? 0));
  return {
    slice,
    start,
    pageInfo: {
      hasNextPage: start + slice.length < list.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length > 0 ? encodeCursor(start + 1) : null,
      endCursor: slice.length > 0 ? encodeCursor(start + slice.length) : null,
    },
  };
}

export function connection<T, N>(list: readonly T[], args: PageArgs, toNode: (value: T) => N) {
  const { slice, start, pageInfo } = page(list, args);
  const nodes = slice.map(toNode);
  return {
    totalCount: list.length,
    pageInfo,
    nodes,
    edges: nodes.map((node, i) => ({ cursor: encodeCursor(start + i + 1), node })),
  };
}
