// An instructor reviews a long import: "Show headings and changes only" leaves the headings and
// the blocks they changed, whether ticked by click or by Space, and the warnings read as words.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { endToEnd } from '../support/e2e.js';
import { importDraft, signUpOverApi } from '../support/course-setup.js';

const SECTIONS = ['Introduction', 'The Ports', 'The Railways', 'Neutrality in Practice'];
const paragraph = (section: string, n: number) =>
  `Paragraph ${n} of ${section.toLowerCase()} follows the cargo from the quay to the railhead, and it is long enough to be read as running text rather than as a heading of its own.`;
const repeated = 'The same paragraph twice in a row, as a badly copied page has it, is dropped once by the importer.';
/** Four sections of twenty paragraphs each: most rows of the outline are text. */
const source = [
  'The Caspian Crossing',
  'By Aliya Karimova',
  ...SECTIONS.flatMap((section) => [section, ...Array.from({ length: 20 }, (_, n) => paragraph(section, n + 1))]),
  repeated,
  repeated,
].join('\n\n');

const e2e = endToEnd();

/** The outline's rows a person can see, each as its kind and text. */
const visibleRows = (page: Page) =>
  page
    .getByRole('region', { name: 'Structure' })
    .getByRole('listitem')
    .evaluateAll((rows) =>
      rows.filter((row) => (row as HTMLElement).offsetParent !== null).map((row) => (row as HTMLElement).innerText),
    );

describe('the import review', () => {
  it('"Show headings and changes only" hides the text rows, by click and by Space, and keeps a changed row', async () => {
    const instructor = await signUpOverApi(e2e.app.url, 'Dana Instructor');
    const course = await instructor.call('POST', '/api/courses', { title: 'Caspian Seminar', term: 'Spring 2027' });
    const draftId = await importDraft(instructor, course.id, source);
    const { page } = await instructor.open(e2e.browser);
    await page.goto(`/courses/${course.id}/readings/import/${draftId}`);
    const structure = page.getByRole('region', { name: 'Structure' });
    await structure.waitFor();
    const everyRow = await visibleRows(page);
    expect(everyRow.length).toBeGreaterThan(80);

    const filter = page.getByLabel('Show headings and changes only');
    await filter.click();
    await expect.poll(() => visibleRows(page).then((rows) => rows.length)).toBe(SECTIONS.length);
    for (const [i, row] of (await visibleRows(page)).entries()) expect(row).toContain(SECTIONS[i]);

    await filter.click();
    expect((await visibleRows(page)).length).toBe(everyRow.length);

    // A paragraph the instructor turns into a heading stays in view with the headings.
    await page.getByLabel('Block 3 is', { exact: true }).selectOption({ label: 'Heading 2' });
    await filter.focus();
    await page.keyboard.press('Space');
    expect(await filter.isChecked()).toBe(true);
    const filtered = await visibleRows(page);
    expect(filtered.length).toBe(SECTIONS.length + 1);
    expect(filtered[1]).toContain('Paragraph 2 of introduction');
  });

  it('says in words what the importer did, keeping its code out of sight', async () => {
    const instructor = await signUpOverApi(e2e.app.url, 'Arman Assistant');
    const course = await instructor.call('POST', '/api/courses', { title: 'Steppe Seminar', term: 'Spring 2027' });
    const draftId = await importDraft(instructor, course.id, source);
    const { page } = await instructor.open(e2e.browser);
    await page.goto(`/courses/${course.id}/readings/import/${draftId}`);
    const warnings = page.getByRole('region', { name: /the importer repaired or doubted/ });
    await warnings.waitFor();
    const text = await warnings.innerText();
    expect(text).toContain('A repeated block was removed.');
    expect(text).not.toMatch(/\b[A-Z]+(?:_[A-Z]+)+\b/);
    expect(await warnings.locator('[data-code="DUPLICATE_REMOVED"]').count()).toBe(1);
  });
});
