import type { SourceBlock, Warning } from '../types.js';
import { endsSentence, startsLowercase } from './text-shape.js';

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
    const b = { ...blocks[i]! };
    const moved: SourceBlock[] = [];
    while (joinable(b) && b.text.length >= 60 && !endsSentence(b.text)) {
      let k = i + 1;
      while (blocks[k]?.kind === 'caption') k++;
      const next = blocks[k];
      if (!joinable(next)) break;
      // A capitalised continuation is only trusted after a plain word or comma ("… by X and" / "Y …")
      // or across a known page break, not after a closing quote or bracket, where a paragraph may
      // end unpunctuated.
      const midSentence = /[\p{L}\d,-]$/u.test(b.text);
      if (!startsLowercase(next.text) && !/^\d/.test(next.text) && !midSentence && !next.pageBreakBefore) break;
      const hyphen = /\p{L}-$/u.test(b.text) && startsLowercase(next.text);
      b.text = hyphen ? b.text.slice(0, -1) + next.text : `${b.text} ${next.text}`;
      moved.push(...blocks.slice(i + 1, k));
      rejoined++;
      i = k;
    }
    out.push(b, ...moved);
  }
  if (rejoined)
    warnings.push({
      code: 'PARAGRAPHS_REJOINED',
      message: `Rejoined ${rejoined} paragraph(s) cut by a page break or figure.`,
    });
  return out;
}
