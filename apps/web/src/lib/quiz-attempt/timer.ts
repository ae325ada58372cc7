/**
 * The attempt's countdown. The server says how long is left when the page loads; the browser
 * counts that down on its monotonic clock (`performance.now()`), never its wall clock, so a
 * changed system clock moves nothing. The server submits at its own deadline whatever this says.
 */

/** When the time runs out, on the monotonic clock: `remainingMs` from the server, read at `now`. */
export function endsAt(remainingMs: number, now: number): number {
  return now + Math.max(0, remainingMs);
}

/** Whole seconds left at `now` (rounded up, so 0 means the time is really up). */
export function secondsLeft(end: number, now: number): number {
  return Math.max(0, Math.ceil((end - now) / 1000));
}

/** "12:05", or "1:02:03" past an hour. */
export function formatCountdown(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** The same, for a screen reader: "12 minutes 5 seconds left". */
export function spokenCountdown(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const part = (n: number, unit: string) => (n ? `${n} ${unit}${n === 1 ? '' : 's'}` : '');
  const words = [part(h, 'hour'), part(m, 'minute'), h ? '' : part(s, 'second')].filter(Boolean).join(' ');
  return words ? `${words} left` : 'Time is up';
}

/** The moments worth announcing aloud: 5 minutes and 1 minute left, and the end. */
const MILESTONES = [
  { at: 300, text: '5 minutes left.' },
  { at: 60, text: '1 minute left.' },
  { at: 0, text: 'Time is up.' },
];

/**
 * What to announce on going from `before` to `after` seconds left, if a milestone was crossed
 * (the lowest one when a sleeping tab skipped several); nothing otherwise, so a screen reader is
 * not told every second.
 */
export function announcement(before: number, after: number): string | null {
  const crossed = MILESTONES.filter((m) => before > m.at && after <= m.at);
  return crossed.at(-1)?.text ?? null;
}
