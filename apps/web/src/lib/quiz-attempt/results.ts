import type {
  GradingMethod,
  QuestionPassage,
  QuestionReview,
  ReleaseAnswers,
  StudentQuestion,
} from '@commonplace/contracts';
import { passageQuery, passageQuote } from '../quiz-builder/quiz-status';

/**
 * When a quiz's score, correct answers and feedback reach students, as the end of a sentence
 * ("… appear as soon as you submit."); a date, if any, goes after it.
 */
export function releaseRule(release: ReleaseAnswers, closesAt: string | null): { when: string; at: string | null } {
  if (release === 'after-submit') return { when: 'as soon as you submit', at: null };
  if (release === 'after-close')
    return closesAt
      ? { when: 'once the quiz closes, on', at: closesAt }
      : { when: 'once your instructor closes the quiz', at: null };
  return { when: 'when your instructor releases them', at: null };
}

export const GRADING_WORDS: Record<GradingMethod, string> = {
  highest: 'Your highest score counts.',
  last: 'Your last attempt counts.',
  first: 'Your first attempt counts.',
  average: 'The average of your attempts counts.',
};

/** Points without trailing zeros: 2, 1.5, 0.333. */
export function points(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** The reader opened on a question's passage, at the version its offsets refer to. */
export function passageHref(courseId: string, passage: QuestionPassage, version: number | null): string {
  const reader = `/courses/${encodeURIComponent(courseId)}/readings/${encodeURIComponent(passage.readingId)}`;
  return reader + passageQuery(passage, version);
}

export interface PassageToReview {
  href: string;
  quote: string;
  readingId: string;
  /** The questions (1-based, in the attempt's order) that missed it. */
  questions: number[];
}

/**
 * The passages of the questions not fully right, each once (two questions on one passage make
 * one entry), in the attempt's order. An essay still being graded is not a miss.
 */
export function passagesToReview(
  courseId: string,
  questions: readonly StudentQuestion[],
  review: readonly QuestionReview[],
): PassageToReview[] {
  const byQuestion = new Map(review.map((r) => [r.questionId, r]));
  const found = new Map<string, PassageToReview>();
  questions.forEach((question, index) => {
    const outcome = byQuestion.get(question.id);
    if (!outcome?.passage || outcome.correct !== false) return;
    const href = passageHref(courseId, outcome.passage, outcome.passageVersion);
    const entry = found.get(href);
    if (entry) entry.questions.push(index + 1);
    else
      found.set(href, {
        href,
        quote: passageQuote(outcome.passage),
        readingId: outcome.passage.readingId,
        questions: [index + 1],
      });
  });
  return [...found.values()];
}
