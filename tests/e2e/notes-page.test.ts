// The course's Notes page: a student on a phone finds every note she may read (her group's and her
// own, never another group's), opens one beside its reading, and starts a new one there, which the
// Notes tab of an instructor reading that reading counts at once; the instructor's Notes page shows
// every group's notes, each read-only. Either can narrow the list to one reading's notes.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { endToEnd } from '../support/e2e.js';
import { twoGroupsOnReading } from '../support/course-setup.js';

const e2e = endToEnd();
const PHONE = { width: 390, height: 844 };
const GROUP_NOTE = 'Caspian: ports and railways';
const ESSAY = 'Essay plan: corridors';

const sectionOf = (page: Page, heading: string | RegExp) => page.getByRole('region', { name: heading });

describe('the Notes page', () => {
  it('lists the notes each person may read and opens them beside their reading', async () => {
    const { instructor, aliya, rival, courseId, readingId } = await twoGroupsOnReading(e2e.app.url);
    const notes = `/api/courses/${courseId}/notes`;
    await rival.call('POST', notes, { title: 'Steppe notes', scope: 'group', readingId });
    const groupNote = await aliya.call<{ id: string }>('POST', notes, { title: GROUP_NOTE, scope: 'group', readingId });
    await aliya.call('POST', notes, { title: ESSAY, scope: 'personal' });
    const readingPath = `/courses/${courseId}/readings/${readingId}`;

    const a = (await aliya.open(e2e.browser, PHONE)).page;
    await a.goto(`/courses/${courseId}`, { waitUntil: 'networkidle' });
    await a.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: 'Notes' }).click();
    await a.getByRole('heading', { name: 'Notes', level: 2 }).waitFor();
    const ours = sectionOf(a, 'Your group: Caspian (1)');
    expect(await ours.getByRole('link').allInnerTexts()).toEqual([GROUP_NOTE]);
    expect(await ours.innerText()).toContain('On The Caspian Crossing');
    const mine = sectionOf(a, 'Your personal notes (1)');
    expect(await mine.getByRole('link').allInnerTexts()).toEqual([ESSAY]);
    expect(await mine.innerText()).toContain('About no one reading');
    expect(await a.locator('main').innerText()).not.toContain('Steppe notes');

    // Narrowed to one reading, or to the notes about none: the choice is in the address, to share or
    // come back to, and each choice says how many notes it holds.
    await a.getByLabel('Filter by reading').selectOption({ label: 'No one reading (1)' });
    await a.waitForURL((address) => address.searchParams.get('about') === 'none');
    await sectionOf(a, 'Your group: Caspian (0)').getByText('None about no one reading.').waitFor();
    expect(await sectionOf(a, 'Your personal notes (1)').getByRole('link').allInnerTexts()).toEqual([ESSAY]);
    expect(await a.getByRole('status').innerText()).toBe('1 of 2 notes is about no one reading.');
    await a.getByLabel('Filter by reading').selectOption({ label: 'The Caspian Crossing (1)' });
    await a.waitForURL((address) => address.searchParams.get('about') === readingId);
    expect(await sectionOf(a, 'Your group: Caspian (1)').getByRole('link').allInnerTexts()).toEqual([GROUP_NOTE]);
    expect(await sectionOf(a, 'Your personal notes (0)').innerText()).toContain('None about The Caspian Crossing.');
    // A reading that is not the course's narrows nothing, and says so.
    await a.goto(`/courses/${courseId}/notes?about=00000000-0000-4000-8000-000000000000`, { waitUntil: 'networkidle' });
    await a.getByText("That reading is not one of this course's, so every note is shown.").waitFor();
    expect(await sectionOf(a, 'Your personal notes (1)').getByRole('link').allInnerTexts()).toEqual([ESSAY]);
    await a.getByLabel('Filter by reading').selectOption({ label: 'All readings (2)' });
    await sectionOf(a, 'Your group: Caspian (1)').waitFor();

    // A note opens in the reader's notes panel: on a phone, in place of the text.
    await ours.getByRole('link', { name: GROUP_NOTE }).click();
    await a.waitForURL(
      (address) => address.pathname === readingPath && address.searchParams.get('note') === groupNote.id,
    );
    await a.getByRole('textbox', { name: GROUP_NOTE, exact: true }).waitFor();

    // The instructor, reading with the annotations beside the text: the Notes tab's count follows a
    // note started now, without a reload.
    const t = (await instructor.open(e2e.browser)).page;
    await t.goto(readingPath, { waitUntil: 'networkidle' });
    const margin = t.getByRole('complementary', { name: 'Annotations' });
    await expect.poll(() => margin.getByText('Live', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    expect(await t.getByRole('tab', { name: 'Notes 2', exact: true }).count()).toBe(1);
    // What the instructor's page loads again on the news: the notes, not the reading beside them.
    const reloaded: string[] = [];
    const isPageData = (url: URL) => url.pathname.endsWith('/__data.json');
    await t.route(isPageData, async (route) => {
      const response = await route.fetch();
      reloaded.push(await response.text());
      // The page may have given this load up for a later one meanwhile.
      await route.fulfill({ response }).catch(() => undefined);
    });

    // A new note, started from the list narrowed to the reading: it is about that reading unless she
    // chooses otherwise. A title of spaces is refused with the reason, nothing created, the list still
    // narrowed (also without JavaScript, where the form's answer is a page of its own).
    await a.goto(`/courses/${courseId}/notes?about=${readingId}`, { waitUntil: 'networkidle' });
    await a.getByText('New note', { exact: true }).click();
    expect(await a.getByLabel('About').inputValue()).toBe(readingId);
    const create = a.getByRole('button', { name: 'Create note' });
    expect(await create.evaluate((button) => (button as HTMLButtonElement).form!.getAttribute('action'))).toBe(
      `?about=${readingId}&/create`,
    );
    await a.getByLabel('Title').fill('   ');
    await create.click();
    await a.getByText('Enter a title.').waitFor();
    expect((await aliya.call<unknown[]>('GET', notes)).length).toBe(2);
    expect(await a.getByLabel('About').inputValue()).toBe(readingId);
    await a.getByLabel('Title').fill('Week 1 debate prep');
    await a.getByRole('radio', { name: 'Our group' }).check();
    await create.click();
    await a.waitForURL((address) => address.pathname === readingPath && address.searchParams.has('note'));
    // A group note about a reading starts from the reading's section headings.
    const created = a.getByRole('textbox', { name: 'Week 1 debate prep', exact: true });
    await expect.poll(() => created.innerText()).toContain('The Railways');
    await t.getByRole('tab', { name: 'Notes 3', exact: true }).waitFor({ timeout: 10_000 });
    await t.unroute(isPageData);
    expect(reloaded.some((body) => body.includes('Week 1 debate prep'))).toBe(true);
    expect(reloaded.some((body) => body.includes('Doubling it became'))).toBe(false);
    await a.goto(`/courses/${courseId}/notes`, { waitUntil: 'networkidle' });
    expect(await sectionOf(a, 'Your group: Caspian (2)').getByRole('link').allInnerTexts()).toContain(
      'Week 1 debate prep',
    );

    // The instructor sees each group's notes, in the course's order of groups, read-only.
    await t.goto(`/courses/${courseId}/notes`, { waitUntil: 'networkidle' });
    expect(await sectionOf(t, 'Steppe (1)').getByRole('link').allInnerTexts()).toEqual(['Steppe notes']);
    const theirs = sectionOf(t, 'Caspian (2)');
    expect((await theirs.getByRole('link').allInnerTexts()).sort()).toEqual([GROUP_NOTE, 'Week 1 debate prep'].sort());
    expect(await theirs.getByText('Read only').count()).toBe(2);
    expect(await sectionOf(t, 'Your personal notes (0)').innerText()).toContain(
      'Only you can read your personal notes.',
    );
    // Staff write personal notes only: the group choice is not theirs to make.
    await t.getByText('New note', { exact: true }).click();
    expect(await t.getByRole('radio', { name: 'Our group' }).isDisabled()).toBe(true);
  });
});
