// An instructor builds a quiz from the questions Commonplace suggests from a reading; a student takes
// it, reloads in the middle without losing an answer, submits, and follows the feedback of the
// question they missed back to the passage it tests, highlighted in the reader.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { endToEnd } from '../support/e2e.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { courseWithStudent, importReading, signUpOverApi } from '../support/course-setup.js';
import { readingsDir } from '../support/bench.js';

/** Pauline Jones's article, one of the course's readings: the facts the suggestions are drawn from. */
const JONES = '001_76be1b6e80824a5e.txt';

const e2e = endToEnd();

interface StaffQuestion {
  id: string;
  type: string;
  options?: { id: string; text: string; correct: boolean }[];
  passage?: unknown;
}

/** Answers the quiz's one question wrongly, whatever kind the suggestion made of it: what was answered. */
async function answerWrongly(page: Page, question: StaffQuestion): Promise<string> {
  if (question.type === 'single-choice') {
    const wrong = question.options!.find((option) => !option.correct)!.text;
    await page.getByRole('radio', { name: wrong }).check();
    return wrong;
  }
  expect(question.type).toBe('cloze');
  await page.locator('fieldset input[type="text"]').first().fill('not in the reading');
  return 'not in the reading';
}

describe('a quiz built from suggestions', () => {
  it('is taken across a reload and sends the student back to the passage they missed', async () => {
    const instructor = await signUpOverApi(e2e.app.url, 'Dana Instructor');
    const aliya = await signUpOverApi(e2e.app.url, 'Aliya Student');
    const { courseId, weekId } = await courseWithStudent(instructor, aliya);
    const readingId = await importReading(instructor, courseId, readFileSync(join(readingsDir, JONES), 'utf8'));
    await instructor.call('POST', `/api/courses/${courseId}/assignments`, { moduleId: weekId, readingId });
    const quiz = await instructor.call('POST', `/api/courses/${courseId}/quizzes`, {
      title: 'Week 1 check',
      opensAt: null,
      closesAt: null,
      timeLimitMinutes: 30,
      attemptsAllowed: 1,
      releaseAnswers: 'after-submit',
    });
    const quizPath = `/courses/${courseId}/quizzes/${quiz.id}`;

    const staff = await instructor.open(e2e.browser);
    // Choosing a reading loads its suggestions by itself once the page runs; "Show its suggestions" is
    // for a browser without scripts. Clicking both would start a second load that could clear the
    // "Added" message of an Accept made meanwhile.
    await staff.page.goto(`${quizPath}/suggestions`, { waitUntil: 'networkidle' });
    await staff.page.getByLabel('Reading', { exact: true }).selectOption(readingId);
    await staff.page.waitForURL((url) => url.searchParams.get('reading') === readingId);
    const suggestions = staff.page.getByRole('list', { name: 'Suggested questions, best first' });
    await suggestions.getByRole('button', { name: 'Accept' }).first().click();
    await expect.poll(() => staff.page.getByText('Added to the quiz.').count()).toBe(1);

    const built = await instructor.call<{ questions: StaffQuestion[] }>(
      'GET',
      `/api/courses/${courseId}/quizzes/${quiz.id}`,
    );
    expect(built.questions).toHaveLength(1);
    const [question] = built.questions as [StaffQuestion];
    expect(question.passage).toBeTruthy();

    await staff.page.goto(`${quizPath}/edit`);
    await staff.page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => staff.page.getByText('Published', { exact: true }).count()).toBeGreaterThan(0);

    const student = await aliya.open(e2e.browser);
    const page = student.page;
    await page.goto(quizPath);
    await page.getByRole('button', { name: /Start/ }).click();
    await page.waitForURL(/\/attempts\//);
    const answered = await answerWrongly(page, question);
    await expect.poll(() => page.getByText('All answers saved.').count()).toBe(1);

    await page.reload();
    if (question.type === 'single-choice') {
      await expect.poll(() => page.getByRole('radio', { name: answered }).isChecked()).toBe(true);
    } else {
      await expect.poll(() => page.locator('fieldset input[type="text"]').first().inputValue()).toBe(answered);
    }

    await page.getByRole('button', { name: 'Submit attempt…' }).click();
    await page.getByRole('button', { name: /^Submit( anyway)?$/ }).click();
    const reread = page.getByRole('link', { name: 'Reread the passage' }).first();
    await reread.waitFor();
    await reread.click();
    await page.waitForURL(new RegExp(`/readings/${readingId}\\?passage=\\d+-\\d+`));
    await expect.poll(() => page.locator('mark.passage').count()).toBeGreaterThan(0);
    expect(await page.getByRole('status').filter({ hasText: 'linked passage' }).innerText()).toContain(
      'The linked passage is highlighted.',
    );
  });
});
