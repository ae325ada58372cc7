import { randomUUID } from 'node:crypto';
import { questionCreate, type QuestionCreate, type QuestionPatch, type StaffQuestion } from '@commonplace/contracts';
import { AppError } from '../common/app-error.js';

/**
 * The `config` column of a question written by staff: its type's key, with ids given to new
 * choices and pairs (an option keeps its id through an edit, so saved answers still name it), and
 * the general feedback, released with the key.
 */
export function configFromInput(input: QuestionCreate, previous?: StaffQuestion): Record<string, unknown> {
  const { type: _type, prompt: _prompt, points: _points, passage: _passage, ...rest } = input;
  const config: Record<string, unknown> = { ...rest };
  if (input.type === 'single-choice' || input.type === 'multiple-choice')
    config.options = input.options.map((o) => ({ ...o, id: o.id ?? randomUUID() }));
  if (input.type === 'matching')
    config.pairs = input.pairs.map((pair) => {
      const kept = previous?.type === 'matching' ? previous.pairs.find((p) => p.id === pair.id) : undefined;
      return { ...pair, id: pair.id ?? randomUUID(), answerId: kept?.answerId ?? randomUUID() };
    });
  return config;
}

/**
 * A stored question with a patch applied, checked whole as a new one would be. Ids the patch gives
 * that the question does not have are dropped, so they are made afresh rather than borrowed.
 */
export function patchedInput(stored: StaffQuestion, patch: QuestionPatch): QuestionCreate {
  const { id: _id, position: _position, ...current } = stored;
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) merged[key] = value;
  const known = new Set<string>(
    stored.type === 'single-choice' || stored.type === 'multiple-choice'
      ? stored.options.map((o) => o.id)
      : stored.type === 'matching'
        ? stored.pairs.map((p) => p.id)
        : [],
  );
  for (const list of ['options', 'pairs'] as const) {
    if (Array.isArray(merged[list]))
      merged[list] = (merged[list] as { id?: string }[]).map(({ id, ...item }) =>
        id && known.has(id) ? { id, ...item } : item,
      );
  }
  const parsed = questionCreate.safeParse(merged);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
    throw new AppError('VALIDATION_FAILED', undefined, fields);
  }
  return parsed.data;
}
