// An instructor imports a reading, reviews its warnings, saves and assigns it; a student opens it
// from the course home, follows the table of contents and opens a note from its marker.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { endToEnd } from '../support/e2e.js';
import { signUpInBrowser } from '../support/people.js';

const repeated =
  'Investment followed the queues. A new terminal opened in the second year, financed in part by partners who had never before shown interest in the region.';

/** A source with what an import must get right: metadata, headings, notes, and a repeated block. */
const source = `The Caspian Crossing
Trade Routes and Neutrality after 2022

By Aliya Karimova

Introduction

When the war began, the land bridge across the steppe lost half of its traffic within a season. Shippers who had relied on the northern route turned to the sea, and the ports on the eastern shore were not ready for them.[1]

The sections below follow the cargo: first the ports, then the railways that feed them, and finally the diplomacy that keeps both open.

The Ports

Aktau and Kuryk handled more containers in one year than in the five before it. The ferries were old, the berths too shallow, and the customs posts too few for the queues that formed each spring.[2]

${repeated}

${repeated}

The Railways

The railway from the border to the sea was single-track for most of its length. Doubling it became the government's first priority, and the subject of three separate agreements.[3]

${'Freight moved slowly along the single track, and every delay at one end was felt at the other. '.repeat(40)}

Neutrality in Practice

Neutrality, in this account, is less a doctrine than a habit: saying little in public, signing much in private, and keeping every route open for as long as possible.

${'Diplomats repeated the formula in every capital, and each partner heard in it what it wished to hear. '.repeat(40)}

Notes

[1] Port statistics for the first two quarters, as published by the transport ministry.
[2] Interviews with freight forwarders, conducted in the spring.
[3] The agreements were signed with three different partners within eighteen months.
`;

const e2e = endToEnd();
let fixtureDir: string;

beforeAll(async () => {
  fixtureDir = await mkdtemp(join(tmpdir(), 'commonplace-e2e-'));
  await writeFile(join(fixtureDir, 'caspian-crossing.txt'), source);
});
afterAll(() => rm(fixtureDir, { recursive: true, force: true }));

/** How far below the top of the window an element sits, in CSS pixels. */
const topOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => element.getBoundingClientRect().top);

describe('a reading from import to reader', () => {
  it('is imported, reviewed, saved and assigned by the instructor, then read by a student', async () => {
    const instructor = await signUpInBrowser(e2e.browser, e2e.app.url, 'Dana Instructor');
    const teacher = instructor.page;
    await teacher.getByLabel('Title').fill('Trade Routes Seminar');
    await teacher.getByLabel('Term').fill('Spring 2027');
    await teacher.getByRole('button', { name: 'Create course' }).click();
    await teacher.getByRole('heading', { name: 'Trade Routes Seminar', level: 1 }).waitFor();
    const joinCode = (await teacher.getByRole('region', { name: 'Join code' }).getByLabel('Join code').textContent())!;
    await teacher.getByLabel('Title').fill('Week 1: Routes');
    await teacher.getByRole('button', { name: 'Add week' }).click();
    await teacher.getByRole('heading', { name: 'Week 1: Routes', level: 3 }).waitFor();

    // Import: upload, watch it finish, review what the importer found and repaired.
    await teacher.getByRole('link', { name: 'Readings', exact: true }).click();
    await teacher
      .getByRole('link', { name: /Import a reading/ })
      .first()
      .click();
    await teacher.locator('input[type=file]').setInputFiles(join(fixtureDir, 'caspian-crossing.txt'));
    await teacher.getByRole('heading', { name: 'Review “caspian-crossing.txt”' }).waitFor();
    const warnings = teacher.getByRole('region', { name: /the importer repaired or doubted/ });
    expect(await warnings.textContent()).toMatch(/repeated block/i);
    expect(await teacher.getByLabel('Title', { exact: true }).inputValue()).toBe('The Caspian Crossing');
    expect(await teacher.getByLabel('Subtitle').inputValue()).toBe('Trade Routes and Neutrality after 2022');
    expect(await teacher.getByLabel('Authors').inputValue()).toBe('Aliya Karimova');
    await teacher.getByLabel('Publisher').fill('Steppe Review');
    await teacher.getByRole('button', { name: /^Save/ }).click();

    await teacher.getByRole('heading', { name: 'The Caspian Crossing', level: 1 }).waitFor();
    expect(await teacher.getByText('Steppe Review').count()).toBeGreaterThan(0);
    // The repeated paragraph is in the reading once, and the repair stays on record for staff.
    expect(await teacher.getByText(repeated).count()).toBe(1);
    await teacher.getByText('Import warnings (1)').click();
    expect(await teacher.getByRole('region', { name: /the importer repaired or doubted/ }).textContent()).toMatch(
      /repeated block/i,
    );

    // Assign it to the week with a due date.
    await teacher.getByRole('link', { name: 'Course home' }).click();
    await teacher.getByText('Assign a reading').click();
    await teacher.getByLabel('Reading', { exact: true }).selectOption({ label: 'The Caspian Crossing' });
    await teacher.getByLabel('Due (optional)').fill('2027-02-05T17:00');
    await teacher.getByRole('button', { name: 'Assign', exact: true }).click();
    await teacher.getByRole('link', { name: 'The Caspian Crossing' }).waitFor();

    // A student joins and finds it up next on the course home.
    const student = await signUpInBrowser(e2e.browser, e2e.app.url, 'Aigerim Student');
    const reader = student.page;
    await reader.getByLabel('Join code').fill(joinCode.trim());
    await reader.getByRole('button', { name: 'Join course' }).click();
    const upNext = reader.getByRole('region', { name: 'Up next' });
    await upNext.getByRole('link', { name: 'The Caspian Crossing' }).click();
    await reader.getByRole('heading', { name: 'The Caspian Crossing', level: 1 }).waitFor();

    // The table of contents takes the student to a section, and says where they are.
    const toc = reader.getByRole('navigation', { name: 'Table of contents' });
    expect(await toc.getByRole('link').allTextContents()).toEqual([
      'Introduction',
      'The Ports',
      'The Railways',
      'Neutrality in Practice',
    ]);
    await toc.getByRole('link', { name: 'Neutrality in Practice' }).click();
    await reader.waitForURL(/#b-\d+$/);
    const target = new URL(reader.url()).hash;
    expect(await reader.locator(target).textContent()).toBe('Neutrality in Practice');
    await expect.poll(() => topOf(reader, target)).toBeLessThan(200);
    await expect
      .poll(() => toc.locator('[aria-current]').textContent(), { timeout: 5000 })
      .toBe('Neutrality in Practice');

    // A note opens from its marker, and closes back to it.
    await toc.getByRole('link', { name: 'The Ports' }).click();
    const marker = reader.getByRole('button', { name: 'Note 2' }).first();
    await marker.click();
    const note = reader.getByRole('dialog');
    await note.waitFor();
    expect(await note.textContent()).toContain('Interviews with freight forwarders, conducted in the spring.');
    await reader.keyboard.press('Escape');
    await note.waitFor({ state: 'hidden' });
    expect(await marker.evaluate((element) => element === document.activeElement)).toBe(true);

    // The instructor corrects the title after saving, then deletes the reading; the student loses it.
    await teacher.getByRole('link', { name: 'The Caspian Crossing' }).click();
    await teacher.getByText('Edit details').click();
    await teacher.getByLabel('Title', { exact: true }).fill('The Caspian Crossing, Revised');
    await teacher.getByRole('button', { name: 'Save details' }).click();
    await teacher.getByRole('heading', { name: 'The Caspian Crossing, Revised', level: 1 }).waitFor();
    await teacher.getByText('Delete reading').click();
    await teacher.getByRole('button', { name: 'Yes, delete this reading' }).click();
    await teacher.getByRole('heading', { name: 'Readings', level: 2 }).waitFor();
    expect(await teacher.getByRole('status').textContent()).toContain('The Caspian Crossing, Revised');
    expect(await teacher.getByRole('link', { name: /The Caspian Crossing/ }).count()).toBe(0);
    await reader.reload();
    await reader.getByRole('heading', { name: 'Not found' }).waitFor();
  });
});
