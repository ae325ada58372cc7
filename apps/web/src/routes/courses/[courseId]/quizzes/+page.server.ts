import { api } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const params = { courseId: event.params.courseId };
  const [quizzes, modules] = await Promise.all([api(event, 'listQuizzes', params), api(event, 'listModules', params)]);
  return { quizzes: quizzes.data, modules: modules.data };
};
