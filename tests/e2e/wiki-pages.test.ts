// A student starts the course wiki, links a page that does not exist yet by typing [[…]], follows
// the link to create it, and the new page lists the first among the pages that link to it. Renamed,
// the page keeps its old address leading to it.
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

    await link.click();
    await page.getByRole('button', { name: 'Create page “Lighthouse keepers”' }).click();
    await page.getByRole('heading', { name: 'Lighthouse keepers' }).waitFor();
    const backlinks = page.getByRole('region', { name: 'Linked from' });
    await expect.poll(() => backlinks.getByRole('link').allInnerTexts()).toEqual(['Harbour lights']);
    const tree = page.getByRole('navigation', { name: 'Wiki pages' });
    expect(await tree.getByRole('link').allInnerTexts()).toEqual(['Wiki home', 'Harbour lights', 'Lighthouse keepers']);

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
  });
});
