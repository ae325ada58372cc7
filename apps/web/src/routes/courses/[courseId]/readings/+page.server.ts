import { api } from '$lib/server/api';
import { takeFlash } from '$lib/server/flash';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  readings: (await api(event, 'listReadings', { courseId: event.params.courseId })).data,
  /** What was just done elsewhere, e.g. the reading deleted before landing here. */
  flash: takeFlash(event.cookies, `/courses/${event.params.courseId}/readings`, event.url.protocol === 'https:'),
});
