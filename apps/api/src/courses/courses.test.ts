import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { courseWithCast, signUp } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

describe('courses, join codes and the roster', () => {
  it('lets a student join with the code however it is typed, once', async () => {
    const { courseId, joinCode } = await courseWithCast(t);
    const student = await signUp(t, 'Aigerim');
    const typed = `${joinCode.slice(0, 4).toLowerCase()}-${joinCode.slice(4)} `;
    const joined = await student.call('joinCourse', {}, { code: typed });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ id: courseId, role: 'STUDENT' });
    expect((await student.call('joinCourse', {}, { code: joinCode })).body.error.code).toBe('ALREADY_ENROLLED');
    const course = await student.call('getCourse', { courseId });
    expect(course.body.joinCode).toBeNull();
  });

  it('answers a wrong, rotated or disabled code with 404 and enrols no one', async () => {
    const { courseId, joinCode, instructor } = await courseWithCast(t);
    const student = await signUp(t, 'Nurlan');
    const before = await t.prisma.enrollment.count();
    expect((await student.call('joinCourse', {}, { code: 'ZZZZZZZZ' })).body.error.code).toBe('JOIN_CODE_INVALID');

    const rotated = await instructor.call('rotateJoinCode', { courseId });
    expect(rotated.body.joinCode).not.toBe(joinCode);
    expect((await student.call('joinCourse', {}, { code: joinCode })).status).toBe(404);

    await instructor.call('setJoinCode', { courseId }, { enabled: false });
    expect((await student.call('joinCourse', {}, { code: rotated.body.joinCode })).status).toBe(404);
    expect(await t.prisma.enrollment.count()).toBe(before);
  });

  it('shows emails to staff only, and keeps at least one instructor', async () => {
    const { courseId, instructor, student, ta } = await courseWithCast(t);
    const asStaff = await ta.call('roster', { courseId });
    expect(asStaff.body.map((r: { email: string | null }) => r.email)).not.toContain(null);
    const asStudent = await student.call('roster', { courseId });
    expect(asStudent.body.every((r: { email: string | null }) => r.email === null)).toBe(true);

    const demote = await instructor.call('changeRole', { courseId, userId: instructor.userId }, { role: 'STUDENT' });
    expect(demote.body.error.code).toBe('LAST_INSTRUCTOR');
    expect((await instructor.call('removeMember', { courseId, userId: instructor.userId })).status).toBe(409);

    expect((await instructor.call('changeRole', { courseId, userId: ta.userId }, { role: 'INSTRUCTOR' })).status).toBe(
      200,
    );
    expect(
      (await instructor.call('changeRole', { courseId, userId: instructor.userId }, { role: 'TA' })).body.role,
    ).toBe('TA');
  });

  it('removing a member takes them out of their group and the course', async () => {
    const { courseId, instructor, student } = await courseWithCast(t);
    const group = await instructor.call('createGroup', { courseId }, { name: 'Caspian' });
    await instructor.call('assignToGroup', { courseId, groupId: group.body.id, userId: student.userId });
    expect((await instructor.call('removeMember', { courseId, userId: student.userId })).status).toBe(204);
    expect((await student.call('getCourse', { courseId })).status).toBe(404);
    expect((await instructor.call('listGroups', { courseId })).body[0].members).toEqual([]);
  });

  it('orders weeks as the instructor arranges them', async () => {
    const { courseId, instructor, student } = await courseWithCast(t);
    const one = await instructor.call('createModule', { courseId }, { title: 'Week 1', startsOn: '2027-02-01' });
    await instructor.call('createModule', { courseId }, { title: 'Week 2' });
    await instructor.call('updateModule', { courseId, moduleId: one.body.id }, { position: 5 });
    const course = await student.call('getCourse', { courseId });
    expect(course.body.modules.map((m: { title: string }) => m.title)).toEqual(['Week 2', 'Week 1']);
    expect(course.body.modules[1].startsOn).toBe('2027-02-01');
  });
});

describe('groups', () => {
  it('moves a student between groups, never into two', async () => {
    const { courseId, instructor, student } = await courseWithCast(t);
    const a = await instructor.call('createGroup', { courseId }, { name: 'Steppe' });
    const b = await instructor.call('createGroup', { courseId }, { name: 'Caspian' });
    await instructor.call('assignToGroup', { courseId, groupId: a.body.id, userId: student.userId });
    await instructor.call('assignToGroup', { courseId, groupId: b.body.id, userId: student.userId });
    const groups = await student.call('listGroups', { courseId });
    expect(groups.body.map((g: { name: string; members: unknown[] }) => [g.name, g.members.length])).toEqual([
      ['Caspian', 1],
      ['Steppe', 0],
    ]);
    expect((await student.call('getCourse', { courseId })).body.myGroupId).toBe(b.body.id);
    expect((await instructor.call('createGroup', { courseId }, { name: 'Steppe' })).body.error.code).toBe(
      'GROUP_NAME_TAKEN',
    );
  });

  it('lets students pick only when allowed, and only up to the cap, even when racing', async () => {
    const { courseId, instructor, student } = await courseWithCast(t);
    const group = await instructor.call('createGroup', { courseId }, { name: 'Steppe' });
    const pick = (c: typeof student) => c.call('pickGroup', { courseId, groupId: group.body.id });
    expect((await pick(student)).body.error.code).toBe('GROUP_SELF_SELECT_CLOSED');

    await instructor.call('setGroupSettings', { courseId }, { selfSelectCap: 2 });
    expect((await pick(student)).status).toBe(200);
    const rivals = await Promise.all([signUp(t, 'Rival One'), signUp(t, 'Rival Two')]);
    for (const rival of rivals)
      await t.prisma.enrollment.create({ data: { courseId, userId: rival.userId, role: 'STUDENT' } });
    const outcomes = (await Promise.all(rivals.map(pick))).map((r) => r.status).sort();
    expect(outcomes).toEqual([200, 409]);
    expect(await t.prisma.groupMember.count({ where: { groupId: group.body.id } })).toBe(2);
  });

  it('answers unknown and malformed ids with 404, not 500', async () => {
    const { courseId, instructor } = await courseWithCast(t);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await instructor.call('renameGroup', { courseId, groupId: unknown }, { name: 'X' })).body.error.code).toBe(
      'GROUP_NOT_FOUND',
    );
    expect((await instructor.call('deleteGroup', { courseId, groupId: 'not-a-uuid' })).status).toBe(404);
    expect((await instructor.call('getCourse', { courseId: 'not-a-uuid' })).body.error.code).toBe('COURSE_NOT_FOUND');
    expect((await instructor.call('changeRole', { courseId, userId: unknown }, { role: 'TA' })).body.error.code).toBe(
      'MEMBER_NOT_FOUND',
    );
  });
});
