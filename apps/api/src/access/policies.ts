import type { Prisma } from '@commonplace/db';
import type { CourseMembership } from '../common/request-auth.js';
import {
  all,
  always,
  any,
  equals,
  hasRelated,
  never,
  oneOf,
  toSql,
  toWhere,
  type Condition,
  type Where,
} from './condition.js';

/** Who is asking, within one course: what every policy decides from. */
export interface Viewer extends CourseMembership {
  /** The course's groups the viewer belongs to (students are in at most one). */
  groupIds: readonly string[];
}

export const isStaff = (viewer: Pick<Viewer, 'role'>) => viewer.role !== 'STUDENT';

/** One rule, in both renderings. `where` is typed by the caller's model. */
export interface Policy<W = Where> {
  condition: Condition;
  where: W;
  /** The rule over the row aliased `alias` in a raw query. */
  sql(alias: string): Prisma.Sql;
}

function policy<W>(condition: Condition): Policy<W> {
  return { condition, where: toWhere(condition) as W, sql: (alias) => toSql(condition, alias) };
}

/** A reading: staff see all of the course's; a student only those assigned in some module. */
export const readingVisible = (viewer: CourseMembership): Policy<Prisma.ReadingWhereInput> =>
  policy(
    all(
      equals('courseId', viewer.courseId),
      isStaff(viewer) ? always : hasRelated('assignments', 'Assignment', 'readingId'),
    ),
  );

/** Who a shared resource (a note, a wiki page, an annotation) is for. */
export type Visibility = 'PRIVATE' | 'GROUP' | 'COURSE';

/** Where a shared resource keeps its owner, audience, group and course. */
export interface SharedColumns {
  owner: string;
  visibility: string;
  group: string;
  course: string;
}

export const SHARED_COLUMNS: SharedColumns = {
  owner: 'authorId',
  visibility: 'visibility',
  group: 'groupId',
  course: 'courseId',
};

const visibilityIs = (columns: SharedColumns, value: Visibility) => equals(columns.visibility, value, 'text');
const inMyGroups = (viewer: Viewer, columns: SharedColumns) =>
  viewer.groupIds.length ? oneOf(columns.group, viewer.groupIds) : never;

/**
 * Reading a shared resource: its owner always; everyone in the course when it is for the course;
 * the group's members, and staff who oversee every group, when it is for a group. Private stays
 * private, from staff too.
 */
export function sharedVisible(viewer: Viewer, columns: SharedColumns = SHARED_COLUMNS): Policy {
  return policy(
    all(
      equals(columns.course, viewer.courseId),
      any(
        equals(columns.owner, viewer.userId),
        visibilityIs(columns, 'COURSE'),
        all(visibilityIs(columns, 'GROUP'), isStaff(viewer) ? always : inMyGroups(viewer, columns)),
      ),
    ),
  );
}

/**
 * Writing a shared resource. `owner`: only its author (an annotation, a reply). `audience`:
 * whoever may read it (a group's note, the course wiki), co-edited.
 */
export function sharedWritable(
  viewer: Viewer,
  editors: 'owner' | 'audience',
  columns: SharedColumns = SHARED_COLUMNS,
): Policy {
  if (editors === 'audience') return sharedVisible(viewer, columns);
  return policy(all(equals(columns.course, viewer.courseId), equals(columns.owner, viewer.userId)));
}

/** Where an owned record (a quiz attempt) keeps its owner and course. */
export interface OwnedColumns {
  owner: string;
  course: string;
}

export const ATTEMPT_COLUMNS: OwnedColumns = { owner: 'studentId', course: 'courseId' };

/** A quiz attempt: its student, and the course's staff who grade it. */
export function attemptVisible(viewer: Viewer, columns: OwnedColumns = ATTEMPT_COLUMNS): Policy {
  return policy(
    all(equals(columns.course, viewer.courseId), isStaff(viewer) ? always : equals(columns.owner, viewer.userId)),
  );
}

/** Answering in an attempt: its student only. */
export function attemptWritable(viewer: Viewer, columns: OwnedColumns = ATTEMPT_COLUMNS): Policy {
  return policy(all(equals(columns.course, viewer.courseId), equals(columns.owner, viewer.userId)));
}
