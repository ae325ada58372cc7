import type { QuestionPassage, StaffQuiz, StudentQuiz } from '@commonplace/contracts';
import { passageSearch, type Passage } from '../reading/passage';

/** Where a quiz stands for a student at `now`: by its dates alone. */
export type Availability = 'not-open' | 'open' | 'closed';

export function availability(quiz: Pick<StudentQuiz, 'opensAt' | 'closesAt'>, now: number): Availability {
  if (quiz.opensAt && Date.parse(quiz.opensAt) > now) return 'not-open';
  if (quiz.closesAt && Date.parse(quiz.closesAt) <= now) return 'closed';
  return 'open';
}

export const AVAILABILITY_LABELS: Record<Availability, string> = {
  'not-open': 'Not open yet',
  open: 'Open',
  closed: 'Closed',
};

/** "2 of 3 attempts used", "1 attempt used (no limit)". */
export function attemptsUsed(quiz: Pick<StudentQuiz, 'attempts' | 'attemptsAllowed'>): string {
  const used = quiz.attempts.length;
  if (quiz.attemptsAllowed === null) return `${used} ${used === 1 ? 'attempt' : 'attempts'} used (no limit)`;
  return `${used} of ${quiz.attemptsAllowed} ${quiz.attemptsAllowed === 1 ? 'attempt' : 'attempts'} used`;
}

/** "20 minutes", "No time limit". */
export function timeLimitText(minutes: number | null): string {
  if (minutes === null) return 'No time limit';
  if (minutes % 60 === 0) return `${minutes / 60} ${minutes === 60 ? 'hour' : 'hours'}`;
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** A score with its maximum, rounded as a gradebook shows it: "7.5 / 16". */
export function scoreText(score: number, max: number): string {
  const round = (n: number) => String(Math.round(n * 100) / 100);
  return `${round(score)} / ${round(max)}`;
}

/** Staff see a quiz as a draft until published. */
export const isDraft = (quiz: Pick<StaffQuiz, 'publishedAt'>) => quiz.publishedAt === null;

/** The quoted words of a question's passage, on one line. */
export function passageQuote(passage: QuestionPassage): string {
  const quote = passage.selector.find((s) => s.type === 'TextQuoteSelector');
  return quote && 'exact' in quote ? quote.exact.replace(/\s+/g, ' ').trim() : '';
}

/** Where a question's passage lies in its reading's canonical text, as its position selector gives it. */
export function passagePosition(passage: QuestionPassage): Passage | null {
  const position = passage.selector.find((s) => s.type === 'TextPositionSelector');
  return position && 'start' in position ? { start: position.start, end: position.end } : null;
}

/**
 * The query that opens the reader on a question's passage, `?passage=<start>-<end>` (and
 * `&version=<n>` when known: the version whose text its offsets count), to put after the reading's
 * resolved address.
 */
export const passageQuery = (passage: QuestionPassage, version?: number | null): string =>
  passageSearch(passagePosition(passage), version);
