// The demo course that `pnpm start` seeds once: an instructor, a TA and six students in two
// groups, over three weeks, with the course readings (from READINGS_DIR) assigned across them.
// Idempotent: if the course exists it is left as it is. Readings are imported only while it has
// none, so a folder that appears after the first start is still picked up at the next one; the
// first week's readings get the class's demo annotations while they have none (demo-annotations.ts),
// the course its first quiz, drawn from those readings, while it has none of that title (demo-quiz.ts),
// and its groups' notes and wiki while it has no notes or wiki pages at all (demo-documents.ts).
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashPassword, type PrismaClient } from '@commonplace/db';
import { loadConfig } from '../apps/api/src/config/config.schema.js';
import { ImportRunner } from '../apps/api/src/imports/import-runner.js';
import { mediaTypeOf, storeReading, storeSourceFile } from '../apps/api/src/readings/reading-store.js';
import { seedDemoAnnotations } from './demo-annotations.js';
import { seedDemoDocuments } from './demo-documents.js';
import { seedDemoQuiz } from './demo-quiz.js';

export const DEMO_COURSE_TITLE = "Kazakhstan's Foreign Policy after 2022";
export const DEMO_PASSWORD = 'commonplace-demo-1';

const people = [
  { name: 'Dana Seitkali', email: 'dana.instructor@demo.commonplace.test', role: 'INSTRUCTOR', group: null },
  { name: 'Arman Zhaksylyk', email: 'arman.ta@demo.commonplace.test', role: 'TA', group: null },
  { name: 'Aigerim Bekova', email: 'aigerim@demo.commonplace.test', role: 'STUDENT', group: 'Steppe' },
  { name: 'Nurlan Omarov', email: 'nurlan@demo.commonplace.test', role: 'STUDENT', group: 'Steppe' },
  { name: 'Saule Nurpeisova', email: 'saule@demo.commonplace.test', role: 'STUDENT', group: 'Steppe' },
  { name: 'Timur Akhmetov', email: 'timur@demo.commonplace.test', role: 'STUDENT', group: 'Caspian' },
  { name: 'Madina Sultanova', email: 'madina@demo.commonplace.test', role: 'STUDENT', group: 'Caspian' },
  { name: 'Yerlan Dzhaksybekov', email: 'yerlan@demo.commonplace.test', role: 'STUDENT', group: 'Caspian' },
] as const;

export const DEMO_LOGINS = people.map((p) => ({
  role: p.role === 'INSTRUCTOR' ? 'Instructor' : p.role === 'TA' ? 'TA' : `Student (${p.group})`,
  email: p.email,
  password: DEMO_PASSWORD,
}));

const weeks = [
  { title: 'Week 1: Multi-vector foreign policy under strain', startsOn: '2027-02-01' },
  { title: "Week 2: Russia's war and the limits of alignment", startsOn: '2027-02-08' },
  { title: 'Week 3: New partners: China, Turkey and the Middle Corridor', startsOn: '2027-02-15' },
];

export interface SeedOptions {
  /** Where the course readings are; without the folder the course starts with none. */
  readingsDir?: string;
}

export interface SeedResult {
  created: boolean;
  courseId: string;
  logins: typeof DEMO_LOGINS;
  /** Readings imported by this run. */
  readingsAdded: number;
  /** Files in the folder the importer refused, with its reason. */
  readingProblems: string[];
  /** Demo annotations and replies written by this run. */
  annotationsAdded: number;
  /** Whether this run wrote the demo quiz (demo-quiz.ts). */
  quizAdded: boolean;
  /** Demo notes and wiki pages written by this run (demo-documents.ts). */
  documentsAdded: number;
}

export async function seedDemoCourse(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedResult> {
  const existing = await prisma.course.findFirst({ where: { title: DEMO_COURSE_TITLE, joinCode: 'DEMOKZ22' } });
  const courseId = existing?.id ?? (await createCourse(prisma));
  // Only into a course without readings: the folder may have been absent at the first start, but
  // a reading the instructor deleted must stay deleted.
  const empty = (await prisma.reading.count({ where: { courseId } })) === 0;
  const readings =
    options.readingsDir && empty
      ? await seedDemoReadings(prisma, courseId, options.readingsDir)
      : { added: 0, problems: [] };
  const annotationsAdded = await seedDemoAnnotations(prisma, courseId);
  const quizAdded = await seedDemoQuiz(prisma, courseId);
  const documentsAdded = await seedDemoDocuments(prisma, courseId);
  return {
    created: !existing,
    courseId,
    logins: DEMO_LOGINS,
    readingsAdded: readings.added,
    readingProblems: readings.problems,
    annotationsAdded,
    quizAdded,
    documentsAdded,
  };
}

async function createCourse(prisma: PrismaClient): Promise<string> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const courseId = await prisma.$transaction(async (tx) => {
    const course = await tx.course.create({
      data: {
        title: DEMO_COURSE_TITLE,
        term: 'Spring 2027',
        joinCode: 'DEMOKZ22',
        groupSelfSelectCap: 4,
        description:
          'How Kazakhstan has steered between Russia, China and the West since February 2022: ' +
          'neutrality over Ukraine, sanctions and trade routes, and what a "multi-vector" policy means now. ' +
          'We read analysts, journalists and a thesis side by side, annotate them together and argue in the margins.',
        modules: {
          create: weeks.map((w, position) => ({
            title: w.title,
            position,
            startsOn: new Date(`${w.startsOn}T00:00:00Z`),
          })),
        },
      },
    });
    const groups = new Map<string, string>();
    for (const name of ['Steppe', 'Caspian']) {
      groups.set(name, (await tx.group.create({ data: { courseId: course.id, name } })).id);
    }
    for (const person of people) {
      const user = await tx.user.upsert({
        where: { email: person.email },
        update: {},
        create: { email: person.email, name: person.name, passwordHash },
      });
      await tx.enrollment.create({ data: { courseId: course.id, userId: user.id, role: person.role } });
      if (person.group) {
        await tx.groupMember.create({
          data: { courseId: course.id, groupId: groups.get(person.group)!, userId: user.id },
        });
      }
    }
    return course.id;
  });
  return courseId;
}

const SOURCE_FILE = /\.(txt|md|markdown|html?|pdf|docx)$/i;

/**
 * The reading files of a folder: those `expected.json` lists where it exists, otherwise every
 * source file but the README, in name order.
 */
async function readingFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const names = await readdir(dir);
  const expectedPath = join(dir, 'expected.json');
  if (existsSync(expectedPath)) {
    const expected = JSON.parse(await readFile(expectedPath, 'utf8')) as { readings?: Record<string, unknown> };
    if (expected.readings)
      return Object.keys(expected.readings)
        .filter((name) => names.includes(name))
        .sort();
  }
  return names.filter((name) => SOURCE_FILE.test(name) && !/^readme/i.test(name)).sort();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Readings of a week fall due on its Wednesday, Friday, Sunday ... at 17:00 UTC. */
const dueDate = (startsOn: Date | null, position: number) =>
  startsOn ? new Date(startsOn.getTime() + (2 + 2 * position) * DAY_MS + 17 * 60 * 60 * 1000) : null;

/**
 * Imports the folder's readings with the API's own import pipeline (worker threads, the same
 * checks as an upload) and assigns them across the course's weeks in file order.
 */
async function seedDemoReadings(
  prisma: PrismaClient,
  courseId: string,
  dir: string,
): Promise<{ added: number; problems: string[] }> {
  const files = await readingFiles(dir);
  const problems: string[] = [];
  if (!files.length) return { added: 0, problems };
  const weeks = await prisma.courseModule.findMany({
    where: { courseId },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
  });
  const instructor = await prisma.enrollment.findFirstOrThrow({
    where: { courseId, role: 'INSTRUCTOR' },
    orderBy: { createdAt: 'asc' },
  });
  const sources = await Promise.all(
    files.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(dir, name))) })),
  );
  const runner = new ImportRunner(loadConfig());
  let added = 0;
  try {
    const runs = sources.map((source) => runner.start({ bytes: source.bytes, filename: source.name }));
    for (const [i, source] of sources.entries()) {
      const run = runs[i]!;
      const outcome = await run.outcome;
      if (!outcome.ok) {
        problems.push(`${source.name}: ${outcome.message}`);
        continue;
      }
      const week = weeks[Math.floor((i * weeks.length) / sources.length)];
      await prisma.$transaction(
        async (tx) => {
          const fileId = await storeSourceFile(tx, {
            courseId,
            filename: source.name,
            mediaType: mediaTypeOf(run.format),
            bytes: source.bytes,
          });
          const reading = await storeReading(tx, {
            courseId,
            document: outcome.document,
            fileId,
            createdById: instructor.userId,
          });
          if (!week) return;
          const position = await tx.assignment.count({ where: { moduleId: week.id } });
          await tx.assignment.create({
            data: {
              courseId,
              moduleId: week.id,
              readingId: reading.id,
              position,
              dueAt: dueDate(week.startsOn, position),
            },
          });
        },
        { timeout: 60_000 },
      );
      added++;
    }
  } finally {
    await runner.onApplicationShutdown();
  }
  return { added, problems };
}
