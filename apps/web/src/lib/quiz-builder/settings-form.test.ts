import { describe, expect, it } from 'vitest';
import { quizCreate, quizPatch, type StaffQuiz } from '@commonplace/contracts';
import { formValuesOf, settingsInput, shownSettings, typedSettings } from './settings-form';

const READING = '33333333-3333-4333-8333-333333333333';
const OTHER = '44444444-4444-4444-8444-444444444444';

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}

const filled = {
  title: 'Week 1 check',
  description: '',
  moduleId: '',
  opensAt: '2027-02-01T09:00',
  closesAt: '2027-02-08T09:00',
  opensAtTz: '-300',
  closesAtTz: '-240',
  timeLimitMinutes: '20',
  attemptsAllowed: '',
  gradingMethod: 'last',
  releaseAnswers: 'manual',
  shuffleOptions: 'on',
  readingIds: [READING, OTHER],
};

describe('the settings form as a request body', () => {
  it('reads each date in the browser’s zone on that date, empty boxes as none, boxes ticked or not, readings in order', () => {
    const input = settingsInput(form(filled));
    expect(input).toEqual({
      title: 'Week 1 check',
      description: '',
      moduleId: null,
      opensAt: '2027-02-01T09:00:00+05:00',
      closesAt: '2027-02-08T09:00:00+04:00',
      timeLimitMinutes: 20,
      attemptsAllowed: null,
      gradingMethod: 'last',
      shuffleQuestions: false,
      shuffleOptions: true,
      releaseAnswers: 'manual',
      readingIds: [READING, OTHER],
    });
    expect(quizCreate.safeParse(input).success).toBe(true);
    expect(quizPatch.safeParse(input).success).toBe(true);
  });

  it('lets the schema refuse what is wrong, by field', () => {
    const input = settingsInput(
      form({ ...filled, closesAt: '2027-01-01T09:00', timeLimitMinutes: '1.5', opensAt: '2027-02-31T09:00' }),
    );
    const result = quizCreate.safeParse(input);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['opensAt', 'timeLimitMinutes']));
  });

  it('gives a refused form back as typed, readings included', () => {
    const shown = typedSettings(formValuesOf(form(filled)));
    expect(shown).toMatchObject({
      title: 'Week 1 check',
      opensAt: '2027-02-01T09:00',
      shuffleOptions: true,
      shuffleQuestions: false,
      gradingMethod: 'last',
      readingIds: [READING, OTHER],
    });
  });

  it('shows a saved quiz with its dates in the browser’s zone', () => {
    const quiz = {
      title: 'Q',
      description: 'D',
      moduleId: null,
      opensAt: '2027-02-01T04:00:00.000Z',
      closesAt: null,
      timeLimitMinutes: null,
      attemptsAllowed: 2,
      gradingMethod: 'highest',
      shuffleQuestions: true,
      shuffleOptions: false,
      releaseAnswers: 'after-close',
      readings: [{ id: READING, title: 'R' }],
    } as unknown as StaffQuiz;
    expect(shownSettings(quiz, () => -300)).toMatchObject({
      moduleId: '',
      opensAt: '2027-02-01T09:00',
      closesAt: '',
      timeLimitMinutes: '',
      attemptsAllowed: '2',
      readingIds: [READING],
    });
  });
});
