import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { examples, modelsJson, trainModels } from "../scripts/train.js";

const PICKS = fileURLToPath(new URL("fixtures/picks", import.meta.url));

describe("npm run train", () => {
  it("learns the same bytes from the same data", () => {
    const first = modelsJson("fixture", trainModels(examples(PICKS)));
    const second = modelsJson("fixture", trainModels(examples(PICKS)));
    expect(second).toBe(first);
    expect(JSON.parse(first)).toMatchObject({ trainedOn: "fixture", notability: { intercept: expect.any(Number) } });
  });

  it("learns that editors list features more often than cleanups in the fixture cycles", () => {
    const { notability } = trainModels(examples(PICKS));
    const weight = new Map(notability.weights);
    expect(weight.get("kind/feature")).toBeGreaterThan(weight.get("kind/cleanup") ?? 0);
  });
});
