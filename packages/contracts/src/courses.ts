import { z } from 'zod';

export const courseRole = z.enum(['INSTRUCTOR', 'TA', 'STUDENT']);
export type CourseRole = z.infer<typeof courseRole>;

const title = z.string().trim().min(1, 'Enter a title.').max(200);

export const courseCreate = z.object({
  title,
  term: z.string().trim().min(1, 'Enter a term, e.g. "Spring 2027".').max(60),
  description: z.string().trim().max(5000).default(''),
});
export type CourseCreate = z.infer<typeof courseCreate>;

export const courseUpdate = courseCreate.partial();
export type CourseUpdate = z.infer<typeof courseUpdate>;

export const courseModule = z.object({
  id: z.uuid(),
  title: z.string(),
  position: z.number().int(),
  startsOn: z.iso.date().nullable(),
});
export type CourseModule = z.infer<typeof courseModule>;

export const moduleCreate = z.object({ title, startsOn: z.iso.date().nullable().default(null) });
export const moduleUpdate = z.object({
  title: title.optional(),
  startsOn: z.iso.date().nullable().optional(),
  position: z.number().int().min(0).optional(),
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
  code: z
    .string()
    .trim()
    .toUpperCase()
    .transform((c) => c.replace(/[\s-]/g, ''))
    .pipe(z.string().min(4, 'Enter the join code your instructor gave you.').max(32)),
});
export const joinCodeSettings = z.object({ enabled: z.boolean() });
export const groupSettings = z.object({ selfSelectCap: z.number().int().min(1).max(500).nullable() });

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
export const groupCreate = z.object({ name: z.string().trim().min(1, 'Enter a group name.').max(80) });
export const groupRename = groupCreate;

export const idParam = z.uuid({ error: 'Not a valid id.' });
