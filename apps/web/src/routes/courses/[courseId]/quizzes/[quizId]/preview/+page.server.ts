import { error } from '@sveltejs/kit';
import { api, ApiError } from '$lib/server/api';
import { staffOnly } from '$lib/server/staff-only';
import type { PageServerLoad } from './$types';

/** Preview as a student (staff): the questions as a student gets them, nothing recorded. */
export const load: PageServerLoad = async (event) => {
  await staffOnly(event, 'preview a quiz');
  const { courseId, quizId } = event.params;
  try {
    return { preview: (await api(event, 'previewQuiz', { courseId, quizId })).data };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) error(404, { message: e.message, code: e.code });
    throw e;
  }
};
