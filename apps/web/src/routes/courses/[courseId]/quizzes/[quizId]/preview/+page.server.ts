import { api, notFoundAsPage } from '$lib/server/api';
import { staffOnly } from '$lib/server/staff-only';
import type { PageServerLoad } from './$types';

/** Preview as a student (staff): the questions as a student gets them, nothing recorded. */
export const load: PageServerLoad = async (event) => {
  await staffOnly(event, 'preview a quiz');
  const { courseId, quizId } = event.params;
  return notFoundAsPage(async () => ({ preview: (await api(event, 'previewQuiz', { courseId, quizId })).data }));
};
