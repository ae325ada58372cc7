import { ReadingImportError } from '../errors.js';
import { STRUCTURE_STAGES } from '../stages.js';
import type { Block, Progress, ReadingDocument, SourceBlock, SourceDoc } from '../types.js';
import { flagDroppedApostrophes } from './apostrophes.js';
import { dropBoilerplate, markAboutSections, rejoinDropCaps } from './boilerplate.js';
import { removeDuplicateBlocks } from './duplicates.js';
import { classifyBlocks } from './headings.js';
import { publisherFromAuthorBox, readFrontMatter } from './metadata.js';
import { normalizeBlocks } from './normalize.js';
import { checkNoteLinks, dedupeNotes, extractEndnotes, extractNoteRefs } from './notes.js';
import { rejoinSplitParagraphs } from './paragraphs.js';
import { extractToc } from './toc.js';

/**
 * The shared structure-recovery passes, run on every format's intermediate blocks. Between passes
 * it lets the event loop run, so a caller can send the progress it reports while a long text is
 * worked on, and a server stays responsive.
 */
export async function recoverStructure(doc: SourceDoc, progress: Progress): Promise<ReadingDocument> {
  const step = async (stage: (typeof STRUCTURE_STAGES)[number]) => {
    progress(STRUCTURE_STAGES.indexOf(stage) / STRUCTURE_STAGES.length, stage);
    await new Promise((resolve) => setImmediate(resolve));
  };
  const warnings = [...doc.warnings];
  await step('clean');
  let blocks = normalizeBlocks(doc.blocks, warnings, { markdownInline: doc.format === 'text' });
  const boiler = dropBoilerplate(blocks, warnings);
  blocks = rejoinDropCaps(boiler.blocks, warnings);
  await step('contents');
  const toc = extractToc(blocks, warnings);
  blocks = toc.blocks.map((b) => ({ ...b, text: b.text.replace(/\t/g, ' ') }));
  await step('notes');
  const endnotes = extractEndnotes(blocks, warnings);
  blocks = endnotes.blocks;
  const notes = dedupeNotes([...doc.notes, ...endnotes.notes]);
  await step('metadata');
  const front = readFrontMatter(blocks, doc.meta, toc.entries, boiler.findings, warnings);
  blocks = removeDuplicateBlocks(front.blocks, warnings);
  const about = markAboutSections(blocks, warnings);
  blocks = about.blocks;
  const meta = front.meta;
  if (!meta.authors.length) meta.authors = [...new Set(about.authors)];
  meta.publisher ??= publisherFromAuthorBox(blocks);
  await step('headings');
  blocks = classifyBlocks(blocks, toc.entries, warnings);
  await step('paragraphs');
  blocks = rejoinSplitParagraphs(blocks, warnings);
  await step('links');
  const labels = new Set(notes.map((n) => n.label));
  const out = shiftHeadingLevels(blocks.map((b) => toBlock(b, labels)));
  if (!out.some((b) => b.type !== 'heading' && b.text.length > 0)) {
    throw new ReadingImportError(
      'NO_TEXT',
      'No readable text was found in this file. If it is a scan, run it through OCR first.',
    );
  }
  flagDroppedApostrophes(out, warnings);
  checkNoteLinks(
    out.flatMap((b) => b.noteRefs ?? []),
    notes,
    warnings,
  );
  return { ...meta, blocks: out, notes, warnings };
}

function toBlock(b: SourceBlock, labels: Set<string>): Block {
  const type = b.kind ?? 'paragraph';
  if (type === 'heading') return { type, level: b.level ?? 1, text: b.text };
  const { text, refs } = extractNoteRefs(b.text, labels);
  return refs.length ? { type, text, noteRefs: refs } : { type, text };
}

// Once the title is lifted out of the text (a Markdown "#", an HTML <h1>), its sections start at level 1.
function shiftHeadingLevels(blocks: Block[]): Block[] {
  const levels = blocks.filter((b) => b.type === 'heading').map((b) => b.level ?? 1);
  const shift = levels.length ? Math.min(...levels) - 1 : 0;
  return shift > 0 ? blocks.map((b) => (b.type === 'heading' ? { ...b, level: (b.level ?? 1) - shift } : b)) : blocks;
}
