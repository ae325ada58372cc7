import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { courseWithCast } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

describe('groups are for students', () => {
  it('refuses staff picking a group for themselves, and puts no one in it', async () => {
    const { courseId, instructor, ta } = await courseWithCast(t);
    const group = await instructor.call('createGroup', { courseId }, { name: 'Steppe' });
    await instructor.call('setGroupSettings', { courseId }, { selfSelectCap: 4 });

    for (const staff of [instructor, ta]) {
      const pick = await staff.call('pickGroup', { courseId, groupId: group.body.id });
      expect(pick.status).toBe(409);
      expect(pick.body.error).toMatchObject({ code: 'GROUPS_ARE_FOR_STUDENTS', message: /Groups are for students/ });
    }
    expect(await t.prisma.groupMember.count()).toBe(0);
  });

  it('refuses putting an instructor or a TA into a group, while a student can be', async () => {
    const { courseId, instructor, ta, student } = await courseWithCast(t);
    const group = await instructor.call('createGroup', { courseId }, { name: 'Caspian' });
    const groupId = group.body.id as string;

    for (const userId of [instructor.userId, ta.userId]) {
      const assign = await instructor.call('assignToGroup', { courseId, groupId, userId });
      expect(assign.status).toBe(409);
      expect(assign.body.error.code).toBe('GROUPS_ARE_FOR_STUDENTS');
    }
    const placed = await ta.call('assignToGroup', { courseId, groupId, userId: student.userId });
    expect(placed.status).toBe(200);
    expect(placed.body.members.map((m: { userId: string }) => m.userId)).toEqual([student.userId]);
  });
});
