import { z } from 'zod';
// The importer's own limit, so the API, the web form and the importer refuse the same files; from
// its own subpath, which has no imports, so the browser bundle does not take in the importer.
import { MAX_INPUT_BYTES } from '@commonplace/reading/limits';
import { boundedInt, calendarDate, dateTime, storedText } from './fields.js';

/** The reading JSON (../shared/readings/README.md): what the importer produces and the reader shows. */
export const noteRef = z.object({ label: z.string(), offset: z.number().int().min(0) });
export const readingBlock = z.object({
  type: z.enum(['heading', 'paragraph', 'caption', 'quote', 'list-item', 'about']),
  level: z.number().int().min(1).max(6).optional(),
  text: z.string(),
  noteRefs: z.array(noteRef).optional(),
});
export type ReadingBlock = z.infer<typeof readingBlock>;
export const readingNote = z.object({ label: z.string(), text: z.string() });
export const importWarning = z.object({ code: z.string(), message: z.string() });
export const readingDocument = z.object({
  title: z.string(),
  subtitle: z.string().nullable(),
  authors: z.array(z.string()),
  publisher: z.string().nullable(),
  publishedAt: z.iso.date().nullable(),
  blocks: z.array(readingBlock),
  notes: z.array(readingNote),
  warnings: z.array(importWarning),
});
export type ReadingDocument = z.infer<typeof readingDocument>;

/** Largest upload accepted by the importer (413 above). */
export const MAX_UPLOAD_BYTES = MAX_INPUT_BYTES;
export const MAX_PASTE_CHARS = 2_000_000;
/** Largest JSON body of a paste: every character may take 4 bytes once escaped and encoded. */
export const MAX_PASTE_BODY_BYTES = MAX_PASTE_CHARS * 4 + 64 * 1024;

/** A NUL in pasted text is refused by name: the text was most likely copied out of a binary file. */
export const PASTE_NUL_MESSAGE =
  'The pasted text contains a NUL character (\\0), which a reading cannot hold. It was probably copied from a file that is not plain text: copy the text again from the document itself.';
export const pasteImport = z.object({
  text: storedText(PASTE_NUL_MESSAGE).trim().min(1, 'Paste the text of the reading.').max(MAX_PASTE_CHARS),
  /** Import as a new version of this reading. */
  readingId: z.uuid().optional(),
});
export type PasteImport = z.infer<typeof pasteImport>;
/** The fields of an upload's multipart/form-data body. */
export const uploadImportForm = z.object({
  file: z.file().max(MAX_UPLOAD_BYTES),
  /** Import as a new version of this reading. */
  readingId: z.uuid().optional(),
});

export const importStatus = z.enum(['PROCESSING', 'READY', 'FAILED', 'SAVED']);
export const importDraft = z.object({
  id: z.uuid(),
  status: importStatus,
  progress: z.number().min(0).max(1),
  stage: z.string(),
  filename: z.string(),
  readingId: z.uuid().nullable(),
  document: readingDocument.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  /** While it waits for a free worker: how many imports wait ahead of it (0: it is next). */
  queuePosition: z.number().int().min(0).nullable(),
});
export type ImportDraft = z.infer<typeof importDraft>;

const metadataEdits = {
  title: storedText().trim().min(1, 'Enter a title.').max(500, 'Keep the title under 500 characters.'),
  subtitle: storedText().trim().max(500, 'Keep the subtitle under 500 characters.').nullable(),
  authors: z
    .array(storedText().trim().min(1, 'Leave no author line empty.').max(200, 'Keep each author under 200 characters.'))
    .max(50, 'List at most 50 authors.'),
  publisher: storedText().trim().max(300, 'Keep the publisher under 300 characters.').nullable(),
  publishedAt: calendarDate().nullable(),
};
/**
 * What the instructor fixes in the preview before saving: metadata, and which blocks are headings.
 * `headings[i].level` makes block `index` a heading of that level; `null` turns a heading back into
 * a paragraph. An index past the last block is a 400.
 */
export const saveImport = z.object({
  ...z.object(metadataEdits).partial().shape,
  headings: z
    .array(z.object({ index: boundedInt(0), level: boundedInt(1, 6).nullable() }))
    .max(5000)
    .optional(),
});
export type SaveImport = z.infer<typeof saveImport>;
export const readingUpdate = z.object(metadataEdits).partial();
export type ReadingUpdate = z.infer<typeof readingUpdate>;

export const readingProgress = z.object({
  furthest: z.number().min(0).max(1),
  lastBlock: z.number().int().min(0),
  activeSeconds: z.number().int().min(0),
  completed: z.boolean(),
  /** When the reader last read it: their progress was last saved then. */
  lastReadAt: z.iso.datetime(),
});
export type ReadingProgress = z.infer<typeof readingProgress>;
/** Reaching this far (a fraction of the canonical text) marks a reading completed. */
export const COMPLETED_AT_FURTHEST = 0.99;
export const progressUpdate = z.object({
  /** How far the reader has got; the stored value only ever grows. */
  furthest: z.number().min(0).max(1),
  /** The block in view now, to resume from; must be a block of the reading. */
  lastBlock: boundedInt(0),
  /** Seconds of active reading since the last update; capped so a stuck tab cannot inflate it. */
  activeSecondsDelta: boundedInt(0, 300),
  /** `true`: the reader marks it finished; `false`: marks it unfinished again. Omit to leave it. */
  completed: z.boolean().optional(),
});
export type ProgressUpdate = z.infer<typeof progressUpdate>;

export const readingSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  subtitle: z.string().nullable(),
  authors: z.array(z.string()),
  publisher: z.string().nullable(),
  publishedAt: z.iso.date().nullable(),
  version: z.number().int(),
  wordCount: z.number().int(),
  warningCount: z.number().int(),
  originalFilename: z.string(),
  updatedAt: z.iso.datetime(),
  myProgress: readingProgress.nullable(),
  /** Where the reading is assigned (a reading may sit in several modules). */
  assignments: z.array(z.object({ id: z.uuid(), moduleId: z.uuid(), dueAt: z.iso.datetime().nullable() })),
});
export type ReadingSummary = z.infer<typeof readingSummary>;

export const readingDetail = readingSummary.extend({
  document: readingDocument,
  /** Each block's [start, end) in the canonical text that passages anchor to. */
  blockOffsets: z.array(z.tuple([z.number().int(), z.number().int()])),
  contentHash: z.string(),
});
export type ReadingDetail = z.infer<typeof readingDetail>;

export const assignmentCreate = z.object({
  moduleId: z.uuid(),
  readingId: z.uuid(),
  dueAt: dateTime().nullable().default(null),
});
export type AssignmentCreate = z.output<typeof assignmentCreate>;
export const assignmentUpdate = z.object({
  moduleId: z.uuid().optional(),
  dueAt: dateTime().nullable().optional(),
  position: boundedInt(0).optional(),
});
export type AssignmentUpdate = z.infer<typeof assignmentUpdate>;
export const assignment = z.object({
  id: z.uuid(),
  moduleId: z.uuid(),
  moduleTitle: z.string(),
  reading: readingSummary,
  dueAt: z.iso.datetime().nullable(),
  position: z.number().int(),
  /**
   * The one assignment to read next: of those I have not completed, the one with the earliest due
   * date still ahead. False everywhere when nothing is due.
   */
  dueNext: z.boolean(),
});
export type Assignment = z.infer<typeof assignment>;

export const searchQuery = z.object({ q: storedText().trim().min(2, 'Type at least two characters.').max(200) });
export const searchHit = z.object({
  kind: z.literal('reading'),
  readingId: z.uuid(),
  readingTitle: z.string(),
  blockIndex: z.number().int(),
  /** Plain text with the matches wrapped in «mark» … «/mark» markers; render them, never as HTML. */
  snippet: z.string(),
  rank: z.number(),
});
export type SearchHit = z.infer<typeof searchHit>;
export const SNIPPET_MARK_START = '«mark»';
export const SNIPPET_MARK_END = '«/mark»';
