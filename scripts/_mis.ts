import { DEFAULT_RULES, classifyWeek } from "../src/classify/classify.js";
import { loadPicks } from "../scripts/picks.js";
const cycles = loadPicks("/work/shared/corpus/picks", "2021-07-01T12:00:00Z");
const want = process.argv[2]!, got = process.argv[3]!;
let n = 0;
for (const picks of cycles.values()) {
  const d = classifyWeek(picks.map(p => p.pr), { week: { ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" }, defaultBranches: { "kubernetes/kubernetes": "master" } }, DEFAULT_RULES);
  const placed = new Map(d.reported.map(e => [e.pr.number, e]));
  const skipped = new Map(d.skipped.map(e => [e.pr.number, e.reason]));
  for (const p of picks) {
    const e = placed.get(p.note.number);
    const sec = e?.section ?? "skipped";
    if (String(p.note.lwkd_section) === want && sec === got && n++ < 25) console.log(p.note.number, p.note.kinds.join(","), e?.reason ?? skipped.get(p.note.number), "|", p.note.note.slice(0, 160).replace(/\n/g, " "));
  }
}
console.log(n);
