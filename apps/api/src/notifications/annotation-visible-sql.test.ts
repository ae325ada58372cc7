import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotationVisibleTo, type AnnotationViewer, type AnnotationVisibilityFacts } from '@commonplace/contracts';
import { createPrismaClient, Prisma, type PrismaClient } from '@commonplace/db';
import { createTestDatabase, type TestDatabase } from '@commonplace/db/testing';
import { annotationVisibleSql } from './annotation-visible-sql.js';

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrismaClient(db.url, 1);
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

const me = randomUUID();
const someoneElse = randomUUID();
const [ourGroup, theirGroup] = [randomUUID(), randomUUID()];

/** Every thread a viewer could meet, by the facts the rule reads. */
const threads: AnnotationVisibilityFacts[] = (['private', 'group', 'course'] as const).flatMap((visibility) =>
  [me, someoneElse].flatMap((authorId) =>
    [null, ourGroup, theirGroup].flatMap((groupId) =>
      [false, true].map((hidden) => ({ authorId, visibility, groupId, hidden })),
    ),
  ),
);
const viewers: AnnotationViewer[] = [false, true].flatMap((staff) =>
  [null, ourGroup].map((groupId) => ({ userId: me, staff, groupId })),
);

async function visibleInSql(viewer: AnnotationViewer, thread: AnnotationVisibilityFacts): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ visible: boolean }[]>(Prisma.sql`
    WITH t AS (
      SELECT ${thread.authorId}::uuid AS "authorId", ${thread.visibility.toUpperCase()}::text AS visibility,
             ${thread.groupId}::uuid AS "groupId", ${thread.hidden ? new Date() : null}::timestamp AS "hiddenAt",
             NULL::timestamp AS "deletedAt"
    )
    SELECT ${annotationVisibleSql(
      {
        userId: Prisma.sql`${viewer.userId}::uuid`,
        staff: Prisma.sql`${viewer.staff}::boolean`,
        inGroup: (groupId) => Prisma.sql`${groupId} = ANY(${viewer.groupId ? [viewer.groupId] : []}::uuid[])`,
      },
      't',
      'a',
    )} AS visible
    FROM t, t AS a`);
  return row!.visible;
}

describe('the annotation visibility rule in SQL', () => {
  it('answers as the contracts’ annotationVisibleTo for every viewer and thread', async () => {
    const differences: string[] = [];
    for (const viewer of viewers) {
      for (const thread of threads) {
        const expected = annotationVisibleTo(viewer, thread);
        if ((await visibleInSql(viewer, thread)) !== expected) {
          differences.push(JSON.stringify({ viewer, thread, expected }));
        }
      }
    }
    expect(differences).toEqual([]);
    expect(threads.length * viewers.length).toBe(144);
  });
});
