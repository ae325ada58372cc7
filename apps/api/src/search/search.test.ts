import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SNIPPET_MARK_END, SNIPPET_MARK_START, type DocumentSearchHit, type SearchHit } from '@commonplace/contracts';
import { connectCollab, eventually } from '../testing/collab-client.js';
import { courseWithCast, type CourseCast, twoGroups } from '../testing/factories.js';
import { savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

const TIDES = `# Harbour Tides

## Reading the tide tables

The pilots learned the tide tables by heart: each tide, spring tide and neap tide, for the whole year.

Cargo manifests were copied into the ledger every evening.

## Wrecks

One wreck in 1887 was blamed on a misprinted tide table.
`;
const SALT = `# Salt Roads

Salt reached inland markets along raised tracks, whatever the tide did at the coast.
`;

type Hit = {
  kind: 'reading';
  readingId: string;
  readingTitle: string;
  blockIndex: number;
  snippet: string;
  rank: number;
};
type SearchResult = SearchHit | DocumentSearchHit;

async function courseWithReadings(): Promise<CourseCast & { tides: string; salt: string }> {
  const cast = await courseWithCast(t);
  const tides = (await savedReading(t, cast.instructor, cast.courseId, TIDES)).body.id;
  const salt = (await savedReading(t, cast.instructor, cast.courseId, SALT)).body.id;
  const module = await cast.instructor.call('createModule', { courseId: cast.courseId }, { title: 'Week 1' });
  await cast.instructor.call(
    'createAssignment',
    { courseId: cast.courseId },
    { moduleId: module.body.id, readingId: tides },
  );
  return { ...cast, tides, salt };
}

describe('search', () => {
  it('ranks the passage that is most about the words first, marks them, and names the block', async () => {
    const { courseId, instructor, tides } = await courseWithReadings();
    const found = await instructor.call<Hit[]>('search', { courseId }, undefined, { q: 'tides' });
    expect(found.status).toBe(200);
    expect(found.body.length).toBeGreaterThanOrEqual(3);
    const [best] = found.body;
    expect(best).toMatchObject({ kind: 'reading', readingId: tides, readingTitle: 'Harbour Tides' });
    const ranks = found.body.map((h) => h.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));

    const reading = await instructor.call('getReading', { courseId, readingId: tides });
    const block = reading.body.document.blocks[best!.blockIndex];
    expect(block.text).toMatch(/tide tables by heart/);
    expect(best!.snippet).toContain(`${SNIPPET_MARK_START}tide${SNIPPET_MARK_END}`);
    expect(best!.snippet.replaceAll(SNIPPET_MARK_START, '').replaceAll(SNIPPET_MARK_END, '')).toContain(
      'each tide, spring tide',
    );
  });

  it('finds phrases, and answers anything a person types without an error', async () => {
    const { courseId, instructor } = await courseWithReadings();
    const phrase = await instructor.call<Hit[]>('search', { courseId }, undefined, { q: '"misprinted tide table"' });
    expect(phrase.body.map((h) => h.snippet)).toEqual([expect.stringContaining(`${SNIPPET_MARK_START}misprinted`)]);
    const without = await instructor.call<Hit[]>('search', { courseId }, undefined, { q: 'tide -pilots' });
    expect(without.body.some((h) => /pilots/.test(h.snippet))).toBe(false);

    for (const q of ['"unclosed quote', 'tide OR salt', '!!! ((( *** &|', "o'brien's", '--', 'the and of']) {
      const response = await instructor.call('search', { courseId }, undefined, { q });
      expect({ q, status: response.status }).toEqual({ q, status: 200 });
      expect(Array.isArray(response.body)).toBe(true);
    }
    const short = await instructor.call('search', { courseId }, undefined, { q: 'a' });
    expect(short.status).toBe(400);
    expect(short.body.error.fields).toEqual({ q: 'Type at least two characters.' });
    expect((await instructor.call('search', { courseId })).status).toBe(400);
  });

  it('searches only what the searcher may read: assigned readings for a student, one course only', async () => {
    const { courseId, instructor, student, tides, salt } = await courseWithReadings();
    const other = await courseWithCast(t, 'Another Seminar');
    await savedReading(t, other.instructor, other.courseId, SALT);

    const readingsFound = async (client: typeof student, course: string) =>
      new Set(
        ((await client.call<Hit[]>('search', { courseId: course }, undefined, { q: 'tide' })).body ?? []).map(
          (h) => h.readingId,
        ),
      );
    expect(await readingsFound(instructor, courseId)).toEqual(new Set([tides, salt]));
    expect(await readingsFound(student, courseId)).toEqual(new Set([tides]));
    const theirs = await readingsFound(other.instructor, other.courseId);
    expect(theirs.size).toBe(1);
    expect(theirs.has(salt)).toBe(false);
    expect((await other.instructor.call('search', { courseId }, undefined, { q: 'tide' })).status).toBe(404);
  });
});

describe('search over notes and wiki pages', () => {
  it('finds the wiki and the notes the searcher may read, never another group’s or someone’s personal note', async () => {
    const cast = await courseWithReadings();
    const { courseId, instructor, student } = cast;
    const { rival } = await twoGroups(t, cast);

    const page = (await rival.call('createWikiPage', { courseId }, { title: 'Tide clocks' })).body;
    const ours = (await student.call('createNote', { courseId }, { title: 'Steppe tides', scope: 'group' })).body;
    const theirs = (await rival.call('createNote', { courseId }, { title: 'Caspian tides', scope: 'group' })).body;
    const secret = (await rival.call('createNote', { courseId }, { title: 'My tides', scope: 'personal' })).body;
    for (const doc of [page, ours, theirs, secret]) {
      const writer = connectCollab(t.api.url, doc.documentName, (doc === ours ? student : rival).session);
      try {
        await writer.synced();
        writer.write(`The keepers wound the tide clock at dawn (${doc.title}).`);
        await writer.synced();
      } finally {
        writer.close();
      }
    }
    await eventually(async () => (await t.prisma.document.count({ where: { plainText: { not: '' } } })) === 4);

    const found = async (client: typeof student) => {
      const hits = (await client.call<SearchResult[]>('search', { courseId }, undefined, { q: 'tide clock' })).body;
      return hits.map((h) => (h.kind === 'reading' ? `reading: ${h.readingTitle}` : `${h.kind}: ${h.title}`)).sort();
    };
    expect(await found(student)).toEqual(['note: Steppe tides', 'wiki: Tide clocks']);
    expect(await found(rival)).toEqual(['note: Caspian tides', 'note: My tides', 'wiki: Tide clocks']);
    expect(await found(instructor)).toEqual(['note: Caspian tides', 'note: Steppe tides', 'wiki: Tide clocks']);

    const hits = (await student.call<SearchResult[]>('search', { courseId }, undefined, { q: 'keepers' })).body;
    expect(hits.find((h) => h.kind === 'wiki')).toEqual({
      kind: 'wiki',
      documentId: page.id,
      title: 'Tide clocks',
      slug: 'tide-clocks',
      readingId: null,
      snippet: expect.stringContaining(`${SNIPPET_MARK_START}keepers${SNIPPET_MARK_END}`),
      rank: expect.any(Number),
    });
  });

  it('finds what was just written in a note still open, and no longer what was written over', async () => {
    const { courseId, student } = await courseWithReadings();
    const note = (await student.call('createNote', { courseId }, { title: 'Steppe notes', scope: 'personal' })).body;
    const writer = connectCollab(t.api.url, note.documentName, student.session);
    try {
      await writer.synced();
      writer.write('The lamp room smelled of paraffin.');
      await writer.synced();
      const titles = async (q: string) =>
        (await student.call<SearchResult[]>('search', { courseId }, undefined, { q })).body
          .filter((hit) => hit.kind === 'note')
          .map((hit) => (hit as DocumentSearchHit).title);
      expect(await titles('paraffin')).toEqual(['Steppe notes']);

      writer.doc.transact(() => {
        const text = writer.doc.getXmlFragment('default');
        text.delete(0, text.length);
      });
      writer.write('The lamp room smelled of whale oil.');
      await writer.synced();
      expect(await titles('paraffin')).toEqual([]);
      expect(await titles('whale oil')).toEqual(['Steppe notes']);
    } finally {
      writer.close();
    }
  });
});
