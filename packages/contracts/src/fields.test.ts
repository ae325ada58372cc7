import { describe, expect, it } from 'vitest';
import {
  assignmentUpdate,
  courseUpdate,
  moduleCreate,
  pasteImport,
  readingUpdate,
  routes,
  searchQuery,
  storableText,
  type RouteContract,
} from './index.js';

const fieldErrors = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('values the database cannot store are refused by name', () => {
  it('refuses a NUL character and a lone surrogate in text', () => {
    expect(fieldErrors(readingUpdate.safeParse({ title: 'Tracks\u0000', authors: ['x\ud800y'] }))).toEqual({
      title: 'Remove the NUL character (\\0) from this text: it cannot be stored.',
      'authors.0': 'This text contains a broken character (a lone UTF-16 surrogate): retype it.',
    });
    expect(fieldErrors(searchQuery.safeParse({ q: 'tr\u0000ade' }))).toHaveProperty('q');
    // A whole surrogate pair is one character (an emoji) and is kept.
    expect(readingUpdate.parse({ title: 'Steppe 🐎' }).title).toBe('Steppe 🐎');
  });

  it('makes text no form checked storable: NUL dropped, half a character replaced, whole ones kept', () => {
    expect(storableText('Steppe\u0000 🐎 \ud800 and \udc00')).toBe('Steppe 🐎 \ufffd and \ufffd');
  });

  it('says a pasted text holds a NUL, rather than calling it an unknown format', () => {
    expect(fieldErrors(pasteImport.safeParse({ text: 'First line\u0000second' })).text).toMatch(/NUL character/);
  });

  it('refuses year 0 and positions beyond a database integer', () => {
    expect(fieldErrors(moduleCreate.safeParse({ title: 'Week 1', startsOn: '0000-01-01' }))).toEqual({
      startsOn: 'Enter a date between the years 1 and 9999.',
    });
    expect(fieldErrors(assignmentUpdate.safeParse({ dueAt: '0001-01-01T00:30:00+01:00' }))).toHaveProperty('dueAt');
    for (const position of [2147483648, 9007199254740991]) {
      expect(fieldErrors(assignmentUpdate.safeParse({ position }))).toEqual({
        position: 'Enter a whole number from 0 to 2147483647.',
      });
    }
    expect(assignmentUpdate.parse({ position: 2147483647, dueAt: '9999-12-31T12:00:00Z' })).toEqual({
      position: 2147483647,
      dueAt: '9999-12-31T12:00:00Z',
    });
  });
});

describe('updates', () => {
  it('leave omitted fields out, so that they are not reset', () => {
    expect(courseUpdate.parse({ title: 'New title' })).toEqual({ title: 'New title' });
  });

  it('of every PATCH route fill in nothing that was not sent', () => {
    const patches = Object.entries(routes as Record<string, RouteContract>).filter(([, r]) => r.method === 'PATCH');
    expect(patches.length).toBeGreaterThan(3);
    for (const [name, route] of patches) {
      const parsed = route.body!.safeParse({});
      // A PATCH may require a field (a setting it sets); one that takes nothing must add nothing.
      if (parsed.success) expect(parsed.data, name).toEqual({});
    }
  });
});
