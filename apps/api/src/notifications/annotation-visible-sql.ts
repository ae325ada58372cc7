import { Prisma } from '@commonplace/db';

/** Who is looking, as SQL expressions over the caller's query (parameters or columns). */
export interface SqlViewer {
  userId: Prisma.Sql;
  /** True when the viewer is an instructor or TA of the annotation's course. */
  staff: Prisma.Sql;
  /** True when the viewer is a member of the group given as the argument (a uuid expression). */
  inGroup(groupId: Prisma.Sql): Prisma.Sql;
}

/**
 * `annotationVisibleTo` from the contracts, in SQL, for the annotation `annotation` of the thread
 * whose first annotation is `thread` (the same row for a thread's first annotation): private is
 * its author's alone; hidden (the thread or this reply) only staff's; group its group's and the
 * staff's; course everyone's. A deleted annotation is seen by nobody. The course membership and the
 * reading's visibility are the caller's to check. The tests hold it to the contracts' function.
 */
export function annotationVisibleSql(viewer: SqlViewer, thread: string, annotation: string): Prisma.Sql {
  const t = Prisma.raw(`"${thread}"`);
  const a = Prisma.raw(`"${annotation}"`);
  return Prisma.sql`(${a}."deletedAt" IS NULL AND CASE
    WHEN ${t}.visibility = 'PRIVATE' THEN ${t}."authorId" = ${viewer.userId}
    WHEN (${t}."hiddenAt" IS NOT NULL OR ${a}."hiddenAt" IS NOT NULL) AND NOT ${viewer.staff} THEN FALSE
    WHEN ${t}.visibility = 'COURSE' THEN TRUE
    ELSE ${viewer.staff} OR (${t}."groupId" IS NOT NULL AND ${viewer.inGroup(Prisma.sql`${t}."groupId"`)})
  END)`;
}

/**
 * The reading `reading` is one the enrolled viewer may open: staff every reading of the course, a
 * student those assigned (the readings policy, for a viewer known only as SQL).
 */
export function readingOpenSql(viewer: Pick<SqlViewer, 'staff'>, reading: string): Prisma.Sql {
  const r = Prisma.raw(`"${reading}"`);
  return Prisma.sql`(${viewer.staff} OR EXISTS (SELECT 1 FROM "Assignment" asg WHERE asg."readingId" = ${r}.id))`;
}
