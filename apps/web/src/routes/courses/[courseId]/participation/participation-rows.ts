import type { StudentParticipation } from '@commonplace/contracts';
import { sortedBy } from '../../../../lib/sorting';

export type SortKey =
  | 'name'
  | 'group'
  | 'annotations'
  | 'repliesGiven'
  | 'repliesReceived'
  | 'words'
  | 'hidden'
  | 'coverage'
  | 'activeDays'
  | 'lastActivityAt';

/** The students sorted by a column; ties keep their name order. */
export function sortedStudents(
  students: readonly StudentParticipation[],
  key: SortKey,
  descending: boolean,
): StudentParticipation[] {
  const value = (student: StudentParticipation): string | number => {
    if (key === 'name') return student.name.toLocaleLowerCase();
    if (key === 'group') return student.group?.toLocaleLowerCase() ?? '';
    if (key === 'lastActivityAt') return student.lastActivityAt ?? '';
    return student[key];
  };
  return sortedBy(students, value, descending);
}

/**
 * A sparkline's points in a `width` × `height` box: one per day, the busiest day at the top. A
 * single day is drawn as a flat stroke across the box.
 */
export function sparklinePoints(perDay: readonly number[], width: number, height: number, max: number): string {
  if (!perDay.length) return '';
  const series = perDay.length === 1 ? [perDay[0]!, perDay[0]!] : perDay;
  const step = width / (series.length - 1);
  const top = Math.max(1, max);
  return series
    .map((count, i) => `${(i * step).toFixed(1)},${(height - 1 - (count / top) * (height - 2)).toFixed(1)}`)
    .join(' ');
}

/** What a student's sparkline shows, in words, for those who do not see it. */
export function activitySummary(perDay: readonly number[], days: readonly string[]): string {
  const total = perDay.reduce((sum, count) => sum + count, 0);
  if (!total) return 'No annotations or replies in this period.';
  let busiest = 0;
  perDay.forEach((count, i) => {
    if (count > perDay[busiest]!) busiest = i;
  });
  const active = perDay.filter((count) => count > 0).length;
  const things = total === 1 ? '1 annotation or reply' : `${total} annotations and replies`;
  const onDays = active === 1 ? '1 day' : `${active} days`;
  return `${things} on ${onDays} of ${days.length}; busiest ${days[busiest]}, with ${perDay[busiest]}.`;
}

/** A passage's link in the reader: the reading opened on those words. */
export const passageHref = (readerHref: string, passage: { start: number; end: number }) =>
  `${readerHref}?passage=${passage.start}-${passage.end}`;
