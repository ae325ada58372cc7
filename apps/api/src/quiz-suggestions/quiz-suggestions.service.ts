import { Inject, Injectable } from '@nestjs/common';
import { QUIZ_SUGGESTIONS_MAX, type QuizSuggestions, type QuizSuggestionsQuery } from '@commonplace/contracts';
import { PrismaClient } from '@commonplace/db';
import type { Viewer } from '../access/policies.js';
import { readStoredSelectors } from '../annotation-anchoring/stored-selector.js';
import { AppError } from '../common/app-error.js';
import { suggestQuestions } from './suggest.js';

/** Readings whose suggestions are kept: the longest reading takes a moment to work through. */
const CACHED_READINGS = 20;

/** Question suggestions for staff, from a reading of their course as it now stands. */
@Injectable()
export class QuizSuggestionsService {
  /** The most suggestions each recent text gives, by reading and content hash (a new version misses). */
  private readonly cache = new Map<string, ReturnType<typeof suggestQuestions>>();

  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  async list(viewer: Viewer, readingId: string, query: QuizSuggestionsQuery): Promise<QuizSuggestions> {
    const reading = await this.prisma.reading.findFirst({
      where: { id: readingId, courseId: viewer.courseId },
      select: { id: true, title: true, version: true, contentHash: true },
    });
    if (!reading) throw new AppError('READING_NOT_FOUND');
    const asked = query.quizId ? await this.askedSentences(viewer, query.quizId, reading) : new Set<string>();
    const all = await this.suggestionsFor(reading);
    const fresh = all.filter((s) => !asked.has(`${s.passage.start}-${s.passage.end}`));
    return {
      readingId: reading.id,
      readingTitle: reading.title,
      readingVersion: reading.version,
      suggestions: fresh.slice(0, query.limit),
      alreadyAsked: all.length - fresh.length,
    };
  }

  /** From the cache, or worked out from the text, which is read only then (the longest is 118 kB). */
  private async suggestionsFor(reading: { id: string; title: string; contentHash: string }) {
    const key = `${reading.id}:${reading.contentHash}`;
    let suggestions = this.cache.get(key);
    if (!suggestions) {
      const text = await this.prisma.reading.findUnique({
        where: { id: reading.id },
        select: {
          canonicalText: true,
          blocks: { select: { type: true, start: true, end: true }, orderBy: { index: 'asc' } },
        },
      });
      // Deleted between the two reads.
      if (!text) throw new AppError('READING_NOT_FOUND');
      suggestions = suggestQuestions(
        { readingId: reading.id, title: reading.title, text: text.canonicalText, blocks: text.blocks },
        QUIZ_SUGGESTIONS_MAX,
      );
      if (this.cache.size >= CACHED_READINGS) this.cache.delete(this.cache.keys().next().value!);
    } else this.cache.delete(key);
    // Most recently used last, so the oldest is the first to go.
    this.cache.set(key, suggestions);
    return suggestions;
  }

  /** The sentences of this reading's current version that the quiz already has a question on. */
  private async askedSentences(viewer: Viewer, quizId: string, reading: { id: string; version: number }) {
    const quiz = await this.prisma.quiz.findFirst({
      where: { id: quizId, courseId: viewer.courseId },
      select: {
        questions: { where: { readingId: reading.id, readingVersion: reading.version }, select: { selector: true } },
      },
    });
    if (!quiz) throw new AppError('QUIZ_NOT_FOUND');
    const asked = new Set<string>();
    for (const question of quiz.questions) {
      const position = readStoredSelectors({ selector: question.selector, quote: null, start: null, end: null })
        ?.selectors.position;
      if (position) asked.add(`${position.start}-${position.end}`);
    }
    return asked;
  }
}
