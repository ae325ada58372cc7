import type { QuestionCreate } from '@commonplace/contracts';
import { linesOf } from '../quiz-builder/question-draft';

/**
 * The question to add from a suggestion, with what staff changed in its card: the prompt, an
 * option's words and which option is right (single choice), the sentence and the accepted
 * answers (cloze, one per line). What the form leaves out stays as suggested; the result is
 * checked whole by the contracts' `questionCreate` before it is sent.
 */
export function editedQuestion(suggested: QuestionCreate, values: Record<string, string>): Record<string, unknown> {
  const prompt = values.prompt ?? suggested.prompt;
  if (suggested.type === 'single-choice') {
    const correct = values.correct;
    return {
      ...suggested,
      prompt,
      options: suggested.options.map((option, i) => ({
        text: values[`option-${i}`] ?? option.text,
        correct: correct === undefined ? option.correct : correct === String(i),
        feedback: option.feedback,
      })),
    };
  }
  if (suggested.type === 'cloze') {
    const accepted = values.accepted === undefined ? undefined : acceptedAnswers(values.accepted);
    return {
      ...suggested,
      prompt,
      text: values.text ?? suggested.text,
      blanks: suggested.blanks.map((blank, i) =>
        i === 0 && accepted ? { ...blank, acceptedAnswers: accepted } : blank,
      ),
    };
  }
  return { ...suggested, prompt };
}

/** Accepted answers as typed: one per line, blank lines and repeats dropped. */
export const acceptedAnswers = (typed: string): string[] => [...new Set(linesOf(typed))];

/** Where a discarded suggestion is remembered: per quiz and reading, for this browser session. */
export const discardedKey = (quizId: string, readingId: string) => `quiz-suggestions:discarded:${quizId}:${readingId}`;

/** The discarded ids kept in session storage, or none if what is there is not a list of strings. */
export function readDiscarded(stored: string | null): string[] {
  try {
    const parsed: unknown = JSON.parse(stored ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
