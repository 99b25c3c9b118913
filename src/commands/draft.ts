import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { utf8TextOf, withoutByteOrderMark } from "../byte-order-mark.js";
import { loadConfig } from "../config/load-config.js";
import { holdsYaml, planWeekContext, planWeekKeps } from "../context/week-plan.js";
import { frontMatterText, readFrontMatter, slugWeek } from "../markdown/front-matter.js";
import { loadMarkdown, loadYaml } from "../parsers.js";
import { featuredPulls, linkedPulls, linkedReleases, newestPostBefore, postDate, writtenKeps } from "../draft/previous-edition.js";
import { FailureError, readProblem, UsageError } from "../errors.js";
import type { Logger } from "../logger.js";
import { collectWeek } from "../fetch/collect-week.js";
import { findRegions, type Region } from "../render/markers.js";
import { defaultTemplates, readPartials, readTemplate, type TemplateSources } from "../render/template-files.js";
import type { DraftContext, PullRequest, RepoWeek, Week } from "../types.js";
import { isExtended } from "../week.js";
import { toolComments } from "../write/finalize-post.js";
import { checkOutputPath, writeOutputFile } from "../write/write-output.js";
import { checkDraftFlags, DEFAULT_REPO, type DraftOptions, type DraftPlan, planDraft } from "./draft-plan.js";
import type { ClassifiedDraft, InterpretOptions } from "./draft-steps.js";

type DraftSteps = typeof import("./draft-steps.js");
let stepsLoading: Promise<DraftSteps> | undefined;
/** Classifying, reading the context and rendering: loaded once, while the first request is out when there is one. */
const draftSteps = (): Promise<DraftSteps> => (stepsLoading ??= import("./draft-steps.js"));

export { DEFAULT_REPO, type DraftOptions } from "./draft-plan.js";

/** Set to "true" by action.yml's draft step: a message's fix then names the action's inputs, not flags. */
export const IN_ACTION_VARIABLE = "K8S_WEEKLY_IN_ACTION";

export interface DraftEnvironment {
  now: Date;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Milliseconds one second of waiting on GitHub lasts; see CliIo.waitSecondMs. */
  waitSecondMs?: number;
}

export async function runDraft(given: DraftOptions, environment: DraftEnvironment): Promise<void> {
  // Before any file is read: a flag that can do nothing is the first thing to hear of. planDraft
  // checks again, for callers that give the options as data; the checks cost nothing.
  checkDraftFlags(given);
  const config = await loadConfig(given.config, environment.cwd);
  if (given.week !== undefined || given.update === undefined) {
    await executeDraft(planDraft(given, config, environment.now), environment);
    return;
  }
  // `--update FILE` without `--week` refreshes the week the file is for; the file is read once.
  const post = await readDraftFile(given.update);
  const week = await weekOfPost(given.update, post.text);
  await executeDraft(planDraft({ ...given, week }, config, environment.now), environment, post);
}

/**
 * The Sunday a draft's slug names. A slug that names none is a usage error: guessing the week would
 * refresh the post with another week's PRs.
 */
async function weekOfPost(path: string, text: string): Promise<string> {
  await loadYaml();
  const week = slugWeek(readFrontMatter(text));
  if (week === undefined) {
    throw new UsageError(`--update ${path}: its front matter's slug names no week (YYYY-MM-DD-update); give --week, the Sunday the post is for`);
  }
  return week;
}

/** What the editor has already chosen in a draft: the PRs it features and the KEPs it writes up. */
async function chosenIn(text: string, repos: readonly string[]): Promise<{ featured: Set<string>; writtenKeps: Set<number> }> {
  await Promise.all([loadMarkdown(), loadYaml()]);
  return { featured: featuredPulls(text, repos), writtenKeps: writtenKeps(text) };
}

/** The --update file's bytes, which must be unchanged when it is replaced, and its text. */
interface DraftFile {
  bytes: Buffer;
  text: string;
}

async function readDraftFile(path: string): Promise<DraftFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UsageError(`--update ${path}: ${readProblem(error)}; give a draft written earlier by k8s-weekly`);
  }
  // Decoded anyway, a line typed in Latin-1 would be written back as replacement characters.
  return { bytes, text: utf8TextOf(bytes, `--update ${path}`) };
}

/**
 * Carries out a plan: reads the files it names, fetches the week, and writes the draft.
 * `post` is the --update file when the caller has read it already.
 */
export async function executeDraft(plan: DraftPlan, environment: DraftEnvironment, post?: DraftFile): Promise<void> {
  const { logger } = environment;
  const { options, week, repos, branches, rules, date } = plan;
  for (const note of plan.notes) logger.info(note);
  if (options.output) checkOutputPath(options.output, options.force);
  const templates = plan.templates ? loadTemplates(plan.templates) : null;
  // An editor's own template is read before the fetch; the shipped ones are known to be good.
  if (templates && (plan.templates?.template ?? plan.templates?.partials) !== undefined) await (await draftSteps()).checkTemplateFiles(templates);
  const previous = options.update
    ? await readPostToUpdate(options.update, post ?? (await readDraftFile(options.update)), week, options.through !== undefined, environment.env, templates && { sources: templates, label: templateLabel(plan.templates) })
    : null;
  if (previous && previous.through > week.to.slice(0, 10)) {
    logger.warn(`${options.update}: its sections were drafted through ${previous.through}; refreshed through ${week.to.slice(0, 10)}, they lose the lines of the PRs merged after it`);
  }
  // A PR the editor has featured, or a KEP written up, is no longer offered in its candidates note.
  const chosen = previous ? await chosenIn(previous.text, repos) : undefined;
  const previousEdition = plan.previousPost === null ? null : await readPreviousEdition(plan.previousPost, week.ending, logger);
  const previouslyLinked = previousEdition ? linkedPulls(previousEdition.text, repos) : undefined;
  // A post that ran past its Sunday (--through) gave the releases of those days already.
  const previousReleases = previousEdition ? linkedReleases(previousEdition.text) : undefined;
  if (previousEdition && previouslyLinked) logger.info(`previous edition ${previousEdition.file}: links ${previouslyLinked.size} PRs of ${repos.join(", ")}`);

  const contextRequest = planWeekContext(repos, week, plan.relatedRepos);
  const withBranches = (fetched: readonly RepoWeek[]): RepoWeek[] =>
    fetched.map((repoWeek) => ({ ...repoWeek, defaultBranch: branches.get(repoWeek.repo) ?? repoWeek.defaultBranch }));
  const defaultBranchesOf = (fetched: readonly RepoWeek[]): Record<string, string> =>
    Object.fromEntries(withBranches(fetched).map((repoWeek) => [repoWeek.repo, repoWeek.defaultBranch]));
  let classifiedEarly: ClassifiedDraft | undefined;
  let early: Parameters<DraftSteps["interpretWeekContext"]>[5];
  const interpretOptions = (fetched: readonly RepoWeek[]): InterpretOptions => ({
    prereleases: options.prereleases,
    aliases: rules.dependencies.aliases,
    noVPrefix: rules.dependencies.noVPrefix,
    defaultBranches: defaultBranchesOf(fetched),
    ...(previousReleases ? { previousReleases } : {}),
  });
  const collected = await collectWeek(
    {
      ...(options.input ? { input: options.input } : {}),
      namedRepos: options.repos,
      offline: options.offline,
      refresh: options.refresh,
      getToken: options.getToken,
      apiUrl: options.apiUrl,
      timeoutSeconds: options.timeoutSeconds,
      maxWaitSeconds: options.maxWaitSeconds,
      maxRequests: options.maxRequests,
      userAgent: options.userAgent,
      // What the fetched week needs (the YAML parser, the classifier, the context's readers,
      // the templates' renderer) loads while GitHub works on the first request.
      whileFirstRequest: async () => {
        await Promise.all([loadYaml(), draftSteps()]);
      },
      // Classifying needs only the PRs, so it fills the wait for the next request.
      whilePullsWait: async (fetched) => {
        const { classifyDraft } = await draftSteps();
        const yaml = loadYaml();
        classifiedEarly = classifyDraft({ week, repoWeeks: withBranches(fetched), rules });
        await yaml;
      },
      planKeps: (fetched, context) => planWeekKeps(fetched.flatMap((repoWeek) => repoWeek.prs), defaultBranchesOf(fetched), week, context),
      // The context read but for its KEP candidates, while the KEP files are on their way.
      whileKepsLoad: async (fetched, data) => {
        const [{ interpretContextWithoutKeps }] = await Promise.all([draftSteps(), loadYaml()]);
        early = { data, interpreted: interpretContextWithoutKeps(contextRequest, data, withBranches(fetched).flatMap((repoWeek) => repoWeek.prs), week, interpretOptions(fetched)) };
      },
    },
    repos,
    week,
    contextRequest,
    environment,
  );
  if (!options.input && !options.allowEmpty) failOnEmptyWeek(collected.repoWeeks, repos, week);
  const steps = await draftSteps();
  const { interpretWeekContext, classifyDraft, finishDraft, renderPost, buildPostView, draftJson, explainDraft } = steps;
  const repoWeeks = withBranches(collected.repoWeeks);
  const { requests } = collected;
  let context: DraftContext | undefined;
  if (collected.context) {
    // The fetched YAML files need the parser; the markdown in them is read line by line.
    if (holdsYaml(collected.context)) await loadYaml();
    const request = collected.contextRequest ?? contextRequest;
    const prs = repoWeeks.flatMap((repoWeek) => repoWeek.prs);
    const interpreted = interpretWeekContext(request, collected.context, prs, week, interpretOptions(repoWeeks), request === contextRequest ? early : undefined);
    for (const problem of interpreted.problems) logger.warn(problem);
    for (const note of interpreted.notes) logger.info(note);
    context = interpreted.context;
  }
  const classified = classifiedEarly ?? classifyDraft({ week, repoWeeks, rules });
  const { draft, featuredCandidates, outsideWindow, previousEdition: repeated } = finishDraft(classified, {
    week,
    requests,
    warnings: logger.warnings,
    ...(context ? { context } : {}),
    ...(previouslyLinked ? { previouslyLinked } : {}),
    ...(chosen ?? {}),
  });
  if (repeated > 0) logger.info(`skipped ${repeated} PRs the previous edition already linked`);
  if (outsideWindow.length > 0) logger.info(outsideWindowNote(outsideWindow, week, options.input));
  if (draft.stats.merged === 0) logger.warn(`no merged PRs found for the week ending ${week.ending}`);
  logger.info(`week ending ${week.ending}: ${draft.stats.merged} merged, ${draft.stats.reported} reported, ${draft.stats.skipped} skipped, ${requests} ${requests === 1 ? "request" : "requests"}`);

  let text: string;
  if (templates) {
    const view = buildPostView(draft, featuredCandidates, {
      ...(date ? { date } : {}),
      ...(plan.titleDateFormat ? { titleDateFormat: plan.titleDateFormat } : {}),
    });
    text = await renderPost(view, templates);
    // A template that leaves sections out exits 0 all the same, and lint cannot see what is missing.
    const { total, leftOut } = steps.entriesLeftOut(view, text);
    if (leftOut.length > 0) logger.warn(leftOutWarning(total, leftOut, templateLabel(plan.templates)));
  } else {
    text = draftJson(draft, featuredCandidates, logger.warnings);
  }
  if (options.update && previous !== null) {
    const merged = mergeIntoPost(options.update, previous.text, text, steps);
    for (const { section, lines } of steps.sectionsLeftOut(previous.text, text)) {
      logger.warn(`${options.update}: has no markers for ${section} (removed?), so the draft's ${lines} ${lines === 1 ? "line" : "lines"} for it are not added; copy its two marker lines back from a fresh draft to get them`);
    }
    // An editor's open file that a re-run leaves as it was is not rewritten ("changed on disk").
    if (merged === previous.text) {
      logger.info(`${options.update} is up to date`);
    } else {
      await writeOutputFile(options.update, merged, { force: true, flag: "--update", expected: previous.bytes });
      logger.info(`updated ${options.update}`);
    }
  } else if (options.output) {
    await writeOutputFile(options.output, text, { force: options.force });
    logger.info(`wrote ${options.output}`);
  } else {
    environment.stdout(text);
  }
  if (options.explain) environment.stderr(explainDraft(draft));
}

/**
 * Sample weeks and --input files can hold PRs merged around the week (GitHub's search never sends
 * them): say where they came from and why they are not in the draft.
 */
export function outsideWindowNote(prs: readonly PullRequest[], week: Week, input: string | undefined): string {
  // Merge times may carry any offset ("+02:00"): days and comparisons are in UTC, as the week is.
  const times = prs.map((pr) => Date.parse(pr.mergedAt)).filter((time) => Number.isFinite(time));
  const days = [...new Set(times.map((time) => new Date(time).toISOString().slice(0, 10)))].sort();
  const [from, to] = [Date.parse(week.from), Date.parse(week.to)];
  const when = times.every((time) => time > to) ? "after the week" : times.every((time) => time < from) ? "before the week" : "outside the week";
  const shown = days.length > 3 ? `${days.slice(0, 3).join(", ")}, ...` : days.join(", ");
  const source = input === undefined ? "the data read" : `--input ${input}`;
  const count = prs.length === 1 ? "1 PR" : `${prs.length} PRs`;
  return `${source} also holds ${count} merged ${when} (on ${shown}); left out, as a draft counts only PRs merged from ${week.from.slice(0, 10)} to ${week.to.slice(0, 10)}`;
}

/**
 * The post an --update refreshes, checked: its text, its bytes (which must be unchanged when the
 * update replaces it), and the last day its sections were drafted through ("" for the week alone).
 */
async function readPostToUpdate(
  path: string,
  { bytes, text }: DraftFile,
  week: Week,
  throughGiven: boolean,
  env: NodeJS.ProcessEnv,
  templates: { sources: TemplateSources; label: string } | null,
): Promise<{ text: string; bytes: Buffer; through: string }> {
  const weekEnding = week.ending;
  checkOutputPath(path, true, "--update");
  let regions: Region[] = [];
  let broken: string | null = null;
  try {
    regions = findRegions(text.split("\n"));
  } catch (error) {
    broken = (error as Error).message;
  }
  await loadYaml();
  const front = readFrontMatter(text);
  // A post drafted with a template that writes no markers has none either: the template is what to fix.
  if (broken === null && regions.length === 0 && templates !== null && !(await writesMarkers(templates.sources, week))) {
    throw new UsageError(
      `--update ${path}: has no k8s-weekly markers, and ${templates.label} writes none, so --update cannot refresh a post drafted with it; put {{section.markers.begin}} and {{section.markers.end}} around each generated section, as the section partial of k8s-weekly templates export DIR does, then draft the week again with -o NEW-FILE`,
    );
  }
  if (broken !== null || regions.length === 0) {
    // What reads as a marker only inside a code block or a line of text is the editor's, not the tool's.
    await loadMarkdown();
    if (!toolComments(text).some((comment) => comment.kind === "marker") && frontMatterText(front, "slug") !== null) {
      throw new UsageError(
        `--update ${path}: is a finished post (finalized, written by hand, or drafted with a template that writes no k8s-weekly markers: it has a slug and no markers), and --update refreshes only a draft; edit the post by hand, or draft the week again with -o NEW-FILE`,
      );
    }
  }
  if (broken !== null) throw new UsageError(`--update ${path}: broken k8s-weekly markers (${broken}); restore them from a fresh draft`);
  if (regions.length === 0) {
    throw new UsageError(`--update ${path}: has no k8s-weekly markers; draft the week with -o first, or restore them from a fresh draft`);
  }
  // Only the front matter's slug names the week; the same words in the body do not.
  const slug = slugWeek(front);
  if (slug !== undefined && slug !== weekEnding) {
    throw new UsageError(`--update ${path}: is the draft for the week ending ${slug}, not ${weekEnding}; give --week ${slug} or the right file`);
  }
  // A post drafted or refreshed with --through records that day in its markers: refreshed over
  // the week alone, the lines of the PRs merged after the Sunday would go. Only an explicit
  // --through says which window is meant. The front matter's date says when the post goes out
  // (--date), not which window it holds. A section marked unread was drafted from nothing (no
  // releases read): its day holds no lines to lose.
  const windowEnd = week.to.slice(0, 10);
  const recorded = regions.map((region) => (region.unread ? "" : (region.through ?? ""))).reduce((latest, day) => (day > latest ? day : latest), "");
  if (!throughGiven && recorded > windowEnd) {
    // Run by the GitHub Action (action.yml sets the variable), whose user passes no flags: its through input is the fix.
    const fix =
      env[IN_ACTION_VARIABLE] === "true"
        ? `set the action's through input to ${recorded} (the day "Run workflow" asks for in the example workflow), or to ${windowEnd} for the week alone`
        : `add --through ${recorded}, or --through ${windowEnd} for the week alone`;
    throw new UsageError(
      `--update ${path}: its sections were drafted through ${recorded}, after the week ending ${windowEnd}, and a refresh over the week alone would drop the PRs merged since; ${fix}`,
    );
  }
  return { text, bytes, through: recorded };
}

/**
 * Whether the templates write the markers `--update` refreshes between, as they render a week with
 * nothing in it (the shipped ones always do). A template that fails on no data is given the benefit
 * of the doubt: the post's own message stands.
 */
async function writesMarkers(templates: TemplateSources, week: Week): Promise<boolean> {
  const { renderPost, buildPostView, emptyDraft } = await draftSteps();
  try {
    return findRegions((await renderPost(buildPostView(emptyDraft(week), []), templates)).split("\n")).length > 0;
  } catch {
    return true;
  }
}

/** The templates a draft renders with, named for a message: the files an editor gave, and the default for the rest. */
function templateLabel(given: { template?: string; partials?: string } | null): string {
  const main = given?.template === undefined ? "the default template" : `template ${given.template}`;
  return given?.partials === undefined ? main : `${main} with the partials in ${given.partials}`;
}

function leftOutWarning(total: number, leftOut: readonly { heading: string; count: number }[], label: string): string {
  const count = leftOut.reduce((sum, section) => sum + section.count, 0);
  const which = leftOut.map((section) => `${section.heading} ${section.count}`).join(", ");
  return `${count} of the draft's ${total} PRs and releases are not in the post (${which}): ${label} leaves them out; render every section, as the templates of k8s-weekly templates export DIR do (post.md.hbs loops over sectionList)`;
}

/**
 * kubernetes/kubernetes merges PRs every week: none means a token that cannot see it, a wrong
 * --repo or an outage, and a post made from it would be an empty draft opened as a pull request.
 */
function failOnEmptyWeek(repoWeeks: readonly RepoWeek[], repos: readonly string[], week: Week): void {
  const kubernetes = repoWeeks.find((repoWeek) => repoWeek.repo === DEFAULT_REPO);
  const empty = kubernetes ? kubernetes.prs.length === 0 : repoWeeks.every((repoWeek) => repoWeek.prs.length === 0);
  if (!empty) return;
  const which = kubernetes ? DEFAULT_REPO : repos.join(", ");
  const window = isExtended(week) ? `the week ending ${week.ending} through ${week.to.slice(0, 10)}` : `the week ending ${week.ending}`;
  throw new FailureError(`no merged PRs found for ${which} in ${window}: check the token's access and --repo, or add --allow-empty to draft it anyway`);
}

/** Posts are a few kilobytes; anything this large is not one, and is not read into memory. */
const MAX_POST_BYTES = 5 * 1024 * 1024;

/** The previous post's text, from the file named or the newest earlier post in the folder named. */
async function readPreviousEdition(
  { path, label, fromConfig }: { path: string; label: string; fromConfig: boolean },
  weekEnding: string,
  logger: Logger,
): Promise<{ file: string; text: string } | null> {
  let file = path;
  // The post chosen in a folder is named when it is what is wrong, not the folder.
  const named = (): string => (file === path ? label : `${label}: ${file}`);
  const unreadable = (error: unknown): UsageError =>
    new UsageError(`${named()}: ${readProblem(error)}; give the previous post (YYYY-MM-DD-update.md) or the folder of posts`);
  try {
    if ((await stat(path)).isDirectory()) {
      const name = newestPostBefore(await readdir(path), weekEnding);
      if (name === null) {
        // The config's folder on a new site's first week: there is no edition before it to leave out.
        if (fromConfig) {
          logger.info(`${label}: no post dated before ${weekEnding} yet; nothing to leave out`);
          return null;
        }
        throw new UsageError(`${label}: has no post dated before ${weekEnding} (YYYY-MM-DD-update.md); give the folder of earlier posts or one post`);
      }
      file = join(path, name);
    } else {
      const date = postDate(basename(path));
      if (date !== null && date >= weekEnding) {
        throw new UsageError(`${label}: is the post of ${date}, not one before the week ending ${weekEnding}; give the previous post`);
      }
    }
    const info = await stat(file);
    if (!info.isFile() || info.size > MAX_POST_BYTES) {
      throw new UsageError(`${label}: ${file} is not a post (${info.isFile() ? "larger than 5 MB" : "not a file"}); give the previous post (YYYY-MM-DD-update.md)`);
    }
    // Read anyway, a binary or empty file would link no PRs, and the draft would repeat last week's.
    const text = utf8TextOf(await readFile(file), named());
    if (withoutByteOrderMark(text).trim() === "") throw new UsageError(`${named()}: is empty, not a post; give the previous post (YYYY-MM-DD-update.md)`);
    // A file not named by its date can still be this week's own draft, and would then leave out every PR.
    await loadYaml();
    const slugDate = slugWeek(readFrontMatter(text));
    if (slugDate !== undefined && slugDate >= weekEnding) {
      throw new UsageError(`${label}: ${file === path ? "" : `${file} `}is the post of ${slugDate} (its slug), not one before the week ending ${weekEnding}; give the previous post`);
    }
    return { file, text };
  } catch (error) {
    throw error instanceof UsageError ? error : unreadable(error);
  }
}

function mergeIntoPost(path: string, previous: string, rendered: string, { updatePost, MarkerError }: DraftSteps): string {
  try {
    return updatePost(previous, rendered);
  } catch (error) {
    if (error instanceof MarkerError) throw new UsageError(`--update ${path}: ${error.message}; restore them from a fresh draft`);
    throw error;
  }
}

function loadTemplates(options: { template?: string; partials?: string }): TemplateSources {
  const defaults = defaultTemplates();
  return {
    main: options.template ? readTemplate(options.template) : defaults.main,
    partials: { ...defaults.partials, ...(options.partials ? readPartials(options.partials) : {}) },
  };
}
