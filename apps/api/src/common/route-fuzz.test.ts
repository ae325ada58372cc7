// Every route of the contracts' route table, called with values generated from its own schemas
// (and the ones that answered 500 before: NUL, lone surrogates, year 0, numbers beyond an integer),
// by real sessions of each role it admits. Whatever comes in, the answer is never a 5xx.
// FUZZ_SEED=<n> repeats a run; each failure names its seed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type Access, type RouteContract, type RouteName } from '@commonplace/contracts';
import type { ApiClient } from '../testing/api-client.js';
import { courseWithCast, signUp, type CourseCast } from '../testing/factories.js';
import { encodeForUrl, nastyValue, seededRandom, valueFor, type Random } from '../testing/fuzz-values.js';
import { readyDraft, savedReading } from '../testing/readings.js';
import { targetOf } from '../annotations/annotation-fixtures.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

const RUNS_PER_CALLER = 12;
const SEED = Number(process.env.FUZZ_SEED) || Date.now() % 1_000_000;

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());

type Caller = 'anonymous' | 'outsider' | 'student' | 'ta' | 'instructor';
/** The callers a route of each access level lets past the guard, and one it does not. */
const callersOf: Record<Access, Caller[]> = {
  public: ['anonymous', 'student'],
  user: ['outsider', 'anonymous'],
  member: ['student', 'ta', 'instructor', 'outsider'],
  staff: ['ta', 'instructor', 'student'],
  instructor: ['instructor', 'ta'],
};

interface Fixture {
  cast: CourseCast;
  ids: Record<string, string>;
}

/** A course with one of everything a path can name, made afresh for each route. */
async function fixture(): Promise<Fixture> {
  await t.db.truncate();
  const cast = await courseWithCast(t);
  const { courseId, instructor } = cast;
  const moduleId = (await instructor.call('createModule', { courseId }, { title: 'Week 1' })).body.id as string;
  const groupId = (await instructor.call('createGroup', { courseId }, { name: 'Steppe' })).body.id as string;
  await instructor.call('setGroupSettings', { courseId }, { selfSelectCap: 4 });
  const readingId = (await savedReading(t, instructor, courseId)).body.id as string;
  const draftId = await readyDraft(t, courseId, instructor.userId);
  const assignment = await instructor.call('createAssignment', { courseId }, { moduleId, readingId });
  // The student's own note (a document with a version, and a comment), so the routes that name
  // them get past "no such note" for its owner.
  const noteId = (await cast.student.call('createNote', { courseId }, { title: 'Mine', scope: 'personal', readingId }))
    .body.id as string;
  const documentId = noteId;
  await cast.student.call('createDocumentVersion', { courseId, documentId }, { name: 'First' });
  const comment = await cast.student.call('createComment', { courseId, noteId }, { body: 'A question.' });
  const { canonicalText } = await t.prisma.reading.findUniqueOrThrow({ where: { id: readingId } });
  const annotation = await cast.student.call(
    'createAnnotation',
    { courseId, readingId },
    { target: targetOf(canonicalText, 'kept logbooks'), visibility: 'course', body: 'Why?' },
  );
  // A published quiz with a question and the student's attempt, so quiz routes get past "no such quiz".
  const quizId = (await instructor.call('createQuiz', { courseId }, { title: 'Quiz' })).body.id as string;
  const question = await instructor.call(
    'createQuestion',
    { courseId, quizId },
    { type: 'short-answer', prompt: 'Who kept logbooks?', acceptedAnswers: ['keepers'] },
  );
  await instructor.call('publishQuiz', { courseId, quizId });
  const attempt = await cast.student.call('startAttempt', { courseId, quizId });
  const bankQuestion = await instructor.call(
    'createBankQuestion',
    { courseId },
    {
      type: 'single-choice',
      prompt: 'Who kept logbooks?',
      options: [{ text: 'Keepers', correct: true }, { text: 'Sheep' }],
    },
  );
  return {
    cast,
    ids: {
      quizId,
      questionId: question.body.id as string,
      attemptId: attempt.body.id as string,
      bankQuestionId: bankQuestion.body.id as string,
      courseId,
      moduleId,
      groupId,
      readingId,
      draftId,
      assignmentId: assignment.body.id as string,
      noteId,
      commentId: comment.body.id as string,
      annotationId: annotation.body.id as string,
      documentId,
      versionNumber: '1',
    },
  };
}

/** Path segments that are no id at all, as typed or forged. */
const nastySegments = [
  'not-a-uuid',
  '%00',
  '%ED%A0%80',
  '2147483648',
  '..',
  '%ZZ',
  '00000000-0000-0000-0000-000000000000',
];

function pathFor(route: RouteContract, f: Fixture, random: Random): string {
  const { cast } = f;
  const people = [cast.student, cast.ta, cast.instructor, cast.outsider].map((p) => p.userId);
  return route.path.replace(/:(\w+)/g, (_, key: string) => {
    if (random.chance(0.15)) return random.pick(nastySegments);
    if (key === 'userId') return random.pick(people);
    return f.ids[key] ?? randomUUID();
  });
}

function queryFor(route: RouteContract, ids: string[], random: Random): string {
  if (!route.query) return '';
  const value = valueFor(route.query, random, ids);
  if (typeof value !== 'object' || value === null) return `?q=${encodeForUrl(String(value))}`;
  const pairs = Object.entries(value).map(([k, v]) => `${k}=${encodeForUrl(String(v))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** An upload's multipart body: a file that is text, binary, broken or empty, and maybe a readingId. */
function uploadFor(route: RouteContract, ids: string[], random: Random): FormData {
  const form = new FormData();
  const fields = valueFor(route.multipart!, random, ids);
  const readingId = typeof fields === 'object' && fields && 'readingId' in fields ? fields.readingId : undefined;
  if (readingId !== undefined) form.append('readingId', String(readingId));
  const content = random.pick([
    '',
    'A short reading.\n\nWith two paragraphs.',
    'With a NUL\u0000 inside',
    '%PDF-1.7\n%broken',
    'PK\u0003\u0004not a docx',
    '<html><title>x\u0000</title><p>y</p></html>',
    new Uint8Array(Array.from({ length: 64 }, () => Math.floor(random.next() * 256))),
  ]);
  const name = random.pick(['reading.txt', 'notes.md', 'paper.pdf', 'x\u0000.html', '', 'essay.docx']);
  form.append('file', new Blob([content]), name);
  return form;
}

async function clientFor(caller: Caller, f: Fixture): Promise<ApiClient> {
  if (caller === 'anonymous') return t.client();
  return f.cast[caller];
}

describe('no generated input gets a 5xx from any route', () => {
  it.each(Object.keys(routes) as RouteName[])('%s', async (name) => {
    const route = routes[name] as RouteContract;
    const f = await fixture();
    const ids = Object.values(f.ids);
    const random = seededRandom(SEED + name.length * 7919 + name.charCodeAt(0));
    const failures: string[] = [];
    for (const caller of callersOf[route.access]) {
      for (let run = 0; run < RUNS_PER_CALLER; run++) {
        // Logging out ends the session the other runs use; it gets a session of its own each time.
        const client = name === 'logout' && caller !== 'anonymous' ? await signUp(t) : await clientFor(caller, f);
        const path = pathFor(route, f, random) + queryFor(route, ids, random);
        let body: unknown;
        if (route.multipart) body = uploadFor(route, ids, random);
        else if (route.body) body = random.chance(0.1) ? nastyValue(random) : valueFor(route.body, random, ids);
        else if (route.method !== 'GET' && random.chance(0.3)) body = nastyValue(random);
        const response = await client.request(route.method, path, body);
        if (response.status >= 500) {
          const sent = body instanceof FormData ? 'multipart form' : JSON.stringify(body)?.slice(0, 300);
          failures.push(
            `${caller} ${route.method} ${path} ${sent} -> ${response.status} ${JSON.stringify(response.body)}`,
          );
        }
      }
    }
    expect(failures, `FUZZ_SEED=${SEED}`).toEqual([]);
  });
});
