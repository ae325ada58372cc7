import { MENTION_PATTERN, NOTIFICATION_EXCERPT_CHARS } from '@commonplace/contracts';

/**
 * The start of an annotation's Markdown body as plain text, for a line in a list: mentions read
 * "@Name", links and images their text, markup characters go, whitespace runs become one space,
 * and a long body ends at a word with "…".
 */
export function plainExcerpt(markdown: string, max = NOTIFICATION_EXCERPT_CHARS): string {
  const text = markdown
    .replace(MENTION_PATTERN, '@$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/[*_~`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
