/** A run of a note's text: plain, or a web address to show as a link. */
export type TextRun = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const ADDRESS = /\bhttps?:\/\/[^\s<>"]+/gi;
/** Sentence punctuation that ends a sentence after an address rather than belonging to it. */
const TRAILING = /[.,;:!?'’”)\]]+$/;

/** Keeps a closing bracket the address opened itself, as in a Wikipedia link ending "_(disambiguation)". */
function trimTrailing(candidate: string): string {
  const trail = TRAILING.exec(candidate)?.[0];
  if (!trail) return candidate;
  let kept = candidate.slice(0, -trail.length);
  for (const char of trail) {
    const opens = char === ')' ? '(' : char === ']' ? '[' : null;
    if (!opens || kept.split(opens).length - 1 <= kept.split(char).length - 1) break;
    kept += char;
  }
  return kept;
}

/**
 * Splits text into plain runs and http(s) addresses. Only those two schemes become links, so a
 * note cannot carry a `javascript:` or `data:` link; the runs are rendered as text, never as HTML.
 */
export function linkRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let from = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = trimTrailing(match[0]);
    let href: string;
    try {
      href = new URL(address).href;
    } catch {
      continue;
    }
    if (match.index > from) runs.push({ kind: 'text', text: text.slice(from, match.index) });
    runs.push({ kind: 'link', text: address, href });
    from = match.index + address.length;
  }
  if (from < text.length) runs.push({ kind: 'text', text: text.slice(from) });
  return runs;
}
