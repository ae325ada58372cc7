// axe-core, run in Chromium over the main pages as a student, staff and a visitor see them, finds
// no serious or critical violation; label-content-name-mismatch (an accessible name that does not
// start with the visible words, which voice control users speak) is switched on, as axe leaves it off.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations, type AxeFinding } from '../support/axe.js';
import { endToEnd } from '../support/e2e.js';
import { importDraft, readingWithNotes, seededCourse } from '../support/course-setup.js';

const e2e = endToEnd();
/** axe leaves this rule off by default; it is the one voice control users trip over. */
const withNameMismatch = { rules: { 'label-content-name-mismatch': { enabled: true } } };

describe('accessibility of the main pages', () => {
  it('axe finds no serious violation for a visitor, an instructor or a student', async () => {
    const { instructor, student, courseId, readingId } = await seededCourse(e2e.app.url);
    const draftId = await importDraft(instructor, courseId, readingWithNotes);
    const course = `/courses/${courseId}`;
    const found: Record<string, AxeFinding[]> = {};
    const check = async (page: Page, who: string, path: string, prepare?: () => Promise<void>) => {
      await page.goto(path, { waitUntil: 'networkidle' });
      await prepare?.();
      const violations = await seriousViolations(page, withNameMismatch);
      if (violations.length) found[`${who} ${path}`] = violations;
    };

    const visitor = await e2e.browser.newContext({ baseURL: e2e.app.url });
    const visitorPage = await visitor.newPage();
    for (const path of ['/login', '/signup']) await check(visitorPage, 'visitor', path);

    const staff = (await instructor.open(e2e.browser)).page;
    for (const path of [
      '/courses',
      course,
      `${course}/readings`,
      `${course}/readings/${readingId}`,
      `${course}/search?q=ferries`,
      `${course}/people`,
      `${course}/notes`,
      `${course}/readings/import`,
      `${course}/readings/import/${draftId}`,
    ])
      await check(staff, 'instructor', path);
    // The week's forms, open.
    await check(staff, 'instructor (forms open)', course, async () => {
      for (const summary of await staff.locator('summary').all()) await summary.click();
    });

    const learner = (await student.open(e2e.browser)).page;
    for (const path of ['/courses', course, `${course}/readings`, `${course}/people`, `${course}/notes`])
      await check(learner, 'student', path);
    await check(learner, 'student (new note form open)', `${course}/notes`, async () => {
      await learner.getByText('New note', { exact: true }).click();
    });
    await check(learner, 'student (note open)', `${course}/readings/${readingId}`, async () => {
      await learner.getByRole('button', { name: 'Note 1' }).click();
      await learner.getByRole('dialog').waitFor();
    });
    // A wiki page with a [[link]] to one not written, and the wiki's home listing it as wanted.
    const wikiPage = await student.call<{ slug: string }>('POST', `/api/courses/${courseId}/wiki`, {
      title: 'Ferry routes',
    });
    await check(learner, 'student (wiki page)', `${course}/wiki/${wikiPage.slug}`, async () => {
      const editor = learner.getByRole('textbox', { name: 'Ferry routes' });
      await editor.click();
      await learner.keyboard.type('See [[Port of Aktau');
      await learner.getByRole('option', { name: 'New page “Port of Aktau”' }).waitFor();
      await learner.keyboard.press('Enter');
      await expect.poll(() => learner.getByRole('status').first().innerText()).toContain('all changes saved');
    });
    await check(learner, 'student (wiki home)', `${course}/wiki`, async () => {
      // The page's links are stored as its editor leaves it, which this load may overtake.
      await expect
        .poll(async () => {
          await learner.reload({ waitUntil: 'networkidle' });
          return learner.getByRole('button', { name: 'Write it: Port of Aktau' }).count();
        })
        .toBe(1);
    });

    expect(found).toEqual({});
  });
});
