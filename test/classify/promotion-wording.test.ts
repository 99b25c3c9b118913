import { describe, expect, it } from "vitest";
import { promotionBullet } from "../../src/classify/lines.js";
import { lineProblems } from "../../src/lint/line-rules.js";
import { promotionText, saysOnByDefault, statesOnByDefault } from "../../src/classify/promotion-wording.js";
import { gatePromotionBullet } from "../../src/context/gates/lines.js";
import { renderBullet } from "../../src/markdown/escape.js";
import { body, pr, url } from "./fixtures.js";

describe("promotion lines", () => {
  it("says a beta feature is on by default only when the PR says so", () => {
    expect(statesOnByDefault("SidecarContainers is now beta and enabled by default.")).toBe(true);
    expect(statesOnByDefault("Graduate the feature to beta, which enables the new field of Jobs by default")).toBe(true);
    expect(statesOnByDefault("The gate defaults to true in this release")).toBe(true);
    expect(statesOnByDefault("The feature is beta but not enabled by default")).toBe(false);
    expect(statesOnByDefault("It is no longer on by default")).toBe(false);
    expect(statesOnByDefault("Promote the gate to beta; it stays disabled by default")).toBe(false);
  });

  it("reads from the title and the release note, not from the rest of the body", () => {
    expect(saysOnByDefault({ title: "Promote PodReadyToStartContainersCondition to beta", body: body("The condition is on by default now.") })).toBe(true);
    expect(saysOnByDefault({ title: "Promote X to beta", body: body("NONE", "Once enabled by default, users can ...") })).toBe(false);
  });

  it("words the stage and agrees with plural feature names", () => {
    expect(promotionText("JobPodFailurePolicy", "Beta", true)).toBe("JobPodFailurePolicy is beta and on by default");
    expect(promotionText("kubelet credential providers", "Beta", true)).toBe("kubelet credential providers are beta and on by default");
    expect(promotionText("JobPodFailurePolicy", "Beta", false)).toBe("JobPodFailurePolicy to beta");
    // GA features are always on: saying so adds nothing.
    expect(promotionText("JobPodFailurePolicy", "GA", true)).toBe("JobPodFailurePolicy to GA");
  });

  it("builds the same line from the classifier and from the feature-gate diff, both passing the line rules", () => {
    const input = pr(118000, "Graduate PodSchedulingReadiness to beta", { note: "PodSchedulingReadiness is beta and enabled by default" });
    const fromClassifier = renderBullet(promotionBullet("PodSchedulingReadiness", "Beta", saysOnByDefault(input), input.url));
    const fromGates = renderBullet(gatePromotionBullet("PodSchedulingReadiness", "Beta", url(118000), true));
    expect(fromClassifier).toBe(`* [PodSchedulingReadiness is beta and on by default](${url(118000)})`);
    expect(fromGates).toBe(fromClassifier);
    expect(renderBullet(gatePromotionBullet("PodSchedulingReadiness", "Beta", url(118000)))).toBe(`* [PodSchedulingReadiness to beta](${url(118000)})`);
    expect(lineProblems(fromClassifier, "promotions", url(118000))).toEqual([]);
  });
});
