import { error, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { wikiPageHref } from '$lib/wiki/href';
import { titleKeyOf, wikiPageCreate, wikiPageUpdate } from '@commonplace/contracts';
import { api } from '$lib/server/api';
import { apiFailure, formValues, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/**
 * A page by its slug, or, from a `[[link]]` (`?title=`), by its title: a link names a title, and
 * two titles may share a slug's words. No page yet: the page offers to create it. A slug a page
 * had before a rename leads to it.
 */
export const load: PageServerLoad = async (event) => {
  const { pages } = await event.parent();
  const { courseId, slug } = event.params;
  const title = event.url.searchParams.get('title');
  const byTitle = title ? pages.find((p) => titleKeyOf(p.title) === titleKeyOf(title)) : undefined;
  if (byTitle && byTitle.slug !== slug) redirect(307, wikiPageHref(courseId, byTitle.slug));
  const page = byTitle ?? pages.find((p) => p.slug === slug);
  // A renamed page's old address (a bookmark, a shared link) leads to it, unless a page has taken it since.
  const renamed = page ? undefined : pages.find((p) => p.formerSlugs.includes(slug));
  if (renamed) redirect(308, wikiPageHref(courseId, renamed.slug));
  if (!page) {
    if (!title) error(404, { message: 'There is no such wiki page in this course.', code: 'WIKI_PAGE_NOT_FOUND' });
    return { page: null, missingTitle: title, backlinks: [] };
  }
  const { data: backlinks } = await api(event, 'wikiBacklinks', { courseId, pageId: page.id });
  return { page, missingTitle: null, backlinks };
};

/** Rename, move, reorder or lock: each form sends the page's id and the fields it changes. */
async function update(event: Parameters<Actions[string]>[0]) {
  const values = formValues(await event.request.formData());
  const parsed = parseForm(wikiPageUpdate, pick(values), values);
  if (!parsed.ok) return parsed.failure;
  let slug: string;
  try {
    const pageId = values.pageId ?? '';
    slug = (await api(event, 'updateWikiPage', { courseId: event.params.courseId, pageId }, parsed.data)).data.slug;
  } catch (e) {
    return apiFailure(e, values);
  }
  if (slug !== event.params.slug) redirect(303, wikiPageHref(event.params.courseId, slug));
  return { message: 'Saved.' };
}

/** The update fields a form sent, typed as the contract wants them. */
function pick(values: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (values.title !== undefined) input.title = values.title;
  if (values.parentId !== undefined) input.parentId = values.parentId === '' ? null : values.parentId;
  if (values.position !== undefined) input.position = Number(values.position);
  if (values.locked !== undefined) input.locked = values.locked === 'true';
  return input;
}

export const actions: Actions = {
  create: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(wikiPageCreate, { title: values.title }, values);
    if (!parsed.ok) return parsed.failure;
    let slug: string;
    try {
      slug = (await api(event, 'createWikiPage', { courseId: event.params.courseId }, parsed.data)).data.slug;
    } catch (e) {
      return apiFailure(e, values);
    }
    redirect(303, wikiPageHref(event.params.courseId, slug));
  },
  update,
  delete: async (event) => {
    const values = formValues(await event.request.formData());
    let deleted: { id: string; title: string };
    try {
      deleted = (await api(event, 'deleteWikiPage', { courseId: event.params.courseId, pageId: values.pageId ?? '' }))
        .data;
    } catch (e) {
      return apiFailure(e, values);
    }
    const home = resolve('/courses/[courseId]/wiki', { courseId: event.params.courseId });
    redirect(303, `${home}?${new URLSearchParams({ deleted: deleted.id, title: deleted.title })}`);
  },
};
