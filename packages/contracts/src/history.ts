import { z } from 'zod';
import { storedText } from './fields.js';
import { route as ok } from './path-params.js';

/** Naming the current state of a document: a version kept apart from the automatic ones. */
export const versionCreate = z.object({
  name: storedText().trim().min(1, 'Enter a name for this version.').max(120, 'Keep the name under 120 characters.'),
});
export type VersionCreate = z.infer<typeof versionCreate>;

/** Someone whose changes went into a version, with how many changes (Yjs updates) they sent. */
export const versionAuthor = z.object({ userId: z.uuid(), name: z.string(), updates: z.number().int() });
export type VersionAuthor = z.infer<typeof versionAuthor>;

export const documentVersion = z.object({
  number: z.number().int().min(1),
  /** Null for a version made automatically while people wrote. */
  name: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** Who asked for it (a named version or a restore); null for an automatic one. */
  createdBy: z.string().nullable(),
  /** Who wrote what went in since the previous version. */
  authors: z.array(versionAuthor),
});
export type DocumentVersion = z.infer<typeof documentVersion>;

/** A document's content: ProseMirror JSON of the editor schema, and the same as Markdown. */
export const documentContent = z.object({ json: z.record(z.string(), z.unknown()), markdown: z.string() });
export type DocumentContent = z.infer<typeof documentContent>;

/** A past version beside the document as it is now, for the two to be compared. */
export const versionComparison = z.object({
  version: documentVersion,
  content: documentContent,
  current: documentContent,
});
export type VersionComparison = z.infer<typeof versionComparison>;

/** What a restore did: the version that keeps the state before it, and the number brought back. */
export const versionRestore = z.object({ before: documentVersion, restored: z.number().int().min(1) });
export type VersionRestore = z.infer<typeof versionRestore>;

const D = '/api/courses/:courseId/documents/:documentId';

export const historyRoutes = {
  listDocumentVersions: ok({
    method: 'GET',
    path: `${D}/versions`,
    summary: "A note's or wiki page's versions, newest first, with who wrote what in each",
    access: 'member',
    response: z.array(documentVersion),
    status: 200,
  }),
  createDocumentVersion: ok({
    method: 'POST',
    path: `${D}/versions`,
    summary: 'Keep the current state of a document as a named version',
    access: 'member',
    body: versionCreate,
    response: documentVersion,
    status: 201,
  }),
  getDocumentVersion: ok({
    method: 'GET',
    path: `${D}/versions/:versionNumber`,
    summary: 'A past version of a document beside its current content',
    access: 'member',
    response: versionComparison,
    status: 200,
  }),
  restoreDocumentVersion: ok({
    method: 'POST',
    path: `${D}/versions/:versionNumber/restore`,
    summary: 'Bring a past version back as a new change on top; the state before is kept as a version',
    access: 'member',
    response: versionRestore,
    status: 201,
  }),
};
