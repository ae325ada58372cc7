import { quizPatch, type StaffQuiz } from '@commonplace/contracts';
import { formValuesOf, settingsInput } from '$lib/quiz-builder/settings-form';
import { api, notFoundAsPage } from '$lib/server/api';
import { apiFailure, parseForm } from '$lib/server/forms';
import { staffOnly } from '$lib/server/staff-only';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await staffOnly(event, 'build quizzes');
  const params = { courseId: event.params.courseId };
  return notFoundAsPage(async () => {
    const [quiz, modules, readings] = await Promise.all([
      api(event, 'getQuiz', { ...params, quizId: event.params.quizId }),
      api(event, 'listModules', params),
      api(event, 'listReadings', params),
    ]);
    return {
      // Staff always get the staff view, questions and key included.
      quiz: quiz.data as StaffQuiz,
      modules: modules.data,
      readings: readings.data.map((r) => ({ id: r.id, title: r.title })),
    };
  });
};

const quizParams = (params: { courseId: string; quizId: string }) => ({
  courseId: params.courseId,
  quizId: params.quizId,
});

export const actions: Actions = {
  settings: async (event) => {
    const form = await event.request.formData();
    const values = formValuesOf(form);
    const parsed = parseForm(quizPatch, settingsInput(form), values);
    if (!parsed.ok) return parsed.failure;
    try {
      await api(event, 'updateQuiz', quizParams(event.params), parsed.data);
    } catch (e) {
      return apiFailure(e, values);
    }
    return { saved: 'Saved the quiz’s settings.' };
  },
  publish: async (event) => {
    try {
      await api(event, 'publishQuiz', quizParams(event.params));
    } catch (e) {
      return apiFailure(e);
    }
    return { saved: 'Published: the course’s students can see the quiz.' };
  },
  release: async (event) => {
    try {
      await api(event, 'updateQuiz', quizParams(event.params), { released: true });
    } catch (e) {
      return apiFailure(e);
    }
    return { saved: 'Released: students can now see their scores, the answers and the feedback.' };
  },
};
