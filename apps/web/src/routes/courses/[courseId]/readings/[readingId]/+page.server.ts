import { error } from '@sveltejs/kit';
import { progressUpdate, routePath } from '@commonplace/contracts';
import { api, ApiError } from '$lib/server/api';
import { apiFailure, formValues, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const params = { courseId: event.params.courseId, readingId: event.params.readingId };
  try {
    const reading = (await api(event, 'getReading', params)).data;
    return {
      reading,
      downloadHref: routePath('downloadOriginal', params),
      progressUrl: routePath('saveProgress', params),
    };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) error(404, { message: e.message, code: e.code });
    throw e;
  }
};

export const actions: Actions = {
  finish: async (event) => {
    const values = formValues(await event.request.formData());
    const input = { furthest: 1, lastBlock: Number(values.lastBlock), activeSecondsDelta: 0, completed: true };
    const parsed = parseForm(progressUpdate, input, values);
    if (!parsed.ok) return parsed.failure;
    try {
      await api(
        event,
        'saveProgress',
        { courseId: event.params.courseId, readingId: event.params.readingId },
        parsed.data,
      );
    } catch (e) {
      return apiFailure(e, values);
    }
    return { finished: true };
  },
};
