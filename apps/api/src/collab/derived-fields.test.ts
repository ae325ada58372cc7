import { writeDocument } from '@commonplace/editor';
import type { Piscina } from 'piscina';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@commonplace/db';
import * as Y from 'yjs';
import { courseWithCast, enrol, signUp } from '../testing/factories.js';
import { connectCollab, editorText, eventually, type CollabClient } from '../testing/collab-client.js';
import { savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { DocumentStore } from './document-store.js';
import { DocumentWorkers } from './document-workers.js';

let t: TestApi;
const open: CollabClient[] = [];
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
afterEach(() => open.splice(0).forEach((client) => client.close()));

const selector = {
  quote: { type: 'TextQuoteSelector', exact: 'keepers', prefix: 'the ', suffix: ' of' },
  position: { type: 'TextPositionSelector', start: 40, end: 47 },
};

const citation = (readingId: string, quote: string) => ({
  type: 'citation',
  attrs: { readingId, readingVersion: 1, readingTitle: 'Lighthouses', selector },
  content: [{ type: 'text', text: quote }],
});

/** A student of the course, and a personal note of theirs. */
async function personalNote(courseId: string, title: string) {
  const student = await signUp(t, 'Aigerim');
  await enrol(t, courseId, student.userId, 'STUDENT');
  const note = (await student.call('createNote', { courseId }, { title, scope: 'personal' })).body as {
    id: string;
    documentName: string;
  };
  return { student, note };
}

describe('what a stored note keeps beside its content', () => {
  it('its words become searchable, its [[links]] and its citations of this course are listed', async () => {
    const { courseId, instructor } = await courseWithCast(t);
    const other = await courseWithCast(t, 'Another course');
    const reading = (await savedReading(t, instructor, courseId)).body as { id: string };
    const foreign = (await savedReading(t, other.instructor, other.courseId)).body as { id: string };
    const { student, note } = await personalNote(courseId, 'Week 1');
    const client = connectCollab(t.api.url, note.documentName, student.session);
    open.push(client);
    await client.synced();
    writeDocument(client.doc, {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Harbour beacons\u0000 and ' },
            { type: 'wikiLink', attrs: { title: '  Fresnel   Lens ', pageId: null } },
          ],
        },
        citation(reading.id, 'keepers'),
        // A client may write any reading id: one of another course is not listed as a citation.
        citation(foreign.id, 'borrowed words'),
      ],
    });
    await client.synced();

    await eventually(async () => (await t.prisma.documentCitation.count({ where: { documentId: note.id } })) > 0);
    const links = await t.prisma.documentLink.findMany({ where: { sourceId: note.id } });
    expect(links).toEqual([{ sourceId: note.id, titleKey: 'fresnel lens', title: 'Fresnel   Lens' }]);
    const citations = await t.prisma.documentCitation.findMany({ where: { documentId: note.id } });
    expect(citations).toEqual([
      expect.objectContaining({ ordinal: 0, readingId: reading.id, quote: 'keepers', selector }),
    ]);
    const [found] = await t.prisma.$queryRaw<{ plainText: string }[]>(Prisma.sql`
      SELECT "plainText" FROM "Document"
      WHERE id = ${note.id}::uuid AND "searchVector" @@ websearch_to_tsquery('english', 'harbour beacon')`);
    expect(found?.plainText).toMatch(/^Harbour beacons and +Fresnel +Lens/);
  });

  it('a later store drops the links and citations the content no longer has, and renumbers the rest', async () => {
    const { courseId, instructor } = await courseWithCast(t);
    const reading = (await savedReading(t, instructor, courseId)).body as { id: string };
    const { student, note } = await personalNote(courseId, 'Week 3');
    const client = connectCollab(t.api.url, note.documentName, student.session);
    open.push(client);
    await client.synced();
    const linkTo = (title: string) => ({
      type: 'paragraph',
      content: [{ type: 'wikiLink', attrs: { title, pageId: null } }],
    });
    writeDocument(client.doc, {
      type: 'doc',
      content: [linkTo('Tides'), linkTo('Fog signals'), citation(reading.id, 'keepers'), citation(reading.id, 'lamps')],
    });
    await client.synced();
    const listed = async () => ({
      links: (await t.prisma.documentLink.findMany({ where: { sourceId: note.id }, orderBy: { titleKey: 'asc' } })).map(
        (link) => link.title,
      ),
      citations: (
        await t.prisma.documentCitation.findMany({ where: { documentId: note.id }, orderBy: { ordinal: 'asc' } })
      ).map((c) => [c.ordinal, c.quote]),
    });
    await eventually(async () => (await listed()).citations.length === 2);
    expect(await listed()).toEqual({
      links: ['Fog signals', 'Tides'],
      citations: [
        [0, 'keepers'],
        [1, 'lamps'],
      ],
    });

    // The second link and the first citation deleted: 'lamps' is now the document's first citation.
    client.doc.getXmlFragment('default').delete(1, 2);
    await client.synced();

    await eventually(async () => (await listed()).citations.length === 1);
    expect(await listed()).toEqual({ links: ['Tides'], citations: [[0, 'lamps']] });
    const document = await t.prisma.document.findUniqueOrThrow({ where: { id: note.id } });
    expect(document.plainText).not.toContain('Fog');
  });

  it('a store after the document thread stopped and started again derives the whole document', async () => {
    const { courseId } = await courseWithCast(t);
    const { student, note } = await personalNote(courseId, 'Week 4');
    const client = connectCollab(t.api.url, note.documentName, student.session);
    open.push(client);
    await client.synced();
    client.write('Lantern room');
    await client.synced();
    const plainText = async () =>
      (await t.prisma.document.findUniqueOrThrow({ where: { id: note.id }, select: { plainText: true } })).plainText;
    await eventually(async () => (await plainText()) === 'Lantern room');

    // As if the thread had run out of memory: the pool starts another, which holds no copy of the note.
    const pool = (t.api.app.get(DocumentWorkers) as unknown as { pool: Piscina }).pool;
    await pool.threads[0]!.terminate();
    client.write('Gallery deck');
    await client.synced();

    await eventually(async () => (await plainText()) === 'Lantern room\nGallery deck');
  });

  it('compaction merges the log into a snapshot and derives the fields again from what it merged', async () => {
    const { courseId } = await courseWithCast(t);
    const { student, note } = await personalNote(courseId, 'Week 2');
    // The log as clients leave it (written here, so that no live document stores meanwhile): what the
    // fields hold afterwards, compaction wrote.
    const written = new Y.Doc();
    const updates: Uint8Array[] = [];
    written.on('update', (update: Uint8Array) => updates.push(update));
    writeDocument(written, {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Caravanserai and ' },
            { type: 'wikiLink', attrs: { title: 'Silk Road', pageId: null } },
          ],
        },
      ],
    });
    const more = new Y.XmlElement('paragraph');
    more.insert(0, [new Y.XmlText('along the route')]);
    written.getXmlFragment('default').push([more]);
    for (const update of updates) {
      await t.prisma.documentUpdate.create({ data: { documentId: note.id, update: new Uint8Array(update) } });
    }

    await t.api.app.get(DocumentStore).compact(note.id);

    expect(await t.prisma.documentUpdate.count({ where: { documentId: note.id } })).toBe(0);
    const document = await t.prisma.document.findUniqueOrThrow({ where: { id: note.id } });
    expect(document.plainText).toBe('Caravanserai and Silk Road\nalong the route');
    expect(await t.prisma.documentLink.findMany({ where: { sourceId: note.id } })).toEqual([
      { sourceId: note.id, titleKey: 'silk road', title: 'Silk Road' },
    ]);
    const opened = connectCollab(t.api.url, note.documentName, student.session);
    open.push(opened);
    await opened.synced();
    expect(opened.text()).toBe(editorText(written));
    expect(opened.text()).toMatch(/^Caravanserai and <wikilink[^\n]*\nalong the route$/);
  });
});
