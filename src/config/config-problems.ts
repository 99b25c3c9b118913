import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ErrorObject } from "ajv";
import { packageRoot } from "../package-paths.js";
import { REPO_NAME } from "../repo-name.js";
import { uniqueBy } from "../unique.js";
import { cleanText } from "../markdown/escape.js";

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
  const messages = uniqueBy(
    oneAlternative(errors)
      .filter((error) => error.keyword !== "if")
      .map((error) => describe(error, raw, schemaAt)),
    (message) => message,
  );
  // A file of thousands of mistakes gets a line a person reads: the first few, and a count.
  return messages.length > MAX_PROBLEMS ? [...messages.slice(0, MAX_PROBLEMS), `and ${messages.length - MAX_PROBLEMS} more problems`] : messages;
}

const MAX_PROBLEMS = 10;

/**
 * A value that fails every branch of an anyOf (a repository is "OWNER/NAME" or an object) gets
 * an error from each. The branch whose type the value has is the one meant: only its errors are
 * kept. A value of no branch's type is one error naming the types. Each value is its own
 * alternative: `repos[0]` and `repos[1]` share a schema path, not an instance.
 */
function oneAlternative(errors: readonly ErrorObject[]): ErrorObject[] {
  const alternatives = new Map<string, { alternative: ErrorObject; branches: Map<string, ErrorObject[]> }>();
  for (const error of errors) {
    if (error.keyword === "anyOf" || error.keyword === "oneOf") alternatives.set(`${error.schemaPath}\n${error.instancePath}`, { alternative: error, branches: new Map() });
  }
  if (alternatives.size === 0) return [...errors];
  // Each branch error finds its alternative by map lookups along its own paths, not by a scan of
  // every alternative: a config may list thousands of wrong values.
  for (const error of errors) {
    const found = alternativeOf(error, alternatives);
    if (found === undefined) continue;
    const [owner, branch] = found;
    const list = owner.branches.get(branch);
    if (list) list.push(error);
    else owner.branches.set(branch, [error]);
  }
  const dropped = new Set<ErrorObject>();
  const merged = new Map<ErrorObject, ErrorObject>();
  for (const { alternative, branches } of alternatives.values()) {
    dropped.add(alternative);
    const wrongType = (branch: ErrorObject[]) => branch.every((error) => error.keyword === "type" && error.instancePath === alternative.instancePath);
    const mistyped = [...branches.values()].filter(wrongType);
    for (const error of mistyped.flat()) dropped.add(error);
    if (mistyped.length === branches.size && mistyped.length > 0) {
      const types = uniqueBy(mistyped.flat().flatMap((error) => String((error.params as { type?: unknown }).type).split(",")), (type) => type);
      merged.set(alternative, { ...alternative, keyword: "type", params: { type: types.join(",") } });
    }
  }
  // In the order ajv found them, the merged type error where its alternative was.
  return errors.flatMap((error) => (dropped.has(error) ? [merged.get(error)].filter((kept): kept is ErrorObject => kept !== undefined) : [error]));
}

const ALTERNATIVE_STEP = /\/(?:anyOf|oneOf)\/([^/]+)/g;

/** The alternative an error is a branch of, and which branch: its schema path runs through the alternative's, its value lies in the alternative's. */
function alternativeOf(error: ErrorObject, alternatives: ReadonlyMap<string, { alternative: ErrorObject; branches: Map<string, ErrorObject[]> }>) {
  const instancePrefixes = [error.instancePath];
  for (let at = error.instancePath.lastIndexOf("/"); at > 0; at = error.instancePath.lastIndexOf("/", at - 1)) instancePrefixes.push(error.instancePath.slice(0, at));
  instancePrefixes.push("");
  for (const step of error.schemaPath.matchAll(ALTERNATIVE_STEP)) {
    const schemaPath = error.schemaPath.slice(0, step.index + step[0].length - step[1]!.length - 1);
    for (const instance of instancePrefixes) {
      const owner = alternatives.get(`${schemaPath}\n${instance}`);
      if (owner !== undefined) return [owner, step[1]!] as const;
    }
  }
  return undefined;
}

function describe(error: ErrorObject, raw: unknown, schemaAt: (pointer: string[]) => unknown): string {
  const keys = error.instancePath.split("/").slice(1).map(unescapePointer);
  // Keys and values are the file's words: one clean, short line each, whatever they hold.
  const path = cleanText(keyPath(keys), 120);
  const where = path || "(top level)";
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "type":
      return `${where}: expected ${String(params.type).split(",").map(article).join(" or ")}`;
    case "additionalProperties": {
      const unknown = cleanText(String(params.additionalProperty), 60);
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
      const shown = cleanText(JSON.stringify(value) ?? "", 80);
      return params.pattern === REPO_NAME.source
        ? `${where}: ${shown} is not OWNER/NAME (e.g. kubernetes/kubernetes)`
        : `${where}: ${shown} does not match ${String(params.pattern)}`;
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
