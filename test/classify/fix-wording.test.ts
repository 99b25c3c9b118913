import { describe, expect, it } from "vitest";
import { restateFix } from "../../src/classify/fix-wording.js";
import { lineProblems } from "../../src/lint/line-rules.js";
import { sentenceLine } from "../../src/classify/wording.js";
import { url } from "./fixtures.js";

const U = url(3);

describe("a fix reads as what works now", () => {
  it("turns a broken condition around", () => {
    expect(restateFix("Fix the node lease is stale after restart")).toBe("the node lease is no longer stale after restart");
    expect(restateFix("fix kubectl cp does not preserve file modes")).toBe("kubectl cp now preserves file modes");
    expect(restateFix("Fixed endpoints were not updated for headless services")).toBe("endpoints are now updated for headless services");
    expect(restateFix("Fix the scheduler fails to requeue gated pods")).toBe("the scheduler now requeues gated pods");
  });

  it("restates the clause of 'a bug where ...', agreeing with its subject", () => {
    expect(restateFix("Fixed a bug where the kubelet would crash on an empty config")).toBe("the kubelet no longer crashes on an empty config");
    expect(restateFix("Fixed an issue where init containers couldn't be restarted")).toBe("init containers are now restarted");
    expect(restateFix("Fix a regression where kube-proxy dropped conntrack entries")).toBe("kube-proxy no longer drops conntrack entries");
    expect(restateFix("Fixed a race where watchers could miss the first event")).toBe("watchers no longer miss the first event");
  });

  it("leaves alone what it cannot turn around safely", () => {
    // The bug is the subject; code spans hold no verb; adverbs, relative clauses and "there" stop it.
    expect(restateFix("Fixed a bug that could leak goroutines in the informer")).toBeUndefined();
    expect(restateFix("Fixed spurious `field is immutable` errors on update")).toBeUndefined();
    expect(restateFix("Fixed a bug where the status would always be overwritten")).toBeUndefined();
    expect(restateFix("Fixed a bug where pods that were evicted are not recreated")).toBeUndefined();
    expect(restateFix("Fixed an issue where there was no error")).toBeUndefined();
    expect(restateFix("Fix how nulls are handled in JSON patches")).toBeUndefined();
    expect(restateFix("Fix pod status updates")).toBeUndefined();
    expect(restateFix("Add a flag that is off")).toBeUndefined();
    // The bug is the half after "but": turning the first half around would say the opposite.
    expect(restateFix("Fixed a bug where the widget agent would fetch its keys, but would not store them")).toBeUndefined();
  });

  it("links the new behaviour in the line and passes the line rules", () => {
    const fixed = sentenceLine("Fix TerminationGracePeriodSeconds is negative (part 1)", null, U);
    expect(fixed).toBe(`* \`TerminationGracePeriodSeconds\` [is no longer negative](${U})`);
    const fromNote = sentenceLine("kubelet: fix restarts", "Fixed a bug where the kubelet did not honor the configured grace period.", U);
    expect(fromNote).toBe(`* The kubelet [now honors the configured grace period](${U})`);
    for (const text of [fixed, fromNote]) expect(lineProblems(text, "other_merges", U)).toEqual([]);
  });

  it("prefers the title to a line that only says 'Fixes a bug'", () => {
    expect(sentenceLine("Fix nil pointer in the PV controller", "Fixed a bug that could panic the controller.", U)).toBe(
      `* Fix [nil pointer](${U}) in the PV controller`,
    );
    // A component in front ("kubeadm: fix a bug ...") does not make "fixes a bug" say more.
    expect(sentenceLine("kubeadm: fix stale member on reset", 'kubeadm: fix a bug where "kubeadm reset" would keep, but never use, the member.', U)).toBe(
      `* kubeadm [fixes stale member](${U}) on reset`,
    );
  });

  it("restates a fix note behind a component prefix as what works now", () => {
    expect(sentenceLine("kubelet: grace period", "kubelet: fixed a bug where the kubelet did not honor the configured grace period.", U)).toBe(
      `* The kubelet [now honors the configured grace period](${U})`,
    );
  });
});
