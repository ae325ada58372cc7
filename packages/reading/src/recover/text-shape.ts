/** Small predicates about the shape of a line, shared by the structure passes. */

/** Comparison key: case, quote style, spacing and leader dots do not matter. */
export const textKey = (s: string): string =>
  s
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\.{2,}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const NOTE_TAIL = /(?:\[(?:\d{1,3}|[ivxlc]{1,7})\]|[⁰¹²³⁴-⁹]+|\s)+$/u;

/** Ends like a finished sentence (note markers and closing quotes aside). */
export const endsSentence = (s: string): boolean => /[.!?:;…]["'”’»)\]*]*$/u.test(s.replace(NOTE_TAIL, ''));

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
const NOT_NAME_WORDS =
  /^(the|of|and|for|in|on|at|to|a|an|with|university|college|institute|foundation|press|center|centre|council|journal|review|news|times|monitor|research|advisory|media|network|group|ministry|department|school|society|association|agency|topics|related|image|photo|contents|table|chapter|part|section|introduction|conclusions?|references|notes|abstract)$/i;

/** "Jana NOVAKOVA", "Peter J. Lund", "Anna de la Cruz": two to five name-shaped words. */
export function isPersonName(s: string): boolean {
  const words = s
    .trim()
    .replace(/^by\s+/i, '')
    .split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  let capitalised = 0;
  for (const w of words) {
    if (NOT_NAME_WORDS.test(w)) return false;
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
