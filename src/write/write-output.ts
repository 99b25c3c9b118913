import { randomBytes } from "node:crypto";
import { close, closeSync, existsSync, fsync, lstatSync, openSync, statSync, unlinkSync, writeFile } from "node:fs";
import { chmod, chown, readFile, realpath, rename, stat } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { onExit } from "signal-exit";
import { errnoWords, FailureError, UsageError } from "../errors.js";
import { notAFolder } from "../make-folders.js";

/**
 * Fails early, before any fetching, when the output file could not be written: a missing or
 * unwritable folder, a folder or anything but a regular file where the file would go, or an
 * existing file without --force. `flag` names the option in messages (`-o`, `--update`).
 */
export function checkOutputPath(path: string, force: boolean, flag = "-o"): void {
  // resolve() drops a trailing slash: "posts/" would become a file named "posts".
  if (path.endsWith("/") || path.endsWith(sep)) throw new UsageError(`${flag} ${path}: names a folder (it ends in a slash); give a file name`);
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) throw new UsageError(`${flag} ${path}: the folder ${folder} does not exist; create it first`);
  if (!statSync(folder).isDirectory()) throw new UsageError(`${flag} ${path}: ${folder} ${notAFolder(folder)}; give a path inside a folder`);
  // A symlink to nothing (or to itself) is still there: renaming over it would replace the link.
  const link = lstatSync(path, { throwIfNoEntry: false });
  if (link?.isSymbolicLink() && !existsSync(path)) throw new UsageError(`${flag} ${path}: is a symlink that leads to no file; give a file name`);
  if (existsSync(path)) {
    const info = statSync(path);
    if (info.isDirectory()) throw new UsageError(`${flag} ${path}: is a folder; give a file name`);
    // Renaming over a device, a FIFO or a socket would replace it with a regular file (as root, /dev/null).
    // Only -o has a spelling for stdout: --update and finalize rewrite the draft they name.
    if (!info.isFile()) throw new UsageError(`${flag} ${path}: is not a regular file; ${flag === "-o" ? "give a file name, or - for stdout" : "give the draft's file"}`);
    if (!force) {
      throw new UsageError(`${flag} ${path}: the file exists; use --update ${path} instead of ${flag} to refresh it keeping the editor's edits, or add --force to replace it`);
    }
  }
  probeFolder(path, folder, flag);
}

/** access(2) says yes to root even on a folder nobody can create files in (/proc); creating one is the real test. */
function probeFolder(path: string, folder: string, flag: string): void {
  const probe = join(folder, temporaryName(basename(path)));
  try {
    closeSync(openSync(probe, "wx"));
    unlinkSync(probe);
  } catch (error) {
    // Only -o can choose another folder: --update and finalize replace the file where it is.
    const fix = flag === "-o" ? "choose a folder you can write to" : flag === "finalize" ? "make the folder writable, or print the post with -o -" : "make the folder writable";
    throw new UsageError(`${flag} ${path}: cannot create files in ${folder} (${errnoWords(error)}); ${fix}`);
  }
}

/** Dot-named, so Jekyll and globs like `_posts/*.md` skip one left behind by a kill -9. */
function temporaryName(name: string): string {
  return `.${name}.${randomBytes(6).toString("hex")}.tmp`;
}

export interface WriteOptions {
  force: boolean;
  /** The option that named the file, for messages. */
  flag?: string;
  /** The bytes the file held when it was read: replace it only if it still holds them. */
  expected?: Buffer;
}

/**
 * Writes through a dot-named temporary file beside the target, fsynced, then a rename, so readers
 * never see half a post. A symlink keeps pointing at its file, which is the one replaced; the
 * replaced file's mode and owner carry over.
 *
 * Ctrl-C or SIGTERM mid-write removes the temporary file, and the signal then ends the process as
 * it would have (exit 130 or 143). So does a signal that lands after the rename, when the new file
 * is whole: a shell or CI runner reads a death by signal as "stopped on request" and stops the
 * script there (`draft -o post.md && git push` must not go on to push after a Ctrl-C), and the
 * file is whole either way, the old one or the new one. Only kill -9 can leave a temporary file.
 */
export async function writeOutputFile(path: string, content: string, options: WriteOptions): Promise<void> {
  const flag = options.flag ?? "-o";
  checkOutputPath(path, options.force, flag);
  const target = await realpath(path).catch(() => resolve(path));
  const temporary = join(dirname(target), temporaryName(basename(target)));
  let created = false;
  // signal-exit re-sends the signal after its handlers ran, so the exit status stays the signal's.
  const removeOnSignal = onExit(() => {
    try {
      unlinkSync(temporary);
    } catch {
      // Not created yet, or already renamed.
    }
  });
  try {
    const existing = await stat(target).catch(() => null);
    // Created synchronously: a handler that ran while a worker thread was creating it would miss it.
    const fd = openSync(temporary, "wx", existing ? 0o600 : 0o666);
    created = true;
    try {
      await promisify(writeFile)(fd, content, "utf8");
      await promisify(fsync)(fd);
    } finally {
      await promisify(close)(fd);
    }
    if (existing) {
      await chmod(temporary, existing.mode & 0o7777);
      await chown(temporary, existing.uid, existing.gid).catch(() => undefined);
    }
    if (options.expected && !(await readFile(target).catch(() => Buffer.alloc(0))).equals(options.expected)) {
      throw new FailureError(`${flag} ${path}: the file changed while the draft was being made (an editor saved it?); it was left as it is, run the command again`);
    }
    await rename(temporary, target);
    created = false;
  } catch (error) {
    if (error instanceof FailureError) throw error;
    // The folder was checked before the draft was made: ENOENT now means it went meanwhile.
    const why = (error as NodeJS.ErrnoException).code === "ENOENT" ? "its folder no longer exists" : errnoWords(error);
    throw new FailureError(`${flag} ${path}: could not write the file (${why})`);
  } finally {
    // Removed before the handler goes: a signal in between would otherwise leave the file behind.
    if (created) {
      try {
        unlinkSync(temporary);
      } catch {
        // Already gone.
      }
    }
    removeOnSignal();
  }
}
