import type { ReadingReport, ReportStudent, StudentReadingProgress } from '@commonplace/contracts';
import { sortedBy } from '../../../../lib/sorting';

export type StudentRow = ReportStudent & StudentReadingProgress;
export type SortKey = 'name' | 'group' | 'furthest' | 'activeSeconds' | 'finished' | 'lastReadAt';

/** One reading's rows, a student each, sorted by a column; ties keep the students' name order. */
export function studentRows(report: ReadingReport, readingId: string, key: SortKey, descending: boolean): StudentRow[] {
  const reading = report.readings.find((r) => r.id === readingId);
  if (!reading) return [];
  const rows = report.students.map((student, i) => ({ ...student, ...reading.progress[i]! }));
  const value = (row: StudentRow): string | number => {
    if (key === 'name') return row.name.toLocaleLowerCase();
    if (key === 'group') return row.group?.toLocaleLowerCase() ?? '';
    if (key === 'finished') return row.finishedAt ?? '';
    if (key === 'lastReadAt') return row.lastReadAt ?? '';
    return row[key];
  };
  return sortedBy(rows, value, descending);
}

/** Active time as people say it: "under a minute", "12 min", "1 h 5 min". */
export function activeTime(seconds: number): string {
  if (seconds === 0) return '—';
  if (seconds < 60) return 'under a minute';
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Per reading, how many students opened and finished it, and how far they got on average. */
export function readingTotals(report: ReadingReport) {
  return report.readings.map((reading) => {
    const count = reading.progress.length;
    return {
      id: reading.id,
      title: reading.title,
      opened: reading.progress.filter((p) => p.opened).length,
      finished: reading.progress.filter((p) => p.finishedAt).length,
      averageFurthest: count ? reading.progress.reduce((sum, p) => sum + p.furthest, 0) / count : 0,
    };
  });
}
