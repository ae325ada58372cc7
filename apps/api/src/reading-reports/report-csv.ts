import type { ReadingReport } from '@commonplace/contracts';

const HEADER = [
  'Reading',
  'Student',
  'Email',
  'Group',
  'Opened',
  'Furthest (%)',
  'Active minutes',
  'Finished',
  'Finished at',
  'Last read at',
];

/**
 * One CSV field: quoted when it holds a separator, quote or line break; and a text starting
 * with = + - @ (or a tab or carriage return) is prefixed with ' so a spreadsheet does not run a
 * student's name or a reading's title as a formula.
 */
function field(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report as CSV (RFC 4180, CRLF lines, with a BOM so spreadsheets read it as UTF-8). */
export function reportCsv(report: ReadingReport): string {
  const lines = [HEADER];
  for (const reading of report.readings) {
    reading.progress.forEach((progress, i) => {
      const student = report.students[i]!;
      lines.push([
        reading.title,
        student.name,
        student.email,
        student.group ?? '',
        progress.opened ? 'yes' : 'no',
        String(Math.round(progress.furthest * 100)),
        (progress.activeSeconds / 60).toFixed(1),
        progress.finishedAt ? 'yes' : 'no',
        progress.finishedAt ?? '',
        progress.lastReadAt ?? '',
      ]);
    });
  }
  return `\ufeff${lines.map((line) => line.map(field).join(',')).join('\r\n')}\r\n`;
}
