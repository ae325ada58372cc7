import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { noteCreate, progressUpdate, readingUpdate, routePath } from '@commonplace/contracts';
import { metadataFromForm } from '$lib/reading/metadata-form';
import { api, ApiError } from '$lib/server/api';
import { setFlash } from '$lib/server/flash';
import { apiFailure, formValues, parseForm, type FormFailure } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const params = { courseId: event.params.courseId, readingId: event.params.readingId };
  try {
    const [reading, { course }, notes, citations] = await Promise.all([
      api(event, 'getReading', params),
      event.parent(),
      api(event, 'listNotes', { courseId: params.courseId }),
      api(event, 'listReadingCitations', params),
    ]);
    const versions = course.role === 'STUDENT' ? [] : (await api(event, 'listReadingVersions', params)).data;
    return {
      reading: reading.data,
      citations: citations.data,
      versions,
      groupNotes: notes.data.filter((n) => n.scope === 'group' && n.readingId === params.readingId),
      downloadHref: routePath('downloadOriginal', params),
      progressUrl: routePath('saveProgress', params),
    };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) error(404, { message: e.message, code: e.code });
    throw e;
  }
};

/** The page has four forms; each result says which one it answers, so it shows beside that one. */
type ReaderForm = 'finish' | 'details' | 'delete' | 'groupNote';
const answering = <F extends ReaderForm>(form: F, failure: ActionFailure<FormFailure>) =>
  fail(failure.status, { ...failure.data, form });

export const actions: Actions = {
  finish: async (event) => {
    const values = formValues(await event.request.formData());
    const input = { furthest: 1, lastBlock: Number(values.lastBlock), activeSecondsDelta: 0, completed: true };
    const parsed = parseForm(progressUpdate, input, values);
    if (!parsed.ok) return answering('finish', parsed.failure);
    try {
      await api(event, 'saveProgress', event.params, parsed.data);
    } catch (e) {
      return answering('finish', apiFailure(e, values));
    }
    return { form: 'finish' as const };
  },

  details: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(readingUpdate, metadataFromForm(values), values);
    if (!parsed.ok) return answering('details', parsed.failure);
    try {
      await api(event, 'updateReading', event.params, parsed.data);
    } catch (e) {
      return answering('details', apiFailure(e, values));
    }
    return { form: 'details' as const, saved: true };
  },

  groupNote: async (event) => {
    const { courseId, readingId } = event.params;
    try {
      const { title } = (await api(event, 'getReading', { courseId, readingId })).data;
      const parsed = parseForm(noteCreate, { title: `Notes on ${title}`, readingId, scope: 'group' }, {});
      if (!parsed.ok) return answering('groupNote', parsed.failure);
      await api(event, 'createNote', { courseId }, parsed.data);
    } catch (e) {
      return answering('groupNote', apiFailure(e));
    }
    return { form: 'groupNote' as const };
  },

  delete: async (event) => {
    const readings = `/courses/${event.params.courseId}/readings`;
    let title: string;
    try {
      title = (await api(event, 'getReading', event.params)).data.title;
      await api(event, 'deleteReading', event.params);
    } catch (e) {
      return answering('delete', apiFailure(e));
    }
    setFlash(event.cookies, readings, `Deleted “${title}”.`, event.url.protocol === 'https:');
    redirect(303, readings);
  },
};
