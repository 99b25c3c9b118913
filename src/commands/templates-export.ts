import { existsSync, statSync } from "node:fs";
import { cp, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import type { Logger } from "../logger.js";
import { templatesDir } from "../package-paths.js";
import { defaultTemplates } from "../render/render-post.js";

/** Copies the default main template and partials out, for `--template` and `--partials`. */
export async function exportTemplates(dir: string, force: boolean, logger: Logger): Promise<void> {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`templates export ${dir}: is a file; give a folder`);
  const defaults = defaultTemplates();
  const targets = ["post.md.hbs", ...Object.keys(defaults.partials).map((name) => join("partials", `${name}.hbs`))];
  const clashes = targets.filter((target) => existsSync(join(dir, target)));
  if (clashes.length > 0 && !force) {
    throw new UsageError(`templates export ${dir}: ${clashes.length} files exist already (${clashes[0]}, ...); add --force to replace them`);
  }
  await mkdir(join(dir, "partials"), { recursive: true });
  for (const target of targets) await cp(join(templatesDir(), target), join(dir, target));
  logger.info(
    `copied ${targets.length} templates to ${dir}; use them with --template ${join(dir, "post.md.hbs")} --partials ${join(dir, "partials")}`,
  );
}
