import { z } from 'zod';

/**
 * Field builders every input schema uses, so that nothing PostgreSQL would refuse (and answer with
 * a data error) gets past validation: each refusal is a 400 naming the field.
 */

const NUL = '\u0000';
// A high surrogate not followed by a low one, or a low one not preceded by a high one. Written
// without the `u` flag, which would read the string by code points and never see a lone half.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const EVERY_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source, 'g');

export const NUL_MESSAGE = 'Remove the NUL character (\\0) from this text: it cannot be stored.';
export const LONE_SURROGATE_MESSAGE = 'This text contains a broken character (a lone UTF-16 surrogate): retype it.';

/**
 * A string a PostgreSQL text column can hold: no NUL character, which PostgreSQL refuses, and no
 * lone surrogate, which is half a character and cannot be encoded in UTF-8. Chain `.trim()`,
 * `.min()` and `.max()` on it as on any string.
 */
export function storedText(nulMessage: string = NUL_MESSAGE) {
  return z
    .string()
    .refine((s) => !s.includes(NUL), { error: nulMessage, abort: true })
    .refine((s) => !LONE_SURROGATE.test(s), { error: LONE_SURROGATE_MESSAGE, abort: true });
}

/**
 * Text no form checked (a collaborative document's content, written by any Yjs client) made
 * storable: NUL dropped, a lone surrogate replaced by U+FFFD as UTF-8 encoding would.
 */
export function storableText(text: string): string {
  return text.replaceAll(NUL, '').replace(EVERY_LONE_SURROGATE, '\uFFFD');
}

/** The largest value of a PostgreSQL `integer` column. */
export const INT4_MAX = 2_147_483_647;

/** A whole number between `min` and `max`, both within a PostgreSQL `integer`. */
export function boundedInt(min: number, max: number = INT4_MAX) {
  const message = `Enter a whole number from ${min} to ${max}.`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

/** Years a date may fall in: PostgreSQL has no year 0, and four digits keep dates ISO-shaped. */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;
const DATE_RANGE_MESSAGE = `Enter a date between the years ${MIN_YEAR} and ${MAX_YEAR}.`;
// Not a number when the value is no date at all: the format check has said so already.
const inYearRange = (year: number) => Number.isNaN(year) || (year >= MIN_YEAR && year <= MAX_YEAR);

/** A calendar day as `YYYY-MM-DD`, in the years a date column stores. */
export function calendarDate(message = 'Enter the date as a day, month and year.') {
  return z.iso
    .date({ error: message })
    .refine((day) => inYearRange(Number(day.slice(0, 4))), { error: DATE_RANGE_MESSAGE, abort: true });
}

/** An ISO date and time with its offset, in the years a timestamp column stores once in UTC. */
export function dateTime(message = 'Enter a date and time.') {
  return z.iso
    .datetime({ offset: true, error: message })
    .refine((value) => inYearRange(new Date(value).getUTCFullYear()), { error: DATE_RANGE_MESSAGE, abort: true });
}
