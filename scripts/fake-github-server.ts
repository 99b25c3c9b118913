/**
 * The tests' fake GitHub, served for a process outside them: the pack test drafts against it with
 * the package as npm installed it. Serves kubernetes/kubernetes with the merged PRs of the sample
 * week ending 2021-07-04, the related projects' releases and sig-release's schedule; accepts only
 * the token given as the first argument. Prints its URL as the first line of stdout, then answers
 * until it is sent SIGTERM or SIGINT.
 *
 *   node --import tsx scripts/fake-github-server.ts ghp_someToken
 */
import { readFileSync } from "node:fs";
import type { FakeSearchItem } from "../test/fake-github/server.js";
import { startFakeWorld } from "../test/helpers/fake-world.js";

const token = process.argv[2];
if (!token) {
  process.stderr.write("usage: fake-github-server.ts TOKEN\n");
  process.exit(2);
}
const sample = JSON.parse(readFileSync(new URL("../samples/2021-07-04.json", import.meta.url), "utf8")) as { items: FakeSearchItem[] };
const world = await startFakeWorld({ items: sample.items, validToken: token });
process.stdout.write(`${world.url}\n`);

const stop = () => {
  void world.close().then(() => {
    process.stderr.write(`fake GitHub: answered ${world.requests.length} requests\n`);
    process.exit(0);
  });
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
