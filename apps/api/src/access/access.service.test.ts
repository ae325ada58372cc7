import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseWithCast, type CourseCast } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { AccessService } from './access.service.js';

let t: TestApi;
let access: AccessService;
let cast: CourseCast;
let groupId: string;
beforeAll(async () => {
  t = await startTestApi();
  access = t.api.app.get(AccessService);
  cast = await courseWithCast(t);
  const group = await cast.instructor.call('createGroup', { courseId: cast.courseId }, { name: 'Steppe' });
  groupId = group.body.id;
  await cast.instructor.call('assignToGroup', { courseId: cast.courseId, groupId, userId: cast.student.userId });
});
afterAll(() => t.close());

// What the collaboration server will do on connect: a token and a course, no HTTP request.
describe('access from a session token, without an HTTP context', () => {
  it("answers a student's identity, role and group in the course", async () => {
    const found = await access.forToken(cast.student.session, cast.courseId);
    expect(found?.identity.user).toEqual({ id: cast.student.userId, email: cast.student.email, name: 'Student' });
    expect(found?.viewer).toEqual({
      courseId: cast.courseId,
      userId: cast.student.userId,
      role: 'STUDENT',
      groupIds: [groupId],
    });
  });

  it('answers staff roles, with no groups', async () => {
    expect((await access.forToken(cast.ta.session, cast.courseId))?.viewer).toMatchObject({ role: 'TA', groupIds: [] });
    expect((await access.forToken(cast.instructor.session, cast.courseId))?.viewer?.role).toBe('INSTRUCTOR');
  });

  it('knows the user but gives no place in a course they are not in', async () => {
    const found = await access.forToken(cast.outsider.session, cast.courseId);
    expect(found?.identity.user.id).toBe(cast.outsider.userId);
    expect(found?.viewer).toBeNull();
  });

  it('knows the user but gives no course for an id that is not a uuid', async () => {
    const found = await access.forToken(cast.student.session, 'doc:not-a-course');
    expect(found?.identity.user.id).toBe(cast.student.userId);
    expect(found?.viewer).toBeNull();
  });

  it('gives nothing for a missing, unknown, oversized or expired token', async () => {
    expect(await access.forToken(undefined, cast.courseId)).toBeNull();
    expect(await access.forToken('not-a-session-token', cast.courseId)).toBeNull();
    expect(await access.forToken(`${cast.student.session}${'x'.repeat(100)}`, cast.courseId)).toBeNull();
    const other = await courseWithCast(t, 'Expiring');
    await t.prisma.session.updateMany({
      where: { userId: other.student.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await access.forToken(other.student.session, other.courseId)).toBeNull();
  });

  it('slides the expiry of a session last seen over a minute ago', async () => {
    const other = await courseWithCast(t, 'Sliding');
    const stale = new Date(Date.now() - 5 * 60_000);
    await t.prisma.session.updateMany({
      where: { userId: other.ta.userId },
      data: { lastSeenAt: stale, expiresAt: new Date(Date.now() + 60_000) },
    });
    await access.forToken(other.ta.session, other.courseId);
    const session = await t.prisma.session.findFirstOrThrow({ where: { userId: other.ta.userId } });
    expect(session.lastSeenAt.getTime()).toBeGreaterThan(stale.getTime());
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 24 * 60 * 60_000);
  });
});
