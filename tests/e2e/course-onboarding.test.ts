// An instructor signs up and creates a course; a student joins it with the code and picks a group;
// the instructor finds the student in the roster, in that group. All through the real UI.
import { describe, expect, it } from 'vitest';
import { endToEnd } from '../support/e2e.js';
import { signUpInBrowser } from '../support/people.js';

const e2e = endToEnd();

describe('a course from sign-up to roster', () => {
  it('instructor creates a course, a student joins by code and picks a group, the roster shows them', async () => {
    const instructor = await signUpInBrowser(e2e.browser, e2e.app.url, 'Dana Instructor');
    const teacher = instructor.page;
    await teacher.getByLabel('Title').fill('Foreign Policy Seminar');
    await teacher.getByLabel('Term').fill('Spring 2027');
    await teacher.getByLabel('Description').fill('Sources on neutrality and trade routes.');
    await teacher.getByRole('button', { name: 'Create course' }).click();
    await teacher.getByRole('heading', { name: 'Foreign Policy Seminar', level: 1 }).waitFor();
    const joinCode =
      (await teacher.getByRole('region', { name: 'Join code' }).getByLabel('Join code').textContent())?.trim() ?? '';
    expect(joinCode).toMatch(/^[A-Z0-9-]{6,}$/);

    await teacher.getByRole('link', { name: 'People and groups' }).first().click();
    await teacher.getByLabel('Group name').fill('Steppe');
    await teacher.getByRole('button', { name: 'Create group' }).click();
    await teacher.getByRole('heading', { name: 'Steppe', level: 3 }).waitFor();
    await teacher.getByLabel('Students pick their own group').check();
    await teacher.getByLabel('Largest group size').fill('3');
    await teacher.getByRole('button', { name: 'Save group choice' }).click();
    await teacher.getByText('0 of 3 members').waitFor();

    const student = await signUpInBrowser(e2e.browser, e2e.app.url, 'Aigerim Student');
    const learner = student.page;
    await learner.getByLabel('Join code').fill(joinCode.toLowerCase());
    await learner.getByRole('button', { name: 'Join course' }).click();
    await learner.getByRole('heading', { name: 'Foreign Policy Seminar', level: 1 }).waitFor();
    await learner.getByRole('link', { name: 'People and groups' }).first().click();
    await learner.getByRole('button', { name: 'Join Steppe' }).click();
    await learner.getByText('Your group').waitFor();

    await teacher.reload();
    const row = teacher.getByRole('row', { name: /Aigerim Student/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(student.email);
    expect(await row.getByRole('cell').filter({ hasText: 'Steppe' }).count()).toBe(1);
    expect(await teacher.getByText('1 of 3 members').count()).toBe(1);
  });

  it('a wrong join code says so and joins nothing', async () => {
    const student = await signUpInBrowser(e2e.browser, e2e.app.url, 'Timur Student');
    await student.page.getByLabel('Join code').fill('NOPE-NOPE');
    await student.page.getByRole('button', { name: 'Join course' }).click();
    await student.page.getByRole('alert').filter({ hasText: 'No course accepts that join code' }).waitFor();
    expect(await student.page.getByText('You are not in any course yet').count()).toBe(1);
  });
});
