// The steps of a draft that follow fetching the week: classifying, reading the context, rendering
// and merging into a post. Imported apart (draft.ts), so that a cold run loads them while its
// first request to GitHub is on its way rather than before sending it.
export { classifyDraft, emptyDraft, finishDraft, type ClassifiedDraft } from "../draft/build-draft.js";
export { interpretContextWithoutKeps, interpretWeekContext, type InterpretOptions } from "../context/week-context.js";
export { checkTemplateFiles, renderPost } from "../render/render-post.js";
export { buildPostView } from "../render/view-model.js";
export { entriesLeftOut } from "../render/left-out.js";
export { explainDraft } from "../draft/explain.js";
export { draftJson } from "../draft/draft-json.js";
export { MarkerError, sectionsLeftOut, updatePost } from "../write/update-post.js";
