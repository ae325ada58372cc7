import { zipSync, strToU8 } from 'fflate';
import { PDFDocument } from 'pdf-lib';

/** Assembles a PDF from object bodies, with a correct cross-reference table. */
function assemblePdf(objects: string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(out, true);
}

/** A PDF protected by a user password (standard security handler, RC4 40-bit). */
export function encryptedPdf(): Uint8Array {
  const hex32 = (seed: number) =>
    Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  return assemblePdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${hex32(7)}> /U <${hex32(91)}> /P -4 >>`,
    ],
    `/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]`,
  );
}

/** Starts like a PDF, then nothing a PDF reader can use. */
export function truncatedPdf(): Uint8Array {
  return strToU8('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n' + 'x'.repeat(200), true);
}

/** A valid PDF whose only page holds a drawing and no text (like a scan). */
export async function pdfWithoutText(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]).drawRectangle({ x: 50, y: 50, width: 200, height: 100 });
  return doc.save();
}

/** A .docx-shaped zip whose document part inflates to 20 MB of one repeated byte. */
export function docxZipBomb(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': new Uint8Array(20 * 1024 * 1024).fill(0x20),
  });
}

/**
 * The same bomb, but lying: its local headers and central directory declare the document part
 * as 1 KB, so only the count of bytes really inflated can catch it.
 */
export function lyingDocxZipBomb(): Uint8Array {
  const zip = docxZipBomb();
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 46 <= zip.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x04034b50) view.setUint32(at + 22, 1024, true);
    if (sig === 0x02014b50) view.setUint32(at + 24, 1024, true);
  }
  return zip;
}

/** A zip that names word/document.xml in its directory but is cut off halfway. */
export function truncatedDocx(): Uint8Array {
  const whole = zipSync(
    { 'word/document.xml': strToU8('<w:document>' + 'text '.repeat(2000) + '</w:document>') },
    { level: 0 },
  );
  return whole.slice(0, Math.floor(whole.length / 2));
}

export function plainZip(): Uint8Array {
  return zipSync({ 'readme.txt': strToU8('hello') });
}

/** A real PDF cut off at `fraction` of its length, as an interrupted download leaves it. */
export async function cutPdf(fraction: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 3; i++) doc.addPage([612, 792]).drawText(`Page ${i + 1} of a report.`, { x: 72, y: 700 });
  const whole = await doc.save();
  return whole.slice(0, Math.floor(whole.length * fraction));
}

/** A PDF with more pages than the importer takes at once, each holding a line of text. */
export async function pdfWithPages(count: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < count; i++) doc.addPage([300, 300]).drawText(`Page ${i + 1}`, { x: 20, y: 250 });
  return doc.save();
}
