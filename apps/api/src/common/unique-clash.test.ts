import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseWithCast } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());

/** Waits until another connection to this database is blocked on a lock (our request's insert). */
async function untilSomeoneWaitsOnALock(client: pg.Client): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { rowCount } = await client.query(
      `SELECT 1 FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
    );
    if (rowCount) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The request never waited on the competing write');
}

describe('a unique index deciding a race', () => {
  it('answers 409 with a typed error, not a 500, and keeps the write that came first', async () => {
    const { courseId, instructor, student } = await courseWithCast(t);
    const steppe = (await instructor.call('createGroup', { courseId }, { name: 'Steppe' })).body.id as string;
    const caspian = (await instructor.call('createGroup', { courseId }, { name: 'Caspian' })).body.id as string;

    // A simultaneous request (here a plain transaction) puts the student in Steppe, not yet committed.
    const competitor = new pg.Client({ connectionString: t.db.url });
    await competitor.connect();
    try {
      await competitor.query('BEGIN');
      await competitor.query(`INSERT INTO "GroupMember" ("groupId", "userId", "courseId") VALUES ($1, $2, $3)`, [
        steppe,
        student.userId,
        courseId,
      ]);
      const assigning = instructor.call('assignToGroup', { courseId, groupId: caspian, userId: student.userId });
      await untilSomeoneWaitsOnALock(competitor);
      await competitor.query('COMMIT');

      const answer = await assigning;
      expect(answer.status).toBe(409);
      expect(answer.body.error).toMatchObject({
        code: 'CHANGED_AT_THE_SAME_TIME',
        message: expect.stringMatching(/same moment/),
      });
    } finally {
      await competitor.end();
    }

    const groups = (await instructor.call('listGroups', { courseId })).body as {
      name: string;
      members: { userId: string }[];
    }[];
    expect(groups.map((g) => [g.name, g.members.map((m) => m.userId)])).toEqual(
      expect.arrayContaining([
        ['Steppe', [student.userId]],
        ['Caspian', []],
      ]),
    );
  });
});
