import type { RequestEvent } from '@sveltejs/kit';
import { BUILT_IN_ANNOTATION_TAGS, routePath, type Annotation } from '@commonplace/contracts';
import { SIDE_COOKIE, sideViewOf } from '$lib/reading/reader-views.svelte';
import { api, notFoundAsPage } from '$lib/server/api';
import type { LayoutServerLoad } from './$types';

/** The reading and what is marked in it; the notes beside it are the page's own load. */
export const load: LayoutServerLoad = async (event) => {
  const params = { courseId: event.params.courseId, readingId: event.params.readingId };
  return notFoundAsPage(async () => {
    const [reading, { course }, citations, annotations, annotationTags] = await Promise.all([
      api(event, 'getReading', params),
      event.parent(),
      api(event, 'listReadingCitations', params),
      annotationsOf(event, params),
      annotationTagsOf(event, params.courseId),
    ]);
    const [versions, quizMisses] =
      course.role !== 'STUDENT'
        ? await Promise.all([
            api(event, 'listReadingVersions', params).then((r) => r.data),
            quizMissesOf(event, params),
          ])
        : [[], []];
    return {
      reading: reading.data,
      citations: citations.data,
      versions,
      annotations,
      annotationTags,
      quizMisses,
      side: sideViewOf(event.cookies.get(SIDE_COOKIE)),
      downloadHref: routePath('downloadOriginal', params),
      progressUrl: routePath('saveProgress', params),
    };
  });
};

/**
 * The annotations this viewer may see, rendered with the text; null when they could not be had
 * (the reader still opens, and says so in the margin).
 */
async function annotationsOf(
  event: RequestEvent,
  params: { courseId: string; readingId: string },
): Promise<Annotation[] | null> {
  try {
    return (await api(event, 'listAnnotations', params)).data;
  } catch (e) {
    console.error('The reader opened without annotations:', e);
    return null;
  }
}

/** Staff only: the passages the class missed in quizzes, marked in the text; none if they could not be had. */
async function quizMissesOf(event: RequestEvent, params: { courseId: string; readingId: string }) {
  try {
    return (await api(event, 'readingQuizMisses', params)).data;
  } catch (e) {
    console.error('The reader opened without the quiz misses:', e);
    return [];
  }
}

/** The tags a new annotation may take: the built-in ones and the course's own. */
async function annotationTagsOf(event: RequestEvent, courseId: string): Promise<string[]> {
  try {
    const { builtIn, course } = (await api(event, 'annotationTags', { courseId })).data;
    return [...new Set([...builtIn, ...course])];
  } catch {
    return [...BUILT_IN_ANNOTATION_TAGS];
  }
}
