import { error } from '@sveltejs/kit';
import type { CourseDetail } from '@commonplace/contracts';

/** The refusal a student gets on the import pages, whether the page or the API finds them out. */
export function refuseStudent(): never {
  error(403, { message: 'Only the instructors and TAs of this course can import readings.', code: 'FORBIDDEN' });
}

/** Pages for instructors and TAs: a student who finds the address gets a plain refusal. */
export async function staffOnly(event: { parent: () => Promise<{ course: CourseDetail }> }): Promise<void> {
  const { course } = await event.parent();
  if (course.role === 'STUDENT') refuseStudent();
}
