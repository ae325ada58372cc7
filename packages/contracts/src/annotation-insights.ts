import { z } from 'zod';
import { ANNOTATION_BODY_MAX_CHARS } from './annotations.js';
import { calendarDate, storedText } from './fields.js';
import { route as ok } from './path-params.js';

/**
 * What the instructor learns from a course's annotations (participation per student), and the
 * annotations as files: exports in Markdown, CSV and W3C Web Annotation JSON-LD, and an import of
 * JSON-LD from other annotation tools.
 */

/** The longest stretch of days a participation chart covers; a longer window keeps its last days. */
export const PARTICIPATION_MAX_DAYS = 366;

/** One reading, or the course's assigned readings; activity on the days from `from` to `to` (UTC). */
export const participationQuery = z
  .object({
    readingId: z.uuid({ error: 'Not a valid reading id.' }).optional(),
    from: calendarDate('Enter the first day as YYYY-MM-DD.').optional(),
    to: calendarDate('Enter the last day as YYYY-MM-DD.').optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    error: 'The last day cannot come before the first.',
    path: ['to'],
  });
export type ParticipationQuery = z.infer<typeof participationQuery>;

/**
 * One student's part in the annotations: counts only (private annotations count, as an instructor
 * grades participation, but nothing of their content is sent). `coverage` is the share of the
 * reading's characters their threads cover (per reading, or averaged over the assigned readings);
 * `perDay` has one count of threads and replies for each of `participation.days`. `hidden` counts
 * their threads and replies staff hid: moderation, shown apart so a grader sees it, and left out of
 * every other figure (a hidden annotation is not participation); deleted ones count nowhere.
 */
export const studentParticipation = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  group: z.string().nullable(),
  annotations: z.number().int(),
  repliesGiven: z.number().int(),
  repliesReceived: z.number().int(),
  words: z.number().int(),
  hidden: z.number().int(),
  coverage: z.number().min(0).max(1),
  firstActivityAt: z.iso.datetime().nullable(),
  lastActivityAt: z.iso.datetime().nullable(),
  activeDays: z.number().int(),
  perDay: z.array(z.number().int()),
});
export type StudentParticipation = z.infer<typeof studentParticipation>;

/** Every enrolled student, zeros included, in name order. */
export const participation = z.object({
  readingId: z.uuid().nullable(),
  from: z.iso.date().nullable(),
  to: z.iso.date().nullable(),
  /** The readings coverage is taken over: the one asked for, or every assigned reading. */
  readings: z.array(z.object({ id: z.uuid(), title: z.string() })),
  /** The days of the per-day series (UTC), first to last activity within the window. */
  days: z.array(z.iso.date()),
  students: z.array(studentParticipation),
});
export type Participation = z.infer<typeof participation>;

export const annotationExportFormat = z.enum(['markdown', 'csv', 'jsonld']);
export type AnnotationExportFormat = z.infer<typeof annotationExportFormat>;

/**
 * `mine`: my annotations (private ones included) with the replies I may see, and my replies;
 * `course` (staff): every annotation staff may see, never anyone's private ones.
 */
export const annotationExportQuery = z.object({
  format: annotationExportFormat.default('markdown'),
  scope: z.enum(['mine', 'course']).default('mine'),
  readingId: z.uuid({ error: 'Not a valid reading id.' }).optional(),
});
export type AnnotationExportQuery = z.infer<typeof annotationExportQuery>;

export const ANNOTATION_IMPORT_MAX_ITEMS = 2000;
export const ANNOTATION_IMPORT_BODY_LIMIT = 2 * 1024 * 1024;

const jsonLdString = storedText().max(
  ANNOTATION_BODY_MAX_CHARS,
  `Keep each value under ${ANNOTATION_BODY_MAX_CHARS} characters.`,
);
const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).max(50)]);

/** A body of a Web Annotation: a TextualBody (comment or tag), or an IRI, which is not imported. */
const webAnnotationBody = z.union([
  z.string().max(2000),
  z.looseObject({
    type: z.string().max(100).optional(),
    value: jsonLdString.optional(),
    purpose: z.string().max(100).optional(),
    format: z.string().max(100).optional(),
  }),
]);

const webAnnotationSelector = z.looseObject({ type: z.string().max(100) });

/** A target: a specific resource with selectors, or an IRI (a reply's, naming what it answers). */
const webAnnotationTarget = z.union([
  z.string().max(2000),
  z.looseObject({ source: z.string().max(2000).optional(), selector: oneOrMany(webAnnotationSelector).optional() }),
]);

/** A W3C Web Annotation, as other tools write it: only what an import reads is checked. */
export const webAnnotation = z.looseObject({
  type: z.literal('Annotation'),
  motivation: oneOrMany(z.string().max(100)).optional(),
  body: oneOrMany(webAnnotationBody).optional(),
  bodyValue: jsonLdString.optional(),
  target: oneOrMany(webAnnotationTarget),
});
export type WebAnnotation = z.infer<typeof webAnnotation>;

const webAnnotationItems = z
  .array(webAnnotation)
  .min(1, 'There are no annotations in this file.')
  .max(ANNOTATION_IMPORT_MAX_ITEMS, `Import at most ${ANNOTATION_IMPORT_MAX_ITEMS} annotations at a time.`);

/** What an import takes: one Annotation, an AnnotationPage, or an AnnotationCollection with its first page. */
export const annotationImport = z.discriminatedUnion(
  'type',
  [
    webAnnotation,
    z.looseObject({ type: z.literal('AnnotationPage'), items: webAnnotationItems }),
    z.looseObject({
      type: z.literal('AnnotationCollection'),
      first: z.looseObject({ items: webAnnotationItems }),
    }),
  ],
  { error: 'Send a W3C Web Annotation, AnnotationPage or AnnotationCollection (JSON-LD).' },
);
export type AnnotationImport = z.infer<typeof annotationImport>;

/** What became of an import: how many were stored (as the importer's private annotations), and why others were not. */
export const annotationImportResult = z.object({
  imported: z.number().int(),
  skipped: z.array(z.object({ index: z.number().int(), reason: z.string() })),
});
export type AnnotationImportResult = z.infer<typeof annotationImportResult>;

const C = '/api/courses/:courseId';

export const annotationInsightRoutes = {
  participation: ok({
    method: 'GET',
    path: `${C}/participation`,
    summary: 'Per student: annotations, replies given and received, words, coverage and activity by day',
    access: 'staff',
    query: participationQuery,
    response: participation,
    status: 200,
  }),
  participationCsv: ok({
    method: 'GET',
    path: `${C}/participation.csv`,
    summary: 'The participation summary as a CSV download (same filters)',
    access: 'staff',
    query: participationQuery,
    status: 200,
  }),
  exportAnnotations: ok({
    method: 'GET',
    path: `${C}/annotations/export`,
    summary: 'My annotations, or (staff) the course’s, as Markdown, CSV or W3C Web Annotation JSON-LD',
    access: 'member',
    query: annotationExportQuery,
    status: 200,
  }),
  importAnnotations: ok({
    method: 'POST',
    path: `${C}/readings/:readingId/annotations/import`,
    summary: 'Import W3C Web Annotations (JSON-LD) onto a reading as my private annotations',
    access: 'member',
    body: annotationImport,
    bodyLimit: ANNOTATION_IMPORT_BODY_LIMIT,
    response: annotationImportResult,
    status: 200,
  }),
};
