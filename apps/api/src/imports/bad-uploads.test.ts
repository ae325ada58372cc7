import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, routePath, SESSION_COOKIE } from '@commonplace/contracts';
import {
  docxZipBomb,
  encryptedPdf,
  truncatedDocx,
  truncatedPdf,
} from '../../../../packages/reading/test-fixtures/bad-inputs.js';
import { courseWithCast, type CourseCast } from '../testing/factories.js';
import { uploadForm } from '../testing/readings.js';
import { storedZip } from '../testing/zip.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
let cast: CourseCast;
beforeAll(async () => {
  t = await startTestApi();
  cast = await courseWithCast(t);
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.prisma.importDraft.deleteMany();
  await t.prisma.sourceFile.deleteMany();
});

const stored = async () => ({
  files: await t.prisma.sourceFile.count(),
  drafts: await t.prisma.importDraft.count(),
  readings: await t.prisma.reading.count(),
});
const nothing = { files: 0, drafts: 0, readings: 0 };
const uploadPath = () => routePath('uploadImport', { courseId: cast.courseId });

/** Latin-1 text: far more bytes that are not UTF-8 than the importer repairs. */
const latin1 = Buffer.from('Café au lait, naïve façade, déjà vu à Genève. '.repeat(40), 'latin1');

const badFiles: Array<[string, () => Uint8Array | Promise<Uint8Array>, string, number, string, RegExp]> = [
  ['an empty file', () => new Uint8Array(0), 'notes.txt', 400, 'EMPTY_FILE', /empty/],
  ['binary garbage', () => randomBytes(64 * 1024), 'scan.bin', 415, 'UNSUPPORTED_TYPE', /not a format/],
  ['text named .pdf', () => Buffer.from('Just some notes.\n'), 'week1.pdf', 422, 'CORRUPT_PDF', /named like a PDF/],
  ['binary named .pdf', () => randomBytes(4096), 'week1.pdf', 422, 'CORRUPT_PDF', /not one/],
  ['an encrypted PDF', encryptedPdf, 'locked.pdf', 422, 'ENCRYPTED_PDF', /password/],
  ['a corrupt PDF', truncatedPdf, 'broken.pdf', 422, 'CORRUPT_PDF', /damaged/],
  ['a .docx zip bomb', docxZipBomb, 'bomb.docx', 422, 'ZIP_BOMB', /./],
  ['a truncated .docx', truncatedDocx, 'cut.docx', 422, 'CORRUPT_DOCX', /./],
  // Refused only once the archive has been unpacked, after the importer has begun reporting progress.
  [
    'a .docx without its main part',
    () => storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml.orig': '<w:document/>' }),
    'parts.docx',
    422,
    'CORRUPT_DOCX',
    /main text part/,
  ],
  ['text that is not UTF-8', () => latin1, 'latin1.txt', 415, 'INVALID_UTF8', /UTF-8/],
];

describe('bad uploads get a clear error, store nothing, and leave the server healthy', () => {
  for (const [what, make, filename, status, code, message] of badFiles) {
    it(`refuses ${what} with ${status} ${code}`, async () => {
      const response = await cast.instructor.call(
        'uploadImport',
        { courseId: cast.courseId },
        uploadForm(await make(), filename),
      );
      expect({ status: response.status, code: response.body.error?.code }).toEqual({ status, code });
      expect(response.body.error.message).toMatch(message);
      expect(await stored()).toEqual(nothing);
      expect((await t.client().call('health')).status).toBe(200);
    });
  }

  it('refuses a declared 200 MB upload before reading its body', async () => {
    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${t.api.url}${uploadPath()}`, {
        method: 'POST',
        headers: {
          cookie: `${SESSION_COOKIE}=${cast.instructor.session}`,
          'content-type': 'multipart/form-data; boundary=xyz',
          'content-length': String(200 * 1024 * 1024),
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode!, body });
          req.destroy();
        });
      });
      req.on('error', reject);
      // Only the start of the body is ever sent: the answer must come without the rest.
      req.write('--xyz\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\n\r\n%PDF-1.7\n');
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body).error.code).toBe('FILE_TOO_LARGE');
    expect(await stored()).toEqual(nothing);
  });

  it('refuses a streamed 200 MB upload that declares no length, without holding it', async () => {
    const boundary = 'commonplace-test-boundary';
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    let sent = 0;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          encoder.encode(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\n` +
              'Content-Type: text/plain\r\n\r\n',
          ),
        );
      },
      pull(controller) {
        if (sent >= 200) {
          controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`));
          controller.close();
          return;
        }
        sent++;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${t.api.url}${uploadPath()}`, {
      method: 'POST',
      headers: {
        cookie: `${SESSION_COOKIE}=${cast.instructor.session}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('FILE_TOO_LARGE');
    expect(await stored()).toEqual(nothing);
    expect((await t.client().call('health')).status).toBe(200);
  });

  it('refuses a file one byte over the limit while reading it', async () => {
    const atLimit = await cast.instructor.call(
      'uploadImport',
      { courseId: cast.courseId },
      uploadForm(new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61), 'big.txt'),
    );
    expect(atLimit.status).toBe(413);
    expect(atLimit.body.error.code).toBe('FILE_TOO_LARGE');
    expect(await stored()).toEqual(nothing);
  });

  it('answers a body that is not multipart with 415, and a form without a file with 400', async () => {
    const json = await cast.instructor.request('POST', uploadPath(), { text: 'hello' });
    expect(json.status).toBe(415);
    expect(json.body.error.message).toMatch(/multipart/);
    const form = new FormData();
    form.append('readingId', '00000000-0000-4000-8000-000000000000');
    const noFile = await cast.instructor.request('POST', uploadPath(), form);
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.fields).toEqual({ file: 'Choose a file to upload.' });
    expect(await stored()).toEqual(nothing);
  });

  it('refuses a student, whatever the file, and stores nothing', async () => {
    const response = await cast.student.call(
      'uploadImport',
      { courseId: cast.courseId },
      uploadForm('# Notes\n\nA perfectly good file.\n', 'notes.md'),
    );
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
    const paste = await cast.student.call('pasteImport', { courseId: cast.courseId }, { text: 'Some text.' });
    expect(paste.status).toBe(403);
    expect(await stored()).toEqual(nothing);
  });
});
