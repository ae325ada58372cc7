import { error, fail, redirect } from '@sveltejs/kit';
import { MAX_UPLOAD_BYTES, pasteImport, routePath, uploadImportForm } from '@commonplace/contracts';
import { formatBytes } from '$lib/imports/upload';
import { api, ApiError } from '$lib/server/api';
import { apiFailure, formValues, parseForm } from '$lib/server/forms';
import { staffOnly } from '$lib/server/staff-only';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await staffOnly(event);
  const uploadUrl = routePath('uploadImport', { courseId: event.params.courseId });
  const drafts = (await api(event, 'listImports', { courseId: event.params.courseId })).data;
  const readingId = event.url.searchParams.get('readingId');
  if (!readingId) return { uploadUrl, drafts, replacing: null };
  try {
    const params = { courseId: event.params.courseId, readingId };
    const { id, title, version } = (await api(event, 'getReading', params)).data;
    return { uploadUrl, drafts, replacing: { id, title, version } };
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) {
      error(404, { message: 'There is no such reading in this course to replace.', code: e.code });
    }
    throw e;
  }
};

function fileFailure(message: string, values: Record<string, string>) {
  const fields: Record<string, string> = { file: message };
  return fail(400, { message, fields, values });
}

const draftPage = (courseId: string, draftId: string) => `/courses/${courseId}/readings/import/${draftId}`;

export const actions: Actions = {
  discard: async (event) => {
    const values = formValues(await event.request.formData());
    try {
      await api(event, 'discardImport', { courseId: event.params.courseId, draftId: values.draftId ?? '' });
    } catch (e) {
      return apiFailure(e, values);
    }
    return { discarded: true };
  },
  paste: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(pasteImport, { text: values.text, readingId: values.readingId || undefined }, values);
    if (!parsed.ok) return parsed.failure;
    let draftId: string;
    try {
      draftId = (await api(event, 'pasteImport', { courseId: event.params.courseId }, parsed.data)).data.id;
    } catch (e) {
      return apiFailure(e, values);
    }
    redirect(303, draftPage(event.params.courseId, draftId));
  },
  /** Without JavaScript the file comes here and is passed on; with it, the browser sends it to the API itself. */
  upload: async (event) => {
    const form = await event.request.formData();
    const values = formValues(form);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return fileFailure('Choose a file to import.', values);
    if (file.size > MAX_UPLOAD_BYTES) {
      return fileFailure(`“${file.name}” is larger than ${formatBytes(MAX_UPLOAD_BYTES)}.`, values);
    }
    const parsed = parseForm(uploadImportForm, { file, readingId: values.readingId || undefined }, values);
    if (!parsed.ok) return parsed.failure;
    const body = new FormData();
    if (parsed.data.readingId) body.set('readingId', parsed.data.readingId);
    body.set('file', parsed.data.file, parsed.data.file.name);
    let draftId: string;
    try {
      draftId = (await api(event, 'uploadImport', { courseId: event.params.courseId }, body)).data.id;
    } catch (e) {
      return apiFailure(e, values);
    }
    redirect(303, draftPage(event.params.courseId, draftId));
  },
};
