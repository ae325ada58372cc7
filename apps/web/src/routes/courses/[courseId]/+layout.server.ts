import { error } from '@sveltejs/kit';
import { api, ApiError } from '$lib/server/api';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  try {
    return { course: (await api(event, 'getCourse', { courseId: event.params.courseId })).data };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) error(404, { message: e.message, code: e.code });
    throw e;
  }
};
