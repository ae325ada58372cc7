import { Unzip, UnzipInflate, unzipSync, zipSync, type Zippable } from 'fflate';
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import { ReadingImportError } from '../errors.js';
import { MAX_DOCX_UNCOMPRESSED_BYTES, MAX_ZIP_COMPRESSION_RATIO } from '../limits.js';
import type { Note, SourceDoc, SourceMeta, Warning } from '../types.js';
import { htmlToBlocks, type DomNode } from './html-blocks.js';

// Only the XML parts carry text; images and embedded objects are never inflated.
const WANTED = /(?:\.xml|\.rels)$/i;

const STYLE_MAP = [
  "p[style-name='Title'] => h1.doc-title:fresh",
  "p[style-name='Subtitle'] => p.doc-subtitle:fresh",
  "p[style-name='Caption'] => figcaption:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
];

/** Word documents: unpacked under size limits, converted by mammoth (with real footnotes). */
export async function parseDocx(bytes: Uint8Array): Promise<SourceDoc> {
  const warnings: Warning[] = [];
  const parts = safeUnzip(bytes);
  if (!parts['word/document.xml'])
    throw new ReadingImportError('CORRUPT_DOCX', 'This Word document has no main text part (word/document.xml).');
  const slim = zipSync(parts as Zippable);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(slim) },
      { styleMap: STYLE_MAP, includeDefaultStyleMap: true },
    );
    html = result.value;
  } catch (err) {
    throw new ReadingImportError(
      'CORRUPT_DOCX',
      'This Word document could not be read; it may be damaged. Try saving it again from Word.',
      { cause: err },
    );
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const meta = coreProperties(parts['docProps/core.xml']);
  const notes = takeNotes(document);
  const title = document.querySelector('h1.doc-title');
  if (title?.textContent?.trim()) {
    meta.title = title.textContent.trim();
    title.remove();
  }
  const subtitle = document.querySelector('p.doc-subtitle');
  if (subtitle?.textContent?.trim()) {
    meta.subtitle = subtitle.textContent.trim();
    subtitle.remove();
  }
  return { format: 'docx', blocks: htmlToBlocks(document.body as unknown as DomNode), notes, meta, warnings };
}

/**
 * Checks the declared sizes of every entry before inflating anything, then inflates only the
 * XML parts while counting real output, since a hostile archive can lie in its headers.
 */
function safeUnzip(bytes: Uint8Array): Record<string, Uint8Array> {
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter(file) {
        declared += file.originalSize;
        if (file.originalSize > 1 << 20 && file.originalSize / Math.max(1, file.size) > MAX_ZIP_COMPRESSION_RATIO)
          throw bomb();
        return false;
      },
    });
  } catch (err) {
    if (err instanceof ReadingImportError) throw err;
    throw new ReadingImportError('CORRUPT_DOCX', 'This Word document is damaged: its zip structure cannot be read.', {
      cause: err,
    });
  }
  if (declared > MAX_DOCX_UNCOMPRESSED_BYTES) throw bomb();

  const parts: Record<string, Uint8Array> = {};
  let total = 0;
  const unzip = new Unzip((file) => {
    if (!WANTED.test(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (err)
        throw new ReadingImportError(
          'CORRUPT_DOCX',
          `This Word document is damaged (${file.name} cannot be unpacked).`,
          { cause: err },
        );
      size += chunk.length;
      total += chunk.length;
      if (
        total > MAX_DOCX_UNCOMPRESSED_BYTES ||
        (size > 1 << 20 && size / Math.max(1, file.size ?? 1) > MAX_ZIP_COMPRESSION_RATIO)
      ) {
        file.terminate();
        throw bomb();
      }
      chunks.push(chunk);
      if (final) parts[file.name] = concat(chunks, size);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (err) {
    if (err instanceof ReadingImportError) throw err;
    throw new ReadingImportError('CORRUPT_DOCX', 'This Word document is damaged: its contents cannot be unpacked.', {
      cause: err,
    });
  }
  return parts;
}

const bomb = () =>
  new ReadingImportError(
    'ZIP_BOMB',
    `This Word document would unpack to more than ${MAX_DOCX_UNCOMPRESSED_BYTES >> 20} MB or is compressed suspiciously well; it was not opened.`,
  );

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

type El = {
  id: string;
  textContent: string | null;
  remove(): void;
  querySelectorAll(s: string): ArrayLike<El>;
  parentNode: El | null;
};

// mammoth appends footnotes and endnotes as <li id="footnote-N"> items with a back-link "↑";
// the note is labelled as its call in the text reads ("[1]"), which need not be Word's id.
function takeNotes(document: {
  querySelectorAll(s: string): ArrayLike<El>;
  querySelector(s: string): El | null;
}): Note[] {
  const notes: Note[] = [];
  const items = Array.from(document.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]'));
  const lists = new Set<El>();
  for (const li of items) {
    for (const back of Array.from(li.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]')))
      back.remove();
    const call = document.querySelector(`a[href="#${li.id}"]`)?.textContent?.replace(/[[\]\s]/g, '');
    notes.push({
      label: call || li.id.replace(/^(?:foot|end)note-/, ''),
      text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
    });
    if (li.parentNode) lists.add(li.parentNode);
  }
  for (const list of lists) list.remove();
  return notes;
}

function coreProperties(xml: Uint8Array | undefined): SourceMeta {
  if (!xml) return {};
  const text = new TextDecoder().decode(xml);
  const tag = (name: string) => new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(text)?.[1]?.trim() || undefined;
  const creator = tag('dc:creator');
  return {
    title: tag('dc:title'),
    // Word fills in placeholder creators; only a real-looking name is kept.
    authors: creator && !/^(?:un-?named|unknown|author|user|admin)$/i.test(creator) ? [creator] : undefined,
  };
}
