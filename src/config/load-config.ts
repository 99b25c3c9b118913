import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DEFAULT_RELATED_REPOS } from "../context/releases/index.js";
import type { ConfigFile } from "./config-schema.js";
import { readProblem, UsageError } from "../errors.js";
import { checkOptionValue, CONFIG } from "../option-values.js";
import { jsonFault } from "../json-fault.js";
import { utf8TextOf, withoutByteOrderMark } from "../byte-order-mark.js";

export const CONFIG_FILE_NAME = "k8s-weekly.config.json";

export interface RepoConfig {
  repo: string;
  branch?: string;
}

/** Deep-partial rule changes; how they combine with the defaults is apply-rules.ts's business. */
export type RuleOverrides = NonNullable<ConfigFile["rules"]>;

export interface Config {
  /** The file it came from, or null when there was none. */
  path: string | null;
  repos?: RepoConfig[];
  template?: string;
  partials?: string;
  titleDateFormat?: string;
  rules?: RuleOverrides;
  /** Related repositories whose releases fill Subprojects and Dependency Updates. */
  relatedRepos?: string[];
  /** The previous post, or the folder of posts, whose PRs are not reported again. */
  previousPost?: string;
}

/** `--config FILE`, else k8s-weekly.config.json in the working folder, else no config. */
export async function loadConfig(explicitPath: string | undefined, cwd: string): Promise<Config> {
  // `-c ''` would otherwise read as no -c, and the working folder's file would be used, or none.
  checkOptionValue(CONFIG, explicitPath);
  const path = explicitPath ?? join(cwd, CONFIG_FILE_NAME);
  if (!explicitPath && !existsSync(path)) return { path: null };
  const label = explicitPath ? `--config ${explicitPath}` : `config ${path}`;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`${label}: ${readProblem(error)}; give an existing JSON file`);
  }
  // A file saved as UTF-16 would be reported by JSON.parse as an unreadable token.
  const text = utf8TextOf(bytes, label, "save the file as UTF-8");
  let raw: unknown;
  const json = withoutByteOrderMark(text);
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new UsageError(`${label}: not valid JSON${jsonFault(json, (error as Error).message)}; fix the syntax`);
  }
  const problems = await validate(raw);
  // JSON Schema cannot say which date-fns patterns work: checked here, so that a bad one is this
  // file's error now rather than a template error after the week was fetched.
  const titleDateFormat = (raw as { titleDateFormat?: unknown } | null)?.titleDateFormat;
  if (typeof titleDateFormat === "string" && titleDateFormat !== "") {
    // date-fns's parser is loaded only for a config that sets the pattern.
    const { titleDateFormatProblem } = await import("../title-date.js");
    const problem = titleDateFormatProblem(titleDateFormat);
    if (problem !== null) problems.push(`titleDateFormat: ${problem}`);
  }
  if (problems.length > 0) throw new UsageError(`${label}: ${problems.join("; ")}`);
  const config = raw as ConfigFile;
  const base = dirname(resolve(path));
  return {
    path,
    ...(config.repos ? { repos: config.repos.map((entry) => (typeof entry === "string" ? { repo: entry } : entry)) } : {}),
    ...(config.template ? { template: resolve(base, config.template) } : {}),
    ...(config.partials ? { partials: resolve(base, config.partials) } : {}),
    ...(config.titleDateFormat ? { titleDateFormat: config.titleDateFormat } : {}),
    ...(config.rules ? { rules: config.rules } : {}),
    ...(config.previousPost ? { previousPost: resolve(base, config.previousPost) } : {}),
    ...(config.relatedRepos || config.extraRelatedRepos
      ? { relatedRepos: [...(config.relatedRepos ?? DEFAULT_RELATED_REPOS), ...(config.extraRelatedRepos ?? [])] }
      : {}),
  };
}

/** Every problem at once, each with its path (`rules.labels.feature: expected an array`). */
async function validate(raw: unknown): Promise<string[]> {
  // Loaded here, not on start-up: most runs have no config, and most configs are valid.
  const { configValidator } = await import("./config-validator.js");
  const check = await configValidator();
  if (check(raw)) return [];
  const { configProblems } = await import("./config-problems.js");
  return configProblems(check.errors ?? [], raw);
}

