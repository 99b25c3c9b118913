#!/usr/bin/env node
import { main, processIo } from "../dist/bundle/k8s-weekly.js";

// `k8s-weekly draft | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv, process.env, processIo());
