// A student starts the course wiki, links a page that does not exist yet by typing [[…]], follows
// the link to create it (the wiki's home listing it as wanted until then, the course's search finding
// the page just written), and the new page lists the first among the pages that link to it. Renamed, the page keeps its old address leading to it.
// A page keeps named versions and downloads as Markdown. On a phone, a page comes first, its tree folded above it. Pages are moved and reordered by dragging them in
// the tree, and a move is undone from its toast.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endToEnd } from '../support/e2e.js';
import { courseWithStudent, signUpOverApi } from '../support/course-setup.js';

const e2e = endToEnd();

describe('the course wiki', () => {
  it('creates a page from a [[link]], lists the linking page among its backlinks, and keeps its old address after a rename', async () => {
    const url = e2e.app.url;
    const instructor = await signUpOverApi(url, 'Dana Instructor');
    const student = await signUpOverApi(url, 'Aliya Karimova');
    const { courseId } = await courseWithStudent(instructor, student);
    const page = (await student.open(e2e.browser)).page;

    await page.goto(`${url}/courses/${courseId}`, { waitUntil: 'networkidle' });
    await page.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: 'Wiki' }).click();
    await page.getByText('Start the wiki', { exact: true }).first().waitFor();
    await page.getByLabel('Title of the first page').fill('Harbour lights');
    await page.getByRole('button', { name: 'Start the wiki' }).click();

    const editor = page.getByRole('textbox', { name: 'Harbour lights' });
    await editor.waitFor();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('all changes saved');
    await editor.click();
    await page.keyboard.type('Tended by [[Lighthouse keep');
    const suggestion = page.getByRole('option', { name: 'New page “Lighthouse keep”' });
    await suggestion.waitFor();
    await page.keyboard.type('ers');
    await page.getByRole('option', { name: 'New page “Lighthouse keepers”' }).waitFor();
    await page.keyboard.press('Enter');
    const link = editor.locator('a[data-wiki-link]', { hasText: 'Lighthouse keepers' });
    await link.waitFor();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('all changes saved');

    // A page has its history, as a note has.
    const history = page.locator('details', { has: page.locator('summary', { hasText: 'History' }) });
    await history.locator('summary').click();
    await expect.poll(() => history.innerText()).toContain('No versions yet');
    await history.getByRole('textbox', { name: 'Name this version' }).fill('First draft');
    await history.getByRole('button', { name: 'Save version' }).click();
    await expect.poll(() => history.innerText()).toContain('Saved as version 1, “First draft”.');

    // The page downloads as Markdown, named after it, its [[link]] kept.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('harbour-lights.md');
    expect(readFileSync((await download.path())!, 'utf8')).toContain('Tended by [[Lighthouse keepers]]');

    // The wiki's home lists the page as wanted, linked from the one just written.
    const pageAddress = page.url();
    await page.getByRole('link', { name: 'Wiki home' }).click();
    await page.waitForURL(/\/wiki$/);
    const wanted = page.getByRole('region', { name: 'Wanted pages' });
    // At once, without a reload: the page just left was still open as the home page's data loaded.
    await expect
      .poll(() => wanted.getByRole('listitem').allInnerTexts())
      .toEqual([expect.stringMatching(/^Lighthouse keepers\s+linked from Harbour lights\s+Write it$/)]);
    const recent = page.getByRole('region', { name: 'Recently changed' });
    expect(await recent.getByRole('link').allInnerTexts()).toEqual(['Harbour lights']);
    // The course's search, from the header of any page, finds the page by what was just written in it.
    await page.getByRole('searchbox', { name: 'Search this course' }).fill('tended');
    await page.getByRole('searchbox', { name: 'Search this course' }).press('Enter');
    await page.waitForURL(/\/search\?q=tended$/);
    await expect.poll(() => page.getByRole('link', { name: /^Harbour lights\s+Tended by/ }).count()).toBe(1);
    await page.goto(pageAddress, { waitUntil: 'networkidle' });

    await link.click();
    await page.getByRole('button', { name: 'Create page “Lighthouse keepers”' }).click();
    await page.getByRole('heading', { name: 'Lighthouse keepers' }).waitFor();
    const backlinks = page.getByRole('region', { name: 'Linked from' });
    await expect.poll(() => backlinks.getByRole('link').allInnerTexts()).toEqual(['Harbour lights']);
    const wikiTree = page.getByRole('navigation', { name: 'Wiki pages' });
    expect(await wikiTree.getByRole('link').allInnerTexts()).toEqual([
      'Wiki home',
      'Harbour lights',
      'Lighthouse keepers',
    ]);
    await wikiTree.getByRole('link', { name: 'Wiki home' }).click();
    await page.getByRole('region', { name: 'Recently changed' }).waitFor();
    expect(await page.getByRole('region', { name: 'Wanted pages' }).count()).toBe(0);
    await page.goBack({ waitUntil: 'networkidle' });

    const oldAddress = page.url();
    expect(oldAddress).toMatch(/\/wiki\/lighthouse-keepers$/);
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('textbox', { name: 'Page title' }).fill('Keepers of the lights');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Keepers of the lights' }).waitFor();
    await expect.poll(() => page.url()).toMatch(/\/wiki\/keepers-of-the-lights$/);
    await page.goto(oldAddress, { waitUntil: 'networkidle' });
    expect(page.url()).toMatch(/\/wiki\/keepers-of-the-lights$/);
    await page.getByRole('heading', { name: 'Keepers of the lights' }).waitFor();

    // On a phone the page comes first: the tree is folded above it until it is asked for.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload({ waitUntil: 'networkidle' });
    expect(await wikiTree.getByRole('link', { name: 'Harbour lights' }).isVisible()).toBe(false);
    expect((await page.getByRole('textbox', { name: 'Keepers of the lights' }).boundingBox())!.y).toBeLessThan(844);
    await wikiTree.getByText(/^Pages \(2\)$/).click();
    await wikiTree.getByRole('link', { name: 'Harbour lights' }).click();
    await page.getByRole('heading', { name: 'Harbour lights' }).waitFor();
    expect(await wikiTree.getByRole('link', { name: 'Keepers of the lights' }).isVisible()).toBe(false);
  });

  it('moves a page by dragging it onto another, undoes it, and reorders by dropping above a page', async () => {
    const url = e2e.app.url;
    const instructor = await signUpOverApi(url, 'Dana Instructor');
    const student = await signUpOverApi(url, 'Aliya Karimova');
    const { courseId } = await courseWithStudent(instructor, student);
    const pageIds: Record<string, string> = {};
    for (const title of ['Alpha', 'Beta', 'Gamma', 'Delta'])
      pageIds[title] = (await student.call('POST', `/api/courses/${courseId}/wiki`, { title })).id;
    await instructor.call('PATCH', `/api/courses/${courseId}/wiki/${pageIds.Delta}`, { locked: true });
    const page = (await student.open(e2e.browser)).page;

    await page.goto(`${url}/courses/${courseId}/wiki`, { waitUntil: 'networkidle' });
    const tree = page.getByRole('navigation', { name: 'Wiki pages' });
    const row = (title: string) => tree.getByRole('link', { name: title });
    /** The tree as the reader sees it: each page's title, indented by its depth. */
    const outline = () =>
      tree
        .locator('ul a')
        .evaluateAll((links) =>
          links.map((a) => '  '.repeat(a.closest('li')!.parentElement!.closest('li') ? 1 : 0) + a.textContent!.trim()),
        );
    expect(await outline()).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta, locked']);

    await row('Gamma').dragTo(row('Alpha'));
    await expect.poll(outline).toEqual(['Alpha', '  Gamma', 'Beta', 'Delta, locked']);
    const toast = page.getByRole('status').filter({ hasText: 'Moved “Gamma”.' });
    await toast.waitFor();
    const stored = await student.call<Array<{ id: string; parentId: string | null }>>(
      'GET',
      `/api/courses/${courseId}/wiki`,
    );
    expect(stored.find((p) => p.id === pageIds.Gamma)!.parentId).toBe(pageIds.Alpha);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(outline).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta, locked']);
    await toast.waitFor({ state: 'detached' });

    await row('Gamma').dragTo(row('Alpha'), { targetPosition: { x: 20, y: 2 } });
    await expect.poll(outline).toEqual(['Gamma', 'Alpha', 'Beta', 'Delta, locked']);
    await toast.waitFor();
    // Its Undo is offered until the student goes on to a page.
    await row('Beta').click();
    await page.getByRole('heading', { name: 'Beta' }).waitFor();
    await toast.waitFor({ state: 'detached' });
    await page.reload({ waitUntil: 'networkidle' });
    expect(await outline()).toEqual(['Gamma', 'Alpha', 'Beta', 'Delta, locked']);
    // A locked page is the staff's to move: the student cannot pick it up.
    expect(await row('Delta').getAttribute('draggable')).toBe('false');
  });
});
