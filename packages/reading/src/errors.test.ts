import { describe, expect, it } from 'vitest';
import {
  cutPdf,
  docxZipBomb,
  encryptedPdf,
  lyingDocxZipBomb,
  pdfWithoutText,
  pdfWithPages,
  plainZip,
  truncatedDocx,
  truncatedPdf,
} from '../test-fixtures/bad-inputs.js';
import {
  importReading,
  MAX_HTML_DEPTH,
  MAX_INPUT_BYTES,
  MAX_MARKDOWN_NESTING,
  MAX_PDF_PAGES,
  ReadingImportError,
  type ReadingErrorCode,
} from './index.js';

async function failure(
  input: Parameters<typeof importReading>[0],
): Promise<{ code: ReadingErrorCode; message: string }> {
  try {
    await importReading(input);
  } catch (err) {
    expect(err).toBeInstanceOf(ReadingImportError);
    const e = err as ReadingImportError;
    return { code: e.code, message: e.message };
  }
  throw new Error('import did not fail');
}

const garbage = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 7919 + (i >> 3)) % 256);
const text = (s: string) => new TextEncoder().encode(s);

describe('bad input is refused with a code and a message that says what to do', () => {
  it('an empty file, and pasted text that is only blank', async () => {
    expect(await failure({ data: new Uint8Array(), filename: 'a.txt' })).toEqual({
      code: 'EMPTY_FILE',
      message: '"a.txt" is empty.',
    });
    expect((await failure({ data: '   \n\n ' })).code).toBe('EMPTY_FILE');
  });

  it('binary garbage, whatever it is called', async () => {
    expect(await failure({ data: garbage(4096), filename: 'notes.bin' })).toEqual({
      code: 'UNSUPPORTED_TYPE',
      message: '"notes.bin" is not a format we can import (PDF, Word .docx, HTML, Markdown or plain text).',
    });
    expect(await failure({ data: garbage(4096), filename: 'reading.pdf' })).toEqual({
      code: 'CORRUPT_PDF',
      message: '"reading.pdf" is named like a PDF but its content is not one.',
    });
    expect((await failure({ data: garbage(4096), filename: 'essay.docx' })).code).toBe('CORRUPT_DOCX');
  });

  it('a text file named .pdf or .docx', async () => {
    const f = await failure({ data: text('Just some notes, not a PDF at all.'), filename: 'reading.pdf' });
    expect(f.code).toBe('CORRUPT_PDF');
    expect(f.message).toMatch(/^"reading\.pdf" is named like a PDF but contains plain text/);
    expect((await failure({ data: text('Plain notes.'), mediaType: 'application/pdf' })).code).toBe('CORRUPT_PDF');
    expect((await failure({ data: text('Plain notes.'), filename: 'essay.docx' })).code).toBe('CORRUPT_DOCX');
  });

  it('a password-protected PDF', async () => {
    expect(await failure({ data: encryptedPdf() })).toEqual({
      code: 'ENCRYPTED_PDF',
      message: 'This PDF is password-protected. Remove the password and upload it again.',
    });
  });

  it('a damaged PDF: only a header, or a real one cut off like an interrupted download', async () => {
    expect((await failure({ data: truncatedPdf() })).code).toBe('CORRUPT_PDF');
    for (const fraction of [0.3, 0.6, 0.9]) {
      expect(await failure({ data: await cutPdf(fraction) })).toEqual({
        code: 'CORRUPT_PDF',
        message: 'This PDF is damaged or is not a PDF; it could not be opened.',
      });
    }
  });

  it('a PDF with no text layer', async () => {
    const f = await failure({ data: await pdfWithoutText() });
    expect(f.code).toBe('NO_TEXT');
    expect(f.message).toMatch(/OCR/);
  });

  it('a page or a document with nothing to read, refused while it is read', async () => {
    const stages: string[] = [];
    const page = text('<!doctype html><html><body><script>track()</script><img src="a.png"></body></html>');
    await expect(
      importReading({ data: page, filename: 'empty.html' }, { onProgress: (_, stage) => stages.push(stage) }),
    ).rejects.toMatchObject({
      code: 'NO_TEXT',
      message: '"empty.html" contains no text to import. If it is a scan, run it through OCR first.',
    });
    expect(stages.at(-1)).toBe('read');
  });

  it('a PDF longer than the page limit, refused before its pages are read', async () => {
    expect(await failure({ data: await pdfWithPages(MAX_PDF_PAGES + 1) })).toEqual({
      code: 'TOO_MANY_PAGES',
      message: `This PDF has ${MAX_PDF_PAGES + 1} pages; the limit is ${MAX_PDF_PAGES}. Split it into parts.`,
    });
  });

  it('a .docx zip bomb, refused from its declared sizes before anything is inflated', async () => {
    expect((await failure({ data: docxZipBomb(), filename: 'bomb.docx' })).code).toBe('ZIP_BOMB');
  });

  it('a .docx zip bomb that lies about its sizes, stopped while it inflates', async () => {
    const f = await failure({ data: lyingDocxZipBomb(), filename: 'bomb.docx' });
    expect(f.code).toBe('ZIP_BOMB');
    expect(f.message).toMatch(/would unpack to more than \d+ MB/);
  });

  it('a damaged .docx and a zip that is not a Word document', async () => {
    expect((await failure({ data: truncatedDocx(), filename: 'x.docx' })).code).toBe('CORRUPT_DOCX');
    expect(await failure({ data: plainZip(), filename: 'archive.zip' })).toEqual({
      code: 'UNSUPPORTED_TYPE',
      message: '"archive.zip" is a zip archive, not a document we can import.',
    });
  });

  it('a file over the size limit, as bytes or as pasted text', async () => {
    expect(await failure({ data: new Uint8Array(MAX_INPUT_BYTES + 1), filename: 'big.pdf' })).toEqual({
      code: 'FILE_TOO_LARGE',
      message: `"big.pdf" is larger than ${MAX_INPUT_BYTES >> 20} MB.`,
    });
    expect((await failure({ data: 'x'.repeat(MAX_INPUT_BYTES + 1) })).code).toBe('FILE_TOO_LARGE');
  });

  it('text that is not UTF-8', async () => {
    const latin1 = Uint8Array.from(
      'Café crème, déjà vu, façade, naïve, élève, où, été, père, fenêtre, Noël, rôle, Zoë, août, ça, garçon, voilà.',
      (c) => c.charCodeAt(0),
    );
    const f = await failure({ data: latin1 });
    expect(f.code).toBe('INVALID_UTF8');
    expect(f.message).toMatch(/Save it as UTF-8/);
  });

  it('a page or a Markdown file nested deeper than can be read', async () => {
    const depth = MAX_HTML_DEPTH + 10;
    const html = `<!doctype html><html><body>${'<div>'.repeat(depth)}Deep${'</div>'.repeat(depth)}</body></html>`;
    const f = await failure({ data: text(html), filename: 'deep.html' });
    expect(f.code).toBe('TOO_COMPLEX');
    expect(f.message).toMatch(/nests its elements \d+ levels deep/);
    const quotes = `# Deep\n\n${'> '.repeat(MAX_MARKDOWN_NESTING + 1)}quoted`;
    expect((await failure({ data: quotes })).code).toBe('TOO_COMPLEX');
    const lists = `# Deep\n\n${'1. '.repeat(MAX_MARKDOWN_NESTING + 1)}item`;
    expect((await failure({ data: lists })).message).toMatch(
      /^This Markdown nests quotes or lists about \d+ levels deep/,
    );
    const indented = Array.from({ length: MAX_MARKDOWN_NESTING + 1 }, (_, i) => `${'  '.repeat(i * 2)}- item`);
    expect((await failure({ data: `# Deep\n\n${indented.join('\n')}` })).code).toBe('TOO_COMPLEX');
  });
});

describe('input that is odd but readable is imported, with a warning where something was repaired', () => {
  it('a few bad bytes in UTF-8 text are replaced and reported', async () => {
    const good = text(
      'A Short Note\n\nThe keeper wrote that the lamp burned all night and the oil lasted until dawn, as it had every night that winter.',
    );
    const bytes = new Uint8Array([...good.slice(0, 40), 0xff, ...good.slice(40)]);
    const doc = await importReading({ data: bytes });
    expect(doc.warnings.map((w) => w.code)).toContain('INVALID_UTF8_REPAIRED');
    expect(doc.blocks[0]!.text).toContain('\uFFFD');
  });

  it('UTF-16 text with its byte-order mark', async () => {
    const s = 'Lamp Log\n\nThe lamp burned all night, and the keeper trimmed the wick twice before the morning came.';
    const utf16 = new Uint8Array(2 + s.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) utf16[2 + i * 2] = s.charCodeAt(i);
    const doc = await importReading({ data: utf16 });
    expect(doc.title).toBe('Lamp Log');
    expect(doc.blocks.map((b) => b.text)).toEqual([s.split('\n\n')[1]]);
  });

  it('a PDF preceded by a few junk bytes, as some mail gateways leave it', async () => {
    const pdf = await cutPdf(1);
    const doc = await importReading({ data: new Uint8Array([0x0d, 0x0a, ...pdf]) });
    expect(doc.blocks.map((b) => b.text)).toEqual([
      'Page 1 of a report.',
      'Page 2 of a report.',
      'Page 3 of a report.',
    ]);
  });
});
