import trained from "./trained-models.json" with { type: "json" };
import type { LogisticModel } from "./notability.js";
import type { VerbForm, VerbForms } from "./verb-forms.js";

const FORMS: ReadonlySet<string> = new Set<VerbForm>(["base", "third", "past"]);
const isVerbForm = (value: unknown): value is VerbForm => typeof value === "string" && FORMS.has(value);

/** The models `npm run train` learned from the picks data; regenerate them, never edit by hand. */
export const NOTABILITY_MODEL: LogisticModel = toModel(trained.notability);
export const FEATURED_MODEL: LogisticModel = toModel(trained.featured);
export const VERB_FORMS: VerbForms = toVerbForms(trained.verbForms);

function toModel(data: { intercept: number; weights: ReadonlyArray<ReadonlyArray<string | number>> }): LogisticModel {
  return {
    intercept: data.intercept,
    weights: data.weights.map(([name, weight]) => [String(name), Number(weight)] as const),
  };
}

/** Pairs whose form is not one of the three are dropped: the rules then write the present tense. */
function toVerbForms(data: { byVerb: ReadonlyArray<ReadonlyArray<string>>; bySource: ReadonlyArray<ReadonlyArray<string>> }): VerbForms {
  const pairs = <K extends string>(rows: ReadonlyArray<ReadonlyArray<string>>, isKey: (key: unknown) => key is K): Map<K, VerbForm> => {
    const map = new Map<K, VerbForm>();
    for (const [key, form] of rows) if (isKey(key) && isVerbForm(form)) map.set(key, form);
    return map;
  };
  return { byVerb: pairs(data.byVerb, (key): key is string => typeof key === "string"), bySource: pairs(data.bySource, isVerbForm) };
}
