import { readYaml, yamlMap } from "../parsers.js";
import { withoutByteOrderMark } from "../byte-order-mark.js";

/** A post's Jekyll front matter: the YAML between a first `---` line and the next one. */
export interface FrontMatter {
  /** Top-level fields; scalars as written (strings), anything nested as the YAML reader gives it. */
  fields: Map<string, unknown>;
  /** Index of the closing `---` line; the body starts on the line after it. */
  endLine: number;
  /** False when the block is there but is not a YAML mapping (a stray list, broken quoting). */
  valid: boolean;
}

export type FrontMatterResult = FrontMatter | { problem: "missing" | "unclosed" };

/** Needs `loadYaml()` to have finished. Never throws on input. */
export function readFrontMatter(text: string): FrontMatterResult {
  const lines = text.split("\n");
  if (withoutByteOrderMark(lines[0] ?? "").trimEnd() !== "---") return { problem: "missing" };
  const endLine = lines.findIndex((line, index) => index > 0 && line.trimEnd() === "---");
  if (endLine < 0) return { problem: "unclosed" };
  const yaml = lines.slice(1, endLine).join("\n");
  const fields = yaml.trim() === "" ? new Map<string, unknown>() : yamlMap(readYaml(yaml, { strict: true }));
  return { fields: fields ?? new Map(), endLine, valid: fields !== null };
}

/** A top-level field as text; null when absent or not a scalar. */
export function frontMatterText(front: FrontMatterResult, key: string): string | null {
  if ("problem" in front) return null;
  const value = front.fields.get(key);
  return typeof value === "string" ? value.trim() : null;
}

/** The Sunday a post's slug (`2021-07-04-update`) names: which week the post is for. */
export function slugWeek(front: FrontMatterResult): string | undefined {
  return frontMatterText(front, "slug")?.match(/^(\d{4}-\d{2}-\d{2})-update$/)?.[1];
}
