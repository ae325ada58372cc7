import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { courseWithCast, PASSWORD } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { toAppError } from './error-response.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi({ BODY_LIMIT_BYTES: '65536', PUBLIC_ORIGIN: 'http://localhost:3000' })));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

const countAll = async () => ({
  users: await t.prisma.user.count(),
  courses: await t.prisma.course.count(),
  groups: await t.prisma.group.count(),
});

describe('bad input gets a clear error and changes nothing', () => {
  it('malformed JSON is a 400 saying so', async () => {
    const { instructor } = await courseWithCast(t);
    const before = await countAll();
    const response = await instructor.request('POST', '/api/courses', '{"title": "Unclosed', {});
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('MALFORMED_JSON');
    expect(response.body.requestId).toBe(response.headers.get('x-request-id'));
    expect(await countAll()).toEqual(before);
  });

  it('an oversized body is a 413', async () => {
    const { instructor } = await courseWithCast(t);
    const before = await countAll();
    const description = 'x'.repeat(70_000);
    const response = await instructor.call('createCourse', {}, { title: 'Big', term: 'T', description });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await countAll()).toEqual(before);
  });

  it('a body that is not JSON is a 415', async () => {
    const { instructor } = await courseWithCast(t);
    const response = await instructor.request('POST', '/api/courses', 'title=Form', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a multipart form sent where JSON is expected is a 415', async () => {
    const { instructor } = await courseWithCast(t);
    const before = await countAll();
    const form = new FormData();
    form.append('title', 'Form');
    form.append('term', 'T');
    const response = await instructor.request('POST', '/api/courses', form);
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await countAll()).toEqual(before);
  });

  it('invalid fields are a 400 naming each field', async () => {
    const { instructor } = await courseWithCast(t);
    const before = await countAll();
    const response = await instructor.call('createCourse', {}, { title: '', term: 42 });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.fields).sort()).toEqual(['term', 'title']);
    expect(await countAll()).toEqual(before);
  });

  it('an unknown API route is a JSON 404', async () => {
    const response = await t.client().request('GET', '/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('a write from another site is refused, one from our own origin passes', async () => {
    const { instructor, courseId } = await courseWithCast(t);
    const before = await countAll();
    const evil = await instructor.request(
      'POST',
      `/api/courses/${courseId}/groups`,
      { name: 'Evil' },
      { origin: 'https://evil.example' },
    );
    expect(evil.status).toBe(403);
    expect(evil.body.error.code).toBe('CROSS_SITE_REQUEST');
    const fetchSite = await instructor.request(
      'POST',
      `/api/courses/${courseId}/groups`,
      { name: 'Evil' },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(fetchSite.status).toBe(403);
    expect(await countAll()).toEqual(before);
    const ours = await instructor.request(
      'POST',
      `/api/courses/${courseId}/groups`,
      { name: 'Ours' },
      { origin: 'http://localhost:3000' },
    );
    expect(ours.status).toBe(201);
  });

  it('a login from another site cannot plant a session', async () => {
    const response = await t
      .client()
      .request(
        'POST',
        '/api/auth/signup',
        { name: 'X', email: 'x@example.test', password: PASSWORD },
        { origin: 'https://evil.example' },
      );
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect((await countAll()).users).toBe(0);
  });

  it('text the database cannot store is a 400 naming the field, and nothing is stored', async () => {
    const { instructor, courseId } = await courseWithCast(t);
    const before = await countAll();
    const nul = await instructor.call('createCourse', {}, { title: 'Seminar\u0000', term: 'x\ud800y' });
    expect(nul.status).toBe(400);
    expect(nul.body.error.fields).toEqual({
      title: 'Remove the NUL character (\\0) from this text: it cannot be stored.',
      term: 'This text contains a broken character (a lone UTF-16 surrogate): retype it.',
    });
    const search = await instructor.call('search', { courseId }, undefined, { q: 'trade\u0000routes' });
    expect(search.status).toBe(400);
    expect(Object.keys(search.body.error.fields)).toEqual(['q']);
    expect(await countAll()).toEqual(before);
  });

  it('pasted text with a NUL is refused with a message that says so, and starts no import', async () => {
    const { instructor, courseId } = await courseWithCast(t);
    const pasted = await instructor.call('pasteImport', { courseId }, { text: 'First paragraph.\u0000\u0000Second.' });
    expect(pasted.status).toBe(400);
    expect(pasted.body.error.fields.text).toMatch(/^The pasted text contains a NUL character/);
    expect(await t.prisma.importDraft.count()).toBe(0);
  });

  it('a date in year 0 or a position beyond an integer is a 400 naming the field', async () => {
    const { instructor, courseId } = await courseWithCast(t);
    const week = await instructor.call('createModule', { courseId }, { title: 'Week 1', startsOn: '0000-01-01' });
    expect(week.status).toBe(400);
    expect(week.body.error.fields).toEqual({ startsOn: 'Enter a date between the years 1 and 9999.' });
    const created = await instructor.call('createModule', { courseId }, { title: 'Week 1' });
    for (const position of [2147483648, 9007199254740991]) {
      const moved = await instructor.call('updateModule', { courseId, moduleId: created.body.id }, { position });
      expect(moved.status).toBe(400);
      expect(Object.keys(moved.body.error.fields)).toEqual(['position']);
    }
    expect(await t.prisma.courseModule.count()).toBe(1);
  });

  it('a value the database refuses after all is a 400, not a 500', async () => {
    // A real refusal from PostgreSQL, of the kind a schema that let something through would meet.
    const refusal = await t.prisma.user
      .create({ data: { email: 'nul\u0000@example.test', name: 'N', passwordHash: 'x' } })
      .catch((error: unknown) => error);
    const outOfRange = await t.prisma.$queryRaw`SELECT ${2147483648}::int4`.catch((error: unknown) => error);
    for (const error of [refusal, outOfRange]) {
      expect(toAppError(error)).toMatchObject({ code: 'UNSTORABLE_VALUE', status: 400 });
    }
  });

  it('a PATCH with only a new title leaves the term and description as they were', async () => {
    const { instructor, courseId } = await courseWithCast(t);
    const patched = await instructor.call('updateCourse', { courseId }, { title: 'Renamed Seminar' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'Renamed Seminar', term: 'Spring 2027', description: 'Readings.' });
  });
});
