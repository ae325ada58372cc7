import { error } from '@sveltejs/kit';
import type { CourseDetail } from '@commonplace/contracts';

/** The refusal a student gets on a staff page (`what` staff can do there), whether the page or the API finds them out. */
export function refuseStudent(what = 'import readings'): never {
  error(403, { message: `Only the instructors and TAs of this course can ${what}.`, code: 'FORBIDDEN' });
}

/** Pages for instructors and TAs: a student who finds the address gets a plain refusal; staff get the course. */
export async function staffOnly(
  event: { parent: () => Promise<{ course: CourseDetail }> },
  what?: string,
): Promise<CourseDetail> {
  const { course } = await event.parent();
  if (course.role === 'STUDENT') refuseStudent(what);
  return course;
}
