// A student selects words in the reader and quotes them into the group's note; a groupmate sees
// the citation in the note, follows it back to the reader and lands on those words, highlighted,
// with the passage marked as cited by that note.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { endToEnd } from '../support/e2e.js';
import { groupOnReading } from '../support/course-setup.js';
import { select } from '../support/reader.js';

const e2e = endToEnd();
const NOTE_TITLE = 'Notes on The Caspian Crossing';
const QUOTED = 'the berths too shallow';

const noteEditor = (page: Page) => page.getByRole('textbox', { name: NOTE_TITLE });
const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Study notes' });

/** Whether the selection's bar lies over any of the selected words. */
function barCoversSelection(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const bar = document.querySelector('[role="toolbar"][aria-label="Selected words"]')!.getBoundingClientRect();
    const words = [...document.getSelection()!.getRangeAt(0).getClientRects()];
    return words.some((w) => w.left < bar.right && w.right > bar.left && w.top < bar.bottom && w.bottom > bar.top);
  });
}

describe('quoting the reader into a note, and following the citation back', () => {
  it('puts the selected words into the group note as a citation that opens the reader on them', async () => {
    const url = e2e.app.url;
    const {
      students: [aliya, bolat],
      courseId,
      readingId,
      readingPath,
    } = await groupOnReading(url, ['Aliya Karimova', 'Bolat Serik']);

    const a = (await aliya.open(e2e.browser)).page;
    await a.goto(readingPath, { waitUntil: 'networkidle' });
    // With no note open, the selection says what to do first, and pressing it brings the notes
    // beside the text.
    await select(a, QUOTED);
    // The bar, wrapped onto two rows by the reader's own buttons, leaves the selected words in view.
    await expect.poll(() => barCoversSelection(a)).toBe(false);

    expect(await panelOf(a).isVisible()).toBe(false);
    await a.getByRole('button', { name: 'Open or start a note to quote into' }).click();
    await panelOf(a).getByRole('button', { name: 'Start our group note' }).click();
    await noteEditor(a).waitFor();
    await expect.poll(() => panelOf(a).getByRole('status').first().innerText()).toContain('all changes saved');
    // With the annotations beside the text instead, quoting brings the note back beside it.
    await a.getByRole('tab', { name: 'Annotations' }).click();
    expect(await noteEditor(a).isVisible()).toBe(false);
    await select(a, QUOTED);
    await a
      .getByRole('toolbar', { name: 'Selected words' })
      .getByRole('button', { name: /Quote in note/ })
      .click();

    await expect
      .poll(() => a.getByRole('status').filter({ hasText: 'Quoted into' }).innerText())
      .toBe(`Quoted into ${NOTE_TITLE}`);
    expect(await a.getByRole('tab', { name: 'Notes' }).getAttribute('aria-selected')).toBe('true');
    expect(await noteEditor(a).isVisible()).toBe(true);
    const citationIn = (page: Page) => noteEditor(page).locator('blockquote[data-citation]');
    expect(await citationIn(a).locator('[data-citation-quote]').innerText()).toBe(QUOTED);
    expect(await citationIn(a).locator('cite').innerText()).toBe('The Caspian Crossing');
    // Quoted, the words are no longer selected: the bar goes.
    expect(await a.getByRole('toolbar', { name: 'Selected words' }).count()).toBe(0);
    // From the annotations, W goes back to writing in the note.
    await a.getByRole('tab', { name: 'Annotations' }).click();
    await a.keyboard.press('w');
    // As a writer waits for the caret: the editor takes focus a frame later (Tiptap's focus command).
    await expect.poll(() => noteEditor(a).evaluate((editor) => editor.contains(document.activeElement))).toBe(true);
    await a.keyboard.type('Why Aktau first?');
    await expect.poll(() => noteEditor(a).innerText()).toContain('Why Aktau first?');

    // A groupmate sees the citation in the note and follows it to the reader.
    const b = (await bolat.open(e2e.browser)).page;
    await b.goto(readingPath, { waitUntil: 'networkidle' });
    await b.getByRole('tab', { name: 'Notes' }).click();
    await expect.poll(() => citationIn(b).count(), { timeout: 10_000 }).toBe(1);
    await b.getByRole('link', { name: 'Open in reading' }).click();
    await b.waitForURL(/[?&]passage=\d+-\d+/);
    await expect.poll(() => b.locator('mark.passage').allInnerTexts()).toEqual([QUOTED]);
    expect(await b.getByRole('status').filter({ hasText: 'linked passage' }).innerText()).toContain(
      'The linked passage is highlighted.',
    );

    // Once the note is stored with its citation, the reader marks the passage as cited by it.
    await expect
      .poll(
        async () =>
          (await bolat.call<unknown[]>('GET', `/api/courses/${courseId}/readings/${readingId}/citations`)).length,
      )
      .toBe(1);
    await b.reload({ waitUntil: 'networkidle' });
    expect(await b.locator('mark.cited').allInnerTexts()).toEqual([QUOTED]);
    await b.getByRole('button', { name: 'Cited in 1 note' }).click();
    const cited = b.getByRole('dialog', { name: 'Cited in 1 note' });
    expect(await cited.getByRole('link', { name: NOTE_TITLE }).count()).toBe(1);
    expect(await cited.innerText()).toContain(QUOTED);
  });
});
