import type { QuestionPassage } from '@commonplace/contracts';
import { Prisma, type PrismaClient } from '@commonplace/db';
import { checkedPassage } from '../annotations/annotation-checks.js';
import { AppError } from '../common/app-error.js';

/**
 * The stored passage columns of a question (a quiz's or the bank's): the passage checked against
 * its reading's current text, as annotations check theirs, or none.
 */
export async function passageColumns(prisma: PrismaClient, courseId: string, passage: QuestionPassage | null) {
  if (!passage) return { readingId: null, selector: Prisma.DbNull, readingVersion: null };
  const reading = await prisma.reading.findFirst({
    where: { id: passage.readingId, courseId },
    select: { id: true, canonicalText: true, version: true },
  });
  if (!reading) throw new AppError('READING_NOT_FOUND', undefined, { 'passage.readingId': 'No such reading here.' });
  const checked = checkedPassage(passage, reading.canonicalText);
  return {
    readingId: reading.id,
    selector: checked.selector as unknown as Prisma.InputJsonValue,
    readingVersion: reading.version,
  };
}
