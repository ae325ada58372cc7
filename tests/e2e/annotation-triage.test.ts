// An instructor saves a new version of a reading; the annotations whose words changed wait on the
// triage page, where the instructor accepts one's proposed place and moves an orphaned one onto
// words selected in the new text, by keyboard, until every annotation has its place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createPrismaClient, type PrismaClient } from '@commonplace/db';
import { createTestDatabase, type TestDatabase } from '@commonplace/db/testing';
import { launchBrowser } from '../support/browser.js';
import { startApp, type RunningApp } from '../support/app.js';
import { seriousViolations } from '../support/axe.js';
import { groupOnReading, readingWithNotes, type ApiPerson } from '../support/course-setup.js';

let database: TestDatabase;
let prisma: PrismaClient;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrismaClient(database.url, 1);
  browser = await launchBrowser();
  app = await startApp({ database: { kind: 'shared', database } });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await prisma?.$disconnect();
  await database?.drop();
});

const EDITED = 'the berths too shallow, and the customs posts too few';
const DELETED = 'Doubling it became the government';
const NEW_SENTENCE = 'It was doubled in 2026.';
const nextEdition = readingWithNotes
  .replace('the customs posts too few', 'the customs offices too few')
  .replace(
    "Doubling it became the government's first priority, and the subject of three separate agreements.",
    NEW_SENTENCE,
  );

/** A course thread on `words`, as the annotations API stores one. */
async function annotate(readingId: string, authorEmail: string, words: string) {
  const reading = await prisma.reading.findUniqueOrThrow({ where: { id: readingId } });
  const author = await prisma.user.findUniqueOrThrow({ where: { email: authorEmail } });
  const start = reading.canonicalText.indexOf(words);
  const end = start + words.length;
  const row = await prisma.annotation.create({
    data: {
      courseId: reading.courseId,
      readingId,
      authorId: author.id,
      visibility: 'COURSE',
      body: `Why “${words}”?`,
      selector: [
        { type: 'TextQuoteSelector', exact: words, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end },
      ],
      quote: words,
      start,
      end,
      readingVersion: reading.version,
    },
  });
  return row.id;
}

/** Pastes the next edition over the reading and saves it, as the instructor's import page does. */
async function saveNextEdition(instructor: ApiPerson, courseId: string, readingId: string) {
  let draft = await instructor.call<{ id: string; status: string }>('POST', `/api/courses/${courseId}/imports/paste`, {
    text: nextEdition,
    readingId,
  });
  for (const end = Date.now() + 30_000; draft.status === 'PROCESSING' && Date.now() < end;) {
    await new Promise((r) => setTimeout(r, 100));
    draft = await instructor.call('GET', `/api/courses/${courseId}/imports/${draft.id}`);
  }
  await instructor.call('POST', `/api/courses/${courseId}/imports/${draft.id}/save`, {});
}

describe('placing annotations after a new version', () => {
  it('accepts a proposed place and moves an orphan onto words selected by keyboard', async () => {
    const { instructor, students, courseId, readingId, readingPath } = await groupOnReading(app.url, [
      'Aliya Karimova',
    ]);
    const edited = await annotate(readingId, students[0].email, EDITED);
    const orphan = await annotate(readingId, students[0].email, DELETED);
    await saveNextEdition(instructor, courseId, readingId);
    const statusOf = async (id: string) => (await prisma.annotation.findUniqueOrThrow({ where: { id } })).anchorStatus;
    await expect
      .poll(() => Promise.all([statusOf(edited), statusOf(orphan)]), { timeout: 30_000 })
      .toEqual(['TRIAGE', 'ORPHANED']);

    const { page } = await instructor.open(browser, { width: 390, height: 844 });
    await page.goto(readingPath, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Annotations to place after the new version' }).click();
    await page.getByRole('heading', { name: 'Annotations to place in version 2' }).waitFor();
    // Nothing runs off the side of a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const items = page.getByRole('list', { name: 'Annotations to place' }).getByRole('listitem');
    expect(await items.count()).toBe(2);
    const toConfirm = items.filter({ hasText: 'To confirm' });
    expect(await toConfirm.locator('section[aria-label="Where it was"] mark').innerText()).toBe(EDITED);
    expect(await toConfirm.locator('section[aria-label="Where it could go"] mark').innerText()).toBe(
      'the berths too shallow, and the customs offices too few',
    );
    await toConfirm.getByRole('button', { name: 'Accept the proposed place' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => items.count()).toBe(1);
    expect(await statusOf(edited)).toBe('ANCHORED');

    const orphaned = items.filter({ hasText: 'Orphaned' });
    expect(await orphaned.getByText('No place like it was found.').count()).toBe(1);
    await orphaned.getByRole('button', { name: 'Move to other words…' }).click();
    const text = orphaned.getByRole('textbox', { name: /Select the words in version 2/ });
    await expect.poll(() => text.evaluate((el) => el === document.activeElement)).toBe(true);
    // The caret to the start of the new sentence, then Shift + arrows over it.
    const at = await text.evaluate((el, words) => (el as HTMLTextAreaElement).value.indexOf(words), NEW_SENTENCE);
    await text.evaluate((el, offset) => (el as HTMLTextAreaElement).setSelectionRange(offset, offset), at);
    for (let i = 0; i < NEW_SENTENCE.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => orphaned.getByRole('status').innerText()).toBe(`Selected: “${NEW_SENTENCE}”`);
    // Typing changes nothing: the text is the reading's, only selected.
    const before = await text.inputValue();
    await page.keyboard.type('x');
    expect(await text.inputValue()).toBe(before);
    expect(await seriousViolations(page, { rules: { 'label-content-name-mismatch': { enabled: true } } })).toEqual([]);
    await orphaned.getByRole('button', { name: 'Place it on the selected words' }).click();

    await page.getByText('Every annotation found its place in version 2.').waitFor();
    expect(await prisma.annotation.findUniqueOrThrow({ where: { id: orphan } })).toMatchObject({
      anchorStatus: 'ANCHORED',
      readingVersion: 2,
      quote: NEW_SENTENCE,
    });
  }, 120_000);
});
