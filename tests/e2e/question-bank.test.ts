// An instructor keeps questions in the course's bank: writes one with the quiz editor, pastes a
// Moodle GIFT file, adds the ticked questions to a quiz as copies, and deletes one with an Undo.
// A student never gets in.
import { describe, expect, it } from 'vitest';
import { endToEnd } from '../support/e2e.js';
import { courseWithStudent, signUpOverApi } from '../support/course-setup.js';

const e2e = endToEnd();

const STATEMENT = 'Most of Kazakhstan’s oil leaves through the Caspian Pipeline Consortium.';
const GIFT = `::Ports:: Which port lies on the Caspian? {=Aktau ~Odesa ~Gdańsk}\n`;

describe('the question bank', () => {
  it('takes a written and an imported question, adds them to a quiz as copies, and undoes a delete', async () => {
    const instructor = await signUpOverApi(e2e.app.url, 'Dana Instructor');
    const aliya = await signUpOverApi(e2e.app.url, 'Aliya Student');
    const { courseId } = await courseWithStudent(instructor, aliya);
    const quiz = await instructor.call('POST', `/api/courses/${courseId}/quizzes`, {
      title: 'Week 1 check',
      opensAt: null,
      closesAt: null,
      timeLimitMinutes: null,
      attemptsAllowed: 1,
      releaseAnswers: 'after-submit',
    });
    const bankPath = `/courses/${courseId}/question-bank`;

    const { page } = await instructor.open(e2e.browser);
    await page.goto(bankPath, { waitUntil: 'networkidle' });
    await expect.poll(() => page.getByText('The bank is empty').count()).toBe(1);

    await page.getByLabel('Question type').selectOption('true-false');
    await page.getByRole('button', { name: 'Write a question' }).click();
    await page.getByLabel('Statement').fill(STATEMENT);
    await page.getByRole('radio', { name: 'True' }).check();
    await page.getByRole('button', { name: 'Save question' }).click();
    await expect.poll(() => page.getByText(/Added “Most of Kazakhstan’s oil/).count()).toBe(1);
    await expect.poll(() => page.getByRole('checkbox', { name: STATEMENT }).count()).toBe(1);

    await page.getByLabel('…or paste the questions').fill(GIFT);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByText('Imported 1 question.').count()).toBe(1);
    await expect.poll(() => page.getByText('2 questions').count()).toBeGreaterThan(0);

    await page.getByRole('checkbox', { name: STATEMENT }).check();
    await page.getByRole('checkbox', { name: 'Ports' }).check();
    await page.getByLabel('Add the ticked questions to').selectOption(quiz.id);
    await page.getByRole('button', { name: 'Add to quiz' }).click();
    await expect.poll(() => page.getByText('Added 2 questions to the quiz, as copies.').count()).toBe(1);
    const built = await instructor.call<{ questions: { type: string; prompt: string }[] }>(
      'GET',
      `/api/courses/${courseId}/quizzes/${quiz.id}`,
    );
    expect(built.questions.map((q) => [q.type, q.prompt]).sort()).toEqual([
      ['single-choice', 'Which port lies on the Caspian?'],
      ['true-false', STATEMENT],
    ]);

    await page.getByRole('button', { name: 'Delete “Ports”' }).click();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Ports' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Ports' }).count()).toBe(1);

    const student = await aliya.open(e2e.browser);
    const refused = await student.page.goto(bankPath);
    expect(refused?.status()).toBe(403);
    expect(
      await student.page.getByText('Only the instructors and TAs of this course can use the question bank.').count(),
    ).toBe(1);
  });
});
