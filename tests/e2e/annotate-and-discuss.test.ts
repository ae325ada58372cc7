// Two students of one group discuss a passage in the margin, live: one annotates a passage by mouse
// and another by keyboard (a ¶ reference), the other sees them appear and replies, and the first
// sees the reply appear. A student of another group never sees any of it; the instructor does.
import { describe, expect, it } from 'vitest';
import { endToEnd } from '../support/e2e.js';
import { groupOnReading, signUpOverApi } from '../support/course-setup.js';
import { holdRequests } from '../support/held-requests.js';
import { marginOf, openLive, select } from '../support/reader.js';

const e2e = endToEnd();
const QUOTED = 'the berths too shallow';
const COMMENT = 'Why were the berths never dredged?';
const KEYBOARD_COMMENT = 'This is the sentence the seminar should start from.';
const REPLY = 'Dredging was planned for 2024, see the port report.';

describe('annotating a passage and discussing it in the margin', () => {
  it('shows a group’s annotations and replies live to the group and the staff, never to another group', async () => {
    const url = e2e.app.url;
    const {
      instructor,
      students: [aliya, bolat],
      courseId,
      readingId,
      readingPath,
    } = await groupOnReading(url, ['Aliya Karimova', 'Bolat Serik']);
    // A student of another group of the same course.
    const chen = await signUpOverApi(url, 'Chen Wei');
    const { joinCode } = await instructor.call<{ joinCode: string }>('GET', `/api/courses/${courseId}`);
    await chen.call('POST', '/api/courses/join', { code: joinCode });
    const steppe = await instructor.call('POST', `/api/courses/${courseId}/groups`, { name: 'Steppe' });
    const chenId = (await chen.call('GET', '/api/auth/me')).id;
    await instructor.call('PUT', `/api/courses/${courseId}/groups/${steppe.id}/members/${chenId}`);

    const a = (await aliya.open(e2e.browser)).page;
    const b = (await bolat.open(e2e.browser)).page;
    // On a phone, 390 px wide: the margin is a tab of its own.
    const c = (await chen.open(e2e.browser, { width: 390, height: 844 })).page;
    await openLive(a, readingPath);
    await openLive(b, readingPath);
    await c.goto(readingPath, { waitUntil: 'networkidle' });
    await c.getByRole('tab', { name: 'Annotations' }).click();
    await expect.poll(() => marginOf(c).getByText('Live', { exact: true }).count(), { timeout: 10_000 }).toBe(1);

    // By mouse: select the words, Annotate, write, tag, save (the group is the default audience).
    await select(a, QUOTED);
    await a
      .getByRole('toolbar', { name: 'Selected words' })
      .getByRole('button', { name: /^Annotate/ })
      .click();
    const composer = a.getByRole('dialog', { name: 'Annotate' });
    expect(await composer.locator('blockquote').innerText()).toBe(QUOTED);
    expect(await composer.getByRole('radio', { name: 'My group' }).isChecked()).toBe(true);
    await composer.getByRole('combobox', { name: /Comment/ }).fill(COMMENT);
    await composer.getByRole('checkbox', { name: 'question' }).check();
    await composer.getByRole('button', { name: 'Save annotation' }).click();
    await expect.poll(() => a.locator('mark.annotated').allInnerTexts()).toEqual([QUOTED]);
    await expect.poll(() => marginOf(a).innerText()).toContain(COMMENT);

    // By keyboard: g goes to the reference field, the reference selects a sentence, Annotate.
    // The saved annotation takes the focus once the margin shows it; only then is it let go.
    await expect.poll(() => a.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^annotation-/);
    await a.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await a.keyboard.press('g');
    expect(await a.evaluate(() => document.activeElement?.id)).toBe('passage-reference');
    await a.keyboard.type('¶2 s1');
    await a.keyboard.press('Enter');
    const selected = a.getByRole('status').filter({ hasText: /^Selected ¶2 s1/ });
    await selected.waitFor();
    const sentence = /“(.+)”/.exec(await selected.innerText())![1]!;
    await a
      .getByRole('search', { name: 'Passages' })
      .getByRole('button', { name: /^Annotate/ })
      .press('Enter');
    const keyed = a.getByRole('dialog', { name: 'Annotate' });
    expect(await keyed.locator('blockquote').innerText()).toBe(sentence);
    await a.keyboard.type(KEYBOARD_COMMENT);
    await keyed.getByRole('button', { name: 'Save annotation' }).press('Enter');
    await expect.poll(() => marginOf(a).innerText()).toContain(KEYBOARD_COMMENT);

    // The groupmate sees both appear without a reload, highlighted in the text, and replies.
    await expect.poll(() => marginOf(b).innerText(), { timeout: 10_000 }).toContain(COMMENT);
    await expect.poll(() => marginOf(b).innerText(), { timeout: 10_000 }).toContain(KEYBOARD_COMMENT);
    await expect.poll(() => b.locator('mark.annotated').count()).toBeGreaterThanOrEqual(2);
    const thread = marginOf(b).getByRole('listitem').filter({ hasText: COMMENT });
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await thread.getByRole('button', { name: 'Write a reply' }).click();
    // While the reply is on its way it cannot be sent again, and words typed meanwhile stay for a next one.
    const replyBox = thread.getByRole('combobox', { name: 'Your reply' });
    await replyBox.fill(REPLY);
    const replies = await holdRequests(b, (address) => address.pathname.endsWith('/annotations'), { method: 'POST' });
    await thread.getByRole('button', { name: 'Send reply' }).click();
    await replies.firstHeld;
    expect(await thread.getByRole('button', { name: 'Sending…' }).isDisabled()).toBe(true);
    await replyBox.fill('And who paid for it?');
    replies.release();
    await expect.poll(() => thread.innerText()).toContain(REPLY);
    await thread.getByRole('button', { name: 'Send reply' }).waitFor();
    await replies.stop();
    expect(await replyBox.inputValue()).toBe('And who paid for it?');
    expect(replies.count).toBe(1);
    await thread.getByRole('button', { name: 'Cancel' }).click();

    // The first student sees the reply arrive live.
    const mine = marginOf(a).getByRole('listitem').filter({ hasText: COMMENT });
    await expect.poll(() => mine.getByRole('button', { name: '1 reply' }).count(), { timeout: 10_000 }).toBe(1);
    await mine.getByRole('button', { name: '1 reply' }).click();
    await expect.poll(() => mine.innerText()).toContain(REPLY);

    // The instructor sees the thread and its reply in the margin.
    const teacher = (await instructor.open(e2e.browser)).page;
    await openLive(teacher, readingPath);
    const taught = marginOf(teacher).getByRole('listitem').filter({ hasText: COMMENT });
    await taught.getByRole('button', { name: '1 reply' }).click();
    await expect.poll(() => taught.innerText()).toContain(REPLY);

    // A copied link opens the reader on the thread, open and focused; N numbers the paragraphs.
    const threads = await instructor.call<Array<{ id: string; body: string }>>(
      'GET',
      `/api/courses/${courseId}/readings/${readingId}/annotations`,
    );
    const linked = threads.find((t) => t.body === COMMENT)!;
    await teacher.goto(`${readingPath}?annotation=${linked.id}`, { waitUntil: 'networkidle' });
    await expect.poll(() => teacher.evaluate(() => document.activeElement?.id)).toBe(`annotation-${linked.id}`);
    expect(await marginOf(teacher).getByText(REPLY).isVisible()).toBe(true);
    await teacher.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await teacher.keyboard.press('n');
    await expect.poll(() => teacher.locator('.para-no').first().innerText()).toBe('¶1');

    // The other group's student saw none of it, live or on a fresh load, nor through the API.
    expect(await c.locator('body').innerText()).not.toContain(COMMENT);
    expect(await c.locator('mark.annotated').count()).toBe(0);
    await c.reload({ waitUntil: 'networkidle' });
    await c.getByRole('tab', { name: 'Annotations' }).click();
    expect(await marginOf(c).innerText()).toContain('No annotations yet');
    const seen = await c.locator('body').innerText();
    for (const words of [COMMENT, KEYBOARD_COMMENT, REPLY]) expect(seen).not.toContain(words);
    const listed = await chen.call<Array<{ body: string }>>(
      'GET',
      `/api/courses/${courseId}/readings/${readingId}/annotations`,
    );
    expect(listed.map((x) => x.body)).toEqual([]);
  });
});
