import { z } from 'zod';
import { route as ok } from './path-params.js';
import { questionCreate } from './quiz-questions.js';

/**
 * Question suggestions drawn from a reading: sentences that state a fact (a figure, a percentage,
 * a date, an organisation, a person, a place) turned into questions about it, each tied to its
 * sentence. A suggestion's `question` is a ready `createQuestion` body: accepting one is posting it.
 */

export const SUGGESTION_KINDS = ['percentage', 'figure', 'year', 'date', 'organisation', 'person', 'place'] as const;
export const suggestionKind = z.enum(SUGGESTION_KINDS);
export type SuggestionKind = z.infer<typeof suggestionKind>;

export const QUIZ_SUGGESTIONS_MAX = 100;

export const quizSuggestionsQuery = z.object({
  limit: z.coerce
    .number({ error: 'Enter a number of suggestions.' })
    .int({ error: 'Enter a whole number of suggestions.' })
    .min(1, 'Ask for at least one suggestion.')
    .max(QUIZ_SUGGESTIONS_MAX, `Ask for at most ${QUIZ_SUGGESTIONS_MAX} suggestions.`)
    .default(20),
  /** Leave out what this quiz already asks about this reading (same sentence). */
  quizId: z.uuid({ error: 'Not a valid quiz id.' }).optional(),
});
export type QuizSuggestionsQuery = z.infer<typeof quizSuggestionsQuery>;

export const quizSuggestion = z.object({
  /** Stable for the same text: the sentence's offsets. */
  id: z.string(),
  kind: suggestionKind,
  /** The right answer, as the reading writes it. */
  answer: z.string(),
  /** Higher is better: one clear fact, a sentence that stands on its own, plausible wrong options. */
  score: z.number(),
  /** The sentence with a little of the text around it, for showing it quoted. */
  passage: z.object({
    start: z.number().int(),
    end: z.number().int(),
    quote: z.string(),
    before: z.string(),
    after: z.string(),
  }),
  question: questionCreate,
});
export type QuizSuggestion = z.infer<typeof quizSuggestion>;

export const quizSuggestions = z.object({
  readingId: z.uuid(),
  readingTitle: z.string(),
  readingVersion: z.number().int(),
  suggestions: z.array(quizSuggestion),
  /** Suggestions left out because the quiz named in `quizId` already asks about their sentence. */
  alreadyAsked: z.number().int(),
});
export type QuizSuggestions = z.infer<typeof quizSuggestions>;

export const quizSuggestionRoutes = {
  listQuizSuggestions: ok({
    method: 'GET',
    path: '/api/courses/:courseId/readings/:readingId/quiz-suggestions',
    summary: "Questions suggested from a reading's sentences of fact, ranked, ready to add to a quiz",
    access: 'staff',
    query: quizSuggestionsQuery,
    response: quizSuggestions,
    status: 200,
  }),
};
