import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { ApiError } from './api';

export type FormFailure = { message: string; fields: Record<string, string>; values: Record<string, string> };

export function formValues(data: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of data) if (typeof value === 'string' && key !== 'password') values[key] = value;
  return values;
}

/** Validates a form with a contracts schema: the parsed input, or a failure naming each field. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  input: unknown,
  values: Record<string, string>,
): { ok: true; data: z.output<S> } | { ok: false; failure: ActionFailure<FormFailure> } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join('.')] ??= issue.message;
  return { ok: false, failure: fail(400, { message: 'Please correct the highlighted fields.', fields, values }) };
}

/** Turns an API refusal into a form failure the page can show; anything else is rethrown. */
export function apiFailure(error: unknown, values: Record<string, string> = {}): ActionFailure<FormFailure> {
  if (error instanceof ApiError) {
    return fail(error.status, { message: error.message, fields: error.fields, values });
  }
  throw error;
}
