// A student annotates a passage; the instructor sees it in the margin and in the participation
// summary; the instructor saves a new version of the reading that moves the passage along. A
// groupmate with the reader open is told of the new version without reloading, shows it in place,
// and the annotation is on the same words of the new text; so it is for the instructor on a fresh load.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { groupOnReading, readingWithNotes, type ApiPerson } from '../support/course-setup.js';
import { endToEnd } from '../support/e2e.js';
import { marginOf, openLive, select } from '../support/reader.js';

const e2e = endToEnd();
const QUOTED = 'the berths too shallow';
const COMMENT = 'Why were the berths never dredged?';
const NEW_SENTENCE = 'The new ferries came in 2025.';
// A sentence before the annotated words: every passage after it moves along in the text.
const nextEdition = readingWithNotes.replace('Aktau and Kuryk handled', `${NEW_SENTENCE} Aktau and Kuryk handled`);

interface Listed {
  id: string;
  body: string;
  target: { selector: Array<{ type: string; start?: number; exact?: string }> } | null;
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

const highlighted = (page: Page) => page.locator('mark.annotated').allInnerTexts();

describe('an annotation across a new version of the reading', () => {
  it('is in the instructor’s margin and summary, and stays on its words in the new version, live', async () => {
    const url = e2e.app.url;
    const {
      instructor,
      students: [aliya, bolat],
      courseId,
      readingId,
      readingPath,
    } = await groupOnReading(url, ['Aliya Karimova', 'Bolat Serik']);
    const a = (await aliya.open(e2e.browser)).page;
    const b = (await bolat.open(e2e.browser)).page;
    await openLive(a, readingPath);
    await openLive(b, readingPath);

    await select(a, QUOTED);
    await a
      .getByRole('toolbar', { name: 'Selected words' })
      .getByRole('button', { name: /^Annotate/ })
      .click();
    const composer = a.getByRole('dialog', { name: 'Annotate' });
    await composer.getByRole('combobox', { name: /Comment/ }).fill(COMMENT);
    await composer.getByRole('button', { name: 'Save annotation' }).click();
    await expect.poll(() => highlighted(a)).toEqual([QUOTED]);
    await expect.poll(() => highlighted(b), { timeout: 10_000 }).toEqual([QUOTED]);

    // The instructor: the thread in the margin, on its words, and Aliya's annotation in the summary.
    const teacher = (await instructor.open(e2e.browser)).page;
    await openLive(teacher, readingPath);
    expect(await marginOf(teacher).innerText()).toContain(COMMENT);
    expect(await highlighted(teacher)).toEqual([QUOTED]);
    await teacher.goto(`/courses/${courseId}/participation`, { waitUntil: 'networkidle' });
    const row = teacher.getByRole('row', { name: /Aliya Karimova/ });
    expect((await row.getByRole('cell').allTextContents()).slice(0, 3).map((text) => text.trim())).toEqual([
      'Caspian',
      '1',
      '0',
    ]);
    expect(
      await teacher
        .getByRole('row', { name: /Bolat Serik/ })
        .getByRole('cell')
        .nth(1)
        .innerText(),
    ).toBe('0');

    const list = `/api/courses/${courseId}/readings/${readingId}/annotations`;
    const startOf = async () => {
      const [thread] = await instructor.call<Listed[]>('GET', list);
      return thread!.target!.selector.find((s) => s.type === 'TextPositionSelector')!.start!;
    };
    const startBefore = await startOf();
    // Bolat's page is the same page throughout: a mark set on it now would be gone after a reload.
    await b.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    await saveNextEdition(instructor, courseId, readingId);
    // The re-anchoring job carries the thread along the inserted sentence.
    await expect.poll(startOf, { timeout: 30_000 }).toBe(startBefore + NEW_SENTENCE.length + 1);

    // Without reloading, Bolat learns of the new version; meanwhile the highlight stays on its words.
    const notice = b.getByRole('status').filter({ hasText: 'A new version of this reading (version 2) was saved' });
    await notice.waitFor({ timeout: 10_000 });
    expect(await highlighted(b)).toEqual([QUOTED]);
    expect(await b.locator('#reading-view').innerText()).not.toContain(NEW_SENTENCE);
    await notice.getByRole('button', { name: 'Show the new version' }).click();
    await expect.poll(() => b.locator('#reading-view').innerText()).toContain(NEW_SENTENCE);
    await expect.poll(() => highlighted(b)).toEqual([QUOTED]);
    expect(await notice.count()).toBe(0);
    expect(await b.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await marginOf(b).innerText()).toContain(COMMENT);

    // The instructor, opening the reader anew, finds it on the same words of version 2.
    await openLive(teacher, readingPath);
    expect(await teacher.locator('#reading-view').innerText()).toContain(NEW_SENTENCE);
    expect(await highlighted(teacher)).toEqual([QUOTED]);
    expect(await marginOf(teacher).innerText()).toContain(COMMENT);
  }, 120_000);
});
