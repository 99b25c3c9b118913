import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ErrorObject } from "ajv";
import { packageRoot } from "../package-paths.js";
import { REPO_NAME } from "../repo-name.js";
import { uniqueBy } from "../unique.js";

/**
 * Ajv's errors for a config file, as one message each in the user's terms, with its key path
 * (`rules.labels.feature: expected an array`). Loaded only for a config that fails the schema.
 */

/**
 * Settings earlier versions accepted, with why they are gone: "unknown setting" would send the
 * user looking for a typo in a name the schema once offered.
 */
const RETIRED_SETTINGS: ReadonlyMap<string, string> = new Map([
  // The draft's sections are keyed by name and the post follows the template, so it never had an effect.
  [
    "rules.sectionOrder",
    "no longer a setting (it never changed the draft: the post's sections follow LWKD's order, and a --template can place them otherwise); remove it",
  ],
]);

/** Every problem at once, each once. */
export function configProblems(errors: readonly ErrorObject[], raw: unknown): string[] {
  let schema: unknown;
  // The schema is read only to name the settings an object takes, for an unknown one.
  const schemaAt = (pointer: string[]): unknown => {
    schema ??= JSON.parse(readFileSync(join(packageRoot(), "schema", "config.schema.json"), "utf8")) as unknown;
    return pointer.reduce(child, schema);
  };
  return uniqueBy(
    oneAlternative(errors)
      .filter((error) => error.keyword !== "if")
      .map((error) => describe(error, raw, schemaAt)),
    (message) => message,
  );
}

/**
 * A value that fails every branch of an anyOf (a repository is "OWNER/NAME" or an object) gets
 * an error from each. The branch whose type the value has is the one meant: only its errors are
 * kept. A value of no branch's type is one error naming the types.
 */
function oneAlternative(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  const added: ErrorObject[] = [];
  for (const alternative of errors.filter((error) => error.keyword === "anyOf" || error.keyword === "oneOf")) {
    dropped.add(alternative);
    const prefix = `${alternative.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const error of errors) {
      if (!error.schemaPath.startsWith(prefix)) continue;
      const branch = error.schemaPath.slice(prefix.length).split("/")[0] ?? "";
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    const wrongType = (branch: ErrorObject[]) => branch.every((error) => error.keyword === "type" && error.instancePath === alternative.instancePath);
    const mistyped = [...branches.values()].filter(wrongType);
    for (const error of mistyped.flat()) dropped.add(error);
    if (mistyped.length === branches.size && mistyped.length > 0) {
      const types = uniqueBy(mistyped.flat().flatMap((error) => String((error.params as { type?: unknown }).type).split(",")), (type) => type);
      added.push({ ...alternative, keyword: "type", params: { type: types.join(",") } });
    }
  }
  // In the order ajv found them, the merged type error where its alternative was.
  return errors.flatMap((error) => (dropped.has(error) ? added.filter((merged) => merged.schemaPath === error.schemaPath) : [error]));
}

function describe(error: ErrorObject, raw: unknown, schemaAt: (pointer: string[]) => unknown): string {
  const keys = error.instancePath.split("/").slice(1).map(unescapePointer);
  const path = keyPath(keys);
  const where = path || "(top level)";
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "type":
      return `${where}: expected ${String(params.type).split(",").map(article).join(" or ")}`;
    case "additionalProperties": {
      const unknown = String(params.additionalProperty);
      const name = path ? `${path}.${unknown}` : unknown;
      const retired = RETIRED_SETTINGS.get(name);
      if (retired !== undefined) return `${name}: ${retired}`;
      const properties = schemaAt([...error.schemaPath.replace(/^#\/?/, "").split("/").map(unescapePointer).slice(0, -1), "properties"]);
      return `${name}: unknown setting${unknownSettingHint(unknown, isRecord(properties) ? Object.keys(properties) : [])}`;
    }
    case "required":
      return `${where}: missing "${String(params.missingProperty)}"`;
    case "enum":
      return `${where}: expected one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(", ")}`;
    // An empty path, pattern or branch: a value forgotten, or the default meant, which is leaving the key out.
    case "minLength":
      return params.limit === 1 ? `${where}: is empty; give a value, or remove it to use the default` : `${where}: ${error.message ?? "is too short"}`;
    case "minItems":
      return params.limit === 1
        ? `${where}: is empty; list at least one ${/repos$/i.test(keys.at(-1) ?? "") ? "repository (OWNER/NAME)" : "entry"}, or remove it to use the default`
        : `${where}: needs at least ${String(params.limit)} entries`;
    case "pattern": {
      const value = valueAt(raw, keys);
      return params.pattern === REPO_NAME.source
        ? `${where}: ${JSON.stringify(value)} is not OWNER/NAME (e.g. kubernetes/kubernetes)`
        : `${where}: ${JSON.stringify(value)} does not match ${String(params.pattern)}`;
    }
    default:
      return `${where}: ${error.message ?? "is not valid"}`;
  }
}

/**
 * ` (did you mean "repos"?)` for a near miss, as commander says it of an option, and the settings
 * the object takes when they are few enough to read in one line (or no name is near).
 */
function unknownSettingHint(unknown: string, known: readonly string[]): string {
  const near = known
    .map((name) => ({ name, distance: editDistance(unknown.toLowerCase(), name.toLowerCase()) }))
    .filter(({ distance }) => distance <= Math.max(1, Math.floor(unknown.length / 3)))
    .sort((a, b) => a.distance - b.distance)[0]?.name;
  const listed = known.length > 0 && (known.length <= 4 || (near === undefined && known.length <= 12));
  const parts = [...(near !== undefined ? [`did you mean "${near}"?`] : []), ...(listed ? [`settings here: ${known.join(", ")}`] : [])];
  return parts.length > 0 ? ` (${parts.join(" ")})` : "";
}

/** Levenshtein distance: insertions, deletions and substitutions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function keyPath(keys: readonly string[]): string {
  return keys.reduce((text, part) => (/^\d+$/.test(part) ? `${text}[${part}]` : text ? `${text}.${part}` : part), "");
}

function valueAt(raw: unknown, keys: readonly string[]): unknown {
  return keys.reduce(child, raw);
}

/** An object's own key or an array's index: never what every object inherits ("constructor"). */
function child(node: unknown, key: string): unknown {
  return typeof node === "object" && node !== null && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
}

function unescapePointer(part: string): string {
  return part.replace(/~1/g, "/").replace(/~0/g, "~");
}

function article(type: string): string {
  return type === "array" || type === "object" || type === "integer" ? `an ${type}` : `a ${type}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
