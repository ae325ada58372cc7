import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ANNOTATIONS } from '../../../../prisma/demo-annotations.js';
import { DEMO_NOTES, DEMO_WIKI } from '../../../../prisma/demo-documents.js';
import { DEMO_PASSWORD, seedDemoCourse } from '../../../../prisma/seed.js';
import { connectCollab, eventually } from '../testing/collab-client.js';
import { loadConfig } from '../config/config.schema.js';
import { ARTICLE } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
let dir: string;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.truncate();
  dir = await mkdtemp(join(tmpdir(), 'commonplace-readings-'));
  return () => rm(dir, { recursive: true, force: true });
});

const article = (title: string) =>
  `# ${title}\n\nA paragraph on ${title.toLowerCase()}, its harbours and its pilots.\n`;

async function folder(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

async function assignmentsByWeek(courseId: string) {
  const rows = await t.prisma.assignment.findMany({
    where: { courseId },
    orderBy: [{ module: { position: 'asc' } }, { position: 'asc' }],
    select: { dueAt: true, module: { select: { position: true } }, reading: { select: { title: true } } },
  });
  return rows.map((r) => [r.module.position, r.reading.title, r.dueAt?.toISOString()]);
}

/** The course's real readings: the demo annotations, notes and wiki quote their words. */
const copyReading = async (name: string) => {
  const from = join(loadConfig().READINGS_DIR, name);
  if (!existsSync(from))
    throw new Error(
      `These tests read the course's own readings: put them at ${from} (../shared/readings, or set READINGS_DIR).`,
    );
  await copyFile(from, join(dir, name));
};

describe('the demo seed', () => {
  it("imports the folder's readings once, assigned across the three weeks with due dates", async () => {
    await folder({
      '1-lighthouses.txt': ARTICLE,
      '2-salt.md': article('Salt Roads'),
      '3-tides.txt': article('Tides'),
      '4-wrecks.txt': article('Wrecks'),
      '5-ledgers.txt': article('Ledgers'),
      'README.md': '# About these files\n\nNot a reading.\n',
    });
    const first = await seedDemoCourse(t.prisma, { readingsDir: dir });
    expect(first).toMatchObject({ created: true, readingsAdded: 5, readingProblems: [] });
    expect(await assignmentsByWeek(first.courseId)).toEqual([
      [0, 'Lighthouses of the Northern Coast', '2027-02-03T17:00:00.000Z'],
      [0, 'Salt Roads', '2027-02-05T17:00:00.000Z'],
      [1, 'Tides', '2027-02-10T17:00:00.000Z'],
      [1, 'Wrecks', '2027-02-12T17:00:00.000Z'],
      [2, 'Ledgers', '2027-02-17T17:00:00.000Z'],
    ]);
    const original = await t.prisma.sourceFile.findFirstOrThrow({ where: { filename: '1-lighthouses.txt' } });
    expect(Buffer.from(original.data).toString()).toBe(ARTICLE);

    const counts = async () => ({
      readings: await t.prisma.reading.count(),
      files: await t.prisma.sourceFile.count(),
      assignments: await t.prisma.assignment.count(),
      users: await t.prisma.user.count(),
    });
    const before = await counts();
    const second = await seedDemoCourse(t.prisma, { readingsDir: dir });
    expect(second).toMatchObject({ created: false, courseId: first.courseId, readingsAdded: 0 });
    expect(await counts()).toEqual(before);

    // A reading the instructor deleted stays deleted at the next start.
    await t.prisma.reading.deleteMany({ where: { title: 'Tides' } });
    const third = await seedDemoCourse(t.prisma, { readingsDir: dir });
    expect(third.readingsAdded).toBe(0);
    expect((await t.prisma.reading.findMany({ select: { title: true } })).map((r) => r.title)).not.toContain('Tides');
  });

  it('adds the readings at a later start when the folder was absent at the first', async () => {
    const first = await seedDemoCourse(t.prisma, { readingsDir: dir });
    expect(first).toMatchObject({ created: true, readingsAdded: 0 });
    await folder({ '1-pilots.txt': article('Pilots') });
    const second = await seedDemoCourse(t.prisma, { readingsDir: dir });
    expect(second).toMatchObject({ created: false, courseId: first.courseId, readingsAdded: 1 });
    expect(await assignmentsByWeek(first.courseId)).toEqual([[0, 'Pilots', '2027-02-03T17:00:00.000Z']]);
  });

  it('takes the readings expected.json lists, and reports a file the importer refuses', async () => {
    await folder({
      'kept.txt': article('Kept'),
      'empty.txt': '',
      'unlisted.txt': article('Unlisted'),
      'expected.json': JSON.stringify({ readings: { 'kept.txt': {}, 'empty.txt': {}, 'gone.txt': {} } }),
    });
    const seeded = await seedDemoCourse(t.prisma, { readingsDir: dir });
    expect(seeded.readingsAdded).toBe(1);
    expect(seeded.readingProblems).toEqual([expect.stringMatching(/^empty\.txt: .*empty/)]);
    expect((await t.prisma.reading.findMany({ select: { title: true } })).map((r) => r.title)).toEqual(['Kept']);
  });

  it('starts the course without readings where the folder is absent', async () => {
    const seeded = await seedDemoCourse(t.prisma, { readingsDir: join(dir, 'no-such-folder') });
    expect(seeded).toMatchObject({ created: true, readingsAdded: 0, readingProblems: [] });
    expect(await t.prisma.courseModule.count({ where: { courseId: seeded.courseId } })).toBe(3);
    expect(await t.prisma.reading.count()).toBe(0);
  });

  describe('annotations on the first week’s readings', () => {
    const [lead, second] = Object.keys(DEMO_ANNOTATIONS) as [string, string];
    const countOf = (filename: string) => {
      const walk = (notes: Array<{ replies?: unknown[] }>): number =>
        notes.reduce((sum, note) => sum + 1 + walk((note.replies ?? []) as Array<{ replies?: unknown[] }>), 0);
      return walk(DEMO_ANNOTATIONS[filename]!);
    };

    it('writes threads and replies anchored on the readings’ own words, once', async () => {
      await copyReading(lead);
      await copyReading(second);
      await folder({
        '2-tides.txt': article('Tides'),
        '3-wrecks.txt': article('Wrecks'),
        '4-salt.txt': article('Salt'),
      });
      const seeded = await seedDemoCourse(t.prisma, { readingsDir: dir });
      expect(seeded).toMatchObject({ readingsAdded: 5, annotationsAdded: countOf(lead) + countOf(second) });
      const weekOne = await t.prisma.reading.findMany({
        where: { assignments: { some: { module: { position: 0 } } } },
        select: { id: true, canonicalText: true, annotations: { select: { id: true } } },
      });
      expect(weekOne.map((r) => r.annotations.length).sort()).toEqual([countOf(lead), countOf(second)].sort());

      const threads = await t.prisma.annotation.findMany({
        where: { parentId: null },
        include: { reading: { select: { canonicalText: true } }, author: { select: { email: true } } },
      });
      for (const thread of threads) {
        const [quote, position] = thread.selector as [
          { exact: string; prefix: string; suffix: string },
          { start: number; end: number },
        ];
        const text = thread.reading.canonicalText;
        expect(text.slice(thread.start!, thread.end!)).toBe(thread.quote);
        expect(position).toMatchObject({ start: thread.start, end: thread.end });
        expect(quote.exact).toBe(thread.quote);
        expect(text.slice(0, thread.start!).endsWith(quote.prefix)).toBe(true);
        expect(text.slice(thread.end!).startsWith(quote.suffix)).toBe(true);
        expect(thread.anchorStatus).toBe('ANCHORED');
      }
      expect(threads.filter((a) => a.tags.includes('confusing')).length).toBeGreaterThanOrEqual(3);
      expect(new Set(threads.map((a) => a.visibility))).toEqual(new Set(['COURSE', 'GROUP', 'PRIVATE']));
      expect(threads.filter((a) => a.pinnedAt)).toHaveLength(1);
      const [endorsed] = threads.filter((a) => a.endorsedAt);
      expect(endorsed?.author.email).toMatch(/^aigerim@/);

      // A group thread stays with its author's group, and so do its replies.
      const members = new Map((await t.prisma.groupMember.findMany()).map((m) => [m.userId, m.groupId] as const));
      const grouped = await t.prisma.annotation.findMany({ where: { visibility: 'GROUP' } });
      expect(grouped.length).toBeGreaterThan(2);
      for (const a of grouped) {
        const root = grouped.find((r) => r.id === (a.rootId ?? a.id))!;
        expect(a.groupId).toBe(members.get(root.authorId));
        expect(members.get(a.authorId)).toBe(a.groupId);
      }

      // One @mention, written as the editor writes it, and the bell has something for people.
      const [mention] = await t.prisma.annotationMention.findMany({ include: { annotation: true } });
      const aigerim = await t.prisma.user.findFirstOrThrow({ where: { email: { startsWith: 'aigerim@' } } });
      expect(mention).toMatchObject({ userId: aigerim.id });
      expect(mention!.annotation.body).toContain(`@[Aigerim Bekova](user:${aigerim.id})`);
      const kinds = (await t.prisma.notification.findMany({ where: { userId: aigerim.id } })).map((n) => n.kind);
      expect(new Set(kinds)).toEqual(new Set(['REPLY', 'MENTION', 'ENDORSEMENT']));

      const counts = async () => ({
        annotations: await t.prisma.annotation.count(),
        mentions: await t.prisma.annotationMention.count(),
        notifications: await t.prisma.notification.count(),
      });
      const before = await counts();
      expect(await seedDemoCourse(t.prisma, { readingsDir: dir })).toMatchObject({ annotationsAdded: 0 });
      expect(await counts()).toEqual(before);
    });

    it('dates the discussion before the day it is seeded, each reply after what it answers', async () => {
      await copyReading(lead);
      await seedDemoCourse(t.prisma, { readingsDir: dir });
      const written = await t.prisma.annotation.findMany({ include: { parent: true } });
      const latest = Math.max(...written.map((a) => a.createdAt.getTime()));
      expect(latest).toBeLessThan(Date.now());
      for (const reply of written.filter((a) => a.parent))
        expect(reply.createdAt.getTime()).toBeGreaterThan(reply.parent!.createdAt.getTime());
      // The class's pace is kept: the first thread and its first reply as far apart as written.
      const [opening] = DEMO_ANNOTATIONS[lead]!.filter((thread) => thread.replies?.length);
      const apart = Date.parse(opening!.replies![0]!.at) - Date.parse(opening!.at);
      const thread = written.find((a) => !a.parent && a.quote === opening!.words)!;
      const reply = written.find((a) => a.parentId === thread.id)!;
      expect(reply.createdAt.getTime() - thread.createdAt.getTime()).toBe(apart);
      const notices = await t.prisma.notification.findMany();
      expect(notices.every((n) => n.createdAt.getTime() <= latest)).toBe(true);
    });

    it('skips the annotations of a reading that was not imported', async () => {
      await copyReading(second);
      await folder({ '0-tides.txt': article('Tides') });
      const seeded = await seedDemoCourse(t.prisma, { readingsDir: dir });
      expect(seeded).toMatchObject({ readingsAdded: 2, annotationsAdded: countOf(second) });
      const annotated = await t.prisma.reading.findMany({ where: { annotations: { some: {} } } });
      expect(annotated.map((r) => r.title)).toEqual([expect.stringMatching(/^Russia.s War Against Ukraine/)]);
    });
  });
  describe('notes and wiki', () => {
    const [lead] = Object.keys(DEMO_ANNOTATIONS) as [string];
    const mikovic = '002_be90b90c6c71839b.txt';

    async function logIn(person: string) {
      const client = t.client();
      const answer = await client.call(
        'login',
        {},
        { email: `${person}@demo.commonplace.test`, password: DEMO_PASSWORD },
      );
      expect(answer.status).toBe(200);
      return client;
    }

    it('gives each group its note on the first reading and the class a linked wiki, written in turns, once', async () => {
      await copyReading(lead);
      await copyReading(mikovic);
      const seeded = await seedDemoCourse(t.prisma, { readingsDir: dir });
      expect(seeded.documentsAdded).toBe(DEMO_NOTES.length + DEMO_WIKI.length);
      const { courseId } = seeded;

      // A student sees her group's note only, and it opens live with what three of them wrote.
      const saule = await logIn('saule');
      const notes = (await saule.call('listNotes', { courseId })).body as Array<{
        id: string;
        title: string;
        documentName: string;
        writable: boolean;
      }>;
      expect(notes.map((n) => n.title)).toEqual(['Independent foreign policy: our notes']);
      const [note] = notes;
      expect(note!.writable).toBe(true);
      const markdown = await saule.call('noteMarkdown', { courseId, noteId: note!.id });
      expect(markdown.body).toMatch(/## Introduction\n+\*\*Claim:\*\* the war pushed Kazakhstan/);
      expect(markdown.body).toContain('so that no single power can exercise excessive leverage');
      expect(markdown.body).toMatch(/- \[x\] Compare with how Jones defines it/);
      const writers = await t.prisma.documentUpdate.findMany({
        where: { documentId: note!.id },
        orderBy: { id: 'asc' },
        select: { userId: true },
      });
      const emails = new Map((await t.prisma.user.findMany()).map((u) => [u.id, u.email.split('@')[0]]));
      expect(writers.map((w) => emails.get(w.userId!))).toEqual(['aigerim', 'nurlan', 'saule']);
      const comments = (await saule.call('listComments', { courseId, noteId: note!.id })).body as Array<{
        author: { name: string };
      }>;
      expect(comments.map((c) => c.author.name)).toEqual(['Dana Seitkali']);
      const live = connectCollab(t.api.url, note!.documentName, saule.session);
      try {
        expect(await live.authenticated).toEqual({ readOnly: false });
        await eventually(() => live.text().includes('balance, not neutrality'));
      } finally {
        live.close();
      }

      // Every citation lies on the reading's own words, and the reader lists it on its passage.
      const citations = await t.prisma.documentCitation.findMany({ include: { reading: true } });
      expect(citations.length).toBeGreaterThanOrEqual(4);
      for (const c of citations) {
        const { position, quote } = c.selector as {
          position: { start: number; end: number };
          quote: { exact: string };
        };
        expect(c.reading.canonicalText.slice(position.start, position.end)).toBe(quote.exact);
      }
      const leadReading = citations.find((c) => c.quote.includes('no single power'))!.readingId;
      const cited = (await saule.call('listReadingCitations', { courseId, readingId: leadReading })).body as Array<{
        quote: string;
        method: string | null;
      }>;
      expect(cited.find((c) => c.quote.includes('no single power'))?.method).toBe('position');
      expect(cited.some((c) => c.quote.includes('January 2022 coup'))).toBe(false);

      // The wiki's tree, its links and backlinks (notes among them), one page still to write, a locked page.
      const pages = (await saule.call('listWikiPages', { courseId })).body as Array<{
        id: string;
        title: string;
        parentId: string | null;
        locked: boolean;
      }>;
      const byTitle = new Map(pages.map((page) => [page.title, page]));
      expect([...byTitle.keys()].sort()).toEqual([
        'Key terms',
        'Middle Corridor',
        'Multi-vector foreign policy',
        'Start here',
      ]);
      expect(byTitle.get('Middle Corridor')!.parentId).toBe(byTitle.get('Key terms')!.id);
      expect(byTitle.get('Start here')!.locked).toBe(true);
      const backlinks = (
        await saule.call('wikiBacklinks', { courseId, pageId: byTitle.get('Multi-vector foreign policy')!.id })
      ).body as Array<{ title: string }>;
      expect(backlinks.map((b) => b.title).sort()).toEqual([
        'Independent foreign policy: our notes',
        'Key terms',
        'Middle Corridor',
      ]);
      expect(await t.prisma.documentLink.count({ where: { title: 'CSTO' } })).toBe(1);
      const hits = (await saule.call('search', { courseId }, undefined, { q: 'Trans-Caspian' })).body as Array<{
        title: string;
      }>;
      expect(hits.map((h) => h.title)).toContain('Middle Corridor');

      // The other group's note is theirs; the instructor reads both.
      const timur = await logIn('timur');
      expect(
        ((await timur.call('listNotes', { courseId })).body as Array<{ title: string }>).map((n) => n.title),
      ).toEqual(['Week 1: what changed in 2022']);
      const dana = await logIn('dana.instructor');
      expect((await dana.call('listNotes', { courseId })).body).toHaveLength(2);

      const counts = async () => ({
        documents: await t.prisma.document.count(),
        updates: await t.prisma.documentUpdate.count(),
      });
      const before = await counts();
      expect(await seedDemoCourse(t.prisma, { readingsDir: dir })).toMatchObject({ documentsAdded: 0 });
      expect(await counts()).toEqual(before);
    });

    it('leaves out what someone who has left the course wrote, rather than fail to start', async () => {
      await seedDemoCourse(t.prisma, { readingsDir: dir });
      await t.prisma.document.deleteMany();
      const dana = await t.prisma.user.findFirstOrThrow({ where: { email: { startsWith: 'dana.' } } });
      await t.prisma.enrollment.deleteMany({ where: { userId: dana.id } });
      const again = await seedDemoCourse(t.prisma, { readingsDir: dir });
      expect(again.documentsAdded).toBe(DEMO_WIKI.length - 1);
      expect(await t.prisma.document.count({ where: { title: 'Start here' } })).toBe(0);
    });

    it('writes the wiki without the readings, and the notes at the start that finds their reading', async () => {
      const first = await seedDemoCourse(t.prisma, { readingsDir: dir });
      expect(first.documentsAdded).toBe(DEMO_WIKI.length);
      expect(await t.prisma.documentCitation.count()).toBe(0);
      const page = await t.prisma.document.findFirstOrThrow({ where: { title: 'Multi-vector foreign policy' } });
      expect(page.plainText).toContain('none can dominate it');

      await copyReading(lead);
      const second = await seedDemoCourse(t.prisma, { readingsDir: dir });
      expect(second.documentsAdded).toBe(DEMO_NOTES.length);
      expect(await t.prisma.document.count({ where: { kind: 'WIKI' } })).toBe(DEMO_WIKI.length);
    });
  });
});
