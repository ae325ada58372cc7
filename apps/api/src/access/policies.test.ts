import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@commonplace/db';
import { courseWithCast, type CourseCast } from '../testing/factories.js';
import { savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { all, always, any, equals, hasRelated, never, oneOf, toSql, toWhere, type Condition } from './condition.js';
import {
  attemptVisible,
  attemptWritable,
  readingVisible,
  sharedVisible,
  sharedWritable,
  type Policy,
  type Viewer,
} from './policies.js';

let t: TestApi;
let cast: CourseCast;
let assigned: string;
let unassigned: string;
beforeAll(async () => {
  t = await startTestApi();
  cast = await courseWithCast(t);
  const { courseId, instructor } = cast;
  assigned = (await savedReading(t, instructor, courseId, '# Assigned\n\nThe keepers kept logbooks.\n')).body.id;
  unassigned = (await savedReading(t, instructor, courseId, '# Draft\n\nNot for students yet.\n')).body.id;
  const module = await instructor.call('createModule', { courseId }, { title: 'Week 1' });
  await instructor.call('createAssignment', { courseId }, { moduleId: module.body.id, readingId: assigned });
});
afterAll(() => t.close());

/** The ids of the readings a rule lets through, asked both ways. */
async function readingsBothWays(condition: Condition) {
  const viaPrisma = await t.prisma.reading.findMany({
    where: toWhere(condition) as Prisma.ReadingWhereInput,
    select: { id: true },
  });
  const viaSql = await t.prisma.$queryRaw<{ id: string }[]>`
    SELECT r.id::text AS id FROM "Reading" r WHERE ${toSql(condition, 'r')}`;
  return { prisma: viaPrisma.map((r) => r.id).sort(), sql: viaSql.map((r) => r.id).sort() };
}

describe('a condition rendered for Prisma and for SQL selects the same rows', () => {
  const cases: [string, () => Condition, () => string[]][] = [
    ['always', () => always, () => [assigned, unassigned]],
    ['never', () => never, () => []],
    ['a uuid column', () => equals('id', assigned), () => [assigned]],
    ['a text column', () => equals('title', 'Draft', 'text'), () => [unassigned]],
    ['one of several ids', () => oneOf('id', [unassigned, randomUUID()]), () => [unassigned]],
    ['one of no ids', () => oneOf('id', []), () => []],
    ['a related row exists', () => hasRelated('assignments', 'Assignment', 'readingId'), () => [assigned]],
    ['all of', () => all(equals('courseId', cast.courseId), equals('id', unassigned)), () => [unassigned]],
    ['any of', () => any(equals('id', assigned), equals('title', 'Draft', 'text')), () => [assigned, unassigned]],
    ['an empty any', () => any(), () => []],
  ];
  for (const [name, condition, expected] of cases) {
    it(name, async () => {
      const both = await readingsBothWays(condition());
      expect(both.prisma).toEqual([...expected()].sort());
      expect(both.sql).toEqual(both.prisma);
    });
  }

  it('refuses a column name that is not an identifier', () => {
    expect(() => toSql(equals('id" OR TRUE --', assigned), 'r')).toThrow(/identifier/);
  });
});

describe('reading visibility', () => {
  it('lets a student see only assigned readings, and staff all of the course, both ways', async () => {
    const student = { courseId: cast.courseId, userId: cast.student.userId, role: 'STUDENT' as const };
    const ta = { courseId: cast.courseId, userId: cast.ta.userId, role: 'TA' as const };
    expect(await readingsBothWays(readingVisible(student).condition)).toEqual({ prisma: [assigned], sql: [assigned] });
    const both = [assigned, unassigned].sort();
    expect(await readingsBothWays(readingVisible(ta).condition)).toEqual({ prisma: both, sql: both });
  });

  it('shows nothing of another course, even to its staff', async () => {
    const other = { courseId: randomUUID(), userId: cast.instructor.userId, role: 'INSTRUCTOR' as const };
    expect(await readingsBothWays(readingVisible(other).condition)).toEqual({ prisma: [], sql: [] });
  });
});

// Notes, wiki pages, annotations and quiz attempts have no tables yet: their policies run over a
// throwaway row set with the columns they name.
const course = randomUUID();
const groupA = randomUUID();
const groupB = randomUUID();
const author = randomUUID();
const classmate = randomUUID();
const otherGroup = randomUUID();
const ta = randomUUID();
const people: Record<string, Viewer> = {
  author: { courseId: course, userId: author, role: 'STUDENT', groupIds: [groupA] },
  classmate: { courseId: course, userId: classmate, role: 'STUDENT', groupIds: [groupA] },
  otherGroup: { courseId: course, userId: otherGroup, role: 'STUDENT', groupIds: [groupB] },
  ungrouped: { courseId: course, userId: randomUUID(), role: 'STUDENT', groupIds: [] },
  ta: { courseId: course, userId: ta, role: 'TA', groupIds: [] },
  elsewhere: { courseId: randomUUID(), userId: author, role: 'INSTRUCTOR', groupIds: [groupA] },
};
const rows = [
  { id: 'private', course, owner: author, visibility: 'PRIVATE', group: null },
  { id: 'group', course, owner: author, visibility: 'GROUP', group: groupA },
  { id: 'course', course, owner: author, visibility: 'COURSE', group: null },
];

async function sharedRowsFor(policy: Policy): Promise<string[]> {
  const values = Prisma.join(
    rows.map((r) => Prisma.sql`(${r.id}, ${r.course}::uuid, ${r.owner}::uuid, ${r.visibility}, ${r.group}::uuid)`),
  );
  const found = await t.prisma.$queryRaw<{ id: string }[]>`
    SELECT d.id FROM (VALUES ${values}) AS d(id, "courseId", "authorId", visibility, "groupId")
    WHERE ${policy.sql('d')} ORDER BY d.id`;
  return found.map((r) => r.id);
}

describe('notes, wiki pages and annotations: owner, group or course', () => {
  const canRead: Record<string, string[]> = {
    author: ['course', 'group', 'private'],
    classmate: ['course', 'group'],
    otherGroup: ['course'],
    ungrouped: ['course'],
    ta: ['course', 'group'],
    elsewhere: [],
  };
  for (const [who, expected] of Object.entries(canRead)) {
    it(`${who} reads ${expected.join(', ') || 'nothing'}; co-editors write the same`, async () => {
      expect(await sharedRowsFor(sharedVisible(people[who]!))).toEqual(expected);
      expect(await sharedRowsFor(sharedWritable(people[who]!, 'audience'))).toEqual(expected);
    });
  }

  it('lets only the author write an owner-only resource such as an annotation', async () => {
    expect(await sharedRowsFor(sharedWritable(people.author!, 'owner'))).toEqual(['course', 'group', 'private']);
    for (const who of ['classmate', 'ta', 'elsewhere']) {
      expect(await sharedRowsFor(sharedWritable(people[who]!, 'owner'))).toEqual([]);
    }
  });
});

describe('quiz attempts: their student, and staff to grade', () => {
  const attempts = [
    { id: 'mine', course, student: author },
    { id: 'theirs', course, student: classmate },
  ];
  async function attemptsFor(policy: Policy): Promise<string[]> {
    const values = Prisma.join(attempts.map((a) => Prisma.sql`(${a.id}, ${a.course}::uuid, ${a.student}::uuid)`));
    const found = await t.prisma.$queryRaw<{ id: string }[]>`
      SELECT d.id FROM (VALUES ${values}) AS d(id, "courseId", "studentId") WHERE ${policy.sql('d')} ORDER BY d.id`;
    return found.map((r) => r.id);
  }

  it('shows a student their own attempt only, and staff every attempt of the course', async () => {
    expect(await attemptsFor(attemptVisible(people.author!))).toEqual(['mine']);
    expect(await attemptsFor(attemptVisible(people.ta!))).toEqual(['mine', 'theirs']);
    expect(await attemptsFor(attemptVisible(people.elsewhere!))).toEqual([]);
  });

  it('lets only the student answer in their attempt', async () => {
    expect(await attemptsFor(attemptWritable(people.author!))).toEqual(['mine']);
    expect(await attemptsFor(attemptWritable(people.ta!))).toEqual([]);
  });
});
