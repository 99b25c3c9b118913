import { HOUSE_SPELLINGS } from "../house-spellings.js";
import type { Token } from "./tokens.js";

// Notes are typed fast ("api", "Kubectl", "grpc"); a newsletter line should not be. "APIserver"
// stays out: drafted lines keep the note's "API server" or "apiserver" as written.
const HOUSE = new Map<string, string>(
  HOUSE_SPELLINGS.filter(({ alsoRight }) => alsoRight === undefined).map(({ house }): [string, string] => [house.toLowerCase(), house]),
);

const LONGEST_HOUSE_FORM = Math.max(0, ...[...HOUSE.keys()].map((key) => key.length));

/** The house form of one word, or the word itself when the house has no opinion. */
export function houseSpelling(word: string): string {
  // "V1" and "V1beta2" in a title are API versions, which are written in lower case.
  if (word.charCodeAt(0) === 86 && API_VERSION.test(word)) return word.toLowerCase();
  // Longer words have no house form: they need not be lowercased only to be looked up.
  return word.length > LONGEST_HOUSE_FORM ? word : (HOUSE.get(word.toLowerCase()) ?? word);
}

const API_VERSION = /^V\d+(?:(?:alpha|beta)\d+)?$/;

/** Respells the prose words of a sentence in place; code spans keep their exact text. */
export function applyHouseSpellings(tokens: Token[]): void {
  for (const token of tokens) if (!token.code) token.text = houseSpelling(token.text);
}

/** The same for plain text; words in backticks are left alone. */
export function houseSpellText(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith("`") ? part : part.replace(/(?<![\w/-])[A-Za-z][\w/]*(?![\w/-])/g, houseSpelling)))
    .join("");
}
