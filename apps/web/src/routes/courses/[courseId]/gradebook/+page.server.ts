import { api } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/** Staff get the whole gradebook; a student their own row, with only the scores released to them. */
export const load: PageServerLoad = async (event) => {
  const { course } = await event.parent();
  const courseId = event.params.courseId;
  if (course.role === 'STUDENT') {
    return { staff: false as const, mine: (await api(event, 'myGrades', { courseId })).data };
  }
  return { staff: true as const, book: (await api(event, 'gradebook', { courseId })).data };
};
