import { api } from '$lib/server/api';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const { data } = await api(event, 'listWikiPages', { courseId: event.params.courseId });
  return { pages: data };
};
