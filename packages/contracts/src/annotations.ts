import { z } from 'zod';
import { storedText } from './fields.js';
import { textPositionSelector, textQuoteSelector } from './passage.js';
import { route as ok } from './path-params.js';

/**
 * Annotations: highlights and comments on passages of a reading, with threaded replies. A thread's
 * first annotation holds the passage (W3C TextQuote + TextPosition selectors over the reading's
 * canonical text) and the visibility; its replies take both from it.
 */

/** Tags every course has; a course may define more (`annotationTags`). */
export const BUILT_IN_ANNOTATION_TAGS = ['question', 'key point', 'disagree', 'confusing'] as const;
export const ANNOTATION_BODY_MAX_CHARS = 10_000;
export const ANNOTATION_TAG_MAX_CHARS = 40;
export const ANNOTATION_MAX_TAGS = 10;

/** `private`: its author alone; `group`: the author's group (and staff); `course`: every member. */
export const annotationVisibility = z.enum(['private', 'group', 'course']);
export type AnnotationVisibility = z.infer<typeof annotationVisibility>;

export const annotationTag = storedText()
  .trim()
  .toLowerCase()
  .min(1, 'A tag cannot be empty.')
  .max(ANNOTATION_TAG_MAX_CHARS, `Keep a tag under ${ANNOTATION_TAG_MAX_CHARS} characters.`);

const annotationBody = storedText()
  .trim()
  .max(ANNOTATION_BODY_MAX_CHARS, `Keep an annotation under ${ANNOTATION_BODY_MAX_CHARS} characters.`);

/**
 * The passage as W3C Web Annotation names it: `{ selector: [TextQuoteSelector, TextPositionSelector] }`
 * (either order). The server checks it against the reading's current canonical text.
 */
export const annotationTarget = z.object({
  selector: z
    .array(z.discriminatedUnion('type', [textQuoteSelector, textPositionSelector]))
    .length(2, 'Give a TextQuoteSelector and a TextPositionSelector.')
    .refine((selectors) => new Set(selectors.map((s) => s.type)).size === 2, {
      error: 'Give one TextQuoteSelector and one TextPositionSelector.',
    }),
});
export type AnnotationTarget = z.infer<typeof annotationTarget>;

/**
 * A new thread (`target` and `visibility`; a highlight alone may have an empty body) or a reply
 * (`parentId` and a body; it takes its thread's passage and visibility, so it names neither).
 */
export const annotationCreate = z
  .object({
    target: annotationTarget.optional(),
    body: annotationBody.default(''),
    tags: z.array(annotationTag).max(ANNOTATION_MAX_TAGS, `Use at most ${ANNOTATION_MAX_TAGS} tags.`).default([]),
    visibility: annotationVisibility.optional(),
    parentId: z.uuid({ error: 'Not a valid annotation id.' }).optional(),
  })
  .superRefine((value, context) => {
    if (value.parentId) {
      if (!value.body) context.addIssue({ code: 'custom', path: ['body'], message: 'Write a reply first.' });
      if (value.target)
        context.addIssue({ code: 'custom', path: ['target'], message: 'A reply is on its thread’s passage.' });
      if (value.visibility)
        context.addIssue({ code: 'custom', path: ['visibility'], message: 'A reply has its thread’s visibility.' });
    } else {
      if (!value.target)
        context.addIssue({ code: 'custom', path: ['target'], message: 'Select the passage to annotate.' });
      if (!value.visibility)
        context.addIssue({ code: 'custom', path: ['visibility'], message: 'Choose who sees this annotation.' });
    }
  });
export type AnnotationCreate = z.infer<typeof annotationCreate>;

/**
 * A change to an annotation; omitted fields stay as they are. `body`, `tags` (and `visibility` of a
 * thread's first annotation) are its author's; `pinned`, `endorsed` and `hidden` are for staff.
 */
export const annotationPatch = z
  .object({
    body: annotationBody.optional(),
    tags: z.array(annotationTag).max(ANNOTATION_MAX_TAGS, `Use at most ${ANNOTATION_MAX_TAGS} tags.`).optional(),
    visibility: annotationVisibility.optional(),
    pinned: z.boolean().optional(),
    endorsed: z.boolean().optional(),
    hidden: z.boolean().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    error: 'Nothing to change.',
  });
export type AnnotationPatch = z.infer<typeof annotationPatch>;

export const anchorStatus = z.enum(['anchored', 'triage', 'orphaned']);
export type AnchorStatus = z.infer<typeof anchorStatus>;

const person = z.object({ id: z.uuid(), name: z.string() });

/** An annotation as a viewer who may see it gets it. */
export const annotation = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  readingId: z.uuid(),
  parentId: z.uuid().nullable(),
  rootId: z.uuid().nullable(),
  author: person,
  /** The author's role in the course, so staff answers stand out. */
  authorRole: z.enum(['instructor', 'ta', 'student']),
  visibility: annotationVisibility,
  groupId: z.uuid().nullable(),
  groupName: z.string().nullable(),
  /** Markdown as written; "" for a highlight alone and for a deleted annotation kept for its replies. */
  body: z.string(),
  tags: z.array(z.string()),
  mentions: z.array(person),
  /** The passage on the reading's current version; null on replies. */
  target: annotationTarget.nullable(),
  quote: z.string().nullable(),
  anchorStatus,
  pinned: z.boolean(),
  endorsed: z.boolean(),
  hidden: z.boolean(),
  deleted: z.boolean(),
  edited: z.boolean(),
  /** Whether the viewer has seen it (the margin's "unread" filter). */
  read: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** What the viewer may do with it. */
  can: z.object({ edit: z.boolean(), delete: z.boolean(), moderate: z.boolean(), reply: z.boolean() }),
});
export type Annotation = z.infer<typeof annotation>;

/**
 * One change on a reading's annotations, as the live channel (`annotationEvents`, server-sent
 * events named `annotation`) sends it to each viewer who may see the annotation: `removed` also
 * when it stopped being visible to that viewer (hidden, made private, deleted without replies).
 */
export const annotationEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['created', 'updated']), annotation }),
  z.object({ kind: z.literal('removed'), annotationId: z.uuid(), readingId: z.uuid() }),
]);
export type AnnotationEvent = z.infer<typeof annotationEvent>;

/**
 * The live channel's other message (server-sent events named `reading-version`): a new version of
 * the reading was saved and its annotations are being carried over to it. A reader still showing
 * an older text must not place the carried annotations on it: their passages name the new text.
 */
export const readingVersionEvent = z.object({ readingId: z.uuid(), version: z.number().int().min(1) });
export type ReadingVersionEvent = z.infer<typeof readingVersionEvent>;

/**
 * The live channel's third message (server-sent events named `notes`): a note the viewer may read
 * was created, renamed, deleted or restored in the course. It carries nothing of the note: the
 * reader lists the notes again through the API, which decides what the viewer sees.
 */
export const notesChangedEvent = z.object({ courseId: z.uuid() });
export type NotesChangedEvent = z.infer<typeof notesChangedEvent>;

export const annotationReadMark = z.object({
  annotationIds: z.array(z.uuid()).min(1).max(5000),
});

/** The @mention autocomplete's question: part of a member's name (empty: the first few members). */
export const mentionableQuery = z.object({
  q: storedText().trim().max(100, 'Type at most 100 characters of a name.').default(''),
});
export const MENTIONABLE_MAX_RESULTS = 10;

export const courseAnnotationTags = z.object({
  tags: z.array(annotationTag).max(30, 'A course can define at most 30 tags.'),
});

/**
 * A mention in an annotation's Markdown body: `@[Display Name](user:<uuid>)`, which the margin shows
 * as "@Display Name" and the autocomplete writes.
 */
export const MENTION_PATTERN = /@\[([^\]\n]{1,200})\]\(user:([0-9a-fA-F-]{36})\)/g;

/** The user ids a body mentions, each once, in order. */
export function mentionedUserIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION_PATTERN)].map((match) => match[2]!.toLowerCase()))];
}

/** A passage many annotated: offsets in the current text, its words, and how many threads and replies. */
export const annotationHotspot = z.object({
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  threads: z.number().int(),
  replies: z.number().int(),
});

/**
 * Where the class annotated a reading: `density` splits the text into `density.length` equal
 * stretches and counts the threads over each (course threads, and the group threads the viewer
 * may see: their own group's, every group's for staff; never private or hidden ones: counts only,
 * nothing of their content); `discussed` and `confusing` are
 * the passages with the most threads and replies, and the most tagged "confusing", best first.
 */
export const annotationHotspots = z.object({
  textLength: z.number().int(),
  density: z.array(z.number().int()),
  discussed: z.array(annotationHotspot),
  confusing: z.array(annotationHotspot),
});
export type AnnotationHotspots = z.infer<typeof annotationHotspots>;

const READING = '/api/courses/:courseId/readings/:readingId';
const ANNOTATION = `${READING}/annotations/:annotationId`;

export const annotationRoutes = {
  createAnnotation: ok({
    method: 'POST',
    path: `${READING}/annotations`,
    summary: 'Highlight or comment on a passage, or reply in a thread',
    access: 'member',
    body: annotationCreate,
    response: annotation,
    status: 201,
  }),
  listAnnotations: ok({
    method: 'GET',
    path: `${READING}/annotations`,
    summary: 'The annotations on a reading that I may see, threads in reading order',
    access: 'member',
    response: z.array(annotation),
    status: 200,
  }),
  annotationEvents: ok({
    method: 'GET',
    path: `${READING}/annotations/events`,
    summary: 'Server-sent events: annotations on this reading created, changed or removed, as I may see them',
    access: 'member',
    status: 200,
  }),
  markAnnotationsRead: ok({
    method: 'POST',
    path: `${READING}/annotations/read`,
    summary: 'Mark annotations as seen by me',
    access: 'member',
    body: annotationReadMark,
    status: 204,
  }),
  getAnnotation: ok({
    method: 'GET',
    path: ANNOTATION,
    summary: 'One annotation I may see, with its thread (what a copied link opens)',
    access: 'member',
    response: z.object({ annotation, replies: z.array(annotation) }),
    status: 200,
  }),
  updateAnnotation: ok({
    method: 'PATCH',
    path: ANNOTATION,
    summary: 'Edit my annotation, or pin, endorse or hide one (staff)',
    access: 'member',
    body: annotationPatch,
    response: annotation,
    status: 200,
  }),
  deleteAnnotation: ok({
    method: 'DELETE',
    path: ANNOTATION,
    summary: 'Delete my annotation (a thread with replies keeps it as "deleted"); restoreAnnotation undoes it',
    access: 'member',
    status: 204,
  }),
  restoreAnnotation: ok({
    method: 'POST',
    path: `${ANNOTATION}/restore`,
    summary: 'Undo the deletion of my annotation',
    access: 'member',
    response: annotation,
    status: 200,
  }),
  annotationHotspots: ok({
    method: 'GET',
    path: `${READING}/annotation-hotspots`,
    summary: 'Where the class annotated this reading most, and the passages most tagged "confusing"',
    access: 'member',
    response: annotationHotspots,
    status: 200,
  }),
  mentionableMembers: ok({
    method: 'GET',
    path: '/api/courses/:courseId/annotations/mentionable',
    summary: 'Course members whose name matches ?q=, for @mention autocomplete (at most 10)',
    access: 'member',
    query: mentionableQuery,
    response: z.array(person),
    status: 200,
  }),
  annotationTags: ok({
    method: 'GET',
    path: '/api/courses/:courseId/annotation-tags',
    summary: 'The tags annotations in this course may use: the built-in ones and the course’s own',
    access: 'member',
    response: z.object({ builtIn: z.array(z.string()), course: z.array(z.string()) }),
    status: 200,
  }),
  setAnnotationTags: ok({
    method: 'PUT',
    path: '/api/courses/:courseId/annotation-tags',
    summary: 'Set the course’s own annotation tags',
    access: 'staff',
    body: courseAnnotationTags,
    response: z.object({ builtIn: z.array(z.string()), course: z.array(z.string()) }),
    status: 200,
  }),
};

/** Who is looking, as far as annotation visibility goes. */
export interface AnnotationViewer {
  userId: string;
  staff: boolean;
  /** The viewer's group in the course (students), null if none. */
  groupId: string | null;
}

/** The visibility facts of a thread's first annotation (replies are seen with their thread). */
export interface AnnotationVisibilityFacts {
  authorId: string;
  visibility: AnnotationVisibility;
  groupId: string | null;
  hidden: boolean;
}

/**
 * The one visibility rule, for lists, search, notifications, exports and the live channel alike:
 * private annotations are their author's alone (staff included); group annotations are their
 * group's and the staff's; course annotations everyone's. A hidden one reaches only staff.
 */
export function annotationVisibleTo(viewer: AnnotationViewer, thread: AnnotationVisibilityFacts): boolean {
  if (thread.visibility === 'private') return thread.authorId === viewer.userId;
  if (thread.hidden && !viewer.staff) return false;
  if (thread.visibility === 'course') return true;
  return viewer.staff || (thread.groupId !== null && thread.groupId === viewer.groupId);
}
