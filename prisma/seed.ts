// The demo course that `pnpm start` seeds once: an instructor, a TA and six students in two
// groups, over three weeks. Idempotent: if the course exists, nothing changes.
import { hashPassword, type PrismaClient } from '@commonplace/db';

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
  /** Where the course readings are; a later step imports them into the demo course. */
  readingsDir?: string;
}

export async function seedDemoCourse(
  prisma: PrismaClient,
  _options: SeedOptions = {},
): Promise<{ created: boolean; courseId: string; logins: typeof DEMO_LOGINS }> {
  const existing = await prisma.course.findFirst({ where: { title: DEMO_COURSE_TITLE, joinCode: 'DEMOKZ22' } });
  if (existing) return { created: false, courseId: existing.id, logins: DEMO_LOGINS };
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
  return { created: true, courseId, logins: DEMO_LOGINS };
}
