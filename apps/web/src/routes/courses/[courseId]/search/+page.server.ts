import { searchQuery } from '@commonplace/contracts';
import { api, ApiError } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const query = event.url.searchParams.get('q') ?? '';
  if (!query.trim()) return { query, hits: null, problem: null };
  const parsed = searchQuery.safeParse({ q: query });
  if (!parsed.success) return { query, hits: null, problem: parsed.error.issues[0]?.message ?? 'Try other words.' };
  try {
    const { data } = await api(event, 'search', { courseId: event.params.courseId }, undefined, parsed.data);
    return { query, hits: data, problem: null };
  } catch (e) {
    if (e instanceof ApiError && e.status === 400) return { query, hits: null, problem: e.fields.q ?? e.message };
    throw e;
  }
};
