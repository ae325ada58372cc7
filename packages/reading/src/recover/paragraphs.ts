import type { SourceBlock, Warning } from '../types.js';
import { endsSentence, startsLowercase, tailOf } from './text-shape.js';

const joinable = (b: SourceBlock | undefined): b is SourceBlock =>
  b !== undefined && (b.kind === undefined || b.kind === 'paragraph');

/**
 * Rejoins paragraphs cut by a page break or a figure: a paragraph that stops mid-sentence
 * continues in the next paragraph, even if captions stand between them (they move after it).
 */
export function rejoinSplitParagraphs(blocks: SourceBlock[], warnings: Warning[]): SourceBlock[] {
  const out: SourceBlock[] = [];
  let rejoined = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const moved: SourceBlock[] = [];
    // The joined text is kept in pieces until done; see joinWrappedLines in formats/text.ts.
    const parts = [b.text];
    let length = b.text.length;
    while (joinable(b) && length >= 60 && !endsSentence(tailOf(parts))) {
      let k = i + 1;
      while (blocks[k]?.kind === 'caption') k++;
      const next = blocks[k];
      if (!joinable(next)) break;
      // A capitalised continuation is only trusted after a plain word or comma ("… by X and" / "Y …")
      // or across a known page break, not after a closing quote or bracket, where a paragraph may
      // end unpunctuated.
      const end = tailOf(parts, 2);
      const midSentence = /[\p{L}\d,-]$/u.test(end);
      if (!startsLowercase(next.text) && !/^\d/.test(next.text) && !midSentence && !next.pageBreakBefore) break;
      if (/\p{L}-$/u.test(end) && startsLowercase(next.text)) {
        parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1);
        parts.push(next.text);
        length += next.text.length - 1;
      } else {
        parts.push(' ', next.text);
        length += next.text.length + 1;
      }
      moved.push(...blocks.slice(i + 1, k));
      rejoined++;
      i = k;
    }
    out.push(parts.length > 1 ? { ...b, text: parts.join('') } : b, ...moved);
  }
  if (rejoined)
    warnings.push({
      code: 'PARAGRAPHS_REJOINED',
      message: `Rejoined ${rejoined} paragraph(s) cut by a page break or figure.`,
    });
  return out;
}
