import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notFoundByParam, routePath, routes, type Access, type RouteName } from '@commonplace/contracts';
import { AccessService, roleAllows } from '../access/access.service.js';
import { courseWithCast, signUp, type CourseCast } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import type { ApiClient } from '../testing/api-client.js';
import { ARTICLE, readyDraft, savedReading, uploadForm } from '../testing/readings.js';
import { targetOf } from '../annotations/annotation-fixtures.js';

type Role = 'anonymous' | 'outsider' | 'student' | 'ta' | 'instructor';
const roles: Role[] = ['anonymous', 'outsider', 'student', 'ta', 'instructor'];

/** What each role gets from a route of each access level: success, or the refusal. */
const expected: Record<Access, Record<Role, 'ok' | number>> = {
  public: { anonymous: 'ok', outsider: 'ok', student: 'ok', ta: 'ok', instructor: 'ok' },
  user: { anonymous: 401, outsider: 'ok', student: 'ok', ta: 'ok', instructor: 'ok' },
  member: { anonymous: 401, outsider: 404, student: 'ok', ta: 'ok', instructor: 'ok' },
  staff: { anonymous: 401, outsider: 404, student: 403, ta: 'ok', instructor: 'ok' },
  instructor: { anonymous: 401, outsider: 404, student: 403, ta: 403, instructor: 'ok' },
};

interface Fixture {
  cast: CourseCast;
  params: Record<string, string>;
}

/**
 * A valid call of every route, on fresh fixtures so a destructive call cannot spoil the next.
 * A route added to the contracts without an entry here fails the test below.
 */
const calls: Partial<Record<RouteName, (f: Fixture, caller: Role) => unknown>> = {
  health: () => undefined,
  signup: () => ({
    name: 'New Person',
    email: `new.${Math.random().toString(36).slice(2)}@example.test`,
    password: 'correct horse 7',
  }),
  login: (f) => ({ email: f.cast.student.email, password: 'correct horse 7' }),
  logout: () => undefined,
  me: () => undefined,
  listCourses: () => undefined,
  createCourse: () => ({ title: 'Another course', term: 'Fall 2027' }),
  joinCourse: (f) => ({ code: f.params.joinCode }),
  getCourse: () => undefined,
  updateCourse: () => ({ description: 'Updated.' }),
  rotateJoinCode: () => undefined,
  setJoinCode: () => ({ enabled: false }),
  setGroupSettings: () => ({ selfSelectCap: 3 }),
  listModules: () => undefined,
  createModule: () => ({ title: 'Week 9' }),
  updateModule: () => ({ title: 'Week 1, revised' }),
  deleteModule: () => undefined,
  restoreModule: () => ({ title: 'Week 1, again', startsOn: null, position: 0, assignments: [] }),
  roster: () => undefined,
  changeRole: () => ({ role: 'TA' }),
  removeMember: () => undefined,
  listGroups: () => undefined,
  createGroup: () => ({ name: `Group ${Math.random().toString(36).slice(2, 7)}` }),
  renameGroup: () => ({ name: `Renamed ${Math.random().toString(36).slice(2, 7)}` }),
  deleteGroup: () => undefined,
  assignToGroup: () => undefined,
  removeFromGroup: () => undefined,
  pickGroup: () => undefined,
  uploadImport: () => uploadForm(ARTICLE, 'lighthouses.md'),
  pasteImport: () => ({ text: ARTICLE }),
  listImports: () => undefined,
  getImport: () => undefined,
  retryImport: async (f) => {
    await t.prisma.importDraft.update({
      where: { id: f.params.draftId },
      data: { status: 'FAILED', errorCode: 'IMPORT_FAILED', errorMessage: 'Failed.' },
    });
  },
  discardImport: () => undefined,
  saveImport: () => ({ title: 'Saved' }),
  listReadings: () => undefined,
  getReading: () => undefined,
  updateReading: () => ({ title: 'Renamed' }),
  deleteReading: () => undefined,
  downloadOriginal: () => undefined,
  listReadingVersions: () => undefined,
  downloadVersionOriginal: () => undefined,
  saveProgress: () => ({ furthest: 0.5, lastBlock: 0, activeSecondsDelta: 10 }),
  listAssignments: () => undefined,
  createAssignment: (f) => ({ moduleId: f.params.emptyModuleId, readingId: f.params.readingId }),
  updateAssignment: () => ({ dueAt: '2027-03-01T17:00:00Z' }),
  deleteAssignment: () => undefined,
  search: () => undefined,
  readingReport: () => undefined,
  readingReportCsv: () => undefined,
  createNote: () => ({ title: 'Week 1 notes', scope: 'personal' }),
  listNotes: () => undefined,
  updateNote: () => ({ title: 'Steppe notes, renamed' }),
  deleteNote: () => undefined,
  restoreNote: () => undefined,
  noteMarkdown: () => undefined,
  collabToken: () => undefined,
  listDocumentVersions: () => undefined,
  createDocumentVersion: () => ({ name: 'Before the seminar' }),
  getDocumentVersion: () => undefined,
  restoreDocumentVersion: () => undefined,
  listComments: () => undefined,
  createComment: () => ({ body: 'Cite the speech.' }),
  deleteComment: () => undefined,
  restoreComment: async (f) => {
    await t.prisma.documentComment.update({ where: { id: f.params.commentId }, data: { deletedAt: new Date() } });
  },
  listReadingCitations: () => undefined,
  createWikiPage: () => ({ title: 'Harbour lights' }),
  listWikiPages: () => undefined,
  updateWikiPage: () => ({ position: 0 }),
  deleteWikiPage: () => undefined,
  restoreWikiPage: () => undefined,
  wikiBacklinks: () => undefined,
  wikiWantedPages: () => undefined,
  wikiPageMarkdown: () => undefined,
  exportWiki: () => undefined,
  createAnnotation: async (f) => ({
    target: targetOf(await readingText(f.params.readingId!), 'kept logbooks'),
    visibility: 'course',
  }),
  listAnnotations: () => undefined,
  annotationEvents: () => undefined,
  markAnnotationsRead: (f) => ({ annotationIds: [f.params.annotationId] }),
  getAnnotation: () => undefined,
  updateAnnotation: (_, caller) => (caller === 'student' ? { body: 'Edited.' } : { pinned: true }),
  deleteAnnotation: () => undefined,
  restoreAnnotation: async (f) => {
    await t.prisma.annotation.update({ where: { id: f.params.annotationId }, data: { deletedAt: new Date() } });
  },
  annotationTags: () => undefined,
  setAnnotationTags: () => ({ tags: ['gossip'] }),
  mentionableMembers: () => undefined,
  annotationTriage: () => undefined,
  // A thread a new version left in triage: the student's own private one, for staff a course one.
  triageAnnotation: async (f, caller) => {
    const reading = await t.prisma.reading.findUniqueOrThrow({ where: { id: f.params.readingId } });
    const authorId = caller === 'student' ? f.cast.student.userId : f.params.userId!;
    const thread = await t.prisma.annotation.create({
      data: {
        courseId: f.params.courseId!,
        readingId: reading.id,
        authorId,
        visibility: caller === 'student' ? 'PRIVATE' : 'COURSE',
        quote: reading.canonicalText.slice(0, 10),
        start: 0,
        end: 10,
        readingVersion: reading.version,
        anchorStatus: 'TRIAGE',
      },
    });
    f.params.annotationId = thread.id;
    return { action: 'orphan' };
  },
  annotationHotspots: () => undefined,
  participation: () => undefined,
  participationCsv: () => undefined,
  exportAnnotations: () => undefined,
  importAnnotations: () => ({
    type: 'Annotation',
    target: { selector: { type: 'TextQuoteSelector', exact: 'keepers of the northern lights' } },
  }),
  listNotifications: () => undefined,
  markNotificationsRead: () => ({ all: true }),
  notificationEvents: () => undefined,
  createQuiz: () => ({ title: 'Week 2 quiz', timeLimitMinutes: 20, releaseAnswers: 'after-close' }),
  listQuizzes: () => undefined,
  getQuiz: () => undefined,
  updateQuiz: () => ({ title: 'Week 1 quiz, revised' }),
  publishQuiz: () => undefined,
  createQuestion: () => ({ type: 'true-false', prompt: 'Keepers kept logbooks.', answer: true }),
  reorderQuestions: (f) => ({ questionIds: [f.params.questionId] }),
  updateQuestion: () => ({ prompt: 'What did the keepers keep, mostly?' }),
  deleteQuestion: () => undefined,
  // The fixture's attempt is in progress; a start after it is gone is a new one.
  startAttempt: async (f) => {
    await t.prisma.quizAttempt.deleteMany({ where: { id: f.params.attemptId } });
  },
  listAttempts: () => undefined,
  getAttempt: () => undefined,
  saveAnswer: (f) => ({ response: f.params.optionId }),
  submitAttempt: () => undefined,
  gradingQueue: () => undefined,
  // A grade is for an answer of a submitted attempt: the student answers and submits first.
  gradeAnswer: async (f) => {
    await f.cast.student.call('saveAnswer', f.params, { response: f.params.optionId });
    await f.cast.student.call('submitAttempt', f.params);
    return { score: 1, feedback: 'Right.' };
  },
  regradeQuiz: () => undefined,
  previewQuiz: () => undefined,
  checkPreview: (f) => ({ responses: { [f.params.questionId!]: f.params.optionId } }),
  listBankQuestions: () => undefined,
  createBankQuestion: () => ({
    type: 'true-false',
    prompt: 'Keepers kept logbooks.',
    answer: true,
    category: 'Week 1',
  }),
  importBankQuestions: () => ({ format: 'gift', text: '::Logbooks::Keepers kept logbooks.{T}' }),
  exportBankQuestions: () => undefined,
  getBankQuestion: () => undefined,
  updateBankQuestion: () => ({ points: 2, tags: ['logbooks'] }),
  deleteBankQuestion: () => undefined,
  restoreBankQuestion: async (f) => {
    await t.prisma.bankQuestion.update({ where: { id: f.params.bankQuestionId }, data: { deletedAt: new Date() } });
  },
  saveQuestionToBank: () => ({ category: 'Week 1' }),
  addBankQuestionsToQuiz: (f) => ({ bankQuestionIds: [f.params.bankQuestionId] }),
  exportQuizQuestions: () => undefined,
  listQuizSuggestions: () => undefined,
  quizStatistics: () => undefined,
  quizStatisticsCsv: () => undefined,
  quizMissedPassages: () => undefined,
  readingQuizMisses: () => undefined,
  gradebook: () => undefined,
  gradebookCsv: () => undefined,
  myGrades: () => undefined,
};

/** A question in the course's bank, for the bank's routes to name. */
async function bankQuestionId(courseId: string): Promise<string> {
  const row = await t.prisma.bankQuestion.create({
    data: { courseId, type: 'true-false', prompt: 'Keepers kept logbooks.', points: 1, config: { answer: true } },
  });
  return row.id;
}

/** Refusals past the guard, by the route's own rule: groups are for students, so staff cannot pick one. */
const refusedPastGuard: Partial<Record<RouteName, Partial<Record<Role, number>>>> = {
  pickGroup: { ta: 409, instructor: 409 },
  // The fixture's note is its group's: the student in no group may not read it.
  noteMarkdown: { student: 404 },
  // Staff read a group's note but do not write it, rename it or delete it.
  updateNote: { student: 404, ta: 403, instructor: 403 },
  deleteNote: { student: 404, ta: 403, instructor: 403 },
  restoreNote: { student: 404, ta: 403, instructor: 403 },
  listDocumentVersions: { student: 404 },
  getDocumentVersion: { student: 404 },
  // Staff read a group's note but do not write it.
  createDocumentVersion: { student: 404, ta: 403, instructor: 403 },
  restoreDocumentVersion: { student: 404, ta: 403, instructor: 403 },
  listComments: { student: 404 },
  createComment: { student: 404 },
  deleteComment: { student: 404 },
  restoreComment: { student: 404 },
  // The fixture's annotation is the student's: staff moderate it but neither delete nor restore it,
  // and a deleted annotation without replies is its author's alone.
  deleteAnnotation: { ta: 403, instructor: 403 },
  restoreAnnotation: { ta: 404, instructor: 404 },
  // Quizzes are taken by students; staff read the fixture student's attempt but do not answer it.
  startAttempt: { ta: 403, instructor: 403 },
  saveAnswer: { ta: 403, instructor: 403 },
  submitAttempt: { ta: 403, instructor: 403 },
};

/** Query strings of the routes that take one. */
const queries: Partial<Record<RouteName, Record<string, string>>> = {
  search: { q: 'keepers' },
  mentionableMembers: { q: 'stu' },
  exportBankQuestions: { format: 'gift' },
  exportQuizQuestions: { format: 'gift' },
};

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());

async function readingText(readingId: string): Promise<string> {
  return (await t.prisma.reading.findUniqueOrThrow({ where: { id: readingId } })).canonicalText;
}

/** A reading assigned in the fixture's week, a ready draft, and an empty week to assign into. */
async function readingFixture(cast: CourseCast, moduleId: string) {
  const { courseId, instructor } = cast;
  const reading = await savedReading(t, instructor, courseId);
  const assignment = await instructor.call('createAssignment', { courseId }, { moduleId, readingId: reading.body.id });
  const empty = await instructor.call('createModule', { courseId }, { title: 'Week 2' });
  const annotation = await cast.student.call(
    'createAnnotation',
    { courseId, readingId: reading.body.id },
    { target: targetOf(await readingText(reading.body.id), 'the logbooks outlived'), visibility: 'course' },
  );
  return {
    annotationId: annotation.body.id as string,
    readingId: reading.body.id as string,
    assignmentId: assignment.body.id as string,
    draftId: await readyDraft(t, courseId, instructor.userId),
    version: '1',
    emptyModuleId: empty.body.id as string,
  };
}

/** A published quiz of one question, and the fixture student's attempt at it in progress. */
async function quizFixture(cast: CourseCast) {
  const { courseId, instructor } = cast;
  const quizId = (await instructor.call('createQuiz', { courseId }, { title: 'Week 1 quiz' })).body.id as string;
  const question = await instructor.call(
    'createQuestion',
    { courseId, quizId },
    {
      type: 'single-choice',
      prompt: 'What did keepers keep?',
      options: [{ text: 'Logbooks', correct: true }, { text: 'Sheep' }],
    },
  );
  await instructor.call('publishQuiz', { courseId, quizId });
  const attempt = await cast.student.call('startAttempt', { courseId, quizId });
  return {
    quizId,
    questionId: question.body.id as string,
    optionId: question.body.options[0].id as string,
    attemptId: attempt.body.id as string,
  };
}

async function freshFixture(withReadings: boolean, withQuiz = false): Promise<Fixture> {
  const cast = await courseWithCast(t);
  const { courseId, instructor } = cast;
  const module = await instructor.call('createModule', { courseId }, { title: 'Week 1' });
  const group = await instructor.call('createGroup', { courseId }, { name: 'Steppe' });
  await instructor.call('setGroupSettings', { courseId }, { selfSelectCap: 5 });
  // Someone to change, remove and regroup, so the callers themselves stay as they are.
  const subject = await signUp(t, 'Subject');
  await t.prisma.enrollment.create({ data: { courseId, userId: subject.userId, role: 'STUDENT' } });
  await instructor.call('assignToGroup', { courseId, groupId: group.body.id, userId: subject.userId });
  // The outsider joins another course by code; everyone else uses this one's.
  const other = await (await signUp(t, 'Other Instructor')).call('createCourse', {}, { title: 'Other', term: 'T' });
  const note = await subject.call('createNote', { courseId }, { title: 'Steppe notes', scope: 'group' });
  await subject.call('createDocumentVersion', { courseId, documentId: note.body.id }, { name: 'First' });
  const comment = await subject.call('createComment', { courseId, noteId: note.body.id }, { body: 'A question.' });
  const page = await subject.call('createWikiPage', { courseId }, { title: 'Lighthouse keepers' });
  return {
    cast,
    params: {
      courseId,
      moduleId: module.body.id,
      groupId: group.body.id,
      userId: subject.userId,
      joinCode: other.body.joinCode,
      noteId: note.body.id,
      documentId: note.body.id,
      versionNumber: '1',
      commentId: comment.body.id,
      pageId: page.body.id,
      // An id of no annotation, for the malformed-id checks; calls that need a real one make it.
      annotationId: randomUUID(),
      bankQuestionId: await bankQuestionId(courseId),
      ...(withReadings ? await readingFixture(cast, module.body.id) : {}),
      ...(withQuiz ? await quizFixture(cast) : {}),
    },
  };
}

function clientFor(f: Fixture, role: Role): ApiClient {
  if (role === 'anonymous') return t.client();
  return f.cast[role];
}

describe('authorization matrix', () => {
  it('has a valid call for every route in the contracts', () => {
    expect(Object.keys(routes).filter((name) => !(name in calls))).toEqual([]);
  });

  for (const name of Object.keys(routes) as RouteName[]) {
    const route = routes[name];
    it(`${route.method} ${route.path} (${route.access})`, async () => {
      const outcomes: Record<string, number> = {};
      const wanted: Record<string, number> = {};
      const withReadings = /\/(imports|readings|assignments|search)\b/.test(route.path);
      const withQuiz = route.path.includes('/quizzes');
      const query = queries[name] ? `?${new URLSearchParams(queries[name])}` : '';
      for (const role of roles) {
        const f = await freshFixture(withReadings, withQuiz);
        const body = await calls[name]!(f, role);
        const response = await clientFor(f, role).request(route.method, routePath(name, f.params) + query, body);
        const expectation = expected[route.access][role];
        outcomes[role] = response.status;
        wanted[role] = expectation === 'ok' ? (refusedPastGuard[name]?.[role] ?? route.status) : expectation;
      }
      expect(outcomes).toEqual(wanted);

      // A malformed id anywhere in the path is the 404 of what it names, even for the instructor.
      const f = await freshFixture(withReadings, withQuiz);
      for (const param of Object.keys(route.params.shape) as (keyof typeof notFoundByParam)[]) {
        const path = routePath(name, { ...f.params, [param]: 'not-a-uuid' });
        const response = await f.cast.instructor.request(route.method, path + query, calls[name]!(f, 'instructor'));
        expect({ param, status: response.status, code: response.body?.error?.code }).toEqual({
          param,
          status: 404,
          code: notFoundByParam[param],
        });
      }
    });
  }

  // The same table, asked of the access layer directly, as the collaboration server will ask it.
  it('answers every access level for every role from a session token, without HTTP', async () => {
    const access = t.api.app.get(AccessService);
    const f = await freshFixture(false);
    for (const role of roles) {
      const found = await access.forToken(clientFor(f, role).session, f.params.courseId!);
      for (const level of ['user', 'member', 'staff', 'instructor'] as const) {
        const answer = !found
          ? 401
          : level === 'user'
            ? 'ok'
            : !found.viewer
              ? 404
              : roleAllows(found.viewer.role, level)
                ? 'ok'
                : 403;
        expect({ role, level, answer }).toEqual({ role, level, answer: expected[level][role] });
      }
    }
  });
});
