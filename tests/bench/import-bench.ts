// Import time of the largest course reading, a generated 100-page PDF and a generated 100 KB page
// written with character references, each beside a reference measured in the same run: the bare
// text (decode and split on blank lines), bare pdf.js text extraction, and the same page without
// references. The difference is what structure recovery (or the references) costs.
//
// Run: pnpm --filter @commonplace/tests bench:import   (READINGS_DIR overrides the readings folder)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '@commonplace/db';
import { entityHeavyPage } from '../../packages/reading/test-fixtures/entity-page.js';
import { longPdf } from '../../packages/reading/test-fixtures/pdf-builder.js';
import { importReading } from '../../packages/reading/src/index.js';
import { largestReading, median, readingsDir, timeRuns } from '../support/bench.js';

const readingPackage = join(repoRoot, 'packages/reading/package.json');

interface Row {
  input: string;
  what: string;
  size: number;
  ms: number[];
  blocks: number;
}

/** Times `task`, which answers how many blocks or lines it made. */
async function measure(runs: number, task: () => Promise<number>): Promise<{ ms: number[]; blocks: number }> {
  let blocks = 0;
  const ms = await timeRuns(runs, async () => {
    blocks = await task();
  });
  return { ms: ms.sort((a, b) => a - b), blocks };
}

// The same pdf.js build and options as the importer, without any layout or structure work.
// pdf.js is the reading package's dependency, so it is loaded from there and typed here by use.
interface PdfJs {
  getDocument(source: { data: Uint8Array; disableFontFace: boolean; standardFontDataUrl: string; verbosity: number }): {
    promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<{
        getTextContent(): Promise<{ items: Array<{ str?: string; hasEOL?: boolean }> }>;
        cleanup(): void;
      }>;
      destroy(): Promise<void>;
    }>;
  };
}
async function loadPdfJs(): Promise<{ pdfjs: PdfJs; standardFontDataUrl: string }> {
  const require = createRequire(readingPackage);
  const pdfjs = (await import(pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href)) as PdfJs;
  const standardFontDataUrl = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
  return { pdfjs, standardFontDataUrl };
}

async function rawPdfText(pdfjs: PdfJs, standardFontDataUrl: string, bytes: Uint8Array): Promise<number> {
  const pdf = await pdfjs.getDocument({ data: bytes.slice(), disableFontFace: true, standardFontDataUrl, verbosity: 0 })
    .promise;
  let lines = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    lines += content.items.filter((it) => it.hasEOL).length + 1;
    page.cleanup();
  }
  await pdf.destroy();
  return lines;
}

const rows: Row[] = [];

const thesisPath = largestReading();
const thesis = new Uint8Array(readFileSync(thesisPath));
const thesisName = thesisPath.split('/').pop()!;
rows.push({
  input: thesisName,
  what: 'import (structure recovery)',
  size: thesis.length,
  ...(await measure(15, async () => (await importReading({ data: thesis })).blocks.length)),
});
rows.push({
  input: thesisName,
  what: 'reference: decode + split',
  size: thesis.length,
  ...(await measure(15, async () => new TextDecoder().decode(thesis).split(/\n\s*\n/).length)),
});

const pdf = await longPdf(100);
const { pdfjs, standardFontDataUrl } = await loadPdfJs();
rows.push({
  input: 'generated 100-page PDF',
  what: 'import (structure recovery)',
  size: pdf.length,
  ...(await measure(5, async () => (await importReading({ data: pdf })).blocks.length)),
});
rows.push({
  input: 'generated 100-page PDF',
  what: 'reference: pdf.js text only',
  size: pdf.length,
  ...(await measure(5, () => rawPdfText(pdfjs, standardFontDataUrl, pdf))),
});

// A page written with character references throughout, beside the same page with each reference
// replaced by a letter: the difference is what the references cost (the parser once made a text
// node of every run between two of them, about a second per 100 KB).
const { html: entityPage } = entityHeavyPage(100 * 1024);
const plainPage = entityPage.replace(/&[#\w]+;/g, 'x');
rows.push({
  input: 'generated 100 KB HTML, references throughout',
  what: 'import (structure recovery)',
  size: entityPage.length,
  ...(await measure(10, async () => (await importReading({ data: entityPage })).blocks.length)),
});
rows.push({
  input: 'generated 100 KB HTML, references throughout',
  what: 'reference: same page, no references',
  size: plainPage.length,
  ...(await measure(10, async () => (await importReading({ data: plainPage })).blocks.length)),
});

const table = rows.map((r) => ({
  input: r.input,
  what: r.what,
  KB: (r.size / 1024).toFixed(0),
  runs: r.ms.length,
  'median ms': median(r.ms).toFixed(1),
  'best ms': r.ms[0]!.toFixed(1),
  'blocks/lines': r.blocks,
}));
console.log(`Node ${process.version}, readings from ${readingsDir}`);
console.table(table);
for (let i = 0; i < rows.length; i += 2) {
  const overhead = median(rows[i]!.ms) - median(rows[i + 1]!.ms);
  console.log(`${rows[i]!.input}: structure recovery adds ${overhead.toFixed(1)} ms (median) over the reference`);
}
