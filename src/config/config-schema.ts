import { z } from "zod";
import { rulesSchema } from "../classify/rule-schema.js";
import { REPO_NAME } from "../repo-name.js";

const repoName = z.string().regex(REPO_NAME);
const nonEmpty = z.string().min(1);

/**
 * k8s-weekly.config.json as a user writes it. schema/config.schema.json is generated from this
 * (npm run schema) and a test keeps the committed file equal to it; loading a config checks it
 * against that JSON Schema with Ajv, whose precompiled check starts faster than zod would.
 */
export const configFileSchema = z.strictObject({
  $schema: z.string().optional(),
  repos: z
    .array(z.union([repoName, z.strictObject({ repo: repoName, branch: nonEmpty.optional() })]))
    .min(1)
    .optional()
    .describe("Repositories to draft from (default: kubernetes/kubernetes). A branch replaces the repository's default branch as the one whose merges are reported."),
  template: nonEmpty.optional().describe("Main Handlebars template, relative to this file."),
  partials: nonEmpty.optional().describe("Folder of Handlebars partials, relative to this file."),
  previousPost: nonEmpty
    .optional()
    .describe(
      "The previous LWKD post, or the folder of posts (YYYY-MM-DD-update.md) whose newest one dated before this week's Sunday is taken, relative to this file. PRs it links are skipped as previous-edition. --previous replaces it.",
    ),
  // Which patterns work is beyond JSON Schema: loadConfig checks it with titleDateFormatProblem (src/title-date.ts).
  titleDateFormat: nonEmpty.optional().meta({
    description:
      "date-fns pattern for the date in the post title; it must name the day and the month (yyyy for the year, d for the day), and lint reads titles with it.",
    default: "MMMM d, yyyy",
  }),
  rules: rulesSchema.optional(),
  relatedRepos: z
    .array(repoName)
    .optional()
    .describe(
      "Related repositories whose releases published in the week fill Subprojects and Dependency Updates; replaces the default list (golang/go is read through its go1.x.y tags).",
    ),
  extraRelatedRepos: z.array(repoName).optional().describe("Related repositories added to the default list (or to relatedRepos)."),
});

export type ConfigFile = z.input<typeof configFileSchema>;

/** The text of schema/config.schema.json. */
export function configJsonSchemaText(): string {
  const generated = z.toJSONSchema(configFileSchema, { io: "input", target: "draft-07" });
  const { $schema, ...body } = generated;
  // No $id: the schema's address is wherever the repository holding k8s-weekly lives (README's
  // raw.githubusercontent.com/OWNER/REPO URL), and an $id naming some other repository misleads.
  const schema = {
    $schema,
    title: "k8s-weekly configuration",
    description: "k8s-weekly.config.json: flags beat this file, this file beats the defaults.",
    ...body,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
