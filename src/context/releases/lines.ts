import { isIdentifier } from "../../classify/words.js";
import { cleanText, codeSpan, escapeInline, escapeLinkLabel, escapeMidLine, joinInline, renderBullet, safeUrl } from "../../markdown/escape.js";
import type { Bullet, InlineMarkdown } from "../../types.js";
import { highlightCandidates, lowerFirst } from "./highlights.js";
import { displayName, GO_REPO } from "./repos.js";
import type { GoTag, ReleaseFilter, RepoReleases, TimeWindow } from "./types.js";
import { golangTagsInWeek, goTagUrl, releasesInWeek } from "./window.js";
import { isRepoName, releaseKey } from "../../repo-name.js";
import { compareText } from "../../order.js";

export interface SubprojectOptions extends ReleaseFilter {
  /** golang/go tags; null when they could not be fetched, undefined when Go is not wanted. */
  goTags?: readonly GoTag[] | null;
  /** Display names that replace or extend DISPLAY_NAMES, keyed by "owner/name". */
  displayNames?: Readonly<Record<string, string>>;
  /** Releases the previous edition linked (`owner/name@tag`, see linkedReleases): not given again. */
  previouslyLinked?: ReadonlySet<string>;
}

export interface SubprojectLines {
  /** `* [containerd v1.5.3](url): Fix CVE-2021-32760, faster pulls; also [v1.4.7](url)`, one per project. */
  lines: string[];
  /** A missing repository, an unusable URL: worth telling, never fatal. */
  warnings: string[];
  /** A repository that has never made a release: true every week, so said, not warned of. */
  notes: string[];
}

export interface SubprojectBullet {
  /** "owner/name". */
  repo: string;
  bullet: Bullet;
}

interface Shipped {
  label: string;
  url: string;
  body: string | null;
}

// A first highlight this short leaves room for a second one.
const SHORT_HIGHLIGHT_WORDS = 3;
const MAX_HIGHLIGHT_WORDS = 7;

/**
 * One line per project with releases in the window, ordered by repository name so the section
 * reads the same every run: the newest release linked with its highlights, the week's other
 * releases (backports, other branches) after "also".
 */
export function subprojectBullets(
  repos: readonly RepoReleases[],
  week: TimeWindow,
  options: SubprojectOptions,
): { bullets: SubprojectBullet[]; warnings: string[]; notes: string[] } {
  const warnings: string[] = [];
  const notes: string[] = [];
  const projects = new Map<string, Shipped[]>();
  for (const { repo, releases } of repos) {
    if (repo === GO_REPO || projects.has(repo)) continue;
    if (!isRepoName(repo)) {
      warnings.push(`${escapeInline(repo, 100)}: not an owner/name repository, skipped`);
      continue;
    }
    if (releases === null) warnings.push(`${repo}: no such repository`);
    else if (releases.length === 0) notes.push(`${repo}: has no releases, so it never has a Subprojects line`);
    const shipped = releasesInWeek({ repo, releases }, week, options)
      .filter((release) => !options.previouslyLinked?.has(releaseKey(repo, release.tagName)))
      .map((release) => ({
      label: withoutOwnName(release.tagName, repo),
      url: linkTarget(release.url, repo, release.tagName, warnings),
      body: release.description,
    }));
    projects.set(repo, shipped);
  }
  if (options.goTags === null) warnings.push(`${GO_REPO}: tags could not be fetched`);
  if (options.goTags) {
    const tags = golangTagsInWeek(options.goTags, week, options).filter((tag) => !options.previouslyLinked?.has(releaseKey(GO_REPO, tag.name)));
    projects.set(GO_REPO, tags.map((tag) => ({ label: tag.name.replace(/^go/, ""), url: goTagUrl(tag.name), body: null })));
  }
  const bullets = [...projects.entries()]
    .sort(([a], [b]) => compareText(a.toLowerCase(), b.toLowerCase()))
    .flatMap(([repo, [newest, ...others]]) =>
      newest ? [{ repo, bullet: releaseBullet(displayName(repo, options.displayNames), newest, others) }] : [],
    );
  return { bullets, warnings, notes };
}

/** `subprojectBullets` with each bullet as the markdown it renders to. */
export function subprojectLines(repos: readonly RepoReleases[], week: TimeWindow, options: SubprojectOptions): SubprojectLines {
  const { bullets, warnings, notes } = subprojectBullets(repos, week, options);
  return { lines: bullets.map(({ bullet }) => renderBullet(bullet)), warnings, notes };
}

/** "kustomize/v4.2.0" in kubernetes-sigs/kustomize is "v4.2.0": the line already names the project. */
function withoutOwnName(tag: string, repo: string): string {
  const prefix = `${repo.slice(repo.indexOf("/") + 1)}/`;
  return tag.length > prefix.length && tag.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase() ? tag.slice(prefix.length) : tag;
}

function releaseBullet(project: string, newest: Shipped, others: readonly Shipped[]): Bullet {
  const highlights = combine(highlightCandidates(newest.body));
  return {
    label: escapeInline(`${project} ${newest.label}`, 120),
    url: newest.url,
    ...(highlights !== "" ? { highlights: withCodeSpans(highlights, 120) } : {}),
    also: others.map((other) => ({ label: escapeLinkLabel(other.label), url: other.url })),
  };
}

/** Escaped text whose identifiers (`build.args`, `healthPort`, `--patterns`) are code, as in the PR lines. */
function withCodeSpans(text: string, maxLength: number): InlineMarkdown {
  const words = cleanText(text, maxLength).split(" ");
  return joinInline(
    words.map((word) => {
      const [, core = word, trail = ""] = TRAILING_PUNCTUATION.exec(word) ?? [];
      return isIdentifier(core) ? joinInline([codeSpan(core), escapeMidLine(trail)], "") : escapeMidLine(word);
    }),
    " ",
  );
}

const TRAILING_PUNCTUATION = /^(.*?)([,;.]*)$/;

function combine([first, second]: string[]): string {
  if (!first) return "";
  const words = (text: string): number => text.split(" ").length;
  if (second && words(first) <= SHORT_HIGHLIGHT_WORDS && words(first) + words(second) <= MAX_HIGHLIGHT_WORDS) {
    return `${first}, ${lowerFirst(second)}`;
  }
  return first;
}

/** The release's own URL when it is http(s), else the tag's page, which GitHub always has. */
function linkTarget(url: string, repo: string, tag: string, warnings: string[]): string {
  try {
    return safeUrl(url);
  } catch {
    warnings.push(`${repo} ${escapeInline(tag, 80)}: unusable release URL, linked the tag page instead`);
    return safeUrl(`https://github.com/${repo}/releases/tag/${encodeURIComponent(tag)}`);
  }
}
