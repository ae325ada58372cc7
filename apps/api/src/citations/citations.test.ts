import { describe as describePassage } from '@commonplace/anchoring';
import type { ReadingCitation } from '@commonplace/contracts';
import { writeDocument } from '@commonplace/editor';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectCollab, eventually, type CollabClient } from '../testing/collab-client.js';
import { courseWithCast, signUp, twoGroups } from '../testing/factories.js';
import { ARTICLE, readyDraft, savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
const open: CollabClient[] = [];
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());
afterEach(() => open.splice(0).forEach((client) => client.close()));

type Client = Awaited<ReturnType<typeof signUp>>;

/** A course with the article assigned, and two groups of one student each. */
async function courseWithReading() {
  const cast = await courseWithCast(t);
  const { rival } = await twoGroups(t, cast);
  const { courseId, instructor } = cast;
  const readingId = (await savedReading(t, instructor, courseId)).body.id as string;
  const week = (await instructor.call('createModule', { courseId }, { title: 'Week 1' })).body.id as string;
  await instructor.call('createAssignment', { courseId }, { moduleId: week, readingId });
  return { ...cast, rival, readingId };
}

async function canonicalText(readingId: string): Promise<string> {
  return (await t.prisma.reading.findUniqueOrThrow({ where: { id: readingId } })).canonicalText;
}

/** A note by `author` quoting each of `words` from the reading's current text, as "Quote in note" makes it. */
async function noteQuoting(
  author: Client,
  courseId: string,
  readingId: string,
  title: string,
  scope: 'group' | 'personal',
  words: string[],
): Promise<string> {
  // Not created on the reading, so it starts empty rather than from the reading's outline.
  const note = (await author.call('createNote', { courseId }, { title, scope })).body as {
    id: string;
    documentName: string;
  };
  const text = await canonicalText(readingId);
  const client = connectCollab(t.api.url, note.documentName, author.session);
  open.push(client);
  await client.synced();
  writeDocument(client.doc, {
    type: 'doc',
    content: words.map((quoted) => {
      const start = text.indexOf(quoted);
      return {
        type: 'citation',
        attrs: {
          readingId,
          readingVersion: 1,
          readingTitle: 'Lighthouses of the Northern Coast',
          selector: describePassage(text, start, start + quoted.length),
        },
        content: [{ type: 'text', text: quoted }],
      };
    }),
  });
  await client.synced();
  await eventually(async () => (await t.prisma.documentCitation.count({ where: { documentId: note.id } })) > 0);
  return note.id;
}

const listed = async (client: Client, courseId: string, readingId: string) => {
  const answer = await client.call('listReadingCitations', { courseId, readingId });
  expect(answer.status).toBe(200);
  return answer.body as ReadingCitation[];
};

describe("a reading's citations", () => {
  it('lists to each person only the citations in notes they may read, each on its words', async () => {
    const { courseId, readingId, student, rival, instructor, ta } = await courseWithReading();
    await noteQuoting(student, courseId, readingId, 'Steppe notes', 'group', ['kept logbooks of every storm']);
    await noteQuoting(student, courseId, readingId, 'My own', 'personal', ['trim the wicks']);
    await noteQuoting(rival, courseId, readingId, 'Caspian notes', 'group', ['the end of the keepers']);
    await noteQuoting(instructor, courseId, readingId, 'Lecture plan', 'personal', ['Automation arrived']);

    const titles = async (client: Client) =>
      (await listed(client, courseId, readingId)).map((c) => `${c.documentTitle}: ${c.quote}`).sort();
    expect(await titles(student)).toEqual(['My own: trim the wicks', 'Steppe notes: kept logbooks of every storm']);
    expect(await titles(rival)).toEqual(['Caspian notes: the end of the keepers']);
    // Staff read every group's notes and their own, never a student's personal note.
    expect(await titles(ta)).toEqual([
      'Caspian notes: the end of the keepers',
      'Steppe notes: kept logbooks of every storm',
    ]);
    expect(await titles(instructor)).toEqual([
      'Caspian notes: the end of the keepers',
      'Lecture plan: Automation arrived',
      'Steppe notes: kept logbooks of every storm',
    ]);

    const text = await canonicalText(readingId);
    const steppe = (await listed(student, courseId, readingId)).find((c) => c.documentTitle === 'Steppe notes')!;
    expect(steppe).toMatchObject({ kind: 'note', scope: 'group', ordinal: 0, method: 'position', unplaced: null });
    expect(text.slice(steppe.range!.start, steppe.range!.end)).toBe('kept logbooks of every storm');
  });

  it('places a citation made on version 1 where its words are in version 2, and reports one whose words are gone', async () => {
    const { courseId, readingId, student, instructor } = await courseWithReading();
    await noteQuoting(student, courseId, readingId, 'Steppe notes', 'group', [
      'trim the wicks before they could read',
      'Automation arrived in the 1960s',
    ]);

    // Version 2 adds a paragraph before both passages and drops the sentence on automation.
    const revised = ARTICLE.replace(
      '## Keepers\n',
      '## Keepers\n\nA foreword on the harbour boards, added for the second edition of this reader.\n',
    ).replace(
      "Automation arrived in the 1960s, and with it the end of the keepers' long winters on the rocks.",
      'Later years are told elsewhere.',
    );
    const draftId = await readyDraft(t, courseId, instructor.userId, revised);
    await t.prisma.importDraft.update({ where: { id: draftId }, data: { readingId } });
    expect((await instructor.call('saveImport', { courseId, draftId }, {})).body.version).toBe(2);

    const text = await canonicalText(readingId);
    const [moved, gone] = (await listed(student, courseId, readingId)) as [ReadingCitation, ReadingCitation];
    expect(moved).toMatchObject({ quote: 'trim the wicks before they could read', method: 'quote', unplaced: null });
    expect(text.slice(moved.range!.start, moved.range!.end)).toBe('trim the wicks before they could read');
    expect(moved.cited.version).toBe(1);
    expect(moved.range!.start).toBeGreaterThan(moved.cited.range!.start);
    // Never placed on other words: reported, with why.
    expect(gone).toMatchObject({ quote: 'Automation arrived in the 1960s', range: null, method: null });
    expect(['not-found', 'too-different']).toContain(gone.unplaced);
  });

  it('answers 404 for a malformed id, a reading of another course, and one not yet assigned to a student', async () => {
    const { courseId, readingId, student, instructor } = await courseWithReading();
    const other = await courseWithCast(t, 'Another course');
    const foreign = (await savedReading(t, other.instructor, other.courseId)).body.id as string;
    const unassigned = (await savedReading(t, instructor, courseId)).body.id as string;

    const refused = async (who: Client, params: { courseId: string; readingId: string }) => {
      const answer = await who.call('listReadingCitations', params);
      return { status: answer.status, code: answer.body.error?.code };
    };
    const notFound = { status: 404, code: 'READING_NOT_FOUND' };
    expect(await refused(student, { courseId, readingId: 'not-a-reading' })).toEqual(notFound);
    expect(await refused(instructor, { courseId, readingId: foreign })).toEqual(notFound);
    expect(await refused(student, { courseId, readingId: unassigned })).toEqual(notFound);
    expect(await listed(instructor, courseId, unassigned)).toEqual([]);
    expect(await refused(student, { courseId: other.courseId, readingId })).toEqual({
      status: 404,
      code: 'COURSE_NOT_FOUND',
    });
  });
});
