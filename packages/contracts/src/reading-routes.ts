import { z } from 'zod';
import * as d from './drafts.js';
import * as r from './readings.js';
import { route as ok } from './path-params.js';
import { annotationSearchHit } from './notifications.js';
import { documentSearchHit } from './wiki.js';
import type { RouteContract } from './routes.js';

const C = '/api/courses/:courseId';

/**
 * Readings, imports, assignments, progress and search. Uploads are multipart (`file`, and an
 * optional `readingId` field for a new version); the body schema describes the paste variant.
 */
export const readingRoutes = {
  uploadImport: ok({
    method: 'POST',
    path: `${C}/imports/upload`,
    summary: 'Upload a source file to import; answers once the file is accepted, then poll the draft',
    access: 'staff',
    multipart: r.uploadImportForm,
    response: r.importDraft,
    status: 202,
  }),
  pasteImport: ok({
    method: 'POST',
    path: `${C}/imports/paste`,
    summary: 'Import pasted text',
    access: 'staff',
    body: r.pasteImport,
    bodyLimit: r.MAX_PASTE_BODY_BYTES,
    response: r.importDraft,
    status: 202,
  }),
  listImports: ok({
    method: 'GET',
    path: `${C}/imports`,
    summary: "The course's imports not yet saved, newest first: waiting, running, ready to review or failed",
    access: 'staff',
    response: z.array(d.importDraftSummary),
    status: 200,
  }),
  getImport: ok({
    method: 'GET',
    path: `${C}/imports/:draftId`,
    summary: 'An import: progress, then the structure and warnings to review',
    access: 'staff',
    response: r.importDraft,
    status: 200,
  }),
  saveImport: ok({
    method: 'POST',
    path: `${C}/imports/:draftId/save`,
    summary: 'Save a reviewed import as a reading, or as a new version of one',
    access: 'staff',
    body: r.saveImport,
    response: r.readingDetail,
    status: 201,
  }),
  retryImport: ok({
    method: 'POST',
    path: `${C}/imports/:draftId/retry`,
    summary: 'Run a failed import again from its stored file',
    access: 'staff',
    response: r.importDraft,
    status: 202,
  }),
  discardImport: ok({
    method: 'DELETE',
    path: `${C}/imports/:draftId`,
    summary: 'Discard an import not yet saved, with its stored file',
    access: 'staff',
    status: 204,
  }),

  listReadings: ok({
    method: 'GET',
    path: `${C}/readings`,
    summary: "The course's readings, with my progress",
    access: 'member',
    response: z.array(r.readingSummary),
    status: 200,
  }),
  getReading: ok({
    method: 'GET',
    path: `${C}/readings/:readingId`,
    summary: 'A reading to read',
    access: 'member',
    response: r.readingDetail,
    status: 200,
  }),
  updateReading: ok({
    method: 'PATCH',
    path: `${C}/readings/:readingId`,
    summary: "Fix a reading's metadata",
    access: 'staff',
    body: r.readingUpdate,
    response: r.readingDetail,
    status: 200,
  }),
  deleteReading: ok({
    method: 'DELETE',
    path: `${C}/readings/:readingId`,
    summary: 'Delete a reading',
    access: 'instructor',
    status: 204,
  }),
  downloadOriginal: ok({
    method: 'GET',
    path: `${C}/readings/:readingId/original`,
    summary: 'Download the file the reading was imported from',
    access: 'member',
    status: 200,
  }),
  listReadingVersions: ok({
    method: 'GET',
    path: `${C}/readings/:readingId/versions`,
    summary: "A reading's saved versions, newest first",
    access: 'staff',
    response: z.array(d.readingVersion),
    status: 200,
  }),
  downloadVersionOriginal: ok({
    method: 'GET',
    path: `${C}/readings/:readingId/versions/:version/original`,
    summary: 'Download the file a version of the reading was imported from',
    access: 'staff',
    status: 200,
  }),
  saveProgress: ok({
    method: 'PUT',
    path: `${C}/readings/:readingId/progress`,
    summary: 'Record how far I have read and for how long',
    access: 'member',
    body: r.progressUpdate,
    response: r.readingProgress,
    status: 200,
  }),

  listAssignments: ok({
    method: 'GET',
    path: `${C}/assignments`,
    summary: 'Assigned readings in module order, with due dates and my progress',
    access: 'member',
    response: z.array(r.assignment),
    status: 200,
  }),
  createAssignment: ok({
    method: 'POST',
    path: `${C}/assignments`,
    summary: 'Assign a reading to a week or module',
    access: 'staff',
    body: r.assignmentCreate,
    response: r.assignment,
    status: 201,
  }),
  updateAssignment: ok({
    method: 'PATCH',
    path: `${C}/assignments/:assignmentId`,
    summary: 'Move an assignment or change its due date',
    access: 'staff',
    body: r.assignmentUpdate,
    response: r.assignment,
    status: 200,
  }),
  deleteAssignment: ok({
    method: 'DELETE',
    path: `${C}/assignments/:assignmentId`,
    summary: 'Unassign a reading',
    access: 'staff',
    status: 204,
  }),

  search: ok({
    method: 'GET',
    path: `${C}/search`,
    summary: "Full-text search across the course's readings, and the notes and wiki pages I may read (?q=)",
    access: 'member',
    query: r.searchQuery,
    response: z.array(z.union([r.searchHit, documentSearchHit, annotationSearchHit])),
    status: 200,
  }),
} as const satisfies Record<string, RouteContract>;
