import { error, redirect } from '@sveltejs/kit';
import { saveImport } from '@commonplace/contracts';
import { headingEdits } from '$lib/imports/outline';
import { metadataFromForm } from '$lib/reading/metadata-form';
import { api, ApiError, type ApiCall } from '$lib/server/api';
import { apiFailure, formValues, parseForm } from '$lib/server/forms';
import { refuseStudent } from '$lib/server/staff-only';
import type { Actions, PageServerLoad } from './$types';

async function getDraft(event: ApiCall & { params: { courseId: string; draftId: string } }) {
  try {
    return (await api(event, 'getImport', { courseId: event.params.courseId, draftId: event.params.draftId })).data;
  } catch (e) {
    if (e instanceof ApiError && e.code === 'FORBIDDEN') refuseStudent();
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) {
      error(404, { message: 'There is no such import in this course.', code: e.code });
    }
    throw e;
  }
}

export const load: PageServerLoad = async (event) => {
  // The page polls while the import runs by invalidating this. Who may see it is left to the
  // API's getImport (staff only): waiting for the course layout's data (staffOnly) would run its
  // load again on every poll.
  event.depends('app:import-draft');
  return { draft: await getDraft(event) };
};

export const actions: Actions = {
  /** Runs a failed import again from the file it stored; the page then follows it as before. */
  retry: async (event) => {
    try {
      await api(event, 'retryImport', { courseId: event.params.courseId, draftId: event.params.draftId });
    } catch (e) {
      return apiFailure(e);
    }
    return { retried: true };
  },
  save: async (event) => {
    const values = formValues(await event.request.formData());
    const draft = await getDraft(event);
    const input = { ...metadataFromForm(values), headings: headingEdits(draft.document?.blocks ?? [], values) };
    const parsed = parseForm(saveImport, input, values);
    if (!parsed.ok) return parsed.failure;
    let readingId: string;
    try {
      const params = { courseId: event.params.courseId, draftId: event.params.draftId };
      readingId = (await api(event, 'saveImport', params, parsed.data)).data.id;
    } catch (e) {
      return apiFailure(e, values);
    }
    redirect(303, `/courses/${event.params.courseId}/readings/${readingId}`);
  },
};
