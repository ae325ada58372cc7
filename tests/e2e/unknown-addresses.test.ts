// Pages at addresses that name nothing the viewer may see: an id that is no one's, one that is not an
// id at all, or another course's reading. Each answers the app's "Not found" page with a 404 (never
// an error page, never a hint of what another course holds), to staff and students alike.
import { describe, expect, it } from 'vitest';
import { endToEnd } from '../support/e2e.js';
import {
  courseWithStudent,
  importReading,
  readingWithNotes,
  signUpOverApi,
  twoGroupsOnReading,
  type ApiPerson,
} from '../support/course-setup.js';

const e2e = endToEnd();
const NO_ONES = '00000000-0000-4000-8000-000000000000';

async function pageAt(person: ApiPerson, path: string) {
  const answer = await fetch(`${e2e.app.url}${path}`, { headers: { cookie: person.cookie }, redirect: 'manual' });
  return { path, status: answer.status, notFoundPage: (await answer.text()).includes('Not found') };
}

describe('an address that names nothing the viewer may see', () => {
  it('answers the Not found page', async () => {
    const { instructor, aliya, courseId, readingId } = await twoGroupsOnReading(e2e.app.url);
    // Another instructor's course, with a reading of its own.
    const other = await signUpOverApi(e2e.app.url, 'Other Instructor');
    const { courseId: otherCourseId } = await courseWithStudent(
      other,
      await signUpOverApi(e2e.app.url, 'Other Student'),
    );
    const theirReading = await importReading(other, otherCourseId, readingWithNotes);

    const course = `/courses/${courseId}`;
    const everyone = [
      `/courses/${NO_ONES}`,
      '/courses/not-an-id',
      `${course}/readings/${NO_ONES}`,
      `${course}/readings/not-an-id`,
      `${course}/readings/${theirReading}`,
      `${course}/quizzes/${NO_ONES}`,
      `${course}/quizzes/${NO_ONES}/attempts/${NO_ONES}`,
    ];
    const staffPages = [
      `${course}/readings/${NO_ONES}/triage`,
      `${course}/quizzes/${NO_ONES}/edit`,
      `${course}/quizzes/${NO_ONES}/statistics`,
      `${course}/quizzes/${NO_ONES}/suggestions`,
      `${course}/quizzes/${NO_ONES}/grading`,
      `${course}/quizzes/${NO_ONES}/preview`,
    ];
    const answers = [
      ...(await Promise.all([...everyone, ...staffPages].map((path) => pageAt(instructor, path)))),
      ...(await Promise.all(everyone.map((path) => pageAt(aliya, path)))),
    ];
    expect(answers.filter((answer) => answer.status !== 404 || !answer.notFoundPage)).toEqual([]);
    // The reading itself is there for those of its course.
    expect((await pageAt(instructor, `${course}/readings/${readingId}`)).status).toBe(200);
  });
});
