import { Inject, Injectable } from '@nestjs/common';
import { Prisma, PrismaClient } from '@commonplace/db';
import { reanchorPassages } from './reanchor-passages.js';
import { readStoredSelectors, selectorJson } from './stored-selector.js';

export interface QuizPassageSummary {
  readingVersion: number;
  moved: number;
  unplaced: number;
}

/**
 * Carries the passages of quiz questions on a reading to its current version, in the same job as
 * its annotations. A passage the new text surely has moves to it; one it has only probably, or not
 * at all, stays on the version it was on, flagged with the version that could not place it
 * (`passageUnplacedOn`), so a student is never sent to other words and the builder can say so.
 * Runs again safely: a moved passage is on the current version; a flagged one is tried again only
 * by a newer version; each write is guarded by the state it was computed from, so an edit made
 * meanwhile by staff is never overwritten.
 */
@Injectable()
export class QuizPassageReanchoring {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  async reanchorReading(readingId: string): Promise<QuizPassageSummary | null> {
    const reading = await this.prisma.reading.findUnique({
      where: { id: readingId },
      select: { version: true, canonicalText: true },
    });
    if (!reading) return null;
    const summary: QuizPassageSummary = { readingVersion: reading.version, moved: 0, unplaced: 0 };
    const questions = await this.prisma.quizQuestion.findMany({
      where: { readingId, ...behind(reading.version) },
      select: { id: true, selector: true, readingVersion: true, passageUnplacedOn: true },
      orderBy: { id: 'asc' },
    });
    if (!questions.length) return summary;
    const versions = await this.prisma.readingVersion.findMany({
      where: { readingId, version: { in: [...new Set(questions.map((q) => q.readingVersion!))] } },
      select: { version: true, canonicalText: true },
    });
    const oldTexts = new Map(versions.map((v) => [v.version, v.canonicalText]));
    const writes: Prisma.PrismaPromise<unknown>[] = [];
    for (const question of questions) {
      const stored = readStoredSelectors({ selector: question.selector, quote: null, start: null, end: null });
      const guard = {
        id: question.id,
        readingId,
        readingVersion: question.readingVersion,
        passageUnplacedOn: question.passageUnplacedOn,
      };
      // The quote alone is searched for when the old version's text is gone.
      const oldText = oldTexts.get(question.readingVersion!) ?? '';
      const [placed] = stored ? reanchorPassages(oldText, reading.canonicalText, [stored]) : [];
      if (placed?.placement.status === 'anchored') {
        summary.moved++;
        const selectors = placed.placement.selectors;
        writes.push(
          this.prisma.quizQuestion.updateMany({
            where: guard,
            data: {
              selector: selectorJson(selectors, stored!.form) as Prisma.InputJsonValue,
              readingVersion: reading.version,
              passageUnplacedOn: null,
            },
          }),
        );
      } else {
        summary.unplaced++;
        writes.push(
          this.prisma.quizQuestion.updateMany({ where: guard, data: { passageUnplacedOn: reading.version } }),
        );
      }
    }
    await this.prisma.$transaction(writes);
    return summary;
  }

  /** Readings with question passages that a newer version has not yet been tried on. */
  async readingsBehind(): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT DISTINCT r.id::text AS id FROM "Reading" r JOIN "QuizQuestion" q ON q."readingId" = r.id
      WHERE q."readingVersion" < r.version
        AND (q."passageUnplacedOn" IS NULL OR q."passageUnplacedOn" < r.version)`);
    return rows.map((r) => r.id);
  }
}

/** Questions on an older version that this version has not been tried on. */
function behind(version: number): Prisma.QuizQuestionWhereInput {
  return {
    readingVersion: { lt: version },
    OR: [{ passageUnplacedOn: null }, { passageUnplacedOn: { lt: version } }],
  };
}
