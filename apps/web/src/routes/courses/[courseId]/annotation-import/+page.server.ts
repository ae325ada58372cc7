import { fail } from '@sveltejs/kit';
import { ANNOTATION_IMPORT_BODY_LIMIT } from '@commonplace/contracts';
import { api, ApiError } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const readings = (await api(event, 'listReadings', { courseId: event.params.courseId })).data;
  // Only assigned readings take annotations.
  return { readings: readings.filter((r) => r.assignments.length > 0).map(({ id, title }) => ({ id, title })) };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const readingId = String(form.get('readingId') ?? '');
    const file = form.get('file');
    const values = { readingId };
    if (!readingId) return fail(400, { message: 'Choose the reading to import onto.', values });
    if (!(file instanceof File) || file.size === 0) return fail(400, { message: 'Choose a JSON-LD file.', values });
    if (file.size > ANNOTATION_IMPORT_BODY_LIMIT) {
      return fail(413, { message: 'The file is larger than 2 MB: split it, or export fewer annotations.', values });
    }
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      return fail(400, {
        message: 'This file is not JSON. Export W3C Web Annotations (JSON-LD) from the other tool.',
        values,
      });
    }
    try {
      const { data } = await api(event, 'importAnnotations', { courseId: event.params.courseId, readingId }, body);
      return { result: data, values };
    } catch (e) {
      if (!(e instanceof ApiError) || e.status >= 500) throw e;
      const detail = Object.entries(e.fields)[0];
      return fail(e.status, { message: detail ? `${e.message} (${detail[0]}: ${detail[1]})` : e.message, values });
    }
  },
};
