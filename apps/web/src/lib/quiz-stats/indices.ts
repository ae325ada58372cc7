/**
 * How the statistics page reads Moodle's indices aloud: a percentage and the words Moodle's own
 * guidance gives each band ("Quiz report statistics").
 */

export const percent = (value: number | null, digits = 0) =>
  value === null ? '—' : `${(value * 100).toFixed(digits)}%`;

/** Moodle's bands for the facility index: how easy the question was. */
export function facilityWords(facility: number | null): string {
  if (facility === null) return 'no attempts yet';
  if (facility < 0.05) return 'extremely difficult';
  if (facility < 0.2) return 'very difficult';
  if (facility < 0.35) return 'difficult';
  if (facility < 0.65) return 'about right';
  if (facility < 0.8) return 'easy';
  if (facility < 0.95) return 'very easy';
  return 'extremely easy';
}

/** Moodle's reading of the discrimination index (as a correlation, −1 to 1). */
export function discriminationWords(discrimination: number | null): string {
  if (discrimination === null) return 'not enough variation to say';
  if (discrimination < 0) return 'negative: the weaker students did better; check the key';
  if (discrimination < 0.2) return 'weak';
  if (discrimination < 0.3) return 'adequate';
  if (discrimination < 0.5) return 'good';
  return 'very good';
}

/**
 * A bar for an index from −1 to 1 (or 0 to 1) drawn in a box `width` wide: where it starts and how
 * wide it is, from the zero line. Values outside the range are drawn at its edge.
 */
export function signedBar(value: number, width: number, min: -1 | 0): { x: number; width: number } {
  const clamped = Math.max(min, Math.min(1, value));
  const zero = min === -1 ? width / 2 : 0;
  const scale = min === -1 ? width / 2 : width;
  const end = zero + clamped * scale;
  return { x: Math.min(zero, end), width: Math.abs(end - zero) };
}
