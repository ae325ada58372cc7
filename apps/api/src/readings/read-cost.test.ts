import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteName } from '@commonplace/contracts';
import { courseWithCast, type CourseCast } from '../testing/factories.js';
import { savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
let cast: CourseCast;
let readingId: string;

/**
 * Every statement the API sends goes through pg's Client.query (Prisma's adapter included). The
 * job queue's own polling (pg-boss, in its `pgboss` schema) runs on a timer of its own, not for
 * the request, and is left out.
 */
let statements = 0;
const sqlOf = (statement: unknown) =>
  typeof statement === 'string' ? statement : ((statement as { text?: string } | null)?.text ?? '');
const query = pg.Client.prototype.query;

beforeAll(async () => {
  t = await startTestApi();
  cast = await courseWithCast(t);
  const { courseId, instructor, student } = cast;
  const week = await instructor.call('createModule', { courseId }, { title: 'Week 1' });
  // Enough readings that a query per reading (or per relation per reading) would show.
  for (let i = 0; i < 4; i++) {
    const id = (await savedReading(t, instructor, courseId, `# Reading ${i}\n\nThe keepers kept logbooks.\n`)).body.id;
    await instructor.call('createAssignment', { courseId }, { moduleId: week.body.id, readingId: id });
    await student.call(
      'saveProgress',
      { courseId, readingId: id },
      { furthest: 0.5, lastBlock: 0, activeSecondsDelta: 5 },
    );
    readingId = id;
  }
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (!sqlOf(args[0]).includes('pgboss.')) statements++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
});
afterAll(async () => {
  pg.Client.prototype.query = query;
  await t.close();
});

/** How many SQL statements one call of the route costs the database, once warm. */
async function statementsFor(name: RouteName, params: Record<string, string>, q?: Record<string, string>) {
  const first = await cast.student.call(name, params, undefined, q);
  expect(first.status).toBe(200);
  statements = 0;
  const response = await cast.student.call(name, params, undefined, q);
  expect(response.status).toBe(200);
  return statements;
}

// The pages a student opens most: who they are and what they may do is one statement, and
// each list one more, however many readings, assignments and progress rows it carries.
describe('statements per read request, as a student', () => {
  it('who am I and my courses', async () => {
    expect(await statementsFor('me', {})).toBe(1);
    expect(await statementsFor('listCourses', {})).toBe(2);
  });

  it('the readings list and one reading', async () => {
    const { courseId } = cast;
    expect(await statementsFor('listReadings', { courseId })).toBe(2);
    expect(await statementsFor('getReading', { courseId, readingId })).toBe(2);
  });

  it('assignments and search', async () => {
    const { courseId } = cast;
    expect(await statementsFor('listAssignments', { courseId })).toBe(2);
    expect(await statementsFor('search', { courseId }, { q: 'keepers' })).toBe(2);
  });
});
