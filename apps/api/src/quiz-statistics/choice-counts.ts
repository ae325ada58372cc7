import type { AnswerResponse, OptionFrequency, QuestionConfig } from '@commonplace/contracts';

interface Choice {
  id: string;
  text: string;
  correct: boolean;
}

/** A choice question's options (true/false: "true" and "false"); null for other types. */
export function choicesOf(config: QuestionConfig): Choice[] | null {
  if (config.type === 'single-choice' || config.type === 'multiple-choice')
    return config.options.map(({ id, text, correct }) => ({ id, text, correct }));
  if (config.type === 'true-false')
    return [
      { id: 'true', text: 'True', correct: config.answer },
      { id: 'false', text: 'False', correct: !config.answer },
    ];
  return null;
}

/** The option ids a response chose: one for a single choice, any number for a multiple choice. */
function chosen(response: AnswerResponse | undefined): string[] {
  if (typeof response === 'string') return [response];
  if (Array.isArray(response)) return response;
  return [];
}

/**
 * How often each option was chosen over `attempts` attempts, given the responses they saved (an
 * attempt that left the question unanswered has none and chose nothing).
 */
export function choiceCounts(
  choices: readonly Choice[],
  responses: readonly AnswerResponse[],
  attempts: number,
): OptionFrequency[] {
  const counts = new Map(choices.map((choice) => [choice.id, 0]));
  for (const response of responses) {
    for (const id of new Set(chosen(response))) if (counts.has(id)) counts.set(id, counts.get(id)! + 1);
  }
  return choices.map((choice) => {
    const count = counts.get(choice.id)!;
    return { ...choice, count, share: attempts ? count / attempts : 0 };
  });
}
