import { createHash } from 'node:crypto';
import type { ReadingDocument } from '@commonplace/contracts';
import type { Prisma } from '@commonplace/db';
import { canonicalText, type DetectedFormat } from '@commonplace/reading';
import { AppError } from '../common/app-error.js';
import { dateOfDay } from '../common/calendar-day.js';

/**
 * Writing readings: the one code path behind an instructor's save and the demo seed, so that
 * the canonical text, the block offsets annotations anchor to, the content hash and the search
 * vectors always agree.
 */
type Tx = Prisma.TransactionClient;

export interface SourceFileInput {
  courseId: string;
  filename: string;
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export async function storeSourceFile(tx: Tx, file: SourceFileInput): Promise<string> {
  const row = await tx.sourceFile.create({
    data: {
      courseId: file.courseId,
      filename: file.filename,
      mediaType: file.mediaType,
      byteSize: file.bytes.length,
      sha256: sha256(file.bytes),
      data: file.bytes,
    },
    select: { id: true },
  });
  return row.id;
}

/** The media type a stored original is served with: what its content is, not what its name says. */
const MEDIA_TYPES: Record<DetectedFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  zip: 'application/zip',
  binary: 'application/octet-stream',
};
export const mediaTypeOf = (format: DetectedFormat) => MEDIA_TYPES[format];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface ReadingInput {
  courseId: string;
  /** Saves a new version of this reading instead of a new reading. */
  readingId?: string | null;
  document: ReadingDocument;
  fileId: string;
  createdById: string;
}

export async function storeReading(tx: Tx, input: ReadingInput): Promise<{ id: string; version: number }> {
  const { document } = input;
  const canonical = canonicalText(document);
  const content = {
    title: document.title,
    subtitle: document.subtitle,
    authors: document.authors,
    publisher: document.publisher,
    publishedAt: dateOfDay(document.publishedAt),
    document: document as unknown as Prisma.InputJsonValue,
    canonicalText: canonical.text,
    contentHash: canonical.hash,
    wordCount: canonical.text.match(/\S+/g)?.length ?? 0,
    warningCount: document.warnings.length,
  };
  let id: string;
  let version: number;
  if (input.readingId) {
    // Locked so two versions saved at once cannot both become version n + 1.
    const [current] = await tx.$queryRaw<{ version: number }[]>`
      SELECT version FROM "Reading" WHERE id = ${input.readingId}::uuid AND "courseId" = ${input.courseId}::uuid
      FOR UPDATE`;
    if (!current) throw new AppError('READING_NOT_FOUND');
    id = input.readingId;
    version = current.version + 1;
    await tx.reading.update({ where: { id }, data: { ...content, version } });
    await tx.readingBlock.deleteMany({ where: { readingId: id } });
  } else {
    version = 1;
    id = (await tx.reading.create({ data: { courseId: input.courseId, ...content, version }, select: { id: true } }))
      .id;
  }
  await tx.readingVersion.create({
    data: {
      readingId: id,
      version,
      fileId: input.fileId,
      document: content.document,
      canonicalText: content.canonicalText,
      contentHash: content.contentHash,
      createdById: input.createdById,
    },
  });
  if (canonical.blocks.length) {
    const blocks = canonical.blocks.map((span) => ({ ...span, block: document.blocks[span.index]! }));
    // Prisma cannot write a tsvector, so the blocks go in with one statement that computes it.
    await tx.$executeRaw`
      INSERT INTO "ReadingBlock" ("readingId", "index", "type", "text", "start", "end", "searchVector")
      SELECT ${id}::uuid, b.index, b.type, b.text, b.start, b."end", to_tsvector('english', b.text)
      FROM unnest(${blocks.map((b) => b.index)}::int[], ${blocks.map((b) => b.block.type)}::text[],
                  ${blocks.map((b) => b.block.text)}::text[], ${blocks.map((b) => b.start)}::int[],
                  ${blocks.map((b) => b.end)}::int[]) AS b(index, type, text, start, "end")`;
  }
  return { id, version };
}
