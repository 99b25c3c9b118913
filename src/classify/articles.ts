import { isBreakAt } from "./shorten.js";
import { type Token, endsClause, plain } from "./tokens.js";
import { COORDINATORS, baseVerb } from "./words.js";

/**
 * Notes drop articles ("Added field-selector option"); a newsletter sentence keeps them. Only
 * nouns known to be countable get "a"/"an": "Adds support" and "Adds metrics" must stay as they are.
 */
const COUNT_NOUNS = new Set(
  (
    "option flag field metric check gate annotation label command subcommand endpoint fallback parameter " +
    "argument condition event warning mode plugin controller method function helper webhook policy limit " +
    "timeout hook probe column header setting message error alias shortcut counter histogram gauge " +
    "selector subresource reason phase strategy mechanism cache queue limiter server client variable " +
    "property attribute rule constraint matcher filter template driver provider backend component " +
    "extension handler interface wrapper library tool script profile package type kind verb status-code"
  ).split(" "),
);
const DETERMINERS = new Set(
  "a an the this that these those its their his her our your my some any each every no another all both several many more most few".split(" "),
);
// A module constant: a regular expression literal in a function is a new object each time it runs.
const STARTS_WITH_DIGIT = /^\d/;
/** Verbs whose object is a new thing, where a bare singular noun always wants an article. */
const INTRODUCING = new Set(["add", "introduce"]);

/** "an" before a vowel sound: "an option", "an API", "an `SELinuxMount`", but "a unique", "a URL". */
export function indefiniteArticle(word: string): "a" | "an" {
  const bare = word.replace(/^[^A-Za-z0-9]+/, "");
  // Acronyms are read letter by letter: "an HTTP", "an RBAC", "a CRD".
  if (/^[A-Z]{2}/.test(bare)) return /^[AEFHILMNORSX]/.test(bare) ? "an" : "a";
  if (/^(?:one\b|uni|us[eu]|u[rt]i|eu)/i.test(bare)) return "a";
  return /^[aeiou]/i.test(bare) ? "an" : "a";
}

/** Inserts "a"/"an" after "adds"/"introduces" at tokens[verb] when a bare singular count noun follows. */
export function addArticle(tokens: Token[], verb: number): void {
  const verbToken = tokens[verb];
  const first = tokens[verb + 1];
  if (!verbToken || verbToken.code || !INTRODUCING.has(baseVerb(verbToken.text) ?? "") || !first) return;
  if (DETERMINERS.has(plain(first)) || STARTS_WITH_DIGIT.test(first.text)) return;
  let end = verb + 1;
  while (end < tokens.length && !(end > verb + 1 && isBreakAt(tokens, end))) {
    if (COORDINATORS.has(plain(tokens[end])) || endsClause(tokens[end - 1])) return;
    end++;
  }
  const head = tokens[end - 1];
  if (!head || head.code || !COUNT_NOUNS.has(plain(head))) return;
  tokens.splice(verb + 1, 0, { text: indefiniteArticle(first.text), code: false, lead: "", trail: "" });
}
