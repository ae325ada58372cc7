import { z } from 'zod';
import { boundedInt, calendarDate, storedText } from './fields.js';

export const courseRole = z.enum(['INSTRUCTOR', 'TA', 'STUDENT']);
export type CourseRole = z.infer<typeof courseRole>;

const title = storedText().trim().min(1, 'Enter a title.').max(200);

const courseFields = {
  title,
  term: storedText().trim().min(1, 'Enter a term, e.g. "Spring 2027".').max(60),
  description: storedText().trim().max(5000),
};
export const courseCreate = z.object({ ...courseFields, description: courseFields.description.default('') });
export type CourseCreate = z.infer<typeof courseCreate>;

/** Built from the fields without their defaults: an omitted field is left as it is, not reset. */
export const courseUpdate = z.object(courseFields).partial();
export type CourseUpdate = z.infer<typeof courseUpdate>;

export const courseModule = z.object({
  id: z.uuid(),
  title: z.string(),
  position: z.number().int(),
  startsOn: z.iso.date().nullable(),
});
export type CourseModule = z.infer<typeof courseModule>;

export const moduleCreate = z.object({ title, startsOn: calendarDate().nullable().default(null) });
export const moduleUpdate = z.object({
  title: title.optional(),
  startsOn: calendarDate().nullable().optional(),
  position: boundedInt(0).optional(),
});

export const courseSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  term: z.string(),
  description: z.string(),
  role: courseRole,
  memberCount: z.number().int(),
});
export type CourseSummary = z.infer<typeof courseSummary>;

export const courseDetail = courseSummary.extend({
  /** Only staff see the join code; null for students or when there is none. */
  joinCode: z.string().nullable(),
  joinCodeEnabled: z.boolean(),
  /** Students may pick a group up to this size; null when only staff assign groups. */
  groupSelfSelectCap: z.number().int().nullable(),
  myGroupId: z.uuid().nullable(),
  modules: z.array(courseModule),
});
export type CourseDetail = z.infer<typeof courseDetail>;

export const JOIN_CODE_LENGTH = 8;
export const joinRequest = z.object({
  code: storedText()
    .trim()
    .toUpperCase()
    .transform((c) => c.replace(/[\s-]/g, ''))
    .pipe(z.string().min(4, 'Enter the join code your instructor gave you.').max(32)),
});
export const joinCodeSettings = z.object({ enabled: z.boolean() });
export const groupSettings = z.object({ selfSelectCap: boundedInt(1, 500).nullable() });

export const rosterEntry = z.object({
  userId: z.uuid(),
  name: z.string(),
  /** Staff see emails; students see null. */
  email: z.string().nullable(),
  role: courseRole,
  groupId: z.uuid().nullable(),
  joinedAt: z.iso.datetime(),
});
export type RosterEntry = z.infer<typeof rosterEntry>;
export const roleChange = z.object({ role: courseRole });

export const group = z.object({
  id: z.uuid(),
  name: z.string(),
  members: z.array(z.object({ userId: z.uuid(), name: z.string() })),
});
export type Group = z.infer<typeof group>;
export const groupCreate = z.object({ name: storedText().trim().min(1, 'Enter a group name.').max(80) });
export const groupRename = groupCreate;

export const idParam = z.uuid({ error: 'Not a valid id.' });
