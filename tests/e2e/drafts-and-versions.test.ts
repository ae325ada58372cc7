// Staff keep track of imports not yet saved and discard one (after saying yes), then import a new
// version of a reading and download the original of each version from the reader.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { endToEnd } from '../support/e2e.js';
import { signUpInBrowser } from '../support/people.js';

const e2e = endToEnd();

const first = `# Lighthouses of the Northern Coast

The keepers of the northern lights kept logbooks of every storm, and the logbooks outlived the towers.

Automation arrived in the 1960s, and with it the end of the keepers' long winters on the rocks.
`;

async function paste(page: Page, text: string) {
  await page.getByLabel('Text of the reading').fill(text);
  await page.getByRole('button', { name: 'Import pasted text' }).click();
  await page.getByRole('heading', { name: 'Review “Pasted text.txt”' }).waitFor();
}

describe('drafts and versions', () => {
  it('lists imports not yet saved, discards one after asking, and downloads each version of a reading', async () => {
    const { page } = await signUpInBrowser(e2e.browser, e2e.app.url, 'Dana Instructor');
    await page.getByLabel('Title').fill('Coasts Seminar');
    await page.getByLabel('Term').fill('Spring 2027');
    await page.getByRole('button', { name: 'Create course' }).click();
    await page.getByRole('heading', { name: 'Coasts Seminar', level: 1 }).waitFor();
    const importPage = `${new URL(page.url()).pathname}/readings/import`;

    // A draft left unreviewed shows on the import page; discarding it asks first.
    await page.goto(importPage);
    await paste(page, '# Harbour Ledger\n\nTides, cargoes and the names of pilots.');
    await page.goto(importPage);
    const drafts = page.getByRole('list', { name: 'Imports not yet saved' });
    await drafts.getByRole('link', { name: 'Pasted text.txt' }).waitFor();
    expect(await drafts.textContent()).toContain('Ready to review');
    await drafts.getByRole('button', { name: /^Discard/ }).click();
    expect(await drafts.textContent()).toContain('Discard “Pasted text.txt” and its uploaded file?');
    await drafts.getByRole('button', { name: 'Keep it' }).click();
    expect(await drafts.getByRole('link', { name: 'Pasted text.txt' }).count()).toBe(1);
    await drafts.getByRole('button', { name: /^Discard/ }).click();
    await drafts.getByRole('button', { name: 'Yes, discard' }).click();
    await page.getByText('Discarded the import.').waitFor();
    expect(await page.getByRole('list', { name: 'Imports not yet saved' }).count()).toBe(0);

    // A reading, then a new version of it: the reader lists both, each original downloadable.
    await paste(page, first);
    await page.getByRole('button', { name: 'Save reading' }).click();
    await page.getByRole('heading', { name: 'Lighthouses of the Northern Coast', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Import new version' }).click();
    await paste(page, first.replace('1960s', '1970s'));
    await page.getByRole('button', { name: 'Save new version' }).click();
    await page.getByRole('heading', { name: 'Lighthouses of the Northern Coast', level: 1 }).waitFor();
    await page.getByText('Versions (2)').click();
    const versions = page.getByRole('list', { name: 'Versions of this reading' });
    expect(await versions.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^Version 2 \(current\).*by Dana Instructor from Pasted text\.txt/s),
      expect.stringMatching(/^Version 1\s.*by Dana Instructor from Pasted text\.txt/s),
    ]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      versions.getByRole('link', { name: 'Download original of version 1' }).click(),
    ]);
    const original = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of original) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toContain('1960s');
    expect(text).not.toContain('1970s');
  });
});
