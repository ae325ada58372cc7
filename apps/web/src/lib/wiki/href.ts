import { resolve } from '$app/paths';

/** A wiki page's address in the web app, by its slug. */
export const wikiPageHref = (courseId: string, slug: string) =>
  resolve('/courses/[courseId]/wiki/[slug]', { courseId, slug });
