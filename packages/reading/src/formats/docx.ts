import { Unzip, UnzipInflate, unzipSync, zipSync, type Zippable } from 'fflate';
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import { ReadingImportError } from '../errors.js';
import { MAX_DOCX_UNCOMPRESSED_BYTES, MAX_ZIP_COMPRESSION_RATIO } from '../limits.js';
import type { SourceDoc, SourceMeta, Warning } from '../types.js';
import { htmlToBlocks, type DomNode } from './html-blocks.js';
import { takeLinkedNotes, type Doc } from './html-notes.js';

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
export async function parseDocx(bytes: Uint8Array, progress: (fraction: number) => void): Promise<SourceDoc> {
  const warnings: Warning[] = [];
  const parts = safeUnzip(bytes);
  progress(0.2);
  if (!parts['word/document.xml'])
    throw new ReadingImportError('CORRUPT_DOCX', 'This Word document has no main text part (word/document.xml).');
  const slim = zipSync(parts as Zippable);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(slim) },
      // Pictures were never unpacked: they must not be read, and the text walk drops them anyway.
      {
        styleMap: STYLE_MAP,
        includeDefaultStyleMap: true,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (err) {
    throw new ReadingImportError(
      'CORRUPT_DOCX',
      'This Word document could not be read; it may be damaged. Try saving it again from Word.',
      { cause: err },
    );
  }
  progress(0.8);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const meta = coreProperties(parts['docProps/core.xml']);
  const notes = takeLinkedNotes(document as unknown as Doc);
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
  const blocks = htmlToBlocks(document.body as unknown as DomNode);
  progress(1);
  return { format: 'docx', blocks, notes, meta, warnings };
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
    throw damaged('its zip structure cannot be read', err);
  }
  if (declared > MAX_DOCX_UNCOMPRESSED_BYTES) throw bomb();

  const parts: Record<string, Uint8Array> = {};
  let total = 0;
  // The first refusal wins: fflate reports a stopped entry again as an error of its own.
  let refused: ReadingImportError | null = null;
  const unzip = new Unzip((file) => {
    if (!WANTED.test(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (refused) return;
      if (err) {
        refused = damaged(`${file.name} cannot be unpacked`, err);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (
        total > MAX_DOCX_UNCOMPRESSED_BYTES ||
        (size > 1 << 20 && size / Math.max(1, file.size ?? 1) > MAX_ZIP_COMPRESSION_RATIO)
      ) {
        refused = bomb();
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) parts[file.name] = concat(chunks, size);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // Fed in small slices, each inflation step yields at most a few megabytes, so a bomb is
    // stopped before it fills memory.
    for (let at = 0; at < bytes.length && !refused; at += UNZIP_SLICE)
      unzip.push(bytes.subarray(at, at + UNZIP_SLICE), at + UNZIP_SLICE >= bytes.length);
  } catch (err) {
    refused ??= damaged('its contents cannot be unpacked', err);
  }
  if (refused) throw refused;
  return parts;
}

const UNZIP_SLICE = 4096;

const damaged = (what: string, cause: unknown) =>
  new ReadingImportError('CORRUPT_DOCX', `This Word document is damaged: ${what}.`, { cause });

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

function coreProperties(xml: Uint8Array | undefined): SourceMeta {
  if (!xml) return {};
  // The properties part is a few hundred bytes; a bloated one is only read as far as that.
  const text = new TextDecoder().decode(xml.subarray(0, 1 << 16));
  const tag = (name: string) =>
    new RegExp(`<${name}(?:\\s[^>]{0,500})?>([^<]{0,2000})</${name}>`).exec(text)?.[1]?.trim() || undefined;
  const creator = tag('dc:creator');
  return {
    title: tag('dc:title'),
    // Word fills in placeholder creators; only a real-looking name is kept.
    authors: creator && !/^(?:un-?named|unknown|author|user|admin)$/i.test(creator) ? [creator] : undefined,
  };
}
