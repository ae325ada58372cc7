// A group note's history beside the reader: a student names a version, keeps writing, sees the
// version beside the current text with the changes marked, and restores it; the groupmate with
// the note open sees the old text come back, and the text before the restore stays a version. The
// note downloads as Markdown, is renamed, deleted and brought back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.js';
import { endToEnd } from '../support/e2e.js';
import { groupOnReading } from '../support/course-setup.js';

const e2e = endToEnd();
const NOTE_TITLE = 'Our notes on the crossing';

const noteEditor = (page: Page, title = NOTE_TITLE) => page.getByRole('textbox', { name: title });
const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Study notes' });
const savedIn = (page: Page) =>
  expect.poll(() => panelOf(page).getByRole('status').first().innerText()).toContain('all changes saved');

describe('note history', () => {
  it('names a version, shows it beside the current text, and restores it for everyone', async () => {
    const url = e2e.app.url;
    const {
      students: [aliya, bolat],
      courseId,
      readingId,
      readingPath,
    } = await groupOnReading(url, ['Aliya Karimova', 'Bolat Serik']);
    await aliya.call('POST', `/api/courses/${courseId}/notes`, { title: NOTE_TITLE, readingId, scope: 'group' });

    const a = (await aliya.open(e2e.browser)).page;
    const b = (await bolat.open(e2e.browser)).page;
    for (const page of [a, b]) {
      await page.goto(readingPath, { waitUntil: 'networkidle' });
      await page.getByRole('tab', { name: 'Notes' }).click();
    }
    await noteEditor(a).waitFor();
    await noteEditor(b).waitFor();
    await savedIn(a);

    await noteEditor(a).click();
    await a.keyboard.type('Aktau doubled its container traffic.');
    await savedIn(a);

    // The history opens from the notes panel, with nothing in it yet.
    const history = panelOf(a);
    await history.locator('summary', { hasText: 'History' }).click();
    await expect.poll(() => history.innerText()).toContain('No versions yet');
    await history.getByRole('textbox', { name: 'Name this version' }).fill('Before the seminar');
    await history.getByRole('button', { name: 'Save version' }).click();
    await expect.poll(() => history.innerText()).toContain('Saved as version 1, “Before the seminar”.');
    await expect
      .poll(() => history.getByRole('listitem').filter({ hasText: 'Version 1' }).innerText())
      .toContain('Written by Aliya Karimova');

    // More writing, then the version beside what the note says now.
    await noteEditor(a).click();
    await a.keyboard.press('Control+End');
    await a.keyboard.press('Enter');
    await a.keyboard.type('The railway was the bottleneck.');
    await savedIn(a);
    await expect.poll(() => noteEditor(b).innerText()).toContain('The railway was the bottleneck.');
    await history.getByRole('button', { name: 'View version 1' }).click();
    const comparison = history.getByRole('region', { name: 'Version 1: Before the seminar beside the current text' });
    await comparison.waitFor();
    const added = comparison.getByRole('region', { name: 'Now' }).locator('ins', { hasText: 'railway' });
    expect(await added.innerText()).toContain('The railway was the bottleneck.');
    expect(await comparison.getByRole('region', { name: 'Version 1' }).innerText()).not.toContain('railway');
    // The open history, its list and the comparison pass axe (names matching visible labels too).
    const withNameMismatch = { rules: { 'label-content-name-mismatch': { enabled: true } } };
    expect(await seriousViolations(a, withNameMismatch)).toEqual([]);

    // Restoring asks first, then brings the old text back for the groupmate as well.
    await comparison.getByRole('button', { name: 'Restore this version…' }).click();
    await comparison.getByRole('button', { name: 'Restore this version', exact: true }).click();
    await expect.poll(() => history.innerText()).toContain('Version 1 is restored.');
    for (const page of [a, b]) {
      await expect.poll(() => noteEditor(page).innerText()).not.toContain('railway');
      expect(await noteEditor(page).innerText()).toContain('Aktau doubled its container traffic.');
    }
    // The text before the restore is a version of its own: the restore can be undone.
    await expect.poll(() => history.innerText()).toContain('Version 2: Before restoring version 1');

    // The note downloads as Markdown, named after it.
    const [download] = await Promise.all([
      a.waitForEvent('download'),
      panelOf(a).getByRole('link', { name: 'Download as Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('our-notes-on-the-crossing.md');
    expect(readFileSync((await download.path())!, 'utf8')).toMatch(
      /^# Our notes on the crossing\n[\s\S]*Aktau doubled/,
    );

    // On a phone the panel fits the screen.
    await a.setViewportSize({ width: 390, height: 844 });
    // There the notes are a tab beside the reading's.
    await a.getByRole('tab', { name: 'Notes' }).click();
    await history.getByRole('button', { name: 'View version 2' }).click();
    await history.getByRole('region', { name: /^Version 2: .* beside the current text$/ }).waitFor();
    expect(await a.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Renamed, then deleted: the toast's Undo brings it back as it was.
    const panel = panelOf(a);
    await panel.getByRole('button', { name: 'Rename', exact: true }).click();
    await panel.getByRole('textbox', { name: 'Note title' }).fill('Crossing notes, final');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.getByRole('heading', { name: 'Crossing notes, final' }).waitFor();
    // The open editor takes the new name too, for screen readers.
    await noteEditor(a, 'Crossing notes, final').waitFor();
    await panel.getByRole('button', { name: 'Delete', exact: true }).click();
    const toast = a.getByRole('status').filter({ hasText: 'Deleted the note “Crossing notes, final”.' });
    await toast.waitFor();
    await expect.poll(() => panel.getByRole('heading', { name: 'Crossing notes, final' }).count()).toBe(0);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => noteEditor(a, 'Crossing notes, final').innerText())
      .toContain('Aktau doubled its container traffic.');
  });
});
