// A student reading a note can follow the web address it cites (a real link, opened safely), and
// a reading the importer found to be an excerpt says so, with the address of the full text.
import { describe, expect, it } from 'vitest';
import { endToEnd } from '../support/e2e.js';
import { FULL_TEXT_URL, NOTE_URL, seededCourse } from '../support/course-setup.js';

const e2e = endToEnd();

describe('the reader', () => {
  it('links the addresses in notes, and nothing that is not http(s)', async () => {
    const { student, courseId, readingId } = await seededCourse(e2e.app.url);
    const { page } = await student.open(e2e.browser);
    await page.goto(`/courses/${courseId}/readings/${readingId}`, { waitUntil: 'networkidle' });

    await page.getByRole('button', { name: 'Note 1' }).click();
    const link = page.getByRole('dialog').getByRole('link', { name: NOTE_URL });
    expect(await link.getAttribute('href')).toBe(NOTE_URL);
    expect((await link.getAttribute('rel'))?.split(' ')).toContain('noopener');
    // The full stop after the address is the sentence's, not the link's.
    expect(await page.getByRole('dialog').innerText()).toContain(`${NOTE_URL}. Accessed in May.`);
    await page.keyboard.press('Escape');

    const notes = page.getByRole('region', { name: 'Notes' });
    expect(await notes.getByRole('link', { name: NOTE_URL }).getAttribute('href')).toBe(NOTE_URL);
    expect(await notes.innerText()).toContain('(javascript:alert(1) is not a link)');
    const hrefs = await notes.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.filter((href) => !href.startsWith('#'))).toEqual([NOTE_URL]);
  });

  it('tells a student that a reading is an excerpt, with the link to its full text', async () => {
    const { student, courseId, readingId } = await seededCourse(e2e.app.url);
    const { page } = await student.open(e2e.browser);
    await page.goto(`/courses/${courseId}/readings/${readingId}`, { waitUntil: 'networkidle' });
    const notice = page.getByText('This reading is an excerpt.');
    await notice.waitFor();
    const full = page.locator('[data-code="EXCERPT_ONLY"]').getByRole('link', { name: FULL_TEXT_URL });
    expect(await full.getAttribute('href')).toBe(FULL_TEXT_URL);
    expect((await full.getAttribute('rel'))?.split(' ')).toContain('noopener');
  });
});
