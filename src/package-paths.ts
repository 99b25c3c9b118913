import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/**
 * The installed package's root, found by walking up to our package.json, so that templates and
 * sample weeks are found the same way from src/ (tests), dist/ and an npm install.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "k8s-weekly") {
      root = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the package's own package.json; reinstall k8s-weekly");
    dir = parent;
  }
}

export const templatesDir = (): string => join(packageRoot(), "templates");
export const samplesDir = (): string => join(packageRoot(), "samples");

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
}
