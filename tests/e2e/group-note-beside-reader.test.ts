// Two students of one group write their group's note beside the reading, live: each sees the
// other's words as they type; a student of another group is not shown that note.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { endToEnd } from '../support/e2e.js';
import { courseWithStudent, importReading, readingWithNotes, signUpOverApi } from '../support/course-setup.js';

const e2e = endToEnd();
const NOTE_TITLE = 'Notes on The Caspian Crossing';

const noteEditor = (page: Page) => page.getByRole('textbox', { name: NOTE_TITLE });

describe('group notes beside the reader', () => {
  it('lets two students of a group write one note together, unseen by another group', async () => {
    const url = e2e.app.url;
    const instructor = await signUpOverApi(url, 'Dana Instructor');
    const aliya = await signUpOverApi(url, 'Aliya Karimova');
    const bolat = await signUpOverApi(url, 'Bolat Serik');
    const rival = await signUpOverApi(url, 'Ruslan Other');
    const { courseId, weekId, joinCode } = await courseWithStudent(instructor, aliya);
    for (const student of [bolat, rival]) await student.call('POST', '/api/courses/join', { code: joinCode });
    const readingId = await importReading(instructor, courseId, readingWithNotes);
    // Students see a reading once it is assigned.
    await instructor.call('POST', `/api/courses/${courseId}/assignments`, { moduleId: weekId, readingId });
    const groups = `/api/courses/${courseId}/groups`;
    const caspian = (await instructor.call('POST', groups, { name: 'Caspian' })).id;
    const steppe = (await instructor.call('POST', groups, { name: 'Steppe' })).id;
    for (const [student, groupId] of [
      [aliya, caspian],
      [bolat, caspian],
      [rival, steppe],
    ] as const) {
      const me = await student.call('GET', '/api/auth/me');
      await instructor.call('PUT', `${groups}/${groupId}/members/${me.id}`);
    }
    const readingPath = `/courses/${courseId}/readings/${readingId}`;

    const a = (await aliya.open(e2e.browser)).page;
    const b = (await bolat.open(e2e.browser)).page;
    // The editor, its carets and the socket to /collab all run under the page's CSP.
    const violations: string[] = [];
    a.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
    });
    await a.goto(readingPath, { waitUntil: 'networkidle' });
    await b.goto(readingPath, { waitUntil: 'networkidle' });
    const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Study notes' });
    // Beside the text on a desktop: the annotations, or the notes by their tab, the whole column each.
    const annotationsOf = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
    expect(await annotationsOf(a).isVisible()).toBe(true);
    expect(await panelOf(a).isVisible()).toBe(false);
    // The tab says how many notes there are on this reading, once there are any.
    expect(await a.getByRole('tab', { name: 'Notes', exact: true }).count()).toBe(1);
    for (const page of [a, b]) await page.getByRole('tab', { name: 'Notes' }).click();
    expect(await annotationsOf(a).isVisible()).toBe(false);
    expect(await a.getByRole('heading', { name: 'The Caspian Crossing', level: 1 }).isVisible()).toBe(true);
    expect(await panelOf(a).innerText()).toContain('No group notes on this reading yet.');

    await panelOf(a).getByRole('button', { name: 'Start our group note' }).click();
    await noteEditor(a).waitFor();
    // Once it exists, the group has its note: no second one is offered.
    await expect.poll(() => panelOf(a).getByRole('button', { name: 'Start our group note' }).count()).toBe(0);

    // The notes stay chosen through a new load.
    await b.reload({ waitUntil: 'networkidle' });
    await noteEditor(b).waitFor();
    expect(await b.getByRole('tab', { name: 'Notes 1', exact: true }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => panelOf(a).getByRole('status').first().innerText()).toContain('all changes saved');
    await expect.poll(() => panelOf(b).getByRole('status').first().innerText()).toContain('all changes saved');

    await noteEditor(a).click();
    await a.keyboard.type('Aktau doubled its container traffic.');
    // B starts a paragraph of their own once A's sentence has reached them: a split of the very
    // paragraph A is still typing into can move A's last letters (y-prosemirror diffs whole nodes).
    await expect
      .poll(() => noteEditor(b).innerText(), { timeout: 10_000 })
      .toContain('Aktau doubled its container traffic.');
    await noteEditor(b).click();
    await b.keyboard.press('Control+End');
    await b.keyboard.press('Enter');
    await b.keyboard.type('The railway was the bottleneck.');

    for (const page of [a, b]) {
      await expect
        .poll(() => noteEditor(page).innerText(), { timeout: 10_000 })
        .toContain('Aktau doubled its container traffic.');
      await expect
        .poll(() => noteEditor(page).innerText(), { timeout: 10_000 })
        .toContain('The railway was the bottleneck.');
      await expect.poll(() => panelOf(page).innerText()).toContain('Here now: Aliya Karimova, Bolat Serik');
    }
    expect(violations).toEqual([]);

    // The course search finds the note by what was just written, and its hit opens that note beside
    // the reading: on a phone, the note in place of the text.
    const phone = (await aliya.open(e2e.browser, { width: 390, height: 844 })).page;
    await phone.goto(`/courses/${courseId}/search?q=bottleneck`, { waitUntil: 'networkidle' });
    await phone.getByRole('region', { name: 'Notes' }).getByRole('link', { name: NOTE_TITLE }).click();
    await phone.waitForURL((address) => address.pathname === readingPath);
    await expect.poll(() => noteEditor(phone).innerText()).toContain('The railway was the bottleneck.');
    expect(await phone.getByRole('heading', { name: 'The Caspian Crossing', level: 1 }).isVisible()).toBe(false);
    // A note about no reading is found by its title and opens beside the course's reading, the panel
    // then on her own notes.
    const essayTitle = 'Essay plan: corridors and chokepoints';
    const essay = await aliya.call<{ id: string; readingId: string | null }>('POST', `/api/courses/${courseId}/notes`, {
      title: essayTitle,
      scope: 'personal',
    });
    expect(essay.readingId).toBeNull();
    await phone.goto(`/courses/${courseId}/search?q=chokepoints`, { waitUntil: 'networkidle' });
    await phone.getByRole('region', { name: 'Notes' }).getByRole('link', { name: essayTitle }).click();
    await phone.waitForURL(
      (address) => address.pathname === readingPath && address.searchParams.get('note') === essay.id,
    );
    await phone.getByRole('textbox', { name: essayTitle }).waitFor();
    const whose = phone.getByRole('navigation', { name: 'Whose notes' });
    expect(await whose.getByRole('link', { name: 'Mine' }).getAttribute('aria-current')).toBe('page');

    // A student of the other group, on a phone: the notes are a tab beside the reading's, without that note.
    const r = (await rival.open(e2e.browser, { width: 390, height: 844 })).page;
    await r.goto(readingPath, { waitUntil: 'networkidle' });
    const theirs = panelOf(r);
    expect(await theirs.isVisible()).toBe(false);
    // Not even the number of the other group's notes shows.
    await r.getByRole('tab', { name: 'Notes', exact: true }).click();
    await theirs.waitFor();
    expect(await r.getByRole('heading', { name: 'The Caspian Crossing', level: 1 }).isVisible()).toBe(false);
    expect(await theirs.innerText()).toContain('No group notes on this reading yet.');
    expect(await theirs.innerText()).not.toContain(NOTE_TITLE);
    expect(await theirs.getByRole('button', { name: 'Start our group note' }).isVisible()).toBe(true);
    expect(await r.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The instructor reads the group's note as it is written, and cannot write in it.
    const t = (await instructor.open(e2e.browser)).page;
    await t.goto(readingPath, { waitUntil: 'networkidle' });
    await t.getByRole('tab', { name: 'Notes 1', exact: true }).click();
    await expect.poll(() => noteEditor(t).innerText()).toContain('The railway was the bottleneck.');
    expect(await noteEditor(t).getAttribute('contenteditable')).toBe('false');
    expect(await panelOf(t).innerText()).toContain('Read only');
    expect(await panelOf(t).getByRole('button', { name: 'Start our group note' }).count()).toBe(0);
  });
});
