import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/helpers/plain-summary.ts"],
    setupFiles: ["./test/helpers/load-parsers.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Vitest keeps a core for itself, which on 2 cores means one worker; but its main process
    // only waits on the workers, so one worker per core finishes sooner.
    maxWorkers: availableParallelism(),
    // Re-importing Octokit and GitHub's GraphQL schema for every file was half the suite's CPU
    // time. Sharing modules is safe because main() keeps no state between runs; the tests that
    // call it hundreds of times in one process are the check that it stays so.
    isolate: false,
  },
});
