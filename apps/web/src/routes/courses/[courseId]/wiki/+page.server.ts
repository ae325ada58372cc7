import { redirect } from '@sveltejs/kit';
import { wikiPageHref } from '$lib/wiki/href';
import { wikiPageCreate } from '@commonplace/contracts';
import { api } from '$lib/server/api';
import { apiFailure, formValues, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { data } = await api(event, 'wikiWantedPages', { courseId: event.params.courseId });
  return { wanted: data };
};

export const actions: Actions = {
  create: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(wikiPageCreate, { title: values.title, parentId: values.parentId || undefined }, values);
    if (!parsed.ok) return parsed.failure;
    let slug: string;
    try {
      slug = (await api(event, 'createWikiPage', { courseId: event.params.courseId }, parsed.data)).data.slug;
    } catch (e) {
      return apiFailure(e, values);
    }
    redirect(303, wikiPageHref(event.params.courseId, slug));
  },

  restore: async (event) => {
    const values = formValues(await event.request.formData());
    let slug: string;
    try {
      const pageId = values.undo ?? '';
      slug = (await api(event, 'restoreWikiPage', { courseId: event.params.courseId, pageId })).data.slug;
    } catch (e) {
      return apiFailure(e, values);
    }
    redirect(303, wikiPageHref(event.params.courseId, slug));
  },
};
