import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '@commonplace/contracts';

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/**
 * Splits a search snippet at its «mark» … «/mark» markers into runs to render as text and
 * <mark> elements, so that nothing in it is ever read as HTML. An unclosed marker marks to the
 * end; a stray closing marker is dropped.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, marked: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  let rest = snippet;
  while (rest) {
    const open = rest.indexOf(SNIPPET_MARK_START);
    const strayClose = rest.indexOf(SNIPPET_MARK_END);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      push(rest.slice(0, strayClose), false);
      rest = rest.slice(strayClose + SNIPPET_MARK_END.length);
      continue;
    }
    if (open === -1) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, open), false);
    rest = rest.slice(open + SNIPPET_MARK_START.length);
    const close = rest.indexOf(SNIPPET_MARK_END);
    push(close === -1 ? rest : rest.slice(0, close), true);
    rest = close === -1 ? '' : rest.slice(close + SNIPPET_MARK_END.length);
  }
  return parts;
}

/**
 * A note's or wiki page's snippet on one line: its text keeps each paragraph and heading on a line of
 * its own, which a snippet shown as one run of text would join with no more than a space.
 */
export function snippetOnOneLine(snippet: string): string {
  return snippet.trim().replace(/\s*\n\s*/g, ' · ');
}
