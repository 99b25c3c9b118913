import trained from "./trained-models.json" with { type: "json" };
import type { LogisticModel } from "./notability.js";

/** The models `npm run train` learned from the picks data; regenerate them, never edit by hand. */
export const NOTABILITY_MODEL: LogisticModel = toModel(trained.notability);
export const FEATURED_MODEL: LogisticModel = toModel(trained.featured);

function toModel(data: { intercept: number; weights: ReadonlyArray<ReadonlyArray<string | number>> }): LogisticModel {
  return {
    intercept: data.intercept,
    weights: data.weights.map(([name, weight]) => [String(name), Number(weight)] as const),
  };
}
