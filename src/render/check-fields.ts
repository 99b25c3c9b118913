
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

export interface CheckedPartial {
  file: string;
  ast: hbs.AST.Program;
  /** What the partial adds to the context it is called with, when it is a wrapper of another. */
  addsToContext?: (context: unknown) => unknown;
}

interface Scope {
  context: unknown;
  file: string;
  /** The data the main template got (`@root`); the context when absent. */
  root?: unknown;
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
  partials: ReadonlyMap<string, CheckedPartial>,
  helpers: ReadonlySet<string>,
  seen: Set<string> = new Set(),
): void {
  for (const statement of program.body) checkStatement(statement, scope, partials, helpers, seen);
}

function checkStatement(
  node: hbs.AST.Statement,
  scope: Scope,
  partials: ReadonlyMap<string, CheckedPartial>,
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
    const statement = node as hbs.AST.PartialStatement;
    const partialName = partialNameOf(statement.name, scope);
    const partial = partialName === undefined ? undefined : partials.get(partialName);
    const given = partialContext(statement, scope);
    const context = partial?.addsToContext ? partial.addsToContext(given) : given;
    const key = `${partialName}@${JSON.stringify(Object.keys(asRecord(context) ?? {}))}`;
    if (partial && !seen.has(key)) {
      seen.add(key);
      checkFields(partial.ast, { context, file: partial.file, root: scope.root ?? scope.context }, partials, helpers, seen);
    }
  }
}

/** `{{> name}}`, or the dynamic `{{> (lookup . "partial")}}` the main template uses for its sections. */
function partialNameOf(name: hbs.AST.PathExpression | hbs.AST.SubExpression, scope: Scope): string | undefined {
  if (name.type === "PathExpression") return name.original;
  const sub = name as hbs.AST.SubExpression;
  const [target, field] = sub.params;
  if ((sub.path as hbs.AST.PathExpression).original !== "lookup" || !target || field?.type !== "StringLiteral") return undefined;
  const value = asRecord(resolve(target, scope.context))?.[(field as hbs.AST.StringLiteral).value];
  return typeof value === "string" ? value : undefined;
}

/** What a partial sees: its context argument (`@root` included) with its hash arguments on top. */
function partialContext(statement: hbs.AST.PartialStatement, scope: Scope): unknown {
  const root = scope.root ?? scope.context;
  const argument = statement.params[0];
  const base =
    argument === undefined ? scope.context : argument.type === "PathExpression" && (argument as hbs.AST.PathExpression).original === "@root" ? root : resolve(argument, scope.context);
  const pairs = statement.hash?.pairs ?? [];
  if (pairs.length === 0) return base;
  return { ...asRecord(base), ...Object.fromEntries(pairs.map((pair) => [pair.key, resolve(pair.value, scope.context)])) };
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
