import { ANSWER_TEXT_MAX_CHARS, type AnswerResponse, type QuestionConfig } from '@commonplace/contracts';
import { AppError } from '../common/app-error.js';

const refuse = (why: string): never => {
  throw new AppError('ANSWER_INVALID', undefined, { response: why });
};

/**
 * Checks a student's response against its question's type (the contracts check only its shape):
 * an option id of this question, a list of them, text, a number, a string per blank, or matches of
 * this question's items to its answers. Returns it as it will be stored.
 */
export function checkedResponse(config: QuestionConfig, response: AnswerResponse): AnswerResponse {
  switch (config.type) {
    case 'single-choice': {
      if (typeof response !== 'string' || !config.options.some((o) => o.id === response))
        refuse('Choose one of the options.');
      return response;
    }
    case 'multiple-choice': {
      const ids = new Set(config.options.map((o) => o.id));
      if (!Array.isArray(response) || !response.every((id) => ids.has(id))) refuse('Choose among the options.');
      return [...new Set(response as string[])];
    }
    case 'true-false':
      if (response !== 'true' && response !== 'false') refuse('Answer "true" or "false".');
      return response;
    case 'short-answer':
      if (typeof response !== 'string' || response.length > ANSWER_TEXT_MAX_CHARS)
        refuse(`Write a short answer, under ${ANSWER_TEXT_MAX_CHARS} characters.`);
      return response;
    case 'numeric':
      if (typeof response !== 'number') refuse('Enter a number.');
      return response;
    case 'cloze':
      if (!Array.isArray(response) || response.length !== config.blanks.length)
        refuse(`Fill in the ${config.blanks.length} blanks, one string each (empty for a blank left out).`);
      return response;
    case 'matching': {
      const items = new Set(config.pairs.map((pair) => pair.id));
      const answers = new Set(config.pairs.map((pair) => pair.answerId));
      if (typeof response !== 'object' || response === null || Array.isArray(response))
        refuse('Match each item to an answer.');
      const matches = response as Record<string, string>;
      if (!Object.entries(matches).every(([item, answer]) => items.has(item) && answers.has(answer)))
        refuse('Match this question’s items to its answers.');
      return matches;
    }
    case 'essay':
      if (typeof response !== 'string') refuse('Write your answer as text.');
      return response;
  }
}
