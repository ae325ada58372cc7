import { error } from '@sveltejs/kit';
import { api } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { course } = await event.parent();
  if (course.role === 'STUDENT') {
    error(403, {
      message: 'Only the instructors and TAs of this course can see who has read what.',
      code: 'FORBIDDEN',
    });
  }
  const { data } = await api(event, 'readingReport', { courseId: event.params.courseId });
  return { report: data };
};
