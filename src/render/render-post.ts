import { format } from "date-fns";
import type Handlebars from "handlebars";
import { link } from "../markdown/escape.js";
import { UsageError } from "../errors.js";
import { MARKED_ROWS } from "../sections.js";
import { datePatternProblem } from "../title-date.js";
import { calendarDate } from "../week.js";
import { type CheckedPartial, checkFields, UnknownFieldError } from "./check-fields.js";
import { noteBlocks, stampNote } from "../markdown/tool-notes.js";
import { restampMarkers } from "./markers.js";
import { COMPILE_OPTIONS, PRECOMPILED } from "./precompiled.js";
import type { TemplateSources } from "./template-files.js";
import type { PostView } from "./view-model.js";

export { defaultTemplates, readPartials, readTemplate, type TemplateSources } from "./template-files.js";

type TemplateEngine = typeof Handlebars;

/**
 * Handlebars' runtime renders the shipped templates, which the bundle holds compiled; its compiler,
 * most of the library, is loaded only for a template an editor wrote or changed.
 */
async function templateEngine(templates: TemplateSources): Promise<TemplateEngine> {
  const files = [templates.main, ...Object.values(templates.partials)];
  const engine = files.every((file) => PRECOMPILED.has(file.source)) ? await import("handlebars/runtime.js") : await import("handlebars");
  return ((engine as { default?: unknown }).default ?? engine) as TemplateEngine;
}

/**
 * An editor's template or partials, read for what can be known before the week is fetched: syntax,
 * and `{{> name}}` calls of partials that do not exist. A typo should fail in a second, not after
 * the requests to GitHub. Fields are checked at render time, against the data they name.
 */
export async function checkTemplateFiles(templates: TemplateSources): Promise<void> {
  const handlebars = await templateEngine(templates);
  const known = partialNames(templates);
  for (const file of [templates.main, ...Object.values(templates.partials)]) {
    if (PRECOMPILED.has(file.source)) continue;
    let ast: hbs.AST.Program;
    try {
      ast = handlebars.parseWithoutProcessing(file.source);
    } catch (error) {
      throw templateError(error, file.name, known);
    }
    const { called, inline, datePatterns } = partialsOf(ast);
    const missing = called.find((name) => !known.includes(name) && !inline.has(name) && !name.startsWith("@"));
    if (missing !== undefined) throw new UsageError(`template ${file.name}: unknown partial "${missing}"; known partials: ${known.join(", ")}`);
    for (const { pattern, loc } of datePatterns) {
      const problem = datePatternProblem(pattern);
      if (problem === null) continue;
      const error = new HelperCallError(problem, loc);
      error.call = callText(file.source, loc);
      throw templateError(error, file.name, known);
    }
  }
}

/**
 * The partials a template calls by a fixed name, and those it declares itself (`{{#*inline "x"}}`).
 * A dynamic `{{> (lookup ...)}}` has no name to check here, and `{{> @partial-block}}` is Handlebars' own.
 */
function partialsOf(program: hbs.AST.Program): { called: string[]; inline: Set<string>; datePatterns: DatePattern[] } {
  const called: string[] = [];
  const inline = new Set<string>();
  const datePatterns: DatePattern[] = [];
  // An explicit stack: a template is an editor's file, and its nesting depth is theirs to choose.
  const pending: hbs.AST.Node[] = [...program.body];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type === "PartialStatement" || node.type === "PartialBlockStatement") {
      const { name } = node as hbs.AST.PartialStatement;
      if (name.type === "PathExpression") called.push((name as hbs.AST.PathExpression).original);
    }
    if (node.type === "DecoratorBlock") {
      const decorator = node as unknown as { path: hbs.AST.PathExpression; params: hbs.AST.Expression[] };
      const [declared] = decorator.params;
      if (decorator.path.original === "inline" && declared?.type === "StringLiteral") inline.add((declared as hbs.AST.StringLiteral).value);
    }
    // `{{formatDate week.ending "YYYY"}}`: a pattern written out is checked now, not after the fetch.
    if (node.type === "MustacheStatement" || node.type === "SubExpression") {
      const call = node as hbs.AST.MustacheStatement;
      const pattern = call.params[1];
      if (call.path.type === "PathExpression" && (call.path as hbs.AST.PathExpression).original === "formatDate" && pattern?.type === "StringLiteral") {
        datePatterns.push({ pattern: (pattern as hbs.AST.StringLiteral).value, loc: call.loc });
      }
      pending.push(...call.params);
    }
    const block = node as Partial<hbs.AST.BlockStatement>;
    if (node.type === "BlockStatement" && block.params) pending.push(...block.params);
    if (block.program) pending.push(...block.program.body);
    if (block.inverse) pending.push(...block.inverse.body);
  }
  return { called, inline, datePatterns };
}

interface DatePattern {
  pattern: string;
  loc: hbs.AST.SourceLocation;
}

/** Renders on a Handlebars instance of our own, so nothing leaks between runs or into globals. */
export async function renderPost(view: PostView, templates: TemplateSources): Promise<string> {
  const handlebars = (await templateEngine(templates)).create();
  // A helper given the wrong field fails naming itself: the template's author reads which call it was.
  handlebars.registerHelper("formatDate", (...args: unknown[]) => {
    // Handlebars passes its options last, however many arguments the template wrote.
    const options = args.at(-1);
    const [value, pattern] = args;
    if (args.length !== 3 || typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value) || typeof pattern !== "string") {
      throw new Error("formatDate needs a YYYY-MM-DD date and a date-fns pattern, as in {{formatDate week.ending \"MMMM d, yyyy\"}}");
    }
    // Checked first: date-fns would print its own warning on stderr before throwing.
    const problem = datePatternProblem(pattern);
    if (problem !== null) throw new HelperCallError(problem, (options as { loc?: hbs.AST.SourceLocation }).loc);
    return format(calendarDate(value.slice(0, 10)), pattern);
  });
  handlebars.registerHelper("join", (list: unknown, separator: unknown) => {
    if (!Array.isArray(list)) throw new Error('join needs a list, as in {{join section.entries ", "}}');
    return list.join(typeof separator === "string" ? separator : ", ");
  });
  handlebars.registerHelper("link", (label: unknown, url: unknown) => {
    if (typeof label !== "string" || typeof url !== "string" || !/^https?:\/\//.test(url)) {
      throw new Error("link needs a label and an http(s) URL, as in {{link bullet.label bullet.url}}");
    }
    return link(label, url);
  });
  const parsed = new Map<string, CheckedPartial>();
  const parse = (file: { name: string; source: string }): hbs.AST.Program => {
    try {
      // Parsing eagerly reports a syntax error against the file it is in. Whitespace control is
      // left to compile, which is handed this tree, so that each template is parsed only once.
      return PRECOMPILED.get(file.source)?.ast ?? handlebars.parseWithoutProcessing(file.source);
    } catch (error) {
      throw templateError(error, file.name, partialNames(templates));
    }
  };
  for (const [name, partial] of Object.entries(templates.partials)) parsed.set(name, { file: partial.name, ast: parse(partial) });
  const main = parse(templates.main);
  const section = parsed.get("section");
  for (const row of MARKED_ROWS) {
    if (!section || parsed.has(row.partial)) continue;
    const sectionView = view.sectionList.find((item) => item.key === row.key);
    parsed.set(row.partial, { ...section, addsToContext: (context) => ({ ...(context as object), section: sectionView }) });
  }
  try {
    checkFields(main, { context: view, file: templates.main.name }, parsed, HELPERS);
  } catch (error) {
    if (error instanceof UnknownFieldError) {
      throw new UsageError(`template ${error.file}:${error.line}:${error.column}: ${error.message}; fix the field name (the README lists the fields)`);
    }
    throw error;
  }
  const compile = (file: { name: string; source: string }, ast: hbs.AST.Program): HandlebarsTemplateDelegate => {
    const precompiled = PRECOMPILED.get(file.source);
    const compiled = precompiled ? handlebars.template(precompiled.spec) : handlebars.compile(ast, COMPILE_OPTIONS);
    return (context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return compiled(context, options);
      } catch (error) {
        if (error instanceof TemplateFileError) throw error;
        if (error instanceof HelperCallError && error.loc !== undefined) error.call = callText(file.source, error.loc);
        throw new TemplateFileError(file.name, error);
      }
    };
  };
  let post: string;
  try {
    for (const [name, partial] of Object.entries(templates.partials)) handlebars.registerPartial(name, compile(partial, parsed.get(name)!.ast));
    registerSectionPartials(handlebars, view, templates);
    post = stampNotes(restampMarkers(tidy(compile(templates.main, main)(view))));
  } catch (error) {
    if (error instanceof TemplateFileError) throw templateError(error.cause, error.file, partialNames(templates));
    throw templateError(error, templates.main.name, partialNames(templates));
  }
  // An empty file given as --template writes a post that a later --update cannot read.
  if (post.trim() === "") throw new UsageError(`template ${templates.main.name}: renders an empty post; start from k8s-weekly templates export DIR`);
  return post;
}

/**
 * Each generated section is also a partial of its own name (`promotions`, ...), so that a user's
 * partial of that name replaces that section alone, and a main template written when each
 * section had its own partial still renders. The ones the user did not write are `section`.
 */
function registerSectionPartials(handlebars: typeof Handlebars, view: PostView, templates: TemplateSources): void {
  const section = handlebars.partials["section"] as Handlebars.TemplateDelegate | undefined;
  if (typeof section !== "function") return;
  for (const row of MARKED_ROWS) {
    if (Object.hasOwn(templates.partials, row.partial)) continue;
    const sectionView = view.sectionList.find((item) => item.key === row.key);
    handlebars.registerPartial(row.partial, (context: unknown, options?: Handlebars.RuntimeOptions) =>
      section({ ...(context as object), section: sectionView }, options),
    );
  }
}

/** The partials a template may call: the files, and the generated sections under their own names. */
function partialNames(templates: TemplateSources): string[] {
  return [...new Set([...Object.keys(templates.partials), ...MARKED_ROWS.map((row) => row.partial)])].sort();
}

const HELPERS = new Set(["formatDate", "join", "link"]);

class TemplateFileError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** A helper's complaint about a value the template wrote, with where the call stands. */
class HelperCallError extends Error {
  /** The call as the template has it, `{{formatDate week.ending "YYYY"}}`. */
  call?: string;
  constructor(
    message: string,
    readonly loc: hbs.AST.SourceLocation | undefined,
  ) {
    super(message);
  }
}

function callText(source: string, loc: hbs.AST.SourceLocation): string {
  const lines = source.split("\n").slice(loc.start.line - 1, loc.end.line);
  lines[lines.length - 1] = (lines[lines.length - 1] ?? "").slice(0, loc.end.column);
  lines[0] = (lines[0] ?? "").slice(loc.start.column);
  return lines.join(" ").replace(/\s+/g, " ");
}

function templateError(error: unknown, file: string, partialNames: string[]): UsageError {
  if (error instanceof HelperCallError) {
    const line = error.loc === undefined ? "" : `:${error.loc.start.line}`;
    return new UsageError(`template ${file}${line}: ${error.call === undefined ? "" : `${error.call}: `}${error.message}; fix the template`);
  }
  const message = error instanceof Error ? error.message : String(error);
  const missingPartial = message.match(/The partial (\S+) could not be found/);
  if (missingPartial) {
    return new UsageError(`template ${file}: unknown partial "${missingPartial[1]}"; known partials: ${partialNames.join(", ")}`);
  }
  const strictMiss = message.match(/^"([^"]+)" not defined in .* - (\d+):(\d+)/);
  if (strictMiss) {
    return new UsageError(`template ${file}:${strictMiss[2]}:${strictMiss[3]}: "${strictMiss[1]}" not defined in the data the template sees; fix the field name`);
  }
  const line = message.match(/line (\d+)/)?.[1];
  const summary = (message.split("\n").find((part) => /^(Expecting|Parse error|[A-Z])/.test(part) && !/^Parse error on line/.test(part)) ?? message.split("\n")[0] ?? message).trim();
  return new UsageError(`template ${file}${line ? `:${line}` : ""}: ${summary}; fix the template`);
}

/** Each note of the tool's with the stamp that lets `--update` know it unchanged. */
function stampNotes(post: string): string {
  const lines = post.split("\n");
  for (const { start, end } of noteBlocks(lines)) lines.splice(start, end - start + 1, ...stampNote(lines.slice(start, end + 1)));
  return lines.join("\n");
}

/** Sections that render nothing leave blank lines behind; a post has at most one between blocks. */
function tidy(markdown: string): string {
  return `${markdown.replace(/\n{3,}/g, "\n\n").trim()}\n`;
}
