import type { z } from 'zod';
import { AppError } from './app-error.js';

/** Parses input with a contracts schema; a failure is a 400 naming each field's problem. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join('.') || 'body'] ??= issue.message;
  throw new AppError('VALIDATION_FAILED', undefined, fields);
}
