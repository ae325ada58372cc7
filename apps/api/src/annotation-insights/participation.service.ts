import { Inject, Injectable } from '@nestjs/common';
import {
  PARTICIPATION_MAX_DAYS,
  type Participation,
  type ParticipationQuery,
  type StudentParticipation,
} from '@commonplace/contracts';
import { Prisma, PrismaClient } from '@commonplace/db';
import { SqlReader } from '../access/sql-reader.js';
import { AppError } from '../common/app-error.js';
import { coveredLength } from './passages.js';

/** One annotation by a student, or a reply to one, as participation counts it: no content. */
interface ActivityRow {
  authorId: string;
  parentAuthorId: string | null;
  readingId: string;
  thread: boolean;
  start: number | null;
  end: number | null;
  placed: boolean;
  hidden: boolean;
  words: number;
  createdMs: number;
}

interface Tally {
  annotations: number;
  repliesGiven: number;
  repliesReceived: number;
  words: number;
  hidden: number;
  days: Map<string, number>;
  first: Date | null;
  last: Date | null;
  ranges: Map<string, { start: number; end: number }[]>;
}

const DAY_MS = 86_400_000;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** The days from `first` to `last` (YYYY-MM-DD, UTC), the last PARTICIPATION_MAX_DAYS of them at most. */
function daysBetween(first: string, last: string): string[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  const start = Math.max(Date.parse(`${first}T00:00:00Z`), end - (PARTICIPATION_MAX_DAYS - 1) * DAY_MS);
  const days: string[] = [];
  for (let at = start; at <= end; at += DAY_MS) days.push(dayOf(new Date(at)));
  return days;
}

/**
 * The chart's days: the window asked for when it is short enough to show whole, else the first to
 * the last day anyone was active in it.
 */
function chartDays(query: ParticipationQuery, activeDays: string[]): string[] {
  if (query.from && query.to && daysBetween(query.from, query.to)[0] === query.from) {
    return daysBetween(query.from, query.to);
  }
  if (!activeDays.length) return [];
  const sorted = [...activeDays].sort();
  return daysBetween(sorted[0]!, sorted[sorted.length - 1]!);
}

/**
 * What each student contributed to the course's annotations, for its staff to grade participation:
 * counts, words and coverage, never bodies. Private annotations count; deleted ones do not; hidden
 * ones (staff moderation) count only as `hidden`, so a grader sees them without crediting them.
 */
@Injectable()
export class ParticipationService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(SqlReader) private readonly sql: SqlReader,
  ) {}

  async summary(courseId: string, query: ParticipationQuery): Promise<Participation> {
    const [enrollments, readings, rows] = await Promise.all([
      this.prisma.enrollment.findMany({
        where: { courseId, role: 'STUDENT' },
        orderBy: [{ user: { name: 'asc' } }, { user: { email: 'asc' } }],
        select: {
          user: {
            select: {
              id: true,
              name: true,
              email: true,
              groupMembers: { where: { courseId }, select: { group: { select: { name: true } } } },
            },
          },
        },
      }),
      this.sql.rows<{ id: string; title: string; length: number }>(Prisma.sql`
        SELECT r.id::text AS id, r.title, char_length(r."canonicalText")::int AS length FROM "Reading" r
        WHERE r."courseId" = ${courseId}::uuid
          AND ${query.readingId ? Prisma.sql`r.id = ${query.readingId}::uuid` : Prisma.sql`EXISTS (SELECT 1 FROM "Assignment" s WHERE s."readingId" = r.id)`}
        ORDER BY r."createdAt", r.id`),
      this.activity(courseId, query),
    ]);
    if (query.readingId && !readings.length) throw new AppError('READING_NOT_FOUND');

    const tallies = new Map<string, Tally>(
      enrollments.map(({ user }) => [
        user.id,
        {
          annotations: 0,
          repliesGiven: 0,
          repliesReceived: 0,
          words: 0,
          hidden: 0,
          days: new Map(),
          first: null,
          last: null,
          ranges: new Map(),
        },
      ]),
    );
    for (const row of rows) {
      const createdAt = new Date(row.createdMs);
      const author = tallies.get(row.authorId);
      // Staff moderation, not participation: counted apart, and in no other figure.
      if (row.hidden) {
        if (author) author.hidden++;
        continue;
      }
      if (row.parentAuthorId && row.parentAuthorId !== row.authorId) {
        const receiver = tallies.get(row.parentAuthorId);
        if (receiver) receiver.repliesReceived++;
      }
      if (!author) continue;
      if (row.thread) author.annotations++;
      else author.repliesGiven++;
      author.words += row.words;
      const day = dayOf(createdAt);
      author.days.set(day, (author.days.get(day) ?? 0) + 1);
      if (!author.first || createdAt < author.first) author.first = createdAt;
      if (!author.last || createdAt > author.last) author.last = createdAt;
      if (row.thread && row.placed && row.start !== null && row.end !== null) {
        const ranges = author.ranges.get(row.readingId) ?? [];
        ranges.push({ start: row.start, end: row.end });
        author.ranges.set(row.readingId, ranges);
      }
    }

    const days = chartDays(
      query,
      [...tallies.values()].flatMap((tally) => [...tally.days.keys()]),
    );
    const coverageOf = (tally: Tally) => {
      if (!readings.length) return 0;
      const shares = readings.map((reading) =>
        reading.length ? Math.min(1, coveredLength(tally.ranges.get(reading.id) ?? []) / reading.length) : 0,
      );
      return shares.reduce((sum, share) => sum + share, 0) / readings.length;
    };
    const students: StudentParticipation[] = enrollments.map(({ user }) => {
      const tally = tallies.get(user.id)!;
      return {
        id: user.id,
        name: user.name,
        email: user.email,
        group: user.groupMembers[0]?.group.name ?? null,
        annotations: tally.annotations,
        repliesGiven: tally.repliesGiven,
        repliesReceived: tally.repliesReceived,
        words: tally.words,
        hidden: tally.hidden,
        coverage: coverageOf(tally),
        firstActivityAt: tally.first?.toISOString() ?? null,
        lastActivityAt: tally.last?.toISOString() ?? null,
        activeDays: tally.days.size,
        perDay: days.map((day) => tally.days.get(day) ?? 0),
      };
    });
    return {
      readingId: query.readingId ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      readings: readings.map(({ id, title }) => ({ id, title })),
      days,
      students,
    };
  }

  /** The course's annotations and replies in the window, but deleted ones, with whom each answers. */
  private activity(courseId: string, query: ParticipationQuery): Promise<ActivityRow[]> {
    const conditions = [
      Prisma.sql`a."courseId" = ${courseId}::uuid`,
      Prisma.sql`a."deletedAt" IS NULL`,
      ...(query.readingId ? [Prisma.sql`a."readingId" = ${query.readingId}::uuid`] : []),
      // Stored in UTC without a zone (and read back as epoch milliseconds): whole UTC days.
      ...(query.from ? [Prisma.sql`a."createdAt" >= ${query.from}::date`] : []),
      ...(query.to ? [Prisma.sql`a."createdAt" < ${query.to}::date + 1`] : []),
    ];
    return this.sql.rows<ActivityRow>(Prisma.sql`
      SELECT a."authorId"::text AS "authorId", p."authorId"::text AS "parentAuthorId",
             a."readingId"::text AS "readingId", a."parentId" IS NULL AS thread, a.start, a."end",
             a."anchorStatus" = 'ANCHORED' AS placed, a."hiddenAt" IS NOT NULL AS hidden,
             (SELECT count(*) FROM regexp_matches(a.body, '\\S+', 'g'))::int AS words,
             extract(epoch FROM a."createdAt")::float8 * 1000 AS "createdMs"
      FROM "Annotation" a LEFT JOIN "Annotation" p ON p.id = a."parentId"
      WHERE ${Prisma.join(conditions, ' AND ')}`);
  }
}
