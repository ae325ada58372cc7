import { z } from 'zod';
import { moduleCreate } from './courses.js';

/**
 * A deleted week as it was, with its assignments and due dates: what deleting it answers, and
 * what restoring it takes back, so a deletion can be undone.
 */
export const moduleRestore = z.object({
  title: moduleCreate.shape.title,
  startsOn: z.iso.date().nullable(),
  position: z.number().int().min(0).max(10_000),
  assignments: z
    .array(
      z.object({
        readingId: z.uuid(),
        dueAt: z.iso.datetime().nullable(),
        position: z.number().int().min(0).max(10_000),
      }),
    )
    .max(1000),
});
export type ModuleRestore = z.infer<typeof moduleRestore>;
