
/** A field the template names that the view-model does not have. */
export class UnknownFieldError extends Error {
  constructor(
    readonly field: string,
    readonly line: number,
    readonly column: number,
    readonly file: string,
  ) {
    super(`"${field}" not defined in the data the template sees`);
  }
}

interface Scope {
  context: unknown;
  file: string;
}

const BLOCK_HELPERS = new Set(["if", "unless", "each", "with", "lookup", "log"]);

/**
 * Handlebars' strict mode misses typos inside helper arguments (`{{#if sections.deprecatd.length}}`
 * crashes without a line, `{{#each sections.deprecatd}}` renders nothing), so every path is
 * checked against the data before rendering.
 */
export function checkFields(
  program: hbs.AST.Program,
  scope: Scope,
  partials: ReadonlyMap<string, { file: string; ast: hbs.AST.Program }>,
  helpers: ReadonlySet<string>,
  seen: Set<string> = new Set(),
): void {
  for (const statement of program.body) checkStatement(statement, scope, partials, helpers, seen);
}

function checkStatement(
  node: hbs.AST.Statement,
  scope: Scope,
  partials: ReadonlyMap<string, { file: string; ast: hbs.AST.Program }>,
  helpers: ReadonlySet<string>,
  seen: Set<string>,
): void {
  if (node.type === "MustacheStatement" || node.type === "BlockStatement") {
    const call = node as hbs.AST.MustacheStatement | hbs.AST.BlockStatement;
    const name = call.path.type === "PathExpression" ? (call.path as hbs.AST.PathExpression).original : "";
    const isHelper = helpers.has(name) || BLOCK_HELPERS.has(name);
    if (!isHelper) checkExpression(call.path, scope);
    for (const param of call.params) checkExpression(param, scope);
    for (const pair of call.hash?.pairs ?? []) checkExpression(pair.value, scope);
    if (node.type === "BlockStatement") {
      const block = node as hbs.AST.BlockStatement;
      const first = block.params[0];
      const value = first ? resolve(first, scope.context) : undefined;
      const inner =
        name === "each" ? (Array.isArray(value) ? value[0] : undefined) : name === "with" ? value : BLOCK_HELPERS.has(name) ? scope.context : undefined;
      // An empty list gives nothing to check its body against; it renders nothing either.
      if (inner !== undefined && block.program) checkFields(block.program, { ...scope, context: inner }, partials, helpers, seen);
      if (block.inverse) checkFields(block.inverse, scope, partials, helpers, seen);
    }
  } else if (node.type === "PartialStatement") {
    const partialName = ((node as hbs.AST.PartialStatement).name as hbs.AST.PathExpression).original;
    const partial = partials.get(partialName);
    const key = `${partialName}@${JSON.stringify(Object.keys(asRecord(scope.context) ?? {}))}`;
    if (partial && !seen.has(key)) {
      seen.add(key);
      checkFields(partial.ast, { context: scope.context, file: partial.file }, partials, helpers, seen);
    }
  }
}

function checkExpression(expression: hbs.AST.Expression, scope: Scope): void {
  if (expression.type === "SubExpression") {
    const sub = expression as hbs.AST.SubExpression;
    for (const param of sub.params) checkExpression(param, scope);
    return;
  }
  if (expression.type !== "PathExpression") return;
  const path = expression as hbs.AST.PathExpression;
  // @data variables and paths into parent scopes are Handlebars' own business.
  if (path.data || path.depth > 0 || path.parts.length === 0) return;
  if (resolve(path, scope.context) === undefined) throw new UnknownFieldError(path.original, path.loc.start.line, path.loc.start.column, scope.file);
}

function resolve(expression: hbs.AST.Expression, context: unknown): unknown {
  if (expression.type !== "PathExpression") return true;
  let value: unknown = context;
  for (const part of (expression as hbs.AST.PathExpression).parts) {
    const record = asRecord(value);
    if (record === null || !(part in record)) return undefined;
    value = record[part];
  }
  return value;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
}
