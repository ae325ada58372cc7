// The reference for the read-endpoints benchmark: a bare Fastify server on `pg` doing the same
// queries as the app for each read route students hit often (the session and enrollment in one
// query, then the route's own), answering the same JSON. No framework, no ORM, no validation.
// Started by read-endpoints.ts with DATABASE_URL and PORT; prints "ready" when it listens.
import { createHash } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify();

interface Caller {
  userId: string;
  email: string;
  name: string;
  role: string | null;
}

async function caller(request: FastifyRequest, courseId: string | null): Promise<Caller | null> {
  const token = /(?:^|;\s*)cp_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
  if (!token) return null;
  const { rows } = await pool.query<Caller>(
    `SELECT s.id::text AS "sessionId", s."lastSeenAt", u.id::text AS "userId", u.email, u.name,
            e.role::text AS role,
            CASE WHEN e.id IS NULL THEN NULL ELSE ARRAY(
              SELECT gm."groupId"::text FROM "GroupMember" gm
              WHERE gm."courseId" = e."courseId" AND gm."userId" = e."userId" ORDER BY gm."groupId"
            ) END AS "groupIds"
     FROM "Session" s
     JOIN "User" u ON u.id = s."userId"
     LEFT JOIN "Enrollment" e ON e."userId" = s."userId" AND e."courseId" = $2::uuid
     WHERE s."tokenHash" = $1 AND s."expiresAt" > now()`,
    [createHash('sha256').update(token).digest('hex'), courseId],
  );
  return rows[0] ?? null;
}

type Params = { courseId: string; readingId: string };

/** The member of the course in the path, or the reply already sent. */
async function member(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
  const found = await caller(request, request.params.courseId);
  if (!found) return void reply.code(401).send({ code: 'UNAUTHENTICATED' });
  if (!found.role) return void reply.code(404).send({ code: 'COURSE_NOT_FOUND' });
  return found;
}

/** The reading policy, over `$course` and `$role` placeholders. */
const visible = (
  course: string,
  role: string,
) => `r."courseId" = ${course}::uuid AND (${role}::text <> 'STUDENT' OR EXISTS (
  SELECT 1 FROM "Assignment" related WHERE related."readingId" = r.id))`;

const summaryColumns = `r.id::text, r.title, r.subtitle, r.authors, r.publisher,
  to_char(r."publishedAt", 'YYYY-MM-DD') AS "publishedAt", r.version, r."wordCount", r."warningCount",
  r."updatedAt",
  COALESCE((SELECT f.filename FROM "ReadingVersion" v JOIN "SourceFile" f ON f.id = v."fileId"
            WHERE v."readingId" = r.id ORDER BY v.version DESC LIMIT 1), '') AS "originalFilename",
  (SELECT json_build_object('furthest', p.furthest, 'lastBlock', p."lastBlock",
          'activeSeconds', p."activeSeconds", 'completed', p."completedAt" IS NOT NULL)
   FROM "ReadingProgress" p WHERE p."userId" = $2::uuid AND p."readingId" = r.id) AS "myProgress",
  COALESCE((SELECT json_agg(json_build_object('id', a.id, 'moduleId', a."moduleId", 'dueAt', a."dueAt")
            ORDER BY a."createdAt") FROM "Assignment" a WHERE a."readingId" = r.id), '[]') AS assignments`;

app.get('/api/auth/me', async (request, reply) => {
  const found = await caller(request, null);
  if (!found) return reply.code(401).send({ code: 'UNAUTHENTICATED' });
  return { id: found.userId, email: found.email, name: found.name };
});

app.get('/api/courses', async (request, reply) => {
  const found = await caller(request, null);
  if (!found) return reply.code(401).send({ code: 'UNAUTHENTICATED' });
  const { rows } = await pool.query(
    `SELECT c.id::text, c.title, c.term, c.description, e.role::text AS role,
            (SELECT count(*)::int FROM "Enrollment" m WHERE m."courseId" = c.id) AS "memberCount"
     FROM "Enrollment" e JOIN "Course" c ON c.id = e."courseId"
     WHERE e."userId" = $1::uuid ORDER BY c."createdAt" DESC`,
    [found.userId],
  );
  return rows;
});

app.get<{ Params: Params }>('/api/courses/:courseId/readings', async (request, reply) => {
  const found = await member(request, reply);
  if (!found) return reply;
  const { rows } = await pool.query(
    `SELECT ${summaryColumns} FROM "Reading" r WHERE ${visible('$1', '$3')} ORDER BY r."createdAt", r.id`,
    [request.params.courseId, found.userId, found.role],
  );
  return rows;
});

app.get<{ Params: Params }>('/api/courses/:courseId/readings/:readingId', async (request, reply) => {
  const found = await member(request, reply);
  if (!found) return reply;
  const { rows } = await pool.query(
    `SELECT ${summaryColumns}, r.document, r."contentHash",
            ARRAY(SELECT json_build_array(b.start, b."end") FROM "ReadingBlock" b
                  WHERE b."readingId" = r.id ORDER BY b.index) AS "blockOffsets"
     FROM "Reading" r WHERE ${visible('$1', '$3')} AND r.id = $4::uuid`,
    [request.params.courseId, found.userId, found.role, request.params.readingId],
  );
  if (!rows[0]) return reply.code(404).send({ code: 'READING_NOT_FOUND' });
  return rows[0];
});

app.get<{ Params: Params }>('/api/courses/:courseId/assignments', async (request, reply) => {
  const found = await member(request, reply);
  if (!found) return reply;
  const { rows } = await pool.query(
    `SELECT a.id::text, a."moduleId"::text, m.title AS "moduleTitle", a."dueAt", a.position,
            (SELECT row_to_json(s) FROM (SELECT ${summaryColumns} FROM "Reading" r WHERE r.id = a."readingId") s)
              AS reading
     FROM "Assignment" a JOIN "CourseModule" m ON m.id = a."moduleId"
     WHERE a."courseId" = $1::uuid AND $3::text IS NOT NULL
     ORDER BY m.position, m."createdAt", a.position, a."dueAt" NULLS LAST, a."createdAt"`,
    [request.params.courseId, found.userId, found.role],
  );
  return rows;
});

app.get<{ Params: Params; Querystring: { q: string } }>('/api/courses/:courseId/search', async (request, reply) => {
  const found = await member(request, reply);
  if (!found) return reply;
  const { rows } = await pool.query(
    `WITH query AS (SELECT websearch_to_tsquery('english', $3) AS q),
     best AS (
       SELECT b."readingId", r.title, b."index", b."text", ts_rank_cd(b."searchVector", query.q) AS rank
       FROM "ReadingBlock" b JOIN "Reading" r ON r.id = b."readingId" CROSS JOIN query
       WHERE ${visible('$1', '$2')} AND b."searchVector" @@ query.q
       ORDER BY rank DESC, b."readingId", b."index" LIMIT 50
     )
     SELECT best."readingId"::text AS "readingId", best.title AS "readingTitle", best."index" AS "blockIndex",
            ts_headline('english', best."text", query.q,
              'StartSel="«mark»", StopSel="«/mark»", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') AS snippet,
            best.rank::float8 AS rank
     FROM best CROSS JOIN query ORDER BY best.rank DESC, best.title, best."index"`,
    [request.params.courseId, found.role, request.query.q],
  );
  return rows;
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('ready');
