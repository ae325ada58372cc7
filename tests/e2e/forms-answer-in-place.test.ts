// Forms answer where the person looked: a wrong join code by the code field, a refused role
// change beside that person's role (put back as it was), and the Assign form lays out its fields
// apart, offers only readings not yet in the week, and tells equal titles apart.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { endToEnd } from '../support/e2e.js';
import { courseWithStudent, importReading, readingWithNotes, signUpOverApi } from '../support/course-setup.js';

const e2e = endToEnd();

const boxOf = (element: Locator) =>
  element.evaluate((el) => {
    const { left, right, top, bottom } = el.getBoundingClientRect();
    return { left, right, top, bottom };
  });

describe('forms answer in place', () => {
  it('a wrong join code is told by the code field, not in the "Create a course" card', async () => {
    const student = await signUpOverApi(e2e.app.url, 'Madina Student');
    const { page } = await student.open(e2e.browser);
    await page.goto('/courses', { waitUntil: 'networkidle' });
    const joinCard = page.getByRole('region', { name: 'Join a course' });
    const code = joinCard.getByLabel('Join code');
    await code.fill('NOPE-NOPE');
    await joinCard.getByRole('button', { name: 'Join course' }).click();
    await joinCard.getByRole('alert').filter({ hasText: 'No course accepts that join code' }).waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await code.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toContain('No course accepts that join code');
    expect(await page.getByRole('region', { name: 'Create a course' }).getByRole('alert').count()).toBe(0);
    expect(await code.inputValue()).toBe('NOPE-NOPE');
  });

  it('a refused role change puts the role back and says why beside it', async () => {
    const instructor = await signUpOverApi(e2e.app.url, 'Dana Instructor');
    const student = await signUpOverApi(e2e.app.url, 'Yerlan Student');
    const { courseId } = await courseWithStudent(instructor, student);
    const { page } = await instructor.open(e2e.browser);
    await page.goto(`/courses/${courseId}/people`, { waitUntil: 'networkidle' });
    const row = page.getByRole('row', { name: /Dana Instructor/ });
    const role = row.getByLabel('Role of Dana Instructor', { exact: true });
    await role.selectOption('STUDENT');
    await row.getByRole('button', { name: 'Save role of Dana Instructor' }).click();
    await row
      .getByRole('alert')
      .filter({ hasText: 'Role not changed: A course needs at least one instructor.' })
      .waitFor();
    expect(await role.inputValue()).toBe('INSTRUCTOR');
    // A role that does not exist (a forged option) is refused the same way, not with an error page.
    await role.evaluate((select) => ((select as HTMLSelectElement).options[0]!.value = 'OWNER'));
    await role.selectOption('OWNER');
    await row.getByRole('button', { name: 'Save role of Dana Instructor' }).click();
    await row
      .getByRole('alert')
      .filter({ hasText: 'Role not changed:', hasNotText: 'at least one instructor' })
      .waitFor();
    expect(await role.inputValue()).toBe('INSTRUCTOR');
    // A change the course allows still goes through.
    const other = page.getByRole('row', { name: /Yerlan Student/ });
    await other.getByLabel('Role of Yerlan Student', { exact: true }).selectOption('TA');
    await other.getByRole('button', { name: 'Save role of Yerlan Student' }).click();
    await page.getByRole('status').filter({ hasText: 'Role changed.' }).waitFor();
    expect(await row.getByRole('alert').count()).toBe(0);
    await page.reload();
    expect(await page.getByLabel('Role of Yerlan Student', { exact: true }).inputValue()).toBe('TA');
  });

  it('the Assign form keeps its button clear of the due date, and lists each unassigned reading distinctly', async () => {
    const instructor = await signUpOverApi(e2e.app.url, 'Dana Instructor');
    const student = await signUpOverApi(e2e.app.url, 'Saule Student');
    const { courseId, weekId } = await courseWithStudent(instructor, student);
    const first = await importReading(instructor, courseId, readingWithNotes);
    const second = await importReading(
      instructor,
      courseId,
      readingWithNotes.replace('By Aliya Karimova', 'By Nurlan Seitkali'),
    );
    const assigned = await importReading(
      instructor,
      courseId,
      `The Northern Route\n\nBy Saule Omarova\n\n${'The northern route carried less each month, and shippers said so openly. '.repeat(10)}`,
    );
    await instructor.call('POST', `/api/courses/${courseId}/assignments`, { moduleId: weekId, readingId: assigned });

    const { page } = await instructor.open(e2e.browser);
    await page.goto(`/courses/${courseId}`, { waitUntil: 'networkidle' });
    await page.getByText('Assign a reading').click();
    const reading = page.getByLabel('Reading', { exact: true });
    const options = await reading
      .locator('option')
      .evaluateAll((all) =>
        all.map((o) => ({ value: (o as HTMLOptionElement).value, label: (o as HTMLOptionElement).label })),
      );
    expect(options.map((o) => o.value).sort()).toEqual([first, second].sort());
    const labelOf = (id: string) => options.find((o) => o.value === id)!.label;
    expect(labelOf(first)).toMatch(/^The Caspian Crossing\b.*Karimova/);
    expect(labelOf(second)).toMatch(/^The Caspian Crossing\b.*Seitkali/);

    const due = page.getByLabel('Due (optional)');
    const button = page.getByRole('button', { name: 'Assign', exact: true });
    const [dueBox, buttonBox] = [await boxOf(due), await boxOf(button)];
    const apart =
      buttonBox.left >= dueBox.right ||
      buttonBox.right <= dueBox.left ||
      buttonBox.top >= dueBox.bottom ||
      buttonBox.bottom <= dueBox.top;
    expect({ dueBox, buttonBox, apart }).toMatchObject({ apart: true });
    // The whole due field can be used: a click at its right end lands on it, not on the button.
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('input,button')?.tagName, {
      x: dueBox.right - 4,
      y: (dueBox.top + dueBox.bottom) / 2,
    });
    expect(hit).toBe('INPUT');

    await reading.selectOption(second);
    await due.fill('2027-02-05T17:00');
    await button.click();
    await page.getByRole('link', { name: 'The Caspian Crossing' }).waitFor();
    // The one left is still named apart from its namesake, now in the week.
    const left = page.getByLabel('Reading', { exact: true }).locator('option');
    expect(await left.count()).toBe(1);
    expect(await left.evaluate((o) => (o as HTMLOptionElement).label)).toMatch(/^The Caspian Crossing\b.*Karimova/);
  });
});
