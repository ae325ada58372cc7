import type { CourseRole } from '@commonplace/contracts';

export const roleLabel: Record<CourseRole, string> = { INSTRUCTOR: 'Instructor', TA: 'TA', STUDENT: 'Student' };
