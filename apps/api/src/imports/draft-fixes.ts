import type { ReadingBlock, ReadingDocument, SaveImport } from '@commonplace/contracts';
import { AppError } from '../common/app-error.js';

/**
 * The instructor's fixes from the preview, applied to the imported document: metadata replaced
 * where given, blocks made headings of a level or turned back into paragraphs.
 */
export function applyFixes(document: ReadingDocument, fixes: SaveImport): ReadingDocument {
  const blocks: ReadingBlock[] = document.blocks.map((block) => ({ ...block }));
  const problems: Record<string, string> = {};
  (fixes.headings ?? []).forEach(({ index, level }, i) => {
    const block = blocks[index];
    if (!block) {
      problems[`headings.${i}.index`] = `There is no block ${index}: the reading has ${blocks.length}.`;
      return;
    }
    if (level !== null) {
      block.type = 'heading';
      block.level = level;
    } else if (block.type === 'heading') {
      block.type = 'paragraph';
      delete block.level;
    }
  });
  if (Object.keys(problems).length) throw new AppError('VALIDATION_FAILED', undefined, problems);
  return {
    ...document,
    title: fixes.title ?? document.title,
    subtitle: fixes.subtitle !== undefined ? fixes.subtitle || null : document.subtitle,
    authors: fixes.authors ?? document.authors,
    publisher: fixes.publisher !== undefined ? fixes.publisher || null : document.publisher,
    publishedAt: fixes.publishedAt !== undefined ? fixes.publishedAt : document.publishedAt,
    blocks,
  };
}
