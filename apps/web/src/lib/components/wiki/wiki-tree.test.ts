import type { WikiPage } from '@commonplace/contracts';
import { describe, expect, it } from 'vitest';
import { dropPlacement, placementOf } from './wiki-tree';

const page = (id: string, parentId: string | null, position: number): WikiPage => ({
  id,
  title: id,
  slug: id,
  formerSlugs: [],
  parentId,
  position,
  locked: false,
  documentName: `doc:${id}`,
  writable: true,
  updatedAt: '2026-12-02T00:00:00.000Z',
});

// Top level: a, b, c; under a: a1, a2; under a1: a1x.
const pages = [
  page('c', null, 2),
  page('a', null, 0),
  page('b', null, 1),
  page('a2', 'a', 1),
  page('a1', 'a', 0),
  page('a1x', 'a1', 0),
];
const byId = (id: string) => pages.find((p) => p.id === id)!;

describe('dropPlacement', () => {
  it('puts a page above or below another, counting the siblings without it', () => {
    expect(dropPlacement(pages, byId('c'), byId('a'), 'before')).toEqual({ parentId: null, position: 0 });
    expect(dropPlacement(pages, byId('a'), byId('c'), 'after')).toEqual({ parentId: null, position: 2 });
    expect(dropPlacement(pages, byId('a'), byId('b'), 'after')).toEqual({ parentId: null, position: 1 });
  });

  it('moves a page into another level beside a page there', () => {
    expect(dropPlacement(pages, byId('b'), byId('a2'), 'before')).toEqual({ parentId: 'a', position: 1 });
    expect(dropPlacement(pages, byId('a1x'), byId('c'), 'after')).toEqual({ parentId: null, position: 3 });
  });

  it('puts a page dropped onto another last among its pages', () => {
    expect(dropPlacement(pages, byId('c'), byId('a'), 'inside')).toEqual({ parentId: 'a', position: 2 });
    expect(dropPlacement(pages, byId('a2'), byId('a1'), 'inside')).toEqual({ parentId: 'a1', position: 1 });
  });

  it('puts a page dropped on the top level last there', () => {
    expect(dropPlacement(pages, byId('a1'), null, 'inside')).toEqual({ parentId: null, position: 3 });
  });

  it('refuses a drop onto the page itself or a page under it', () => {
    expect(dropPlacement(pages, byId('a'), byId('a'), 'inside')).toBeNull();
    expect(dropPlacement(pages, byId('a'), byId('a1'), 'before')).toBeNull();
    expect(dropPlacement(pages, byId('a'), byId('a1x'), 'inside')).toBeNull();
  });

  it('answers null where the page would stay where it is', () => {
    expect(dropPlacement(pages, byId('b'), byId('a'), 'after')).toBeNull();
    expect(dropPlacement(pages, byId('b'), byId('c'), 'before')).toBeNull();
    expect(dropPlacement(pages, byId('a2'), byId('a'), 'inside')).toBeNull();
    expect(dropPlacement(pages, byId('c'), null, 'inside')).toBeNull();
  });
});

describe('placementOf', () => {
  it('is the page’s parent and its index among its siblings, for an undo', () => {
    expect(placementOf(pages, byId('a2'))).toEqual({ parentId: 'a', position: 1 });
    expect(placementOf(pages, byId('c'))).toEqual({ parentId: null, position: 2 });
  });
});
