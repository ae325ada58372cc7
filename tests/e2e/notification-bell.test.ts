// A mention arrives while a student has a page open: the bell's count goes up without a reload,
// the list says who mentioned them where and opens the annotation, "Mark all read" clears it; the
// full page lists it too, it works by keyboard and on a phone, and the annotation is found by the
// course search. Annotations and notifications are written into the database, as the annotations
// API writes them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@commonplace/db/testing';
import { launchBrowser } from '../support/browser.js';
import { startApp, type RunningApp } from '../support/app.js';
import { groupOnReading } from '../support/course-setup.js';
import { seriousViolations } from '../support/axe.js';
import { keepScreenshotOnFailure } from '../support/screenshots.js';

let browser: Browser;
let database: TestDatabase;
let app: RunningApp;
let db: pg.Client;
beforeAll(async () => {
  browser = await launchBrowser();
  database = await createTestDatabase();
  app = await startApp({ database: { kind: 'shared', database } });
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await browser?.close();
  await app?.stop();
  await database?.drop();
});
keepScreenshotOnFailure(
  () => browser?.contexts().flatMap((c) => c.pages()) ?? [],
  () => app?.output() ?? '',
);

async function mention(courseId: string, readingId: string, author: string, mentioned: string, name: string) {
  const annotationId = randomUUID();
  await db.query(
    `INSERT INTO "Annotation" (id, "courseId", "readingId", "authorId", visibility, body, quote, start, "end", "readingVersion", "updatedAt")
     VALUES ($1, $2, $3, $4, 'COURSE', $5, 'The Caspian', 0, 11, 1, now())`,
    [
      annotationId,
      courseId,
      readingId,
      author,
      `@[${name}](user:${mentioned}) what do you make of the sturgeon quotas?`,
    ],
  );
  await db.query(
    `INSERT INTO "Notification" (id, "userId", "courseId", kind, "annotationId", "actorId") VALUES ($1, $2, $3, 'MENTION', $4, $5)`,
    [randomUUID(), mentioned, courseId, annotationId, author],
  );
  return annotationId;
}

describe('the notification bell', () => {
  it('counts a new mention live, lists it, opens it, and marks all read', async () => {
    const { instructor, students, courseId, readingId } = await groupOnReading(app.url, ['Aru Student']);
    const [aru] = students;
    const aruId = (await aru.call('GET', '/api/auth/me')).id;
    const danaId = (await instructor.call('GET', '/api/auth/me')).id;
    const { page } = await aru.open(browser);
    await page.goto('/courses');
    const bell = page.getByRole('button', { name: /^Notifications/ });
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications, none unread');

    const annotationId = await mention(courseId, readingId, danaId, aruId, 'Aru Student');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications, 1 unread');

    // By keyboard: open, see it, close with Escape back onto the bell.
    await bell.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Notifications' });
    const item = panel.getByRole('link', { name: /Dana Instructor mentioned you/ });
    await item.waitFor();
    expect(await item.textContent()).toContain('@Aru Student what do you make of the sturgeon quotas?');
    expect(await item.getAttribute('href')).toBe(
      `/courses/${courseId}/readings/${readingId}?annotation=${annotationId}`,
    );
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await bell.evaluate((el) => el === document.activeElement)).toBe(true);

    await bell.click();
    await panel.getByRole('button', { name: 'Mark all read' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications, none unread');

    await page.goto('/notifications');
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await page
      .getByRole('main')
      .getByRole('link', { name: /Dana Instructor mentioned you/ })
      .waitFor();
    await page.getByText('You are all caught up.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/courses/${courseId}/search?q=sturgeon`);
    const found = page.getByRole('region', { name: 'Annotations' }).getByRole('link', { name: /sturgeon/ });
    expect(await found.evaluate((a: HTMLAnchorElement) => a.href)).toBe(
      `${app.url}/courses/${courseId}/readings/${readingId}?annotation=${annotationId}`,
    );
  });

  it('shows the list inside a 390 px screen, with an empty state', async () => {
    const { students } = await groupOnReading(app.url, ['Bota Student']);
    const { page } = await students[0].open(browser, { width: 390, height: 844 });
    await page.goto('/courses');
    const bell = page.getByRole('button', { name: /^Notifications/ });
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications, none unread');
    await bell.click();
    const panel = page.getByRole('region', { name: 'Notifications' });
    await panel.getByText('Nothing new').waitFor();
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
