import type { NotificationKind } from '@commonplace/contracts';
import { courseWithCast, twoGroups, type CourseCast } from '../testing/factories.js';
import { savedReading } from '../testing/readings.js';
import type { TestApi } from '../testing/test-api.js';

/**
 * Annotations and notifications written straight into the database, as the annotations API writes
 * them, so these tests depend on the rows only and not on that API's routes.
 */
export interface AnnotationSeed {
  courseId: string;
  readingId: string;
  authorId: string;
  visibility?: 'PRIVATE' | 'GROUP' | 'COURSE';
  groupId?: string | null;
  body?: string;
  quote?: string | null;
  /** Makes it a reply in this thread (whose visibility and group it copies, as replies do). */
  thread?: { id: string; visibility: 'PRIVATE' | 'GROUP' | 'COURSE'; groupId: string | null };
  hidden?: boolean;
  deleted?: boolean;
  anchorStatus?: 'ANCHORED' | 'TRIAGE' | 'ORPHANED';
}

export async function insertAnnotation(t: TestApi, seed: AnnotationSeed) {
  const reply = seed.thread;
  const row = await t.prisma.annotation.create({
    data: {
      courseId: seed.courseId,
      readingId: seed.readingId,
      authorId: seed.authorId,
      parentId: reply?.id ?? null,
      rootId: reply?.id ?? null,
      visibility: reply?.visibility ?? seed.visibility ?? 'COURSE',
      groupId: reply ? reply.groupId : (seed.groupId ?? null),
      body: seed.body ?? '',
      quote: reply ? null : (seed.quote ?? 'the keepers'),
      start: reply ? null : 0,
      end: reply ? null : 11,
      readingVersion: 1,
      anchorStatus: seed.anchorStatus ?? 'ANCHORED',
      hiddenAt: seed.hidden ? new Date() : null,
      deletedAt: seed.deleted ? new Date() : null,
    },
  });
  return { id: row.id, visibility: row.visibility, groupId: row.groupId };
}

export async function insertNotification(
  t: TestApi,
  to: { userId: string; courseId: string; annotationId: string; actorId: string; kind?: NotificationKind },
  createdAt = new Date(),
) {
  const { kind = 'mention', ...rest } = to;
  return t.prisma.notification.create({
    data: { ...rest, kind: kind.toUpperCase() as 'REPLY' | 'MENTION' | 'ENDORSEMENT', createdAt },
  });
}

/**
 * A course with its cast, two groups (the student in Steppe, the rival in Caspian) and a reading
 * assigned to students.
 */
export async function annotatedCourse(t: TestApi): Promise<
  CourseCast &
    Awaited<ReturnType<typeof twoGroups>> & {
      readingId: string;
    }
> {
  const cast = await courseWithCast(t);
  const groups = await twoGroups(t, cast);
  const { courseId, instructor } = cast;
  const readingId = (await savedReading(t, instructor, courseId)).body.id as string;
  const moduleId = (await instructor.call('createModule', { courseId }, { title: 'Week 1' })).body.id as string;
  await instructor.call('createAssignment', { courseId }, { moduleId, readingId });
  return { ...cast, ...groups, readingId };
}
