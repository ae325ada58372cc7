import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BankQuestion, StaffQuestion } from '@commonplace/contracts';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { targetOf } from '../annotations/annotation-fixtures.js';
import { everyType, publishedQuiz, quizParams, type QuizCast } from '../quizzes/quiz-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

const GIFT = `$CATEGORY: $course$/top/Week 1

// [tag:oil]
::CPC share::What share of Kazakhstan's oil exports goes through the CPC?{=About 80% ~About 10% ~About 50%}

The CPC pipeline ends at {=Novorossiysk}.

Astana has been the capital since 1997.{T}

How long is the CPC pipeline, in km?{#1511:10}
`;

async function bankOf(c: QuizCast, query: Record<string, string> = {}) {
  const listed = await c.instructor.call('listBankQuestions', { courseId: c.courseId }, undefined, query);
  expect(listed.status, JSON.stringify(listed.body)).toBe(200);
  return listed.body as { items: BankQuestion[]; total: number; categories: string[] };
}

describe('the question bank', () => {
  it('creates, filters, edits (a PATCH leaves the rest), deletes and restores; students are refused', async () => {
    const c = await publishedQuiz(t);
    const { courseId } = c;
    for (const [i, question] of everyType(c.text, c.readingId).entries()) {
      const created = await c.instructor.call(
        'createBankQuestion',
        { courseId },
        { ...question, category: i < 4 ? 'Week 1' : 'Week 2', tags: ['pipelines'], title: `Q${i + 1}` },
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const all = await bankOf(c);
    expect(all.total).toBe(8);
    expect(all.categories).toEqual(['Week 1', 'Week 2']);
    const choice = all.items.find((q) => q.type === 'single-choice')!;
    expect(choice).toMatchObject({ title: 'Q1', passage: { readingId: c.readingId }, readingVersion: 1 });

    expect((await bankOf(c, { category: 'Week 2' })).total).toBe(4);
    expect((await bankOf(c, { type: 'essay' })).items.map((q) => q.title)).toEqual(['Q8']);
    expect((await bankOf(c, { q: 'KEEPERS KEEP' })).items.map((q) => q.title)).toEqual(['Q1']);
    const page2 = await bankOf(c, { pageSize: '3', page: '3' });
    expect([page2.total, page2.items.length]).toEqual([8, 2]);

    const params = { courseId, bankQuestionId: choice.id };
    const patched = await c.instructor.call('updateBankQuestion', params, { points: 4, tags: ['oil', 'oil'] });
    expect(patched.body).toMatchObject({ points: 4, tags: ['oil'], prompt: choice.prompt, title: 'Q1' });
    expect(patched.body.options.map((o: { id: string }) => o.id)).toEqual(
      choice.type === 'single-choice' && choice.options.map((o) => o.id),
    );
    const badKey = await c.instructor.call('updateBankQuestion', params, {
      options: [
        { text: 'a', correct: true },
        { text: 'b', correct: true },
      ],
    });
    expect(badKey.status).toBe(400);

    expect((await c.student.call('listBankQuestions', { courseId })).status).toBe(403);
    expect((await c.student.call('getBankQuestion', params)).status).toBe(403);

    expect((await c.ta.call('deleteBankQuestion', params)).status).toBe(204);
    expect((await c.instructor.call('getBankQuestion', params)).status).toBe(404);
    expect((await bankOf(c)).total).toBe(7);
    const restored = await c.instructor.call('restoreBankQuestion', params);
    expect(restored.body).toMatchObject({ id: choice.id, deletedAt: null, points: 4 });
    expect((await bankOf(c)).total).toBe(8);
  });

  it('copies questions between quizzes and the bank: later bank edits leave the quiz alone', async () => {
    const c = await publishedQuiz(t);
    const { courseId } = c;
    const [choice] = c.questions as [Extract<StaffQuestion, { type: 'single-choice' }>];
    const saved = await c.instructor.call('saveQuestionToBank', quizParams(c, { questionId: choice.id }), {
      category: 'Week 1',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body).toMatchObject({
      type: 'single-choice',
      prompt: choice.prompt,
      category: 'Week 1',
      passage: choice.passage,
    });

    const other = await c.instructor.call('createQuiz', { courseId }, { title: 'Week 2 quiz' });
    const otherQuiz = { courseId, quizId: other.body.id };
    const added = await c.instructor.call('addBankQuestionsToQuiz', otherQuiz, {
      bankQuestionIds: [saved.body.id, saved.body.id],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toHaveLength(2);
    const [copy] = added.body as [typeof choice];
    expect(copy).toMatchObject({ prompt: choice.prompt, points: choice.points, passage: choice.passage, position: 0 });
    expect(copy.options.map((o) => [o.text, o.correct])).toEqual(choice.options.map((o) => [o.text, o.correct]));
    expect(copy.options.map((o) => o.id)).not.toContain(choice.options[0]!.id);

    await c.instructor.call('updateBankQuestion', { courseId, bankQuestionId: saved.body.id }, { prompt: 'Changed.' });
    const quiz = await c.instructor.call('getQuiz', otherQuiz);
    expect(quiz.body.questions.map((q: StaffQuestion) => q.prompt)).toEqual([choice.prompt, choice.prompt]);

    const unknown = await c.instructor.call('addBankQuestionsToQuiz', otherQuiz, {
      bankQuestionIds: [saved.body.id, c.quiz.id],
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'BANK_QUESTION_NOT_FOUND']);
    expect((await c.instructor.call('getQuiz', otherQuiz)).body.questions).toHaveLength(2);
    expect(
      (await c.student.call('addBankQuestionsToQuiz', otherQuiz, { bankQuestionIds: [saved.body.id] })).status,
    ).toBe(403);
  });

  it('keeps each course’s bank to itself', async () => {
    const c = await publishedQuiz(t);
    const d = await publishedQuiz(t);
    const mine = await c.instructor.call(
      'createBankQuestion',
      { courseId: c.courseId },
      {
        type: 'true-false',
        prompt: 'Mine.',
        answer: true,
      },
    );
    const theirs = { courseId: d.courseId, bankQuestionId: mine.body.id };
    expect((await d.instructor.call('getBankQuestion', theirs)).status).toBe(404);
    expect((await d.instructor.call('restoreBankQuestion', theirs)).status).toBe(404);
    const add = await d.instructor.call('addBankQuestionsToQuiz', quizParams(d), { bankQuestionIds: [mine.body.id] });
    expect(add.status).toBe(404);
    // A passage must be of this course's readings.
    const foreign = await c.instructor.call(
      'createBankQuestion',
      { courseId: c.courseId },
      {
        type: 'true-false',
        prompt: 'Theirs.',
        answer: true,
        passage: { readingId: d.readingId, ...targetOf(d.text, 'kept logbooks') },
      },
    );
    expect(foreign.status).toBe(404);
  });
});

describe('GIFT and Aiken', () => {
  it('imports a GIFT file into categories, and exports it back as the same questions', async () => {
    const c = await publishedQuiz(t);
    const { courseId } = c;
    const imported = await c.instructor.call('importBankQuestions', { courseId }, { format: 'gift', text: GIFT });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.count).toBe(4);
    const bank = await bankOf(c);
    expect(bank.items.map((q) => [q.type, q.category]).sort()).toEqual([
      ['cloze', 'Week 1'],
      ['numeric', 'Week 1'],
      ['single-choice', 'Week 1'],
      ['true-false', 'Week 1'],
    ]);

    const exported = await c.instructor.request('GET', `/api/courses/${courseId}/question-bank/export?format=gift`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/plain');
    expect(exported.headers.get('content-disposition')).toContain('question bank.gift');
    await t.db.truncate();
    const e = await publishedQuiz(t);
    const again = await e.instructor.call(
      'importBankQuestions',
      { courseId: e.courseId },
      { format: 'gift', text: exported.body },
    );
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const strip = (q: BankQuestion) => {
      const { id: _i, courseId: _c, createdAt: _a, updatedAt: _u, ...rest } = q as Record<string, unknown>;
      if (Array.isArray(rest.options)) rest.options = (rest.options as { id: string }[]).map(({ id: _o, ...o }) => o);
      return rest;
    };
    const sorted = (items: BankQuestion[]) =>
      items.map(strip).sort((a, b) => String(a.prompt).localeCompare(String(b.prompt)));
    expect(sorted((await bankOf(e)).items)).toEqual(sorted(bank.items));
  });

  it('refuses a file with problems, naming each line, and stores nothing', async () => {
    const c = await publishedQuiz(t);
    const text = `${GIFT}\nQ with partial credit?{=a ~%50%b}\n\nAn empty option?{=right ~}\n\nJust a description.\n`;
    const refused = await c.instructor.call('importBankQuestions', { courseId: c.courseId }, { format: 'gift', text });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('BANK_IMPORT_INVALID');
    expect(Object.keys(refused.body.error.fields)).toEqual(['12', '14', '16']);
    expect(refused.body.error.fields['12']).toContain('Partial credit');
    expect(refused.body.error.fields['14']).toContain('options #2 text');
    expect((await bankOf(c)).total).toBe(0);
  });

  it('refuses empty, oversized and too-many-question imports clearly', async () => {
    const c = await publishedQuiz(t);
    const call = (text: string) =>
      c.instructor.call('importBankQuestions', { courseId: c.courseId }, { format: 'aiken', text });
    expect((await call('   \n\n')).body.error.code).toBe('BANK_IMPORT_EMPTY');
    const many = Array.from({ length: 501 }, (_, i) => `Q${i}?\nA. a\nB. b\nANSWER: A`).join('\n\n');
    expect((await call(many)).body.error.code).toBe('BANK_IMPORT_TOO_MANY');
    const long = await call('x'.repeat(600_000));
    expect([long.status, long.body.error.fields.text]).toEqual([400, expect.stringContaining('500,000')]);
    const huge = await call('x'.repeat(3 * 1024 * 1024));
    expect(huge.status).toBe(413);
  });

  it('imports Aiken, and exports a quiz as GIFT and refuses its other types as Aiken', async () => {
    const c = await publishedQuiz(t);
    const aiken = 'Capital of Kazakhstan?\nA. Almaty\nB) Astana\nANSWER: B\n';
    const imported = await c.instructor.call(
      'importBankQuestions',
      { courseId: c.courseId },
      {
        format: 'aiken',
        text: aiken,
        category: 'Geography',
      },
    );
    expect(imported.status).toBe(201);
    expect((await bankOf(c)).items[0]).toMatchObject({ category: 'Geography', type: 'single-choice' });
    const asAiken = await c.instructor.request('GET', `/api/courses/${c.courseId}/question-bank/export?format=aiken`);
    expect(asAiken.body).toBe('Capital of Kazakhstan?\nA. Almaty\nB. Astana\nANSWER: B\n');

    const quizExport = `/api/courses/${c.courseId}/quizzes/${c.quiz.id}/export?format=gift`;
    // The fixture's cloze has two blanks, which GIFT cannot hold: named, and nothing exported.
    const refused = await c.instructor.request('GET', quizExport);
    expect([refused.status, refused.body.error.fields]).toEqual([
      422,
      { '6. Fill in.': expect.stringContaining('one blank') },
    ]);
    const cloze = c.questions.find((q) => q.type === 'cloze')!;
    await c.instructor.call('deleteQuestion', quizParams(c, { questionId: cloze.id }));
    const quizGift = await c.instructor.request('GET', quizExport);
    expect(quizGift.status).toBe(200);
    expect(quizGift.body).toContain('What did the keepers keep?{');
    const quizAiken = await c.instructor.request(
      'GET',
      `/api/courses/${c.courseId}/quizzes/${c.quiz.id}/export?format=aiken`,
    );
    expect(quizAiken.status).toBe(422);
    // Seven questions are left, the single choice the only one Aiken holds.
    expect(Object.keys(quizAiken.body.error.fields)).toHaveLength(6);
    const student = await c.student.request(
      'GET',
      `/api/courses/${c.courseId}/quizzes/${c.quiz.id}/export?format=gift`,
    );
    expect(student.status).toBe(403);
  });
});
