import { api, notFoundAsPage } from '$lib/server/api';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  return notFoundAsPage(async () => {
    return { course: (await api(event, 'getCourse', { courseId: event.params.courseId })).data };
  });
};
