import { searchQuery } from '@commonplace/contracts';
import { lastReadOrFirst } from '$lib/last-read';
import { api, ApiError } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const query = event.url.searchParams.get('q') ?? '';
  const noHits = (problem: string | null) => ({ query, hits: null, problem, besideReadingId: null });
  if (!query.trim()) return noHits(null);
  const parsed = searchQuery.safeParse({ q: query });
  if (!parsed.success) return noHits(parsed.error.issues[0]?.message ?? 'Try other words.');
  const courseId = event.params.courseId;
  try {
    const { data } = await api(event, 'search', { courseId }, undefined, parsed.data);
    // A note about no reading opens in the notes panel beside one the searcher may read.
    const aboutNoReading = data.some((hit) => hit.kind === 'note' && !hit.readingId);
    const besideReadingId = aboutNoReading
      ? (lastReadOrFirst((await api(event, 'listReadings', { courseId })).data)?.id ?? null)
      : null;
    return { query, hits: data, problem: null, besideReadingId };
  } catch (e) {
    if (e instanceof ApiError && e.status === 400) return noHits(e.fields.q ?? e.message);
    throw e;
  }
};
