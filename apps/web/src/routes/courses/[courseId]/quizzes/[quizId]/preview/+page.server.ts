import { error } from '@sveltejs/kit';
import { api, ApiError } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/** Preview as a student (staff): the questions as a student gets them, nothing recorded. */
export const load: PageServerLoad = async (event) => {
  const { course } = await event.parent();
  if (course.role === 'STUDENT')
    error(403, { message: 'Only the instructors and TAs of this course can preview a quiz.', code: 'FORBIDDEN' });
  const { courseId, quizId } = event.params;
  try {
    return { preview: (await api(event, 'previewQuiz', { courseId, quizId })).data };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) error(404, { message: e.message, code: e.code });
    throw e;
  }
};
