import { error } from '@sveltejs/kit';
import { api, ApiError } from '$lib/server/api';
import type { PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters in the address that look right; the API judges the rest (a first day after the last). */
function filtersOf(url: URL): Record<string, string> {
  const filters: Record<string, string> = {};
  const reading = url.searchParams.get('reading') ?? '';
  const from = url.searchParams.get('from') ?? '';
  const to = url.searchParams.get('to') ?? '';
  if (UUID.test(reading)) filters.readingId = reading;
  if (DAY.test(from)) filters.from = from;
  if (DAY.test(to)) filters.to = to;
  return filters;
}

export const load: PageServerLoad = async (event) => {
  const { course } = await event.parent();
  if (course.role === 'STUDENT') {
    error(403, {
      message: 'Only the instructors and TAs of this course can see the participation summary.',
      code: 'FORBIDDEN',
    });
  }
  const courseId = event.params.courseId;
  const filters = filtersOf(event.url);
  const readings = (await api(event, 'listReadings', { courseId })).data.map(({ id, title, assignments }) => ({
    id,
    title,
    assigned: assignments.length > 0,
  }));
  let filterError: string | null = null;
  let summary;
  try {
    summary = (await api(event, 'participation', { courseId }, undefined, filters)).data;
  } catch (e) {
    if (!(e instanceof ApiError) || e.status >= 500 || e.status === 403) throw e;
    // A filter the API refuses (a reading of another course, the last day before the first): say so, show all.
    filterError = Object.values(e.fields)[0] ?? e.message;
    summary = (await api(event, 'participation', { courseId })).data;
  }
  // The passages of the reading filtered by, else of the one chosen beside them, else the first assigned.
  const passagesParam = event.url.searchParams.get('passages') ?? '';
  const passagesOf =
    summary.readingId ??
    readings.find((r) => r.id === passagesParam)?.id ??
    readings.find((r) => r.assigned)?.id ??
    readings[0]?.id ??
    null;
  const hotspots = passagesOf
    ? (await api(event, 'annotationHotspots', { courseId, readingId: passagesOf })).data
    : null;
  return { readings, summary, filterError, passagesOf, hotspots };
};
