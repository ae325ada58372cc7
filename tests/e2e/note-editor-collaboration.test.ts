// The note editor itself: edits made offline are kept on the device (through a reload) and merge
// with a co-writer's when the connection returns; undo takes back only my own typing; the toolbar
// writes headings, task lists, tables and links that the stored Markdown shows.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { seriousViolations } from '../support/axe.js';
import { endToEnd } from '../support/e2e.js';
import { groupOnReading } from '../support/course-setup.js';
import { hostRewritingProxy } from '../support/host-rewriting-proxy.js';

const e2e = endToEnd();
const NOTE_TITLE = 'Port figures';
// Changes cross a socket, a server and another browser: wait for them, up to a bound.
const soon = { timeout: 15_000 };

/** A group of `students` in a new course, a reading, and their group note on it, made over the API. */
async function groupNote<Names extends [string, ...string[]]>(studentNames: Names) {
  const url = e2e.app.url;
  const { students, courseId, readingId, readingPath } = await groupOnReading(url, studentNames);
  const [first] = students;
  const note = await first.call('POST', `/api/courses/${courseId}/notes`, {
    title: NOTE_TITLE,
    readingId,
    scope: 'group',
  });
  const markdown = async () => {
    const answer = await fetch(`${url}/api/courses/${courseId}/notes/${note.id}/markdown`, {
      headers: { cookie: first.cookie },
    });
    return answer.text();
  };
  return { students, readingPath, markdown };
}

const editorOf = (page: Page) => page.getByRole('textbox', { name: NOTE_TITLE });
/** The note's words as the page shows them, without the co-writers' caret labels among them. */
const textOf = (page: Page) =>
  editorOf(page).evaluate((editor) => {
    const copy = editor.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.textContent ?? '';
  });
const statusOf = (page: Page) =>
  page.getByRole('complementary', { name: 'Study notes' }).getByRole('status').first().innerText();

/**
 * Cuts this context off the network, its open /collab socket included (Chromium's offline
 * emulation leaves open websockets alone), and lets it back on.
 */
async function networkSwitch(context: BrowserContext) {
  let offline = false;
  const sockets = new Set<WebSocketRoute>();
  await context.routeWebSocket(/\/collab$/, (socket) => {
    if (offline) return socket.close({ code: 4000, reason: 'offline' });
    const server = socket.connectToServer();
    sockets.add(socket);
    socket.onClose(() => {
      sockets.delete(socket);
      void server.close();
    });
  });
  return {
    async goOffline() {
      offline = true;
      await context.setOffline(true);
      for (const socket of sockets) await socket.close({ code: 4000, reason: 'offline' });
    },
    /** The network returns for pages and the API, while /collab stays out of reach. */
    async httpOnly() {
      await context.setOffline(false);
    },
    async goOnline() {
      offline = false;
      await context.setOffline(false);
    },
  };
}

async function typeParagraph(page: Page, text: string) {
  await editorOf(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

describe('the note editor', () => {
  it('keeps offline edits on the device and merges them, and undoes only my own typing', async () => {
    const { students, readingPath, markdown } = await groupNote(['Aliya Karimova', 'Bolat Serik']);
    const [aliya, bolat] = students;
    const { context, page: a } = await aliya.open(e2e.browser);
    const network = await networkSwitch(context);
    const b = (await bolat.open(e2e.browser)).page;
    for (const page of [a, b]) {
      await page.goto(readingPath, { waitUntil: 'networkidle' });
      await page.getByRole('tab', { name: 'Notes' }).click();
      await expect.poll(() => statusOf(page), soon).toContain('Saved');
    }

    // A loses the network and goes on writing; B writes meanwhile.
    await network.goOffline();
    await expect.poll(() => statusOf(a), soon).toContain('Offline — changes kept on this device');
    await typeParagraph(a, 'Aktau doubled its container traffic.');
    await typeParagraph(b, 'The railway was the bottleneck.');
    await expect.poll(() => statusOf(b), soon).toContain('Saved');
    expect(await textOf(a)).not.toContain('The railway was the bottleneck.');

    // Back online: both texts on both pages.
    await network.goOnline();
    for (const page of [a, b]) {
      await expect.poll(() => textOf(page), soon).toContain('Aktau doubled its container traffic.');
      await expect.poll(() => textOf(page), soon).toContain('The railway was the bottleneck.');
    }
    await expect.poll(() => statusOf(a), soon).toContain('Saved');

    // Offline again, A writes and reloads the page before /collab is back: what A wrote was kept
    // on the device, and reaches B once the connection returns.
    await network.goOffline();
    await expect.poll(() => statusOf(a), soon).toContain('Offline');
    await typeParagraph(a, 'Kept on the device.');
    await network.httpOnly();
    await a.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => textOf(a), soon).toContain('Kept on the device.');
    expect(await textOf(b)).not.toContain('Kept on the device.');
    // Logging out now would delete what only this device holds: the app says so before it does.
    await a.getByRole('button', { name: 'Log out' }).click();
    await a.waitForURL('**/logout');
    await expect.poll(() => a.getByRole('alert').innerText(), soon).toContain('have not reached the server');
    expect(await a.getByRole('button', { name: 'Log out anyway' }).count()).toBe(1);
    await a.goto(readingPath, { waitUntil: 'networkidle' });
    await expect.poll(() => textOf(a), soon).toContain('Kept on the device.');
    await network.goOnline();
    // The provider's next try (its retries back off up to 30 s apart) brings it to B.
    await expect.poll(() => textOf(b), { timeout: 45_000 }).toContain('Kept on the device.');
    await expect.poll(markdown, soon).toContain('Kept on the device.');
    const merged = await markdown();
    expect(merged).toContain('Aktau doubled its container traffic.');
    expect(merged).toContain('The railway was the bottleneck.');

    // Undo takes back A's last typing, not B's words written after it.
    await typeParagraph(a, 'A sentence to take back.');
    await expect.poll(() => textOf(b), soon).toContain('A sentence to take back.');
    await typeParagraph(b, 'Bolat’s words stay.');
    await expect.poll(() => textOf(a), soon).toContain('Bolat’s words stay.');
    await editorOf(a).focus();
    await a.keyboard.press('Control+z');
    for (const page of [a, b]) {
      await expect.poll(() => textOf(page), soon).not.toContain('A sentence to take back.');
      expect(await textOf(page)).toContain('Bolat’s words stay.');
      expect(await textOf(page)).toContain('Kept on the device.');
    }
    // The toolbar's redo brings it back.
    await a.getByRole('button', { name: /^Redo/ }).click();
    await expect.poll(() => textOf(b), soon).toContain('A sentence to take back.');

    // B hides their tab (as switching tabs does): A sees B faded, in the list and at their caret.
    await b.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const away = a.getByTitle('Bolat Serik is away');
    await expect.poll(() => away.count(), soon).toBe(1);
    expect(Number(await away.evaluate((person) => getComputedStyle(person).opacity))).toBeLessThan(1);
    const caret = a.locator('.collaboration-carets__caret', { hasText: 'Bolat Serik' });
    await expect
      .poll(() => caret.evaluate((element) => Number(getComputedStyle(element).opacity)), soon)
      .toBeLessThan(1);
  });

  it('writes a heading, a task list, a table and a link from the toolbar, on a phone', async () => {
    const { students, readingPath, markdown } = await groupNote(['Aliya Karimova']);
    const a = (await students[0]!.open(e2e.browser, { width: 390, height: 844 })).page;
    await a.goto(readingPath, { waitUntil: 'networkidle' });
    // On a phone the notes are a tab beside the reading's.
    await a.getByRole('tab', { name: 'Notes' }).click();
    await expect.poll(() => statusOf(a), soon).toContain('Saved');
    const toolbar = a.getByRole('toolbar', { name: `Format ${NOTE_TITLE}` });
    const tool = (name: string) => toolbar.getByRole('button', { name: new RegExp(`^${name}`) });

    // The note starts from the reading's outline: write in a new paragraph after it.
    await editorOf(a).click();
    await a.keyboard.press('Control+End');
    await a.keyboard.press('Enter');
    await a.keyboard.type('Port figures for 2023');
    await tool('Heading 2').click();
    expect(await tool('Heading 2').getAttribute('aria-pressed')).toBe('true');
    // Each button names its shortcut.
    expect(await toolbar.getByRole('button', { name: 'Heading 2 (Ctrl+Alt+2)', exact: true }).count()).toBe(1);

    // The toolbar is one Tab stop; the arrow keys move along it.
    await tool('Bold').focus();
    await a.keyboard.press('ArrowRight');
    expect(await tool('Italic').evaluate((button) => button === document.activeElement)).toBe(true);

    await editorOf(a).click();
    await a.keyboard.press('Control+End');
    await a.keyboard.press('Enter');
    await tool('Task list').click();
    await a.keyboard.type('Check the rail tariffs');
    await a.keyboard.press('Enter');
    await a.keyboard.press('Enter');
    await tool('Insert table').click();
    await a.keyboard.type('Port');
    await a.keyboard.press('Tab');
    await a.keyboard.type('Tonnes');
    await tool('Add row below').click();
    expect(await editorOf(a).locator('tr').count()).toBe(4);

    // A link: an address that runs code is refused with a message; a bare domain becomes https.
    await a.keyboard.press('Control+End');
    await tool('Link').click();
    const dialog = a.getByRole('dialog', { name: 'Add link' });
    await dialog.getByLabel('Link address').fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Apply link' }).click();
    expect(await dialog.getByRole('alert').innerText()).toContain('https://');
    await dialog.getByLabel('Link address').fill('example.org/ports');
    await dialog.getByRole('button', { name: 'Apply link' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await expect.poll(markdown, soon).toContain('[https://example.org/ports](https://example.org/ports)');
    const stored = await markdown();
    expect(stored).toContain('## Port figures for 2023');
    expect(stored).toContain('- [ ] Check the rail tariffs');
    expect(stored).toContain('| Port | Tonnes |');
    expect(stored).not.toContain('javascript:');
    // The panel passes axe: toolbar, status line, presence and editor.
    expect(await seriousViolations(a)).toEqual([]);
    // Nothing of the editor widens the phone's page.
    expect(await a.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The same page through a proxy that hides the address people use: /collab refuses the page's
    // socket as another site's, and the editor says so instead of claiming to be offline.
    const proxy = await hostRewritingProxy(e2e.app.url);
    try {
      const { context: other } = await students[0]!.open(e2e.browser);
      const o = await other.newPage();
      await o.goto(new URL(readingPath, proxy.url).href, { waitUntil: 'networkidle' });
      await o.getByRole('tab', { name: 'Notes' }).click();
      await expect.poll(() => statusOf(o), soon).toContain('You can’t open this note');
    } finally {
      await proxy.close();
    }
  });
});
