import type { ErrorObject } from "ajv";

export const AJV_OPTIONS = { allErrors: true, strict: false } as const;

export type ConfigValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * The check of a config file against schema/config.schema.json. Run from source, as the tests do,
 * Ajv compiles the schema here. The bundle replaces this module with the code Ajv generated from
 * the schema at build time (scripts/bundle.mjs): compiling it took longer than all the rest of a
 * draft's start, and loading Ajv almost as long. Everything is imported inside, so that the build
 * can read AJV_OPTIONS from this file alone.
 */
export async function configValidator(): Promise<ConfigValidator> {
  const [{ readFileSync }, { join }, ajv, { packageRoot }] = await Promise.all([
    import("node:fs"),
    import("node:path"),
    import("ajv"),
    import("../package-paths.js"),
  ]);
  const schema = JSON.parse(readFileSync(join(packageRoot(), "schema", "config.schema.json"), "utf8")) as object;
  // Ajv is CommonJS: `default`, its module.exports, is the export every loader gives an import().
  return new ajv.default.Ajv(AJV_OPTIONS).compile(schema);
}
