import { api, notFoundAsPage } from '$lib/server/api';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) =>
  notFoundAsPage(async () => ({ course: (await api(event, 'getCourse', { courseId: event.params.courseId })).data }));
