const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A `datetime-local` value, read in the zone whose `getTimezoneOffset()` is `offsetMinutes`
 * (minutes behind UTC: -300 for UTC+5), as an ISO date-time with that offset; null if malformed.
 */
export function localInputToIso(value: string, offsetMinutes: number): string | null {
  const m = LOCAL_INPUT.exec(value.trim());
  if (!m || !Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 14 * 60) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d || h > 23) return null;
  const ahead = -offsetMinutes;
  const sign = ahead >= 0 ? '+' : '-';
  const abs = Math.abs(ahead);
  return `${value.trim()}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant as a `datetime-local` value in the zone `offsetMinutes` behind UTC. */
export function isoToLocalInput(iso: string, offsetMinutes: number): string {
  return new Date(Date.parse(iso) - offsetMinutes * 60_000).toISOString().slice(0, 16);
}

/** How soon something is due, in words that do not depend on the reader's time zone. */
export function dueIn(iso: string, now: number): { text: string; overdue: boolean } {
  const ms = Date.parse(iso) - now;
  const hours = Math.abs(ms) / 3_600_000;
  const span =
    hours < 1
      ? 'less than an hour'
      : hours < 48
        ? `${Math.floor(hours)} ${Math.floor(hours) === 1 ? 'hour' : 'hours'}`
        : `${Math.floor(hours / 24)} days`;
  return ms < 0 ? { text: `overdue by ${span}`, overdue: true } : { text: `due in ${span}`, overdue: false };
}
