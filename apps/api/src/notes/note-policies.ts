import { all, always, any, equals, never, oneOf, toSql, toWhere } from '../access/condition.js';
import { isStaff, sharedVisible, type Policy, type SharedColumns, type Viewer } from '../access/policies.js';

/** A document keeps its owner in `ownerId` and its audience in `scope` (PERSONAL: its owner only). */
export const DOCUMENT_COLUMNS: SharedColumns = {
  owner: 'ownerId',
  visibility: 'scope',
  group: 'groupId',
  course: 'courseId',
};

/** Reading a document: its owner, its group's members and the course's staff, everyone for COURSE. */
export const documentVisible = (viewer: Viewer): Policy => sharedVisible(viewer, DOCUMENT_COLUMNS);

/**
 * Writing a document. Unlike reading, staff do not write a group's note (they read and comment):
 * the group's members do, the owner of a personal note does, and every member writes the wiki
 * but a locked page, which only staff write.
 */
export function documentWritable(viewer: Viewer): Policy {
  const inMyGroups = viewer.groupIds.length ? oneOf('groupId', viewer.groupIds) : never;
  const condition = all(
    equals('courseId', viewer.courseId),
    any(
      all(equals('scope', 'PERSONAL', 'text'), equals('ownerId', viewer.userId)),
      all(equals('scope', 'GROUP', 'text'), isStaff(viewer) ? never : inMyGroups),
      // A locked wiki page is kept as it is by its staff: others read it.
      all(equals('scope', 'COURSE', 'text'), isStaff(viewer) ? always : equals('locked', 'false', 'boolean')),
    ),
  );
  return { condition, where: toWhere(condition), sql: (alias) => toSql(condition, alias) };
}
