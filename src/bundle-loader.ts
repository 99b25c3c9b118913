import { createHash } from "node:crypto";
import { closeSync, constants, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { debuglog } from "node:util";
import { Script } from "node:vm";
import { cacheDir } from "./fetch/cache.js";

/**
 * Runs the bundle's CommonJS chunks with V8's code cache, kept under the user's cache folder.
 *
 * Compiling the chunks a run loads, and compiling again each function the first time it is called,
 * took an offline draft some 40 ms, a third of its time over Node's own start. Node 20 keeps no
 * code cache for ES modules (module.enableCompileCache is Node 22), and the libraries that keep one
 * (v8-compile-cache and its fork) hook require() and save each file's code when it is compiled,
 * before the functions a run calls exist; this saves it after the run, so that those functions
 * come from the cache too. It is small enough to keep here: a chunk is a function of the CommonJS
 * arguments, and a chunk's require() of another chunk comes back here.
 *
 * The cache is never needed: a missing, unreadable or foreign file is a miss, every entry is
 * checked against a hash of the chunk's text and of its own bytes (V8 checks only their lengths,
 * and would run code cached from another text of the same length), and V8 refuses the code of
 * another Node or other flags (`cachedDataRejected`). The hashes catch damage, not a forger: who
 * can write the cache folder can make V8 run their code, so it is trusted like the package itself. A run that missed writes the file whole, by
 * rename, keeping the entries of chunks it did not load that the bundle still has.
 */

const debug = debuglog("k8s-weekly");

interface Entry {
  /** The chunk's path under the bundle's folder. */
  name: string;
  /** Hashes of the chunk's text and of the code cached for it. */
  source: string;
  data: string;
  length: number;
}

const FORMAT = "k8s-weekly-code-cache/1";

export interface LoadedBundle<T> {
  exports: T;
  /** Writes the code of every chunk this run loaded without it; call once the run is done. */
  saveCodeCache(): void;
}

const hash = (data: string | Uint8Array) => createHash("sha256").update(data).digest("base64url").slice(0, 22);

/** The code cache file of the bundle in `bundleDir`, one per installed copy; none without a home folder. */
export function codeCacheFile(env: NodeJS.ProcessEnv, bundleDir: string): string | undefined {
  try {
    return join(cacheDir(env), "code", `${hash(resolve(bundleDir))}.bin`);
  } catch {
    return undefined;
  }
}

/** More than any bundle's compiled code: a bigger "cache file" is something else. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** The file's bytes when it is a regular file of a sensible size: a FIFO or /dev/zero would never end. */
function readRegularFile(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_CACHE_BYTES) return undefined;
    const blob = Buffer.alloc(info.size);
    let read = 0;
    while (read < blob.length) {
      const got = readSync(fd, blob, read, blob.length - read, read);
      if (got === 0) break;
      read += got;
    }
    return blob.subarray(0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readCache(file: string): Map<string, { entry: Entry; data: Buffer }> {
  const cached = new Map<string, { entry: Entry; data: Buffer }>();
  const blob = readRegularFile(file);
  if (blob === undefined) return cached;
  try {
    const headerLength = blob.readUInt32LE(0);
    const header = JSON.parse(blob.toString("utf8", 4, 4 + headerLength)) as { format?: unknown; node?: unknown; entries?: unknown };
    if (header.format !== FORMAT || header.node !== nodeKey() || !Array.isArray(header.entries)) return cached;
    let offset = 4 + headerLength;
    for (const entry of header.entries as Entry[]) {
      const data = blob.subarray(offset, offset + entry.length);
      offset += entry.length;
      if (typeof entry.name === "string" && data.length === entry.length) cached.set(entry.name, { entry, data });
    }
  } catch {
    // Not a cache file of ours, or cut short: a miss.
    cached.clear();
  }
  return cached;
}

const nodeKey = () => `${process.version} ${process.arch}`;

/**
 * Loads `entry` (a CommonJS file under `bundleDir`) and the chunks it requires, with the code
 * cached in `cacheFile` (none: no cache).
 */
export function loadBundle<T>(bundleDir: string, entry: string, cacheFile: string | undefined): LoadedBundle<T> {
  const cached = cacheFile ? readCache(cacheFile) : new Map<string, { entry: Entry; data: Buffer }>();
  const modules = new Map<string, { exports: unknown }>();
  const missed = new Map<string, { script: Script; source: string }>();
  const nodeRequire = createRequire(join(bundleDir, entry));

  const load = (file: string): unknown => {
    const known = modules.get(file);
    if (known) return known.exports;
    const module = { exports: {} as unknown };
    modules.set(file, module);
    const name = relative(bundleDir, file);
    const text = readFileSync(file, "utf8");
    const source = hash(text);
    const hit = cached.get(name);
    const cachedData = hit && hit.entry.source === source && hit.entry.data === hash(hit.data) ? hit.data : undefined;
    // Strict, as the ES modules the chunks were; on a line of its own, so that stack traces keep
    // the chunk's line numbers.
    const script = new Script(`(function (exports, require, module, __filename, __dirname, __importMetaUrl) {"use strict";\n${text}\n})`, { filename: file, lineOffset: -1, cachedData });
    const used = cachedData !== undefined && !script.cachedDataRejected;
    debug("%s: %s", name, used ? "code from the cache" : cachedData ? "cached code refused by V8" : "compiled");
    if (!used) missed.set(name, { script, source });
    const here = dirname(file);
    const chunkRequire = (id: string) => (id.startsWith(".") ? load(resolve(here, id)) : nodeRequire(id));
    (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, chunkRequire, module, file, here, pathToFileURL(file).href);
    return module.exports;
  };

  const exports = load(join(bundleDir, entry)) as T;
  return {
    exports,
    saveCodeCache() {
      if (!cacheFile || missed.size === 0) return;
      try {
        const entries: Array<{ entry: Entry; data: Buffer }> = [];
        for (const [name, { script, source }] of missed) {
          const data = script.createCachedData();
          entries.push({ entry: { name, source, data: hash(data), length: data.length }, data });
        }
        // Chunks named in the cache that the bundle no longer has were replaced by an upgrade.
        for (const [name, kept] of cached) if (!missed.has(name) && existsSync(join(bundleDir, name))) entries.push(kept);
        const header = Buffer.from(JSON.stringify({ format: FORMAT, node: nodeKey(), entries: entries.map(({ entry }) => entry) }));
        const length = Buffer.alloc(4);
        length.writeUInt32LE(header.length);
        // The cache folder and the two below it, one at a time: a recursive mkdirSync never returns
        // on a path it cannot create under /proc (Node 20), and this runs after every missed run.
        const code = dirname(cacheFile);
        for (const dir of [dirname(dirname(code)), dirname(code), code]) {
          try {
            mkdirSync(dir);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
          }
        }
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        try {
          writeFileSync(temporary, Buffer.concat([length, header, ...entries.map(({ data }) => data)]));
          renameSync(temporary, cacheFile);
        } finally {
          rmSync(temporary, { force: true });
        }
      } catch (error) {
        // The next run compiles again, as this one did; nothing is lost but time.
        debug("code cache not written: %s", error instanceof Error ? error.message : String(error));
      }
    },
  };
}
