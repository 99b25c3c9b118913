import { emptyDraft as emptyDraftOf } from "../../src/draft/build-draft.js";
import type { Draft } from "../../src/types.js";

/** The draft of the sample week with nothing in it; a test names only what it is about. */
export function emptyDraft(overrides: Partial<Draft> = {}): Draft {
  return { ...emptyDraftOf({ ending: "2021-07-04", from: "2021-06-28T00:00:00Z", to: "2021-07-04T23:59:59Z" }), ...overrides };
}
