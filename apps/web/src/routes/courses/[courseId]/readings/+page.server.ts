import { api } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  readings: (await api(event, 'listReadings', { courseId: event.params.courseId })).data,
});
