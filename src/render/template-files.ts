import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { utf8TextOf } from "../byte-order-mark.js";
import { readProblem, UsageError } from "../errors.js";
import { templatesDir } from "../package-paths.js";

// Reading the templates, apart from rendering them (render-post.ts), so that a draft can check
// them before it fetches the week without loading Handlebars until it renders.

export interface TemplateSources {
  main: { name: string; source: string };
  partials: Record<string, { name: string; source: string }>;
}

/** The default main template and partials, read from the package's templates/ folder. */
export function defaultTemplates(dir = templatesDir()): TemplateSources {
  return { main: readTemplate(join(dir, "post.md.hbs")), partials: readPartials(join(dir, "partials")) };
}

export function readTemplate(path: string): { name: string; source: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`template ${path}: ${readProblem(error)}; give an existing file`);
  }
  // Handlebars would report a file saved as UTF-16 as a lexical error on line 1.
  return { name: path, source: utf8TextOf(bytes, `template ${path}`, "save the template as UTF-8 first") };
}

export function readPartials(dir: string): Record<string, { name: string; source: string }> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith(".hbs")).sort();
  } catch (error) {
    throw new UsageError(`partials folder ${dir}: ${readProblem(error)}; give an existing folder`);
  }
  return Object.fromEntries(files.map((file) => [basename(file, ".hbs"), readTemplate(join(dir, file))]));
}
