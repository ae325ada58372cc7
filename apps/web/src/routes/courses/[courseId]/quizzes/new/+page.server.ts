import { redirect } from '@sveltejs/kit';
import { quizCreate } from '@commonplace/contracts';
import { quizPageHref } from '$lib/quiz-builder/links';
import { formValuesOf, settingsInput } from '$lib/quiz-builder/settings-form';
import { api } from '$lib/server/api';
import { apiFailure, parseForm } from '$lib/server/forms';
import { staffOnly } from '$lib/server/staff-only';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await staffOnly(event, 'build quizzes');
  const params = { courseId: event.params.courseId };
  const [modules, readings] = await Promise.all([
    api(event, 'listModules', params),
    api(event, 'listReadings', params),
  ]);
  return {
    modules: modules.data,
    readings: readings.data.map((r) => ({ id: r.id, title: r.title })),
  };
};

export const actions: Actions = {
  create: async (event) => {
    const form = await event.request.formData();
    const values = formValuesOf(form);
    const parsed = parseForm(quizCreate, settingsInput(form), values);
    if (!parsed.ok) return parsed.failure;
    let quizId: string;
    try {
      quizId = (await api(event, 'createQuiz', { courseId: event.params.courseId }, parsed.data)).data.id;
    } catch (e) {
      return apiFailure(e, values);
    }
    redirect(303, quizPageHref(event.params.courseId, quizId, 'edit'));
  },
};
