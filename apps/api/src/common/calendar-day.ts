/**
 * Calendar days (`YYYY-MM-DD` in the contracts) are stored as midnight UTC, so a day reads back
 * as the same day whatever the server's time zone.
 */
export const dateOfDay = (day: string | null | undefined) =>
  day === undefined ? undefined : day === null ? null : new Date(`${day}T00:00:00Z`);

export const dayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
