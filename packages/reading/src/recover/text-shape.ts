/** Small predicates about the shape of a line, shared by the structure passes. */
import { FUNCTION_WORDS, IMAGE_WORDS, ORG_WORDS, SECTION_WORDS, STRONG_CHROME_WORDS } from './vocabulary.js';

/** Comparison key: case, quote style, spacing and leader dots do not matter. */
export const textKey = (s: string): string =>
  s
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\.{2,}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * A note's label, as the note pass reads it between brackets ("[3]", "[xiv]"): every format writes
 * the note calls it finds that way.
 */
export const NOTE_LABEL = String.raw`\d{1,3}|[ivxlc]{1,7}`;

const NOTE_TAIL = new RegExp(String.raw`(?:\[(?:${NOTE_LABEL})\]|[⁰¹²³⁴-⁹]+|\s)+$`, 'u');

// Patterns about a line's end read only its tail, so a huge block costs no more than a short one.
const TAIL = 120;

/** Ends like a finished sentence (note markers and closing quotes aside). */
export const endsSentence = (s: string): boolean =>
  /[.!?:;…]["'”’»)\]*]*$/u.test(s.slice(-TAIL).replace(NOTE_TAIL, ''));

/** The last characters of a text held as pieces, read without joining all the pieces. */
export function tailOf(parts: string[], length = TAIL): string {
  let tail = '';
  for (let i = parts.length - 1; i >= 0 && tail.length < length; i--) tail = parts[i] + tail;
  return tail.slice(-length);
}

/**
 * A word broken over a line end: the line stops on a letter and a hyphen and the next goes on in
 * lower case. Only the line's last characters are read, so testing a long line costs nothing.
 */
export const brokenWord = (line: string, next: string): boolean =>
  /\p{L}-$/u.test(line.slice(-3)) && /^\p{Ll}/u.test(next);

/** Key of a running head or foot, the same on every page whatever the page number printed in it. */
export const runningHeadKey = (s: string): string => s.trim().toLowerCase().replace(/\d+/g, '#');

export const startsLowercase = (s: string): boolean => /^["'“‘(]?\p{Ll}/u.test(s);

export const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

export const hasUrl = (s: string): boolean => /(?:https?:\/\/|www\.)\S/i.test(s);

/** Short, unpunctuated, capitalised: could be a title or heading. */
export function isTitleLike(s: string): boolean {
  if (s.length < 3 || s.length > 200 || wordCount(s) > 25) return false;
  if (/[.,;:]$/.test(s.replace(/\s*\.{2,}\s*\d*$/, '')) || hasUrl(s)) return false;
  return /^["'“‘(]?[\p{Lu}\d]/u.test(s);
}

const NAME_PARTICLES = new Set([
  'van',
  'von',
  'de',
  'da',
  'del',
  'der',
  'di',
  'du',
  'la',
  'le',
  'al',
  'bin',
  'ibn',
  'ben',
  'ter',
]);
// Words of organisations, document parts, widgets and plain English never stand in a name.
const NOT_NAME_WORD_SETS = [FUNCTION_WORDS, ORG_WORDS, SECTION_WORDS, STRONG_CHROME_WORDS, IMAGE_WORDS];
const isNotNameWord = (w: string): boolean => {
  const lower = w.toLowerCase();
  return NOT_NAME_WORD_SETS.some((set) => set.has(lower));
};

/** "Jana NOVAKOVA", "Peter J. Lund", "Anna de la Cruz": two to five name-shaped words. */
export function isPersonName(s: string): boolean {
  const words = s
    .trim()
    .replace(/^by\s+/i, '')
    .split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  let capitalised = 0;
  for (const w of words) {
    if (isNotNameWord(w)) return false;
    if (NAME_PARTICLES.has(w)) continue;
    if (!/^\p{Lu}(?:[\p{L}'’-]*\p{L})?\.?$/u.test(w)) return false;
    capitalised++;
  }
  return capitalised >= 2;
}

const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'in',
  'nor',
  'of',
  'on',
  'or',
  'the',
  'to',
  'vs',
  'via',
]);

/** Title-cases text that arrived in capitals ("SHIPS, SAILS, AND HARBOURS"); other text is kept. */
export function fixShouting(s: string): string {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4 || letters !== letters.toUpperCase()) return s;
  let first = true;
  return s.toLowerCase().replace(/\p{L}[\p{L}'’]*/gu, (w) => {
    const keepSmall = !first && SMALL_WORDS.has(w);
    first = false;
    return keepSmall ? w : w[0]!.toUpperCase() + w.slice(1);
  });
}

/** Title-cases only the words of a name that are in capitals ("Jana NOVAKOVA" → "Jana Novakova"). */
export const fixNameCase = (s: string): string =>
  s.replace(/\p{Lu}{2,}(?:['’]\p{Lu}+)?/gu, (w) => w[0] + w.slice(1).toLowerCase()).trim();

/**
 * A passage quoted in a warning for a person to read: in typographic quotes (not JSON's escaped
 * ones), shortened on a word boundary with an ellipsis so no word is cut in half.
 */
export function quoteExcerpt(s: string, max = 80): string {
  const text = s.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return `“${text}”`;
  const head = text.slice(0, max + 1);
  const cut = head.lastIndexOf(' ');
  // A single word longer than the whole excerpt can only be cut inside it.
  const kept = (cut > max / 3 ? head.slice(0, cut) : text.slice(0, max)).replace(/[\s,;:.–—-]+$/, '');
  return `“${kept}…”`;
}
