import { type Stats, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";

/**
 * The folders to create for `path`, outermost first, or the file that stands where one must be.
 * Bounded by the path's depth: each step goes up one folder, and the root is always there.
 */
export function foldersToCreate(path: string): { missing: string[] } | { file: string } {
  const missing: string[] = [];
  for (let current = resolve(path); ; current = dirname(current)) {
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

/** What stands where a folder must be, in words: a file, or a device such as /dev/null, which is no file. */
export function notAFolder(path: string): string {
  return statSync(path, { throwIfNoEntry: false })?.isFile() === false ? "is not a folder" : "is a file, not a folder";
}

/**
 * `mkdir -p`, one folder at a time: Node 20's recursive mkdir never settles on a path it cannot
 * create where the folder above exists but takes no new entries (/proc), and the run would hang.
 */
export async function makeFolders(path: string): Promise<void> {
  const folders = foldersToCreate(path);
  if ("file" in folders) throw Object.assign(new Error(`${folders.file} ${notAFolder(folders.file)}`), { code: "ENOTDIR" });
  for (const folder of folders.missing) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
  }
}
