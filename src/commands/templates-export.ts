import { existsSync, statSync } from "node:fs";
import { cp, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { errnoWords, FailureError, UsageError } from "../errors.js";
import type { Logger } from "../logger.js";
import { templatesDir } from "../package-paths.js";
import { defaultTemplates } from "../render/render-post.js";
import { foldersToCreate, notAFolder } from "../make-folders.js";

/** Copies the default main template and partials out, for `--template` and `--partials`. */
export async function exportTemplates(dir: string, force: boolean, logger: Logger): Promise<void> {
  // An empty name would copy into the working folder, and the message would name no folder.
  if (dir === "") throw new UsageError("templates export '': give a folder name (. for the working folder)");
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`templates export ${dir}: ${notAFolder(dir)}; give a folder`);
  const folders = foldersToCreate(join(dir, "partials"));
  if ("file" in folders) throw new UsageError(`templates export ${dir}: ${folders.file} ${notAFolder(folders.file)}; give another folder`);
  const defaults = defaultTemplates();
  const targets = ["post.md.hbs", ...Object.keys(defaults.partials).map((name) => join("partials", `${name}.hbs`))];
  const clashes = targets.filter((target) => existsSync(join(dir, target)));
  if (clashes.length > 0 && !force) {
    throw new UsageError(`templates export ${dir}: ${clashes.length} files exist already (${clashes[0]}, ...); add --force to replace them`);
  }
  for (const folder of folders.missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      throw exportError(dir, `cannot create the folder ${folder}`, error);
    }
  }
  for (const target of targets) {
    try {
      await cp(join(templatesDir(), target), join(dir, target));
    } catch (error) {
      throw exportError(dir, `cannot write ${join(dir, target)}`, error);
    }
  }
  logger.info(
    `copied ${targets.length} templates to ${dir}; use them with --template ${shellWord(join(dir, "post.md.hbs"))} --partials ${shellWord(join(dir, "partials"))}`,
  );
}

/** A folder the user may not write is the command line's to fix, as for draft -o (exit 2); a full disk is a failure (1). */
const NOT_WRITABLE_HERE = new Set(["EACCES", "EPERM", "EROFS", "ENOTDIR", "EISDIR", "EEXIST", "ENOENT"]);

function exportError(dir: string, what: string, error: unknown): UsageError | FailureError {
  const why = `${what} (${errnoWords(error)})`;
  if (NOT_WRITABLE_HERE.has((error as NodeJS.ErrnoException).code ?? "")) return new UsageError(`templates export ${dir}: ${why}; choose a folder you can write to`);
  return new FailureError(`templates export ${dir}: ${why}; free some space or try again`);
}

/** A path as a shell reads it back: quoted when it holds anything but plain path characters. */
function shellWord(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}
