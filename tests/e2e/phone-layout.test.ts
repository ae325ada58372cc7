// On a 390 px phone every main page fits the screen, the People page keeps Role, Group and
// Remove in view, the course tabs show every tab, and the reader's note markers are big enough
// to tap (24 px, WCAG's target size).
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.js';
import { endToEnd } from '../support/e2e.js';
import { seededCourse } from '../support/course-setup.js';

const PHONE = { width: 390, height: 844 };
const e2e = endToEnd();

/** How much wider than the screen the page is, in CSS pixels (0 when it fits). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Whether the element is wholly on the screen, left to right. */
const onScreen = (element: Locator) =>
  element.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.left >= 0 && box.right <= document.documentElement.clientWidth;
  });

const sizeOf = (element: Locator) =>
  element.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return { width: box.width, height: box.height };
  });

describe('on a 390 px phone', () => {
  it('no main page is wider than the screen, and People keeps every column in view', async () => {
    const { instructor, student, courseId, readingId } = await seededCourse(e2e.app.url);
    const course = `/courses/${courseId}`;
    const pages = [
      '/courses',
      course,
      `${course}/readings`,
      `${course}/readings/${readingId}`,
      `${course}/search?q=ferries`,
      `${course}/people`,
      `${course}/notes`,
      `${course}/readings/import`,
      `${course}/quizzes`,
      `${course}/quizzes/new`,
      `${course}/question-bank`,
      `${course}/gradebook`,
    ];
    const staffOnly = ['/import', '/quizzes/new', '/question-bank'];
    for (const person of [instructor, student]) {
      const { page } = await person.open(e2e.browser, PHONE);
      for (const path of pages) {
        if (person === student && staffOnly.some((end) => path.endsWith(end))) continue;
        await page.goto(path, { waitUntil: 'networkidle' });
        // axe's target-size: every control is 24 px or has room around it to make up for it.
        const smallTargets = await seriousViolations(page, { runOnly: ['target-size'] });
        expect({ path, who: person.name, overflow: await overflow(page), smallTargets }).toEqual({
          path,
          who: person.name,
          overflow: 0,
          smallTargets: [],
        });
      }
    }

    const { page } = await instructor.open(e2e.browser, PHONE);
    await page.goto(`${course}/people`, { waitUntil: 'networkidle' });
    const row = page.getByRole('row', { name: /Timur Akhmetov/ });
    expect(await onScreen(row.getByLabel('Role of Timur Akhmetov', { exact: true }))).toBe(true);
    expect(await onScreen(row.getByRole('cell').filter({ hasText: 'Caspian' }))).toBe(true);
    expect(await onScreen(row.getByRole('button', { name: 'Remove… Timur Akhmetov from the course' }))).toBe(true);
  });

  it('the course tabs all show, none cut off, and the note markers are at least 24 px', async () => {
    const { student, courseId, readingId } = await seededCourse(e2e.app.url);
    const { page } = await student.open(e2e.browser, PHONE);
    await page.goto(`/courses/${courseId}`, { waitUntil: 'networkidle' });
    const tabs = page.getByRole('navigation', { name: 'Course' }).getByRole('link');
    expect(await tabs.allInnerTexts()).toEqual([
      'Course home',
      'Readings',
      'Notes',
      'Wiki',
      'Quizzes',
      'Search',
      'People and groups',
      'Grades',
    ]);
    for (const tab of await tabs.all()) {
      expect(await onScreen(tab)).toBe(true);
      const cut = await tab.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const strip = el.parentElement!.getBoundingClientRect();
        return box.right > strip.right + 0.5 || el.parentElement!.scrollWidth > el.parentElement!.clientWidth;
      });
      expect(cut).toBe(false);
    }

    await page.goto(`/courses/${courseId}/readings/${readingId}`, { waitUntil: 'networkidle' });
    const markers = page.getByRole('button', { name: /^Note \d+$/ });
    expect(await markers.count()).toBe(3);
    const backLinks = page.getByRole('link', { name: /^Back to reference/ });
    for (const target of [...(await markers.all()), ...(await backLinks.all())]) {
      const size = await sizeOf(target);
      expect(size.width).toBeGreaterThanOrEqual(24);
      expect(size.height).toBeGreaterThanOrEqual(24);
    }
    // A marker opens its note.
    await markers.first().click();
    await page.getByRole('dialog').getByText('Port statistics for 2023').waitFor();
  });
});
