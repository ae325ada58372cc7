import { TRIAGE_THRESHOLD } from '@commonplace/anchoring';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { courseWithCast } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { AnnotationReanchoring } from './annotation-reanchoring.service.js';
import { readProposedPlace } from './stored-selector.js';
import {
  assignedReading,
  currentText,
  findWords,
  insertReply,
  insertThread,
  saveNewVersion,
  storeNewVersion,
} from './testing.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

const FIRST = `# The Middle Corridor

## Routes

The railway from Khorgos to the Caspian carried more containers every year after 2022.

Trade grew quickly. Ports on the Caspian coast were dredged and widened for the new ferries.

Trade grew quickly. Customs posts at the border were merged into one window for freight.

## Doubts

Critics asked whether the loans behind the railway would ever be repaid.
`;

const PREFACE = 'A new preface explains why this edition was revised and what it adds for readers.';

/** The next edition: a paragraph before everything, one passage edited, one added to, one deleted. */
const SECOND = FIRST.replace('## Routes\n', `## Routes\n\n${PREFACE}\n`)
  .replace('dredged and widened', 'dredged and deepened')
  .replace('at the border were merged', 'at the eastern border were merged')
  .replace('Critics asked whether the loans behind the railway would ever be repaid.\n', 'Critics were quiet.\n');

const thread = (id: string) => t.prisma.annotation.findUniqueOrThrow({ where: { id } });
const reanchor = (readingId: string, options = {}) =>
  t.api.app.get(AnnotationReanchoring).reanchorReading(readingId, options);

async function setup() {
  const cast = await courseWithCast(t);
  const { courseId, instructor, student } = cast;
  const readingId = await assignedReading(t, instructor, courseId, FIRST);
  const text = await currentText(t, readingId);
  const on = (words: string, extra: { occurrence?: number; visibility?: 'PRIVATE' } = {}) =>
    insertThread(t, { courseId, readingId, authorId: student.userId, text, words, ...extra });
  return { ...cast, readingId, text, on };
}

describe('carrying annotations to a new version', () => {
  it('keeps threads whose words are still there on them, proposes lightly changed ones, orphans deleted ones', async () => {
    const { instructor, courseId, readingId, text, on } = await setup();
    const before = await on('carried more containers every year');
    const edited = await on('Ports on the Caspian coast were dredged and widened');
    const addedTo = await on('Customs posts at the border were merged');
    const deleted = await on('Critics asked whether the loans behind the railway would ever be repaid.');
    const next = await storeNewVersion(t, instructor, courseId, readingId, SECOND);
    expect(next.version).toBe(2);

    const summary = await reanchor(readingId);
    expect(summary).toMatchObject({ readingVersion: 2, anchored: 1, triage: 2, orphaned: 1 });

    // Text inserted before: the same words, further on, on version 2, sure.
    const moved = await thread(before);
    const [start, end] = findWords(next.text, 'carried more containers every year');
    expect(moved).toMatchObject({ anchorStatus: 'ANCHORED', readingVersion: 2, start, end });
    expect(moved.anchorConfidence).toBeGreaterThanOrEqual(TRIAGE_THRESHOLD);
    expect(start).toBeGreaterThan(findWords(text, 'carried more containers every year')[0]);
    // Written back in the form it was stored in: the two W3C selectors.
    expect(moved.selector).toEqual([
      expect.objectContaining({ type: 'TextQuoteSelector', exact: 'carried more containers every year' }),
      { type: 'TextPositionSelector', start, end },
    ]);

    // A word of the passage changed, or words added inside it: proposed, and not yet shown there.
    for (const [id, was, words] of [
      [
        edited,
        'Ports on the Caspian coast were dredged and widened',
        'Ports on the Caspian coast were dredged and deepened',
      ],
      [addedTo, 'Customs posts at the border were merged', 'Customs posts at the eastern border were merged'],
    ] as const) {
      const row = await thread(id);
      const [start, end] = findWords(text, was);
      expect(row).toMatchObject({ anchorStatus: 'TRIAGE', readingVersion: 1, start, end, quote: was });
      expect(row.anchorConfidence).toBeLessThan(TRIAGE_THRESHOLD);
      const proposal = readProposedPlace(row.proposedSelector)!;
      expect(proposal.readingVersion).toBe(2);
      expect(next.text.slice(proposal.position.start, proposal.position.end)).toBe(words);
    }

    // Deleted: orphaned, its quote kept for its author.
    expect(await thread(deleted)).toMatchObject({
      anchorStatus: 'ORPHANED',
      quote: 'Critics asked whether the loans behind the railway would ever be repaid.',
      readingVersion: 1,
      proposedSelector: null,
    });
  });

  it('leaves a passage where it was when text is added after it', async () => {
    const { instructor, courseId, readingId, on } = await setup();
    const id = await on('Critics asked whether the loans');
    const original = await thread(id);
    await storeNewVersion(t, instructor, courseId, readingId, `${FIRST}\n## Afterword\n\nThe line opened in 2027.\n`);
    await reanchor(readingId);
    expect(await thread(id)).toMatchObject({
      anchorStatus: 'ANCHORED',
      readingVersion: 2,
      start: original.start,
      end: original.end,
      anchorConfidence: 1,
    });
  });

  it('keeps a thread on the same copy of a repeated passage', async () => {
    const { instructor, courseId, readingId, on } = await setup();
    const second = await on('Trade grew quickly.', { occurrence: 1 });
    const next = await storeNewVersion(t, instructor, courseId, readingId, SECOND);
    await reanchor(readingId);
    const [start, end] = findWords(next.text, 'Trade grew quickly.', 1);
    expect(await thread(second)).toMatchObject({ anchorStatus: 'ANCHORED', readingVersion: 2, start, end });
  });

  it('leaves replies, and threads already on the current version, as they are', async () => {
    const { instructor, student, courseId, readingId, on } = await setup();
    const id = await on('carried more containers every year');
    const reply = await insertReply(t, id, instructor.userId);
    const next = await storeNewVersion(t, instructor, courseId, readingId, SECOND);
    const fresh = await insertThread(t, {
      courseId,
      readingId,
      authorId: student.userId,
      text: next.text,
      words: PREFACE,
      readingVersion: 2,
    });
    const [replyBefore, freshBefore] = await Promise.all([thread(reply), thread(fresh)]);
    await reanchor(readingId);
    expect(await thread(reply)).toEqual(replyBefore);
    expect(await thread(fresh)).toEqual(freshBefore);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const { instructor, courseId, readingId, on } = await setup();
    const ids = await Promise.all([on('carried more containers every year'), on('dredged and widened')]);
    await storeNewVersion(t, instructor, courseId, readingId, SECOND);
    await reanchor(readingId);
    const once = await t.prisma.annotation.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
    expect(await reanchor(readingId)).toMatchObject({ anchored: 0, triage: 0, orphaned: 0 });
    expect(await t.prisma.annotation.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } })).toEqual(once);
  });

  it('a run cut off after its first batch, run again, moves each thread once', async () => {
    const { instructor, courseId, readingId, on } = await setup();
    const words = ['carried more containers every year', 'The railway from Khorgos', 'Trade grew quickly.'];
    const ids = await Promise.all(words.map((w) => on(w)));
    const next = await storeNewVersion(t, instructor, courseId, readingId, SECOND);
    await expect(
      reanchor(readingId, {
        batchRows: 1,
        afterBatch: () => {
          throw new Error('the server died');
        },
      }),
    ).rejects.toThrow('the server died');
    const cut = await t.prisma.annotation.findMany({ where: { id: { in: ids } } });
    expect(cut.filter((r) => r.readingVersion === 2)).toHaveLength(1);

    await reanchor(readingId, { batchRows: 1 });
    for (const [i, id] of ids.entries()) {
      const [start, end] = findWords(next.text, words[i]!);
      expect(await thread(id)).toMatchObject({ anchorStatus: 'ANCHORED', readingVersion: 2, start, end });
    }
  });

  it('runs as a job when an instructor saves a new version', async () => {
    const { instructor, courseId, readingId, on } = await setup();
    const id = await on('carried more containers every year');
    const next = await saveNewVersion(t, instructor, courseId, readingId, SECOND);
    const [start] = findWords(next.text, 'carried more containers every year');
    for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
      if ((await thread(id)).readingVersion === 2) break;
    }
    expect(await thread(id)).toMatchObject({ anchorStatus: 'ANCHORED', readingVersion: 2, start });
  }, 40_000);

  it('carries a thread across two versions from the text of the version it is on', async () => {
    const { instructor, courseId, readingId, on } = await setup();
    const id = await on('Critics asked whether the loans');
    // Version 2 is saved but its job has not run when version 3 moves the words again.
    await storeNewVersion(t, instructor, courseId, readingId, `${FIRST}\nMore.\n`);
    const third = await storeNewVersion(t, instructor, courseId, readingId, `# Foreword\n\nA foreword.\n\n${FIRST}`);
    await reanchor(readingId);
    const [start, end] = findWords(third.text, 'Critics asked whether the loans');
    expect(await thread(id)).toMatchObject({ anchorStatus: 'ANCHORED', readingVersion: 3, start, end });
  });
});
