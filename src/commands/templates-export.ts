import { existsSync, type Stats, statSync } from "node:fs";
import { cp, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { UsageError } from "../errors.js";
import type { Logger } from "../logger.js";
import { templatesDir } from "../package-paths.js";
import { defaultTemplates } from "../render/render-post.js";

/** Copies the default main template and partials out, for `--template` and `--partials`. */
export async function exportTemplates(dir: string, force: boolean, logger: Logger): Promise<void> {
  // An empty name would copy into the working folder, and the message would name no folder.
  if (dir === "") throw new UsageError("templates export '': give a folder name (. for the working folder)");
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`templates export ${dir}: is a file; give a folder`);
  const folders = foldersToCreate(join(dir, "partials"));
  if ("file" in folders) throw new UsageError(`templates export ${dir}: ${folders.file} is a file, not a folder; give another folder`);
  const defaults = defaultTemplates();
  const targets = ["post.md.hbs", ...Object.keys(defaults.partials).map((name) => join("partials", `${name}.hbs`))];
  const clashes = targets.filter((target) => existsSync(join(dir, target)));
  if (clashes.length > 0 && !force) {
    throw new UsageError(`templates export ${dir}: ${clashes.length} files exist already (${clashes[0]}, ...); add --force to replace them`);
  }
  // A folder that cannot be written is the command line's to fix, as it is for draft -o (exit 2).
  for (const folder of folders.missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      throw new UsageError(`templates export ${dir}: cannot create the folder ${folder} (${code}); choose a folder you can write to`);
    }
  }
  for (const target of targets) {
    try {
      await cp(join(templatesDir(), target), join(dir, target));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      throw new UsageError(`templates export ${dir}: cannot write ${join(dir, target)} (${code}); choose a folder you can write to`);
    }
  }
  logger.info(
    `copied ${targets.length} templates to ${dir}; use them with --template ${join(dir, "post.md.hbs")} --partials ${join(dir, "partials")}`,
  );
}

/**
 * The folders to create for `path`, outermost first, or the file that stands where one must be.
 * One at a time: Node's recursive mkdir loops forever where mkdir says ENOENT under a folder that
 * exists (/proc).
 */
function foldersToCreate(path: string): { missing: string[] } | { file: string } {
  const missing: string[] = [];
  for (let current = path; ; current = dirname(current)) {
    let info: Stats | undefined;
    try {
      info = statSync(current, { throwIfNoEntry: false });
    } catch {
      // ENOTDIR: the file is further up, found on the next step; EACCES: mkdir reports it.
    }
    if (info !== undefined) return info.isDirectory() ? { missing } : { file: current };
    missing.unshift(current);
    if (dirname(current) === current) return { missing };
  }
}
