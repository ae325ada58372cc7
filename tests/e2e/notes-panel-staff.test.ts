// The notes panel beside the reader: an instructor switches to a group, reads its note (which
// started from the reading's headings) without being able to write in it, and leaves a comment
// the group's student, with the note open, sees arrive (and go, when deleted) without reloading;
// the student adds a second group note and a private one.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { endToEnd } from '../support/e2e.js';
import { twoGroupsOnReading } from '../support/course-setup.js';
import { holdRequests } from '../support/held-requests.js';

const e2e = endToEnd();
const GROUP_NOTE = 'Caspian: ports and railways';

const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Study notes' });
const editorOf = (page: Page, title: string) => panelOf(page).getByRole('textbox', { name: title, exact: true });

describe('the notes panel', () => {
  it('lets staff read any group’s note and comment on it, and students keep more notes and private ones', async () => {
    const { instructor, aliya, rival, courseId, readingId, steppe, caspian } = await twoGroupsOnReading(e2e.app.url);
    const notes = `/api/courses/${courseId}/notes`;
    await rival.call('POST', notes, { title: 'Steppe notes', scope: 'group', readingId });
    await aliya.call('POST', notes, { title: GROUP_NOTE, scope: 'group', readingId });
    const readingPath = `/courses/${courseId}/readings/${readingId}`;

    // The instructor starts on Steppe's note, switches to Caspian's and reads it, read-only.
    const t = (await instructor.open(e2e.browser)).page;
    await t.goto(readingPath, { waitUntil: 'networkidle' });
    await t.getByRole('tab', { name: 'Notes' }).click();
    const staffPanel = panelOf(t);
    const switcher = staffPanel.getByRole('combobox', { name: 'Group' });
    await switcher.selectOption({ label: 'Steppe' });
    // One switch at a time, as a person makes them: the next choice waits for this page to arrive.
    await expect.poll(() => t.url()).toContain(`group=${steppe}`);
    await editorOf(t, 'Steppe notes').waitFor();
    await switcher.selectOption({ label: 'Caspian' });
    await expect.poll(() => t.url()).toContain(`group=${caspian}`);
    const groupNote = editorOf(t, GROUP_NOTE);
    // The note began as the reading's outline: its section headings, ready to fill in.
    await expect.poll(() => groupNote.innerText(), { timeout: 10_000 }).toContain('The Ports');
    expect(await groupNote.getAttribute('contenteditable')).toBe('false');
    expect(await staffPanel.innerText()).toContain('Read only');
    await groupNote.click();
    await t.keyboard.type('Staff words');

    // The group's student has the note open meanwhile.
    const a = (await aliya.open(e2e.browser)).page;
    await a.goto(readingPath, { waitUntil: 'networkidle' });
    await a.getByRole('tab', { name: 'Notes' }).click();
    const panel = panelOf(a);
    await expect.poll(() => editorOf(a, GROUP_NOTE).innerText(), { timeout: 10_000 }).toContain('The Ports');
    const theirComments = panel.getByRole('region', { name: /Comments/ });
    expect(await theirComments.innerText()).toContain('No comments yet.');

    // The next comment, typed while the first is still on its way, is not wiped when the first lands.
    const commentBox = staffPanel.getByRole('textbox', { name: 'Add a comment' });
    const posted = await holdRequests(t, (url) => url.search === '?/comment');
    await commentBox.fill('Say which agreement came first.');
    await staffPanel.getByRole('button', { name: 'Comment', exact: true }).click();
    await posted.firstHeld;
    await commentBox.fill('Posted too soon.');
    posted.release();
    const comments = staffPanel.getByRole('region', { name: /Comments/ });
    await expect.poll(() => comments.innerText()).toContain('Say which agreement came first.');
    await posted.stop();
    // The button is back from "Posting…" once the first comment's answer is applied.
    await staffPanel.getByRole('button', { name: 'Comment', exact: true }).waitFor();
    expect(await commentBox.inputValue()).toBe('Posted too soon.');
    expect(await comments.innerText()).toContain('Dana Instructor');
    expect(await groupNote.innerText()).not.toContain('Staff words');
    // A comment deleted by mistake comes back with Undo.
    await staffPanel.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect.poll(() => commentBox.inputValue()).toBe('');
    await expect.poll(() => comments.innerText()).toContain('Posted too soon.');
    await expect.poll(() => theirComments.innerText()).toContain('Posted too soon.');
    await comments.getByRole('button', { name: 'Delete comment by Dana Instructor' }).last().click();
    const undo = t.getByRole('status').filter({ hasText: 'Comment deleted.' });
    await undo.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => undo.count()).toBe(0);
    expect(await comments.innerText()).toContain('Posted too soon.');
    await comments.getByRole('button', { name: 'Delete comment by Dana Instructor' }).last().click();
    await expect.poll(() => comments.innerText()).not.toContain('Posted too soon.');

    // The student saw the comments come and go, unreloaded, and adds a second note for the group.
    await expect.poll(() => theirComments.innerText()).not.toContain('Posted too soon.');
    expect(await theirComments.innerText()).toContain('Dana Instructor');
    expect(await theirComments.innerText()).toContain('Say which agreement came first.');
    expect(await theirComments.innerText()).toContain('Comments (1)');

    await panel.getByText('New note', { exact: true }).click();
    await panel.getByRole('textbox', { name: 'Title' }).fill('Essay plan');
    await panel.getByRole('checkbox', { name: /About this reading/ }).uncheck();
    await panel.getByRole('button', { name: 'Create note' }).click();
    await editorOf(a, 'Essay plan').waitFor();
    expect(await panel.getByRole('list', { name: 'Other notes' }).innerText()).toContain('Essay plan');

    // A personal note, under Mine: private to its author.
    await panel.getByRole('link', { name: 'Mine' }).click();
    await expect.poll(() => panel.innerText()).toContain('No personal notes on this reading yet.');
    await panel.getByText('New note', { exact: true }).click();
    await panel.getByRole('textbox', { name: 'Title' }).fill('My questions');
    await panel.getByRole('radio', { name: 'Just me (private)' }).check();
    await panel.getByRole('button', { name: 'Create note' }).click();
    const personal = editorOf(a, 'My questions');
    await expect.poll(() => personal.innerText(), { timeout: 10_000 }).toContain('The Railways');
    expect(await panel.getByRole('list', { name: 'Notes on this reading' }).innerText()).toContain('My questions');

    await t.reload({ waitUntil: 'networkidle' });
    await staffPanel.getByRole('link', { name: 'Mine' }).click();
    await expect.poll(() => staffPanel.innerText()).toContain('No personal notes on this reading yet.');
    expect(await staffPanel.innerText()).not.toContain('My questions');
  });
});
