import { z } from 'zod';

export const health = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['ok', 'unreachable']),
  migrations: z.object({ pending: z.array(z.string()) }),
  version: z.string(),
});
export type Health = z.infer<typeof health>;
