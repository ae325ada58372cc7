import { randomBytes } from 'node:crypto';
import type { CourseRole } from '@commonplace/contracts';
import type { ApiClient } from './api-client.js';
import type { TestApi } from './test-api.js';

export const PASSWORD = 'correct horse 7';

export async function signUp(t: TestApi, name = 'Test Person'): Promise<ApiClient & { userId: string; email: string }> {
  const client = t.client();
  // Thousands of people of one name in a test's database (the authorization matrix): 32 random bits met twice once.
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(12).toString('hex')}@example.test`;
  const response = await client.call('signup', {}, { name, email, password: PASSWORD });
  if (response.status !== 201) throw new Error(`signup failed: ${JSON.stringify(response.body)}`);
  return Object.assign(client, { userId: response.body.id as string, email });
}

export interface CourseCast {
  courseId: string;
  joinCode: string;
  instructor: Awaited<ReturnType<typeof signUp>>;
  ta: Awaited<ReturnType<typeof signUp>>;
  student: Awaited<ReturnType<typeof signUp>>;
  outsider: Awaited<ReturnType<typeof signUp>>;
}

/** A course with one person of each role, and someone who is not in it. */
export async function courseWithCast(t: TestApi, title = 'Foreign Policy Seminar'): Promise<CourseCast> {
  const [instructor, ta, student, outsider] = await Promise.all([
    signUp(t, 'Instructor'),
    signUp(t, 'Teaching Assistant'),
    signUp(t, 'Student'),
    signUp(t, 'Outsider'),
  ]);
  const created = await instructor.call('createCourse', {}, { title, term: 'Spring 2027', description: 'Readings.' });
  const courseId = created.body.id as string;
  const joinCode = created.body.joinCode as string;
  await enrol(t, courseId, ta.userId, 'TA');
  await enrol(t, courseId, student.userId, 'STUDENT');
  return { courseId, joinCode, instructor, ta, student, outsider };
}

export async function enrol(t: TestApi, courseId: string, userId: string, role: CourseRole): Promise<void> {
  await t.prisma.enrollment.create({ data: { courseId, userId, role } });
}

/** Two groups in the cast's course: Steppe with the cast's student, Caspian with a new student, Rival. */
export async function twoGroups(t: TestApi, cast: CourseCast) {
  const { courseId, instructor, student } = cast;
  const rival = await signUp(t, 'Rival');
  await enrol(t, courseId, rival.userId, 'STUDENT');
  const steppe = (await instructor.call('createGroup', { courseId }, { name: 'Steppe' })).body.id as string;
  const caspian = (await instructor.call('createGroup', { courseId }, { name: 'Caspian' })).body.id as string;
  await instructor.call('assignToGroup', { courseId, groupId: steppe, userId: student.userId });
  await instructor.call('assignToGroup', { courseId, groupId: caspian, userId: rival.userId });
  return { rival, steppe, caspian };
}
