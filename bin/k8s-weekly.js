#!/usr/bin/env node
import { fileURLToPath } from "node:url";

// `k8s-weekly draft | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
// Progress and warnings on a stderr nobody reads any more (`2>&1 | head -1`, a CI log wrapper that
// went away) are lost, not a reason to drop the draft: there is nowhere left to report it anyway.
process.stderr.on("error", () => {});

let loader;
try {
  loader = await import("../dist/bundle/start.js");
} catch (error) {
  // A clone that was never built (npm ci and npm install build it, through "prepare").
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("dist/bundle")) throw error;
  process.stderr.write("k8s-weekly: the CLI is not built yet (no dist/bundle/); run npm ci in the k8s-weekly folder, which installs its dependencies and builds it\n");
  process.exit(1);
}
const bundleDir = fileURLToPath(new URL("../dist/bundle/", import.meta.url));
const { exports: cli, saveCodeCache } = loader.loadBundle(bundleDir, "k8s-weekly.cjs", loader.codeCacheFile(process.env, bundleDir));
process.exitCode = await cli.main(process.argv, process.env, cli.processIo());
saveCodeCache();
