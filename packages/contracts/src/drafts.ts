import { z } from 'zod';
import { importDraft } from './readings.js';

/** A draft in the course's list of imports not yet saved: everything but the previewed document. */
export const importDraftSummary = importDraft.omit({ document: true });
export type ImportDraftSummary = z.infer<typeof importDraftSummary>;

/** One saved version of a reading, newest first in its list; its original is downloadable. */
export const readingVersion = z.object({
  version: z.number().int().min(1),
  current: z.boolean(),
  filename: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int().min(0),
  contentHash: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ReadingVersion = z.infer<typeof readingVersion>;
