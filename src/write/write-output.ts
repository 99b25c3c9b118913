import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import writeFileAtomic from "write-file-atomic";
import { FailureError, UsageError } from "../errors.js";

/** Fails early, before any fetching, when the output file could not be written. */
export function checkOutputPath(path: string, force: boolean): void {
  const folder = dirname(resolve(path));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(`-o ${path}: the folder ${folder} does not exist; create it first`);
  }
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new UsageError(`-o ${path}: is a folder; give a file name`);
    if (!force) throw new UsageError(`-o ${path}: the file exists; add --force to replace it`);
  }
}

/** Writes through a temporary file in the same folder and a rename, so readers never see half a post. */
export async function writeOutputFile(path: string, content: string, force: boolean): Promise<void> {
  checkOutputPath(path, force);
  try {
    await writeFileAtomic(path, content);
  } catch (error) {
    throw new FailureError(`-o ${path}: could not write the file (${(error as Error).message})`);
  }
}
