// What an instructor and a student tripped over on the course home, in Chromium: deleting a week
// asks first and can be undone, unassigning can be undone, weeks and the course can be edited,
// progress shows without a reload, skimming to the end is not finishing, and staff see who has
// read what, with a CSV download.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { endToEnd } from '../support/e2e.js';
import { signUpInBrowser, type Person } from '../support/people.js';

const e2e = endToEnd();

/** About 1,300 words in four sections: some five minutes of reading. */
const longReading = [
  'The Caspian Ferries',
  'By Aliya Karimova',
  ...['Ports', 'Railways', 'Ferries', 'Diplomacy'].flatMap((section, s) => [
    section,
    ...Array.from({ length: 6 }, (_, p) =>
      Array.from(
        { length: 4 },
        (_, n) =>
          `In ${section.toLowerCase()} note ${s * 24 + p * 4 + n + 1}, the ferry from Aktau waited ${n + 2} days for a berth while the cargo was counted again.`,
      ).join(' '),
    ),
  ]),
].join('\n\n');

/** Calls the API as a person of the browser, with their session cookie. */
async function apiAs(person: Person, method: string, path: string, body?: unknown) {
  const cookie = (await person.context.cookies()).find((c) => c.name === 'cp_session');
  const response = await fetch(`${e2e.app.url}${path}`, {
    method,
    headers: { cookie: `cp_session=${cookie?.value}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

/** A course with one week holding the long reading, due on a set date, and a student in it. */
async function courseWithWeek() {
  const instructor = await signUpInBrowser(e2e.browser, e2e.app.url, 'Dana Instructor');
  const course = await apiAs(instructor, 'POST', '/api/courses', { title: 'Caspian Seminar', term: 'Spring 2027' });
  const c = `/api/courses/${course.id}`;
  let draft = await apiAs(instructor, 'POST', `${c}/imports/paste`, { text: longReading });
  while (draft.status === 'PROCESSING') {
    await new Promise((resolve) => setTimeout(resolve, 100));
    draft = await apiAs(instructor, 'GET', `${c}/imports/${draft.id}`);
  }
  const reading = await apiAs(instructor, 'POST', `${c}/imports/${draft.id}/save`, {});
  const week = await apiAs(instructor, 'POST', `${c}/modules`, { title: 'Week 1: Ports', startsOn: '2027-02-01' });
  const dueAt = '2027-02-05T17:00:00.000Z';
  await apiAs(instructor, 'POST', `${c}/assignments`, { moduleId: week.id, readingId: reading.id, dueAt });
  const student = await signUpInBrowser(e2e.browser, e2e.app.url, 'Aigerim Student');
  await apiAs(student, 'POST', '/api/courses/join', { code: course.joinCode });
  return { instructor, student, courseId: course.id as string, api: c, readingId: reading.id as string, dueAt };
}

const home = (page: Page, courseId: string) => page.goto(`/courses/${courseId}`, { waitUntil: 'networkidle' });
const dueDates = async (person: Person, api: string) =>
  ((await apiAs(person, 'GET', `${api}/assignments`)) as { moduleTitle: string; dueAt: string }[]).map(
    (a) => `${a.moduleTitle} ${a.dueAt}`,
  );

describe('staff tools on the course home', () => {
  it('deletes a week only after asking, and Undo brings it back with its reading and due date', async () => {
    const { instructor, courseId, api, dueAt } = await courseWithWeek();
    const page = instructor.page;
    await home(page, courseId);
    const week = page.getByRole('region', { name: 'Week 1: Ports' });
    await week.getByText('Edit week').click();
    await week.getByRole('button', { name: 'Delete week…' }).click();
    const asking = week.getByRole('group', { name: 'Delete week' });
    expect(await asking.textContent()).toContain('Delete “Week 1: Ports” and unassign its reading? You can undo this.');
    await asking.getByRole('button', { name: 'Cancel' }).click();
    expect(await dueDates(instructor, api)).toEqual([`Week 1: Ports ${dueAt}`]);

    await week.getByRole('button', { name: 'Delete week…' }).click();
    await asking.getByRole('button', { name: 'Delete week' }).click();
    const toast = page.getByRole('status').filter({ hasText: 'Deleted “Week 1: Ports” and unassigned its reading.' });
    await toast.waitFor();
    await page.getByText('No weeks yet').waitFor();
    expect(await dueDates(instructor, api)).toEqual([]);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Restored “Week 1: Ports” with its reading and due dates.').waitFor();
    await week.getByRole('link', { name: 'The Caspian Ferries' }).waitFor();
    expect(await week.textContent()).toMatch(/from (1 February|February 1)\b/);
    expect(await dueDates(instructor, api)).toEqual([`Week 1: Ports ${dueAt}`]);
  });

  it('unassigns a reading with Undo, which assigns it again with its due date', async () => {
    const { instructor, courseId, api, dueAt } = await courseWithWeek();
    const page = instructor.page;
    await home(page, courseId);
    const week = page.getByRole('region', { name: 'Week 1: Ports' });
    await week.locator('summary', { hasText: 'The Caspian Ferries' }).click();
    await week.getByRole('button', { name: 'Unassign' }).click();
    const toast = page.getByRole('status').filter({ hasText: 'Unassigned.' });
    await toast.waitFor();
    expect(await dueDates(instructor, api)).toEqual([]);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('“The Caspian Ferries” is assigned again.').waitFor();
    expect(await dueDates(instructor, api)).toEqual([`Week 1: Ports ${dueAt}`]);
  });

  it('deletes a group only after asking, saying its members will have no group', async () => {
    const { instructor, student, courseId, api } = await courseWithWeek();
    const group = await apiAs(instructor, 'POST', `${api}/groups`, { name: 'Steppe' });
    const me = await apiAs(student, 'GET', '/api/auth/me');
    await apiAs(instructor, 'PUT', `${api}/groups/${group.id}/members/${me.id}`);
    const page = instructor.page;
    await page.goto(`/courses/${courseId}/people`, { waitUntil: 'networkidle' });
    const card = page.getByRole('region', { name: 'Steppe' });
    await card.getByText('Manage Steppe').click();
    await card.getByRole('button', { name: 'Delete group…' }).click();
    const asking = card.getByRole('group', { name: 'Delete group' });
    expect(await asking.textContent()).toContain('Delete “Steppe”? Its member will have no group.');
    await asking.getByRole('button', { name: 'Cancel' }).click();
    expect(await apiAs(instructor, 'GET', `${api}/groups`)).toHaveLength(1);

    await card.getByRole('button', { name: 'Delete group…' }).click();
    await asking.getByRole('button', { name: 'Delete group' }).click();
    await expect.poll(async () => (await apiAs(instructor, 'GET', `${api}/groups`)).length).toBe(0);
    await page.getByRole('region', { name: 'Steppe' }).waitFor({ state: 'detached' });
  });

  it("edits a week's title and start date inline, and the course's title, term and description", async () => {
    const { instructor, student, courseId } = await courseWithWeek();
    const page = instructor.page;
    await home(page, courseId);
    const week = page.getByRole('region', { name: 'Week 1: Ports' });
    await week.getByText('Edit week').click();
    await week.getByLabel('Title').fill('Week 1: Ports and ferries');
    await week.getByLabel('Starts on').fill('2027-02-08');
    await week.getByRole('button', { name: 'Save week' }).click();
    const renamed = page.getByRole('region', { name: 'Week 1: Ports and ferries' });
    await renamed.getByText(/from (8 February|February 8)\b/).waitFor();

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Course settings' }).waitFor();
    await page.getByLabel('Title').fill('   ');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Enter a title.').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Caspian Seminar');

    await page.getByLabel('Title').fill('Caspian Seminar II');
    await page.getByLabel('Term').fill('Autumn 2027');
    await page.getByLabel('Description').fill('Ports, ferries and the diplomacy that keeps them open.');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('heading', { name: 'Caspian Seminar II', level: 1 }).waitFor();
    await page.getByText('Autumn 2027').first().waitFor();
    await page.getByRole('link', { name: 'Course home' }).click();
    await page.getByText('Ports, ferries and the diplomacy that keeps them open.').waitFor();

    // A student sees the new title, and neither the settings nor the report.
    await home(student.page, courseId);
    await student.page.getByRole('heading', { name: 'Caspian Seminar II', level: 1 }).waitFor();
    expect(await student.page.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    expect(await student.page.getByRole('link', { name: 'Reading report' }).count()).toBe(0);
    const refused = await student.page.goto(`/courses/${courseId}/settings`);
    expect(refused?.status()).toBe(403);
  });
});

describe('reading progress as students and staff see it', () => {
  it('shows progress on the course home without a reload, does not finish a skim, and reports it to staff', async () => {
    const { instructor, student, courseId } = await courseWithWeek();
    const reader = student.page;
    await home(reader, courseId);
    const upNext = reader.getByRole('region', { name: 'Up next' });
    expect(await upNext.textContent()).toContain('Not started');

    // Read a third of the way, then go back to the course home through the tab (no reload).
    await upNext.getByRole('link', { name: 'The Caspian Ferries' }).click();
    await reader.getByRole('heading', { name: 'The Caspian Ferries', level: 1 }).waitFor();
    await reader.mouse.move(400, 400);
    await reader.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 3));
    await reader.mouse.wheel(0, 50);
    // Stays there a moment, then scrolls up to the tabs (the click does) and leaves.
    await reader.waitForTimeout(2500);
    await reader.getByRole('link', { name: 'Course home' }).click();
    await expect.poll(() => upNext.textContent(), { timeout: 10_000 }).toMatch(/[1-9]\d% read/);
    expect(await upNext.textContent()).not.toContain('Not started');

    // Back in the reading, again without a reload: it offers to continue.
    await upNext.getByRole('link', { name: 'The Caspian Ferries' }).click();
    await reader.getByRole('link', { name: 'Continue where you left off' }).waitFor();

    // Scrolling to the end within seconds is not reading it.
    await reader.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await reader.mouse.wheel(0, 50);
    await reader.waitForTimeout(1500);
    await reader.getByRole('link', { name: 'Course home' }).click();
    await expect.poll(() => upNext.textContent(), { timeout: 10_000 }).toMatch(/(99|100)% read/);
    expect(await upNext.textContent()).not.toContain('Finished');

    // Staff see it in the reading report, beside a classmate who has not opened it.
    const classmate = await signUpInBrowser(e2e.browser, e2e.app.url, 'Timur Student');
    const course = await apiAs(instructor, 'GET', `/api/courses/${courseId}`);
    await apiAs(classmate, 'POST', '/api/courses/join', { code: course.joinCode });
    const page = instructor.page;
    await home(page, courseId);
    await page.getByRole('link', { name: 'Reading report' }).click();
    const readings = page.getByRole('region', { name: 'Readings' });
    const summary = readings.getByRole('row', { name: /The Caspian Ferries/ });
    expect(await summary.textContent()).toContain('1 of 2');
    const students = page.getByRole('region', { name: 'Students in “The Caspian Ferries”' });
    const rowNames = () => students.locator('tbody th').allTextContents();
    const aigerim = students.getByRole('row', { name: /Aigerim Student/ });
    expect(Number(await aigerim.getByRole('progressbar').getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(99);
    expect(await aigerim.textContent()).not.toContain('✓');
    expect(await students.getByRole('row', { name: /Timur Student/ }).textContent()).toContain('Not opened');

    // Sortable: by name first, then the furthest reader first.
    expect(await rowNames()).toEqual([
      expect.stringContaining('Aigerim Student'),
      expect.stringContaining('Timur Student'),
    ]);
    await students.getByRole('button', { name: 'Student' }).click();
    expect((await rowNames())[0]).toContain('Timur Student');
    await students.getByRole('button', { name: 'Furthest point' }).click();
    expect(await students.getByRole('columnheader', { name: 'Furthest point' }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    expect((await rowNames())[0]).toContain('Aigerim Student');
    // Turned around, and kept in the address: a reload shows the table as it was left.
    await students.getByRole('button', { name: 'Furthest point' }).click();
    await page.reload();
    expect(await students.getByRole('columnheader', { name: 'Furthest point' }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    expect((await rowNames())[0]).toContain('Timur Student');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      students.getByRole('link', { name: 'Download CSV for this reading' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toBe('The Caspian Ferries - reading report.csv');
    expect(csv).toMatch(/The Caspian Ferries,Aigerim Student,[^,]+,,yes,(99|100),[\d.]+,no,/);
    expect(csv).toMatch(/The Caspian Ferries,Timur Student,[^,]+,,no,0,0\.0,no,/);
  });

  it('shows staff a clear empty report before any student has joined', async () => {
    const instructor = await signUpInBrowser(e2e.browser, e2e.app.url, 'Dana Instructor');
    const course = await apiAs(instructor, 'POST', '/api/courses', { title: 'Empty Seminar', term: 'Spring 2027' });
    await instructor.page.goto(`/courses/${course.id}/reports`, { waitUntil: 'networkidle' });
    await instructor.page.getByText('No readings yet').waitFor();
    expect(await instructor.page.getByRole('table').count()).toBe(0);
  });
});
