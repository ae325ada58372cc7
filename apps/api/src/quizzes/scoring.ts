import type { AnswerResponse, QuestionConfig } from '@commonplace/contracts';

/**
 * Automatic grading, one pure function per question type. A response that does not fit its
 * question (it cannot reach here through the API, but a key may change after an answer) earns 0.
 */

export interface Outcome {
  /** Points earned; null when a person must grade it (an essay that was answered). */
  score: number | null;
  /** Fully right; null while ungraded. */
  correct: boolean | null;
}

/** Short answers and cloze blanks match after trimming, collapsing runs of whitespace and NFC. */
export function normaliseText(text: string, caseSensitive: boolean): string {
  const spaced = text.normalize('NFC').trim().replace(/\s+/gu, ' ');
  return caseSensitive ? spaced : spaced.toLocaleLowerCase('und');
}

function matchesAccepted(given: unknown, accepted: readonly string[], caseSensitive: boolean): boolean {
  if (typeof given !== 'string') return false;
  const wanted = normaliseText(given, caseSensitive);
  return wanted !== '' && accepted.some((answer) => normaliseText(answer, caseSensitive) === wanted);
}

/** The share of the points a response earns, from 0 to 1; null for an answered essay. */
export function fractionFor(config: QuestionConfig, response: AnswerResponse | undefined): number | null {
  switch (config.type) {
    case 'single-choice':
      return config.options.some((o) => o.correct && o.id === response) ? 1 : 0;
    case 'multiple-choice':
      return multipleChoiceFraction(config.options, response);
    case 'true-false':
      return response === String(config.answer) ? 1 : 0;
    case 'short-answer':
      return matchesAccepted(response, config.acceptedAnswers, config.caseSensitive) ? 1 : 0;
    case 'numeric':
      return typeof response === 'number' && withinTolerance(response, config.answer, config.tolerance) ? 1 : 0;
    case 'cloze': {
      const given = Array.isArray(response) ? response : [];
      const right = config.blanks.filter((blank, i) =>
        matchesAccepted(given[i], blank.acceptedAnswers, blank.caseSensitive),
      ).length;
      return right / config.blanks.length;
    }
    case 'matching': {
      const chosen = isMatches(response) ? response : {};
      const answerText = new Map(config.pairs.map((pair) => [pair.answerId, pair.answer]));
      // Right when the chosen answer reads as this pair's: two items may share one answer.
      const right = config.pairs.filter((pair) => answerText.get(chosen[pair.id] ?? '') === pair.answer).length;
      return right / config.pairs.length;
    }
    case 'essay':
      return typeof response === 'string' && response.trim() !== '' ? null : 0;
  }
}

/**
 * Moodle's partial credit for multiple choice: each correct option chosen adds 1/k of the points
 * (k correct options), each wrong option chosen takes away 1/m (m wrong options), and the total is
 * never below 0. Choosing every option thus earns 0, and choosing all the right ones alone earns 1.
 */
export function multipleChoiceFraction(
  options: readonly { id: string; correct: boolean }[],
  response: AnswerResponse | undefined,
): number {
  const chosen = new Set(Array.isArray(response) ? response : []);
  const right = options.filter((o) => o.correct);
  const wrong = options.filter((o) => !o.correct);
  const gained = right.filter((o) => chosen.has(o.id)).length / right.length;
  const lost = wrong.length ? wrong.filter((o) => chosen.has(o.id)).length / wrong.length : 0;
  return Math.max(0, gained - lost);
}

/** Within the tolerance, allowing for the last bits of floating point (0.1 + 0.2 is 0.3 here). */
export function withinTolerance(given: number, answer: number, tolerance: number): boolean {
  const slack = Number.EPSILON * 16 * Math.max(1, Math.abs(answer), Math.abs(given));
  return Math.abs(given - answer) <= tolerance + slack;
}

function isMatches(response: AnswerResponse | undefined): response is Record<string, string> {
  return typeof response === 'object' && response !== null && !Array.isArray(response);
}

/** Points earned, rounded to a millionth so sums of thirds stay tidy. */
export function scoreFor(config: QuestionConfig, points: number, response: AnswerResponse | undefined): Outcome {
  const fraction = fractionFor(config, response);
  if (fraction === null) return { score: null, correct: null };
  return { score: Math.round(points * fraction * 1e6) / 1e6, correct: fraction === 1 };
}

/** The right answer, written as a response would be: what the review shows once released. */
export function correctResponse(config: QuestionConfig): AnswerResponse | null {
  switch (config.type) {
    case 'single-choice':
      return config.options.find((o) => o.correct)!.id;
    case 'multiple-choice':
      return config.options.filter((o) => o.correct).map((o) => o.id);
    case 'true-false':
      return String(config.answer);
    case 'short-answer':
      return config.acceptedAnswers[0]!;
    case 'numeric':
      return config.answer;
    case 'cloze':
      return config.blanks.map((blank) => blank.acceptedAnswers[0]!);
    case 'matching':
      return Object.fromEntries(config.pairs.map((pair) => [pair.id, pair.answerId]));
    case 'essay':
      return null;
  }
}
