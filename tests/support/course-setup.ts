// A course built through the API, for end-to-end tests about a page rather than about setting up:
// people signed up over HTTP and handed to the browser with their session cookie.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { postJson, sessionCookie } from './api.js';
import { PASSWORD } from './people.js';

export interface ApiPerson {
  name: string;
  email: string;
  cookie: string;
  /** Calls the API as this person; a refusal throws with the API's answer. */
  call<T = { id: string }>(method: string, path: string, body?: unknown): Promise<T>;
  /** A browser page of this person's own, signed in, at `viewport`. */
  open(
    browser: Browser,
    viewport?: { width: number; height: number },
  ): Promise<{ context: BrowserContext; page: Page }>;
}

export async function signUpOverApi(baseUrl: string, name: string): Promise<ApiPerson> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(3).toString('hex')}@example.test`;
  const response = await postJson(baseUrl, '/api/auth/signup', { name, email, password: PASSWORD });
  if (!response.ok) throw new Error(`Sign-up of ${name}: ${response.status} ${await response.text()}`);
  const cookie = sessionCookie(response);
  return {
    name,
    email,
    cookie,
    async call<T>(method: string, path: string, body?: unknown) {
      const answer = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
      return (answer.status === 204 ? undefined : await answer.json()) as T;
    },
    async open(browser, viewport = { width: 1280, height: 900 }) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport });
      const [cookieName, ...value] = cookie.split('=');
      await context.addCookies([{ name: cookieName!, value: value.join('='), url: baseUrl }]);
      return { context, page: await context.newPage() };
    },
  };
}

/** Pastes a source into the course's importer and waits until its preview is ready: the draft's id. */
export async function importDraft(staff: ApiPerson, courseId: string, text: string): Promise<string> {
  let draft = await staff.call<{ id: string; status: string }>('POST', `/api/courses/${courseId}/imports/paste`, {
    text,
  });
  const deadline = Date.now() + 30_000;
  while (draft.status === 'PROCESSING' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    draft = await staff.call('GET', `/api/courses/${courseId}/imports/${draft.id}`);
  }
  if (draft.status !== 'READY') throw new Error(`The import ended ${draft.status}.`);
  return draft.id;
}

/** Imports and saves a source as a reading: the reading's id. */
export async function importReading(staff: ApiPerson, courseId: string, text: string): Promise<string> {
  const draftId = await importDraft(staff, courseId, text);
  return (await staff.call('POST', `/api/courses/${courseId}/imports/${draftId}/save`, {})).id;
}

/** A course of `instructor`'s with one week, and a student who joined it with the code. */
export async function courseWithStudent(instructor: ApiPerson, student: ApiPerson) {
  const course = await instructor.call<{ id: string; joinCode: string }>('POST', '/api/courses', {
    title: 'Caspian Seminar',
    term: 'Spring 2027',
  });
  const week = await instructor.call('POST', `/api/courses/${course.id}/modules`, { title: 'Week 1: Ports' });
  await student.call('POST', '/api/courses/join', { code: course.joinCode });
  return { courseId: course.id, weekId: week.id, joinCode: course.joinCode };
}

/**
 * Students together in the group "Caspian" of a new course, with the reading below assigned to
 * them (an instructor "Dana Instructor" made it all over the API).
 */
export async function groupOnReading<Names extends [string, ...string[]]>(baseUrl: string, studentNames: Names) {
  const instructor = await signUpOverApi(baseUrl, 'Dana Instructor');
  const students = await Promise.all(studentNames.map((name) => signUpOverApi(baseUrl, name)));
  const [first, ...others] = students as [ApiPerson, ...ApiPerson[]];
  const { courseId, weekId, joinCode } = await courseWithStudent(instructor, first);
  for (const student of others) await student.call('POST', '/api/courses/join', { code: joinCode });
  const readingId = await importReading(instructor, courseId, readingWithNotes);
  await instructor.call('POST', `/api/courses/${courseId}/assignments`, { moduleId: weekId, readingId });
  const groups = `/api/courses/${courseId}/groups`;
  const groupId = (await instructor.call('POST', groups, { name: 'Caspian' })).id;
  for (const student of students) {
    const me = await student.call('GET', '/api/auth/me');
    await instructor.call('PUT', `${groups}/${groupId}/members/${me.id}`);
  }
  return {
    instructor,
    students: students as { [K in keyof Names]: ApiPerson },
    courseId,
    readingId,
    readingPath: `/courses/${courseId}/readings/${readingId}`,
  };
}

/**
 * A course of "Dana Instructor" with the reading below assigned, and two groups in this order,
 * Steppe and Caspian: "Aliya Karimova" in Caspian, "Ruslan Other" in Steppe.
 */
export async function twoGroupsOnReading(baseUrl: string) {
  const instructor = await signUpOverApi(baseUrl, 'Dana Instructor');
  const aliya = await signUpOverApi(baseUrl, 'Aliya Karimova');
  const rival = await signUpOverApi(baseUrl, 'Ruslan Other');
  const { courseId, weekId, joinCode } = await courseWithStudent(instructor, aliya);
  await rival.call('POST', '/api/courses/join', { code: joinCode });
  const readingId = await importReading(instructor, courseId, readingWithNotes);
  await instructor.call('POST', `/api/courses/${courseId}/assignments`, { moduleId: weekId, readingId });
  const groups = `/api/courses/${courseId}/groups`;
  const steppe: string = (await instructor.call('POST', groups, { name: 'Steppe' })).id;
  const caspian: string = (await instructor.call('POST', groups, { name: 'Caspian' })).id;
  for (const [student, groupId] of [
    [aliya, caspian],
    [rival, steppe],
  ] as const) {
    const me = await student.call('GET', '/api/auth/me');
    await instructor.call('PUT', `${groups}/${groupId}/members/${me.id}`);
  }
  return { instructor, aliya, rival, courseId, readingId, steppe, caspian };
}

/** The address the reading below names for its full text, and one of its notes cites. */
export const FULL_TEXT_URL = 'https://example.org/caspian-crossing';
export const NOTE_URL = 'https://stat.gov.kz/ports/2023';

/** A reading with headings, notes (one citing a web page), and the line of an excerpt. */
export const readingWithNotes = `The Caspian Crossing
Trade Routes and Neutrality after 2022

By Aliya Karimova

The Ports

Aktau and Kuryk handled more containers in one year than in the five before it. The ferries were old, the berths too shallow, and the customs posts too few for the queues that formed each spring.[1]

${'Freight moved slowly along the single track, and every delay at one end was felt at the other. '.repeat(12)}[2]

The Railways

The railway from the border to the sea was single-track for most of its length. Doubling it became the government's first priority, and the subject of three separate agreements.[3]

To read the rest of the article: ${FULL_TEXT_URL}

Notes

[1] Port statistics for 2023, ${NOTE_URL}. Accessed in May.
[2] Interviews with freight forwarders; the transcripts are not online (javascript:alert(1) is not a link).
[3] The agreements were signed with three different partners within eighteen months.
`;

/**
 * A course with a week, that reading assigned in it, two groups students may pick from, and a
 * student in one of them: the ids of each, and the people, for tests that look at the finished
 * pages.
 */
export async function seededCourse(baseUrl: string) {
  const instructor = await signUpOverApi(baseUrl, 'Dana Instructor');
  const student = await signUpOverApi(baseUrl, 'Timur Akhmetov');
  const { courseId, weekId } = await courseWithStudent(instructor, student);
  const readingId = await importReading(instructor, courseId, readingWithNotes);
  await instructor.call('POST', `/api/courses/${courseId}/assignments`, { moduleId: weekId, readingId });
  const group = await instructor.call('POST', `/api/courses/${courseId}/groups`, { name: 'Caspian' });
  // A second group the student may move to: their People page offers to join it.
  await instructor.call('POST', `/api/courses/${courseId}/groups`, { name: 'Steppe' });
  await instructor.call('PATCH', `/api/courses/${courseId}/group-settings`, { selfSelectCap: 3 });
  const me = await student.call<{ id: string }>('GET', '/api/auth/me');
  await instructor.call('PUT', `/api/courses/${courseId}/groups/${group.id}/members/${me.id}`);
  return { instructor, student, courseId, weekId, readingId, groupId: group.id };
}
