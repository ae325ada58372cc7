import { csvDocument } from './csv.js';
import type { ExportedAnnotation } from './exports.service.js';

/** Where the exported annotations point: the app's origin, for links to readings and passages. */
export interface ExportContext {
  origin: string;
  courseTitle: string;
  scope: 'mine' | 'course';
  exportedAt: Date;
}

export const readingUrl = (origin: string, a: Pick<ExportedAnnotation, 'courseId' | 'readingId'>) =>
  `${origin}/courses/${a.courseId}/readings/${a.readingId}`;

const passageUrl = (origin: string, a: ExportedAnnotation) =>
  a.passage
    ? `${readingUrl(origin, a)}?passage=${a.passage.position.start}-${a.passage.position.end}`
    : readingUrl(origin, a);

const kindOf = (a: ExportedAnnotation) =>
  a.deleted ? 'deleted' : a.parentId ? 'reply' : a.body ? 'annotation' : 'highlight';

/** Who wrote it, as the reader shows it: nobody, once its author deleted it. */
const authorOf = (a: ExportedAnnotation) => (a.deleted ? '' : a.authorName);

const CSV_HEADER = [
  'Reading',
  'Annotation ID',
  'Thread ID',
  'Kind',
  'Author',
  'Visibility',
  'Group',
  'Tags',
  'Quote',
  'Start',
  'End',
  'Body',
  'Hidden',
  'Created',
  'Modified',
  'Link',
];

/** One row per annotation and reply; a reply carries its thread's passage. */
export function annotationsCsv(annotations: readonly ExportedAnnotation[], context: ExportContext): string {
  return csvDocument([
    CSV_HEADER,
    ...annotations.map((a) => [
      a.readingTitle,
      a.id,
      a.threadId,
      kindOf(a),
      authorOf(a),
      a.visibility,
      a.groupName ?? '',
      a.tags.join('; '),
      a.passage?.quote.exact ?? '',
      a.passage?.position.start ?? '',
      a.passage?.position.end ?? '',
      a.body,
      a.hidden ? 'yes' : 'no',
      a.createdAt,
      a.modifiedAt,
      passageUrl(context.origin, a),
    ]),
  ]);
}

/** Markdown quoting: every line of a passage behind "> ". */
const blockquote = (text: string) =>
  text
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');

/** A body inside a list item: its later lines indented under the item. */
const indented = (text: string) => text.trim().replace(/\r?\n/g, '\n  ');

const dateOf = (iso: string) => iso.slice(0, 10);

/** Grouped by reading, then by thread: the quote, the annotation, its replies. */
export function annotationsMarkdown(annotations: readonly ExportedAnnotation[], context: ExportContext): string {
  const title = context.scope === 'mine' ? 'My annotations' : 'Annotations';
  const lines = [`# ${title} · ${context.courseTitle}`, '', `Exported ${context.exportedAt.toISOString()}.`, ''];
  if (!annotations.length) lines.push('No annotations yet.', '');
  let reading: string | null = null;
  let thread: string | null = null;
  for (const a of annotations) {
    if (a.readingId !== reading) {
      reading = a.readingId;
      thread = null;
      lines.push(`## ${a.readingTitle}`, '', readingUrl(context.origin, a), '');
    }
    if (a.threadId !== thread) {
      thread = a.threadId;
      lines.push('---', '');
      if (a.passage)
        lines.push(blockquote(a.passage.quote.exact), '', `[Open the passage](${passageUrl(context.origin, a)})`, '');
    }
    const tags = a.tags.length ? ` · ${a.tags.map((tag) => `#${tag.replace(/\s+/g, '-')}`).join(' ')}` : '';
    const hidden = a.hidden ? ' · hidden' : '';
    const author = a.deleted ? '_Deleted_' : `**${a.authorName}**`;
    const body = a.deleted ? `_${a.body}_` : a.body.trim();
    if (a.parentId) {
      lines.push(`- ${author} (${dateOf(a.createdAt)}${hidden}): ${a.deleted ? body : indented(body)}`, '');
    } else {
      lines.push(`${author} · ${a.visibility} · ${dateOf(a.createdAt)}${tags}${hidden}`, '');
      lines.push(body || '_Highlight_', '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** One annotation as a W3C Web Annotation: a reply targets the annotation it answers. */
function webAnnotation(a: ExportedAnnotation, origin: string) {
  const body = [
    ...(a.body
      ? [
          {
            type: 'TextualBody',
            value: a.body,
            format: 'text/markdown',
            purpose: a.parentId ? 'replying' : 'commenting',
          },
        ]
      : []),
    ...a.tags.map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' })),
  ];
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.parentId ? 'replying' : a.body ? 'commenting' : 'highlighting',
    ...(a.deleted ? {} : { creator: { id: `urn:uuid:${a.authorId}`, type: 'Person', name: a.authorName } }),
    created: a.createdAt,
    modified: a.modifiedAt,
    ...(body.length ? { body } : {}),
    target: a.parentId
      ? `urn:uuid:${a.parentId}`
      : {
          source: readingUrl(origin, a),
          ...(a.passage ? { selector: [a.passage.quote, a.passage.position] } : {}),
        },
  };
}

/** The export as an AnnotationCollection with one page holding every annotation. */
export function annotationsJsonLd(annotations: readonly ExportedAnnotation[], context: ExportContext) {
  const items = annotations.map((a) => webAnnotation(a, context.origin));
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label: `${context.scope === 'mine' ? 'My annotations' : 'Annotations'} · ${context.courseTitle}`,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
