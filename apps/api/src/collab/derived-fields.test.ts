import { writeDocument } from '@commonplace/editor';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@commonplace/db';
import { courseWithCast, enrol, signUp } from '../testing/factories.js';
import { connectCollab, eventually, type CollabClient } from '../testing/collab-client.js';
import { savedReading } from '../testing/readings.js';
import { CollabServer } from './collab-server.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { DocumentStore } from './document-store.js';

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

describe('what a stored note keeps beside its content', () => {
  it('its words become searchable, its [[links]] and its citations of this course are listed', async () => {
    const { courseId, instructor } = await courseWithCast(t);
    const other = await courseWithCast(t, 'Another course');
    const reading = (await savedReading(t, instructor, courseId)).body as { id: string };
    const foreign = (await savedReading(t, other.instructor, other.courseId)).body as { id: string };
    const student = await signUp(t, 'Aigerim');
    await enrol(t, courseId, student.userId, 'STUDENT');
    const note = (await student.call('createNote', { courseId }, { title: 'Week 1', scope: 'personal' })).body as {
      id: string;
      documentName: string;
    };

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

  it('compaction merges the log into a snapshot and derives the fields again from what it merged', async () => {
    const { courseId } = await courseWithCast(t);
    const student = await signUp(t, 'Aigerim');
    await enrol(t, courseId, student.userId, 'STUDENT');
    const note = (await student.call('createNote', { courseId }, { title: 'Week 2', scope: 'personal' })).body as {
      id: string;
      documentName: string;
    };
    const client = connectCollab(t.api.url, note.documentName, student.session);
    open.push(client);
    await client.synced();
    writeDocument(client.doc, {
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
    client.write('along the route');
    await client.synced();
    // What the live stores derived is wiped: whatever is there after compaction, compaction wrote.
    await eventually(async () => (await t.prisma.documentLink.count({ where: { sourceId: note.id } })) > 0);
    client.close();
    await eventually(async () => !t.api.app.get(CollabServer).hocuspocus.documents.has(note.documentName));
    await t.prisma.documentLink.deleteMany({ where: { sourceId: note.id } });
    await t.prisma.document.update({ where: { id: note.id }, data: { plainText: '' } });

    await t.api.app.get(DocumentStore).compact(note.id);

    expect(await t.prisma.documentUpdate.count({ where: { documentId: note.id } })).toBe(0);
    const document = await t.prisma.document.findUniqueOrThrow({ where: { id: note.id } });
    expect(document.plainText).toBe('Caravanserai and Silk Road\nalong the route');
    expect(await t.prisma.documentLink.findMany({ where: { sourceId: note.id } })).toEqual([
      { sourceId: note.id, titleKey: 'silk road', title: 'Silk Road' },
    ]);
    const reopened = connectCollab(t.api.url, note.documentName, student.session);
    open.push(reopened);
    await reopened.synced();
    expect(reopened.text()).toBe(client.text());
    expect(reopened.text()).toMatch(/^Caravanserai and <wikilink[^\n]*\nalong the route$/);
  });
});
