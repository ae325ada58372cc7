import { fail } from '@sveltejs/kit';
import { questionCreate, type QuestionCreate } from '@commonplace/contracts';
import { editedQuestion } from '$lib/quiz-suggestions/edit';
import { api, ApiError, notFoundAsPage } from '$lib/server/api';
import { apiFailure, formValues, parseForm } from '$lib/server/forms';
import { staffOnly } from '$lib/server/staff-only';
import type { Actions, PageServerLoad } from './$types';

const SHOWN = '20';

export const load: PageServerLoad = async (event) => {
  const { courseId, quizId } = event.params;
  await staffOnly(event, 'suggest questions');
  return notFoundAsPage(async () => {
    const [quiz, readings] = await Promise.all([
      api(event, 'getQuiz', { courseId, quizId }),
      api(event, 'listReadings', { courseId }),
    ]);
    const readingId = event.url.searchParams.get('reading') ?? readings.data[0]?.id ?? null;
    const choices = readings.data.map((r) => ({ id: r.id, title: r.title }));
    const summary = { id: quiz.data.id, title: quiz.data.title, questionCount: quiz.data.questionCount };
    if (!readingId) return { quiz: summary, readings: choices, readingId, suggestions: null, failure: null };
    try {
      const { data } = await api(event, 'listQuizSuggestions', { courseId, readingId }, undefined, {
        quizId,
        limit: SHOWN,
      });
      return { quiz: summary, readings: choices, readingId, suggestions: data, failure: null };
    } catch (e) {
      // The page stays usable: another reading can be chosen.
      if (e instanceof ApiError)
        return { quiz: summary, readings: choices, readingId, suggestions: null, failure: e.message };
      throw e;
    }
  });
};

export const actions: Actions = {
  /** Adds a suggestion to the quiz, as suggested or as edited in its card. */
  accept: async (event) => {
    const values = formValues(await event.request.formData());
    const suggestionId = values.suggestionId ?? '';
    let suggested: QuestionCreate;
    try {
      suggested = questionCreate.parse(JSON.parse(values.suggested ?? ''));
    } catch {
      return fail(400, {
        message: 'This suggestion could not be read: reload the page.',
        fields: {},
        values,
        suggestionId,
      });
    }
    const parsed = parseForm(questionCreate, editedQuestion(suggested, values), values);
    if (!parsed.ok) return fail(400, { ...parsed.failure.data, suggestionId });
    try {
      const { data } = await api(event, 'createQuestion', event.params, parsed.data);
      return { added: { suggestionId, questionId: data.id } };
    } catch (e) {
      const failure = apiFailure(e, values);
      return fail(failure.status, { ...failure.data, suggestionId });
    }
  },
};
