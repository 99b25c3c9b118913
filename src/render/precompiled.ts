/** How every template is compiled, the shipped ones at build time and an editor's at run time. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

export interface PrecompiledTemplate {
  /** As `parseWithoutProcessing` returns it, for the field check. */
  ast: hbs.AST.Program;
  spec: TemplateSpecification;
}

/**
 * The shipped templates parsed and compiled to JavaScript, keyed by their source text.
 * scripts/bundle.mjs fills this in when it builds the CLI, because parsing and compiling them took
 * most of a draft's rendering time. A template an editor changed has other text, misses, and is
 * compiled as it is read; run from source, as the tests do, the map is empty.
 */
export const PRECOMPILED: ReadonlyMap<string, PrecompiledTemplate> = new Map();
