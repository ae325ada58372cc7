import type { QuizSuggestions } from '@commonplace/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assignedReading } from '../annotation-anchoring/testing.js';
import { courseWithCast } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

const PIPELINES = `# Pipelines of the Caspian

## Exports

About 80 percent of the oil is exported through the Caspian Pipeline Consortium (CPC) to the sea.

Oil and gas account for approximately 35 percent of the GDP of the country in a normal year.

Trade with the European Union (EU) made up 29.7 percent of all trade in goods in that year.

The tenge lost 20 percent of its value against the dollar within a single month of the war.
`;

async function setup() {
  const cast = await courseWithCast(t);
  const readingId = await assignedReading(t, cast.instructor, cast.courseId, PIPELINES);
  const quizId = (await cast.instructor.call('createQuiz', { courseId: cast.courseId }, { title: 'Week 1' })).body
    .id as string;
  return { ...cast, readingId, quizId };
}

describe('GET …/readings/:readingId/quiz-suggestions', () => {
  it('gives staff ranked suggestions that the question route takes as they are', async () => {
    const { instructor, courseId, readingId, quizId } = await setup();
    const listed = await instructor.call('listQuizSuggestions', { courseId, readingId });
    expect(listed.status).toBe(200);
    const body = listed.body as QuizSuggestions;
    expect(body).toMatchObject({ readingId, readingTitle: 'Pipelines of the Caspian', readingVersion: 1 });
    expect(body.suggestions.map((s) => s.answer)).toContain('80 percent');

    const cpc = body.suggestions.find((s) => s.answer === '80 percent')!;
    const added = await instructor.call('createQuestion', { courseId, quizId }, cpc.question);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      type: 'single-choice',
      passage: { readingId, selector: [{ exact: cpc.passage.quote }, { start: cpc.passage.start }] },
    });

    // Asked for this quiz, what it already asks is left out.
    const again = await instructor.call('listQuizSuggestions', { courseId, readingId }, undefined, { quizId });
    const rest = again.body as QuizSuggestions;
    expect(rest.alreadyAsked).toBe(1);
    expect(rest.suggestions.map((s) => s.id)).not.toContain(cpc.id);
    expect(rest.suggestions).toHaveLength(body.suggestions.length - 1);
  });

  it('limits, and refuses what it cannot answer', async () => {
    const { instructor, ta, student, courseId, readingId } = await setup();
    const one = await instructor.request(
      'GET',
      `/api/courses/${courseId}/readings/${readingId}/quiz-suggestions?limit=1`,
    );
    expect((one.body as QuizSuggestions).suggestions).toHaveLength(1);
    expect((await ta.call('listQuizSuggestions', { courseId, readingId })).status).toBe(200);
    expect((await student.call('listQuizSuggestions', { courseId, readingId })).status).toBe(403);
    const base = `/api/courses/${courseId}/readings/${readingId}/quiz-suggestions`;
    expect((await instructor.request('GET', `${base}?limit=0`)).status).toBe(400);
    expect((await instructor.request('GET', `${base}?limit=1000`)).status).toBe(400);
    const otherQuiz = '6f1e8f0c-2b1a-4c3d-9e8f-7a6b5c4d3e2f';
    const unknown = await instructor.request('GET', `${base}?quizId=${otherQuiz}`);
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'QUIZ_NOT_FOUND' } } });
    const noReading = await instructor.request(
      'GET',
      `/api/courses/${courseId}/readings/${otherQuiz}/quiz-suggestions`,
    );
    expect(noReading).toMatchObject({ status: 404, body: { error: { code: 'READING_NOT_FOUND' } } });
  });
});
