import { writeDocument } from '@commonplace/editor';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WikiPage } from '@commonplace/contracts';
import type { ApiClient } from '../testing/api-client.js';
import { connectCollab, eventually, type CollabClient } from '../testing/collab-client.js';
import { courseWithCast, twoGroups } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
const open: CollabClient[] = [];
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());
afterEach(() => open.splice(0).forEach((client) => client.close()));

const MISSING = '7b0e8a0c-63a4-4b8e-9f53-1f0a3c3f2a11';

async function addPage(client: ApiClient, courseId: string, title: string, parentId?: string): Promise<WikiPage> {
  const created = await client.call<WikiPage>('createWikiPage', { courseId }, { title, parentId });
  if (created.status !== 201) throw new Error(`createWikiPage: ${JSON.stringify(created.body)}`);
  return created.body;
}

/** The tree as indented titles, siblings in order: what the sidebar shows. */
async function outline(client: ApiClient, courseId: string): Promise<string[]> {
  const pages = (await client.call<WikiPage[]>('listWikiPages', { courseId })).body;
  const lines: string[] = [];
  const walk = (parentId: string | null, depth: number) =>
    pages
      .filter((p) => p.parentId === parentId)
      .sort((a, b) => a.position - b.position)
      .forEach((p) => {
        lines.push(`${'  '.repeat(depth)}${p.title}${p.locked ? ' (locked)' : ''}`);
        walk(p.id, depth + 1);
      });
  walk(null, 0);
  return lines;
}

/** Writes `content` (the editor's JSON) into a document over /collab, as a browser would. */
async function writeContent(client: ApiClient, documentName: string, content: object[]) {
  const writer = connectCollab(t.api.url, documentName, client.session);
  open.push(writer);
  await writer.synced();
  writeDocument(writer.doc, { type: 'doc', content });
  await writer.synced();
}

const linkTo = (title: string, before = 'See ') => ({
  type: 'paragraph',
  content: [
    { type: 'text', text: before },
    { type: 'wikiLink', attrs: { title, pageId: null } },
  ],
});

describe('wiki pages', () => {
  it('every member adds pages to one tree with readable, unique slugs, and everyone sees it', async () => {
    const { courseId, student, ta } = await courseWithCast(t);
    const history = await addPage(student, courseId, '  History of lights ');
    expect(history).toMatchObject({
      title: 'History of lights',
      slug: 'history-of-lights',
      parentId: null,
      position: 0,
      locked: false,
      writable: true,
      documentName: `doc:${history.id}`,
    });
    const lens = await addPage(ta, courseId, 'Fresnel Lens', history.id);
    const again = await addPage(student, courseId, 'Fresnel lens!');
    const accented = await addPage(student, courseId, 'Phare de Cordouan — Gironde');
    expect([lens.slug, again.slug, accented.slug]).toEqual([
      'fresnel-lens',
      'fresnel-lens-2',
      'phare-de-cordouan-gironde',
    ]);
    expect(lens).toMatchObject({ parentId: history.id, position: 0 });
    expect(await outline(ta, courseId)).toEqual([
      'History of lights',
      '  Fresnel Lens',
      'Fresnel lens!',
      'Phare de Cordouan — Gironde',
    ]);
  });

  it('refuses bad input with a 400 naming the field, unknown pages with a 404, and outsiders, changing nothing', async () => {
    const { courseId, student, outsider } = await courseWithCast(t);
    const page = await addPage(student, courseId, 'Keepers');
    const before = await outline(student, courseId);

    const blank = await student.call('createWikiPage', { courseId }, { title: '  ' });
    expect(blank.status).toBe(400);
    expect(Object.keys(blank.body.error.fields)).toEqual(['title']);
    const nul = await student.call('createWikiPage', { courseId }, { title: 'Nul\u0000' });
    expect(nul.status).toBe(400);
    const noParent = await student.call('createWikiPage', { courseId }, { title: 'Orphan', parentId: MISSING });
    expect(noParent.status).toBe(404);
    expect(noParent.body.error).toMatchObject({
      code: 'WIKI_PAGE_NOT_FOUND',
      fields: { parentId: expect.any(String) },
    });

    for (const body of [
      { position: -1 },
      { position: 1.5 },
      { title: 'x'.repeat(201) },
      { locked: 'yes' },
      { parentId: 'nope' },
    ]) {
      const answer = await student.call('updateWikiPage', { courseId, pageId: page.id }, body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
    }
    for (const call of [
      student.call('updateWikiPage', { courseId, pageId: MISSING }, { title: 'New' }),
      student.call('updateWikiPage', { courseId, pageId: 'not-an-id' }, { title: 'New' }),
      student.call('deleteWikiPage', { courseId, pageId: MISSING }),
      student.call('wikiBacklinks', { courseId, pageId: MISSING }),
      student.call('wikiPageMarkdown', { courseId, pageId: MISSING }),
      student.call('restoreWikiPage', { courseId, pageId: MISSING }),
    ]) {
      const answer = await call;
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('WIKI_PAGE_NOT_FOUND');
    }
    expect((await outsider.call('listWikiPages', { courseId })).status).toBe(404);
    expect((await outsider.call('createWikiPage', { courseId }, { title: 'Mine' })).status).toBe(404);
    expect(await outline(student, courseId)).toEqual(before);
    expect(await t.prisma.document.count()).toBe(1);
  });

  it('renames keeping a unique slug, and a PATCH leaves the fields it omits alone', async () => {
    const { courseId, student } = await courseWithCast(t);
    const taken = await addPage(student, courseId, 'Fresnel Lens');
    const page = await addPage(student, courseId, 'Lenses', taken.id);
    const renamed = await student.call<WikiPage>(
      'updateWikiPage',
      { courseId, pageId: page.id },
      { title: 'Fresnel lens' },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      title: 'Fresnel lens',
      slug: 'fresnel-lens-2',
      formerSlugs: ['lenses'],
      parentId: taken.id,
      locked: false,
    });
    const caseOnly = await student.call<WikiPage>(
      'updateWikiPage',
      { courseId, pageId: page.id },
      { title: 'FRESNEL LENS' },
    );
    expect(caseOnly.body.slug).toBe('fresnel-lens-2');
    const nothing = await student.call<WikiPage>('updateWikiPage', { courseId, pageId: page.id }, {});
    expect(nothing.body).toMatchObject({
      title: 'FRESNEL LENS',
      slug: 'fresnel-lens-2',
      formerSlugs: ['lenses'],
      parentId: taken.id,
      position: 0,
    });
    // Renamed back: its old slug is its own again, and no longer a former one.
    const back = await student.call<WikiPage>('updateWikiPage', { courseId, pageId: page.id }, { title: 'Lenses' });
    expect(back.body).toMatchObject({ slug: 'lenses', formerSlugs: ['fresnel-lens-2'] });
    const listed = (await student.call<WikiPage[]>('listWikiPages', { courseId })).body;
    expect(listed.find((p) => p.id === page.id)?.formerSlugs).toEqual(['fresnel-lens-2']);
    // The course search finds it by its new title at once, not by the old; and a new page by its title.
    const found = async (q: string) =>
      ((await student.call('search', { courseId }, undefined, { q })).body as { documentId?: string }[]).some(
        (hit) => hit.documentId === page.id,
      );
    expect([await found('lenses'), await found('fresnel')]).toEqual([true, false]);
    const fresh = await addPage(student, courseId, 'Foghorns');
    expect(
      ((await student.call('search', { courseId }, undefined, { q: 'foghorn' })).body as { documentId?: string }[]).map(
        (hit) => hit.documentId,
      ),
    ).toEqual([fresh.id]);
  });

  it('leads an old address to the page that had it last, when two pages held it in turn', async () => {
    const { courseId, student } = await courseWithCast(t);
    const first = await addPage(student, courseId, 'Intro');
    await student.call('updateWikiPage', { courseId, pageId: first.id }, { title: 'Basics' });
    const second = await addPage(student, courseId, 'Intro');
    expect(second.slug).toBe('intro');
    await student.call('updateWikiPage', { courseId, pageId: second.id }, { title: 'Overview' });
    const listed = (await student.call<WikiPage[]>('listWikiPages', { courseId })).body;
    expect(listed.filter((p) => p.formerSlugs.includes('intro')).map((p) => p.id)).toEqual([second.id]);
    expect(listed.find((p) => p.id === first.id)?.formerSlugs).toEqual([]);
  });

  it('moves and reorders pages, and refuses a move under itself with a 409 that changes nothing', async () => {
    const { courseId, student } = await courseWithCast(t);
    const a = await addPage(student, courseId, 'A');
    const b = await addPage(student, courseId, 'B');
    const c = await addPage(student, courseId, 'C');
    const a1 = await addPage(student, courseId, 'A1', a.id);

    expect((await student.call('updateWikiPage', { courseId, pageId: c.id }, { position: 0 })).status).toBe(200);
    expect(await outline(student, courseId)).toEqual(['C', 'A', '  A1', 'B']);
    expect(
      (await student.call('updateWikiPage', { courseId, pageId: b.id }, { parentId: a.id, position: 0 })).status,
    ).toBe(200);
    expect(await outline(student, courseId)).toEqual(['C', 'A', '  B', '  A1']);
    expect((await student.call('updateWikiPage', { courseId, pageId: a.id }, { position: 99 })).status).toBe(200);
    expect(await outline(student, courseId)).toEqual(['C', 'A', '  B', '  A1']);

    for (const parentId of [a.id, a1.id]) {
      const cycle = await student.call('updateWikiPage', { courseId, pageId: a.id }, { parentId, title: 'Renamed' });
      expect(cycle.status).toBe(409);
      expect(cycle.body.error.code).toBe('WIKI_MOVE_INTO_ITSELF');
    }
    const top = await student.call<WikiPage>('updateWikiPage', { courseId, pageId: a1.id }, { parentId: null });
    expect(top.body).toMatchObject({ parentId: null, position: 2 });
    expect(await outline(student, courseId)).toEqual(['C', 'A', '  B', 'A1']);
  });

  it('makes a student who has the page open read-only as it is locked, and closes editors of a deleted page', async () => {
    const { courseId, instructor, student } = await courseWithCast(t);
    const page = await addPage(student, courseId, 'Reading list');
    const editor = connectCollab(t.api.url, page.documentName, student.session);
    open.push(editor);
    const answers: string[] = [];
    editor.provider.on('authenticated', ({ scope }: { scope: string }) => answers.push(scope));
    expect(await editor.authenticated).toEqual({ readOnly: false });

    await instructor.call('updateWikiPage', { courseId, pageId: page.id }, { locked: true });
    // The provider is closed and signs in again, now read-only.
    await eventually(() => answers.includes('readonly'));

    await instructor.call('updateWikiPage', { courseId, pageId: page.id }, { locked: false });
    await eventually(() => answers.at(-1) === 'read-write');
    const refusals: string[] = [];
    editor.provider.on('authenticationFailed', ({ reason }: { reason: string }) => refusals.push(reason));
    await student.call('deleteWikiPage', { courseId, pageId: page.id });
    await eventually(() => refusals.length > 0);
  });

  it('is locked and unlocked by staff alone; a locked page is read-only to students, over /collab too', async () => {
    const { courseId, instructor, student } = await courseWithCast(t);
    const page = await addPage(student, courseId, 'Syllabus');
    const refused = await student.call('updateWikiPage', { courseId, pageId: page.id }, { locked: true });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('WIKI_LOCK_IS_FOR_STAFF');
    const locked = await instructor.call<WikiPage>('updateWikiPage', { courseId, pageId: page.id }, { locked: true });
    expect(locked.body).toMatchObject({ locked: true, writable: true, title: 'Syllabus' });

    const [seen] = (await student.call<WikiPage[]>('listWikiPages', { courseId })).body;
    expect(seen).toMatchObject({ locked: true, writable: false });
    for (const answer of [
      await student.call('updateWikiPage', { courseId, pageId: page.id }, { title: 'Mine now' }),
      await student.call('deleteWikiPage', { courseId, pageId: page.id }),
    ]) {
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('WIKI_PAGE_LOCKED');
    }
    expect(await outline(student, courseId)).toEqual(['Syllabus (locked)']);

    const reader = connectCollab(t.api.url, page.documentName, student.session);
    open.push(reader);
    expect(await reader.authenticated).toEqual({ readOnly: true });
    const writer = connectCollab(t.api.url, page.documentName, instructor.session);
    open.push(writer);
    expect(await writer.authenticated).toEqual({ readOnly: false });

    await instructor.call('updateWikiPage', { courseId, pageId: page.id }, { locked: false });
    const again = connectCollab(t.api.url, page.documentName, student.session);
    open.push(again);
    expect(await again.authenticated).toEqual({ readOnly: false });
  });

  it('deletes a page with the pages under it, and its undo brings back exactly those', async () => {
    const { courseId, student, ta } = await courseWithCast(t);
    const a = await addPage(student, courseId, 'A');
    const a1 = await addPage(student, courseId, 'A1', a.id);
    await addPage(student, courseId, 'A1x', a1.id);
    const a2 = await addPage(student, courseId, 'A2', a.id);
    await addPage(student, courseId, 'B');

    // A2 deleted first stays deleted when A's delete is undone.
    expect((await student.call('deleteWikiPage', { courseId, pageId: a2.id })).body).toMatchObject({ pages: 1 });
    const deleted = await student.call('deleteWikiPage', { courseId, pageId: a.id });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: a.id, title: 'A', pages: 3 });
    expect(await outline(ta, courseId)).toEqual(['B']);
    expect((await student.call('wikiPageMarkdown', { courseId, pageId: a1.id })).status).toBe(404);
    expect((await student.call('updateWikiPage', { courseId, pageId: a.id }, { title: 'Z' })).status).toBe(404);

    const restored = await ta.call<WikiPage>('restoreWikiPage', { courseId, pageId: a.id });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ title: 'A', slug: 'a' });
    expect(await outline(ta, courseId)).toEqual(['A', '  A1', '    A1x', 'B']);

    // A page whose parent is gone comes back at the top.
    await student.call('deleteWikiPage', { courseId, pageId: a.id });
    await student.call('restoreWikiPage', { courseId, pageId: a2.id });
    expect(await outline(ta, courseId)).toEqual(['B', 'A2']);
  });

  it('lists as backlinks the pages and notes the viewer may read that link to the page by its title', async () => {
    const cast = await courseWithCast(t);
    const { courseId, instructor, student } = cast;
    const { rival } = await twoGroups(t, cast);

    const keepers = await addPage(student, courseId, 'Lighthouse keepers');
    const index = await addPage(student, courseId, 'Index');
    const groupNote = (await student.call('createNote', { courseId }, { title: 'Steppe notes', scope: 'group' })).body;
    const rivalNote = (await rival.call('createNote', { courseId }, { title: 'Caspian notes', scope: 'group' })).body;
    const personal = (await rival.call('createNote', { courseId }, { title: 'Mine', scope: 'personal' })).body;
    await writeContent(student, index.documentName, [linkTo('lighthouse   Keepers')]);
    await writeContent(student, groupNote.documentName, [linkTo('Lighthouse keepers')]);
    await writeContent(rival, rivalNote.documentName, [linkTo('Lighthouse keepers')]);
    await writeContent(rival, personal.documentName, [linkTo('Lighthouse keepers')]);
    await eventually(async () => (await t.prisma.documentLink.count()) === 4);

    const titles = async (client: ApiClient) =>
      (
        (await client.call('wikiBacklinks', { courseId, pageId: keepers.id })).body as { kind: string; title: string }[]
      ).map((b) => `${b.kind}: ${b.title}`);
    expect(await titles(student)).toEqual(['wiki: Index', 'note: Steppe notes']);
    expect(await titles(rival)).toEqual(['wiki: Index', 'note: Caspian notes', 'note: Mine']);
    expect(await titles(instructor)).toEqual(['wiki: Index', 'note: Caspian notes', 'note: Steppe notes']);
    const [link] = (await student.call('wikiBacklinks', { courseId, pageId: keepers.id })).body;
    expect(link).toEqual({ id: index.id, kind: 'wiki', title: 'Index', slug: 'index', readingId: null });
  });

  it('lists the titles linked that no page has yet, from what the viewer may read, the most linked first', async () => {
    const cast = await courseWithCast(t);
    const { courseId, instructor, student } = cast;
    const { rival } = await twoGroups(t, cast);

    const index = await addPage(student, courseId, 'Index');
    const keepers = await addPage(student, courseId, 'Keepers');
    const groupNote = (await student.call('createNote', { courseId }, { title: 'Steppe notes', scope: 'group' })).body;
    const rivalNote = (await rival.call('createNote', { courseId }, { title: 'Caspian notes', scope: 'group' })).body;
    await writeContent(student, index.documentName, [linkTo('Fog signals'), linkTo('Keepers'), linkTo('Tides')]);
    await writeContent(student, keepers.documentName, [linkTo('fog   Signals')]);
    await writeContent(student, groupNote.documentName, [linkTo('Tides')]);
    await writeContent(rival, rivalNote.documentName, [linkTo('Wrecks')]);
    await eventually(async () => (await t.prisma.documentLink.count()) === 6);

    const wanted = async (client: ApiClient) =>
      (
        (await client.call('wikiWantedPages', { courseId })).body as {
          title: string;
          linkedFrom: { kind: string; title: string }[];
        }[]
      ).map((w) => `${w.title} <- ${w.linkedFrom.map((d) => `${d.kind}: ${d.title}`).join(', ')}`);
    expect(await wanted(student)).toEqual([
      'Fog signals <- wiki: Index, wiki: Keepers',
      'Tides <- wiki: Index, note: Steppe notes',
    ]);
    expect(await wanted(rival)).toEqual([
      'Fog signals <- wiki: Index, wiki: Keepers',
      'Tides <- wiki: Index',
      'Wrecks <- note: Caspian notes',
    ]);
    expect((await wanted(instructor)).map((line) => line.split(' <- ')[0])).toEqual(['Fog signals', 'Tides', 'Wrecks']);

    // Written, a page is wanted no more.
    await addPage(rival, courseId, 'Fog Signals');
    expect((await wanted(student)).map((line) => line.split(' <- ')[0])).toEqual(['Tides']);
    const outsider = t.client();
    expect((await outsider.call('wikiWantedPages', { courseId })).status).toBe(401);
  });

  it('lists a link as wanted, and as a backlink, as soon as it is saved, while its page is still open', async () => {
    const { courseId, student, ta } = await courseWithCast(t);
    const index = await addPage(student, courseId, 'Index');
    const keepers = await addPage(ta, courseId, 'Keepers');
    // The editor stays open: its text is derived a few seconds after typing stops, or as it leaves.
    await writeContent(student, index.documentName, [linkTo('Fog signals'), linkTo('Keepers')]);

    const wanted = (await ta.call<{ title: string }[]>('wikiWantedPages', { courseId })).body;
    expect(wanted.map((entry) => entry.title)).toEqual(['Fog signals']);
    const backlinks = (await ta.call<{ title: string }[]>('wikiBacklinks', { courseId, pageId: keepers.id })).body;
    expect(backlinks.map((link) => link.title)).toEqual(['Index']);
  });

  it('exports every page as Markdown in a zip, a folder per level of the tree', async () => {
    const { courseId, student, outsider } = await courseWithCast(t);
    const history = await addPage(student, courseId, 'History');
    const lens = await addPage(student, courseId, 'Fresnel Lens', history.id);
    await addPage(student, courseId, 'Empty page');
    const gone = await addPage(student, courseId, 'Gone');
    await student.call('deleteWikiPage', { courseId, pageId: gone.id });
    await writeContent(student, lens.documentName, [
      { type: 'paragraph', content: [{ type: 'text', text: 'Invented in 1822.' }] },
      linkTo('History'),
    ]);

    const zip = await student.bytes(`/api/courses/${courseId}/wiki/export`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(zip.headers.get('content-disposition')).toContain('wiki.zip');
    const files = Object.fromEntries(
      Object.entries(unzipSync(zip.bytes)).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]),
    );
    expect(Object.keys(files).sort()).toEqual([
      'wiki/empty-page.md',
      'wiki/history.md',
      'wiki/history/fresnel-lens.md',
    ]);
    expect(files['wiki/history/fresnel-lens.md']).toBe('# Fresnel Lens\n\nInvented in 1822.\n\nSee [[History]]\n');
    expect(files['wiki/history.md']?.trim()).toBe('# History');

    const markdown = await student.call('wikiPageMarkdown', { courseId, pageId: lens.id });
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(markdown.body).toBe(files['wiki/history/fresnel-lens.md']);
    expect((await outsider.bytes(`/api/courses/${courseId}/wiki/export`)).status).toBe(404);
  });
});
