import { describe, expect, it } from 'vitest';
import { readerCommand } from './keys';

const press = (key: string, target: object | null = { tagName: 'BODY' }, mods: Partial<Record<string, boolean>> = {}) =>
  readerCommand({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
    target: target as EventTarget | null,
  });

describe('readerCommand', () => {
  it('maps j/k and ]/[ to sections, t to the contents and ? to the help', () => {
    expect(press('j')).toBe('next-section');
    expect(press(']')).toBe('next-section');
    expect(press('k')).toBe('previous-section');
    expect(press('[')).toBe('previous-section');
    expect(press('t')).toBe('contents');
    expect(press('?')).toBe('shortcuts');
    expect(press('x')).toBeNull();
  });

  it('maps the annotation and note keys: a, h, g, n, m and w', () => {
    expect(['a', 'h', 'g', 'n', 'm', 'w'].map((key) => press(key))).toEqual([
      'annotate',
      'highlight',
      'go-to-passage',
      'number-paragraphs',
      'margin',
      'note',
    ]);
  });

  it('leaves keys alone while typing in a field or with a modifier held', () => {
    expect(press('j', { tagName: 'INPUT' })).toBeNull();
    expect(press('j', { tagName: 'TEXTAREA' })).toBeNull();
    expect(press('t', { tagName: 'DIV', isContentEditable: true })).toBeNull();
    expect(press('k', { tagName: 'SELECT' })).toBeNull();
    expect(press('j', { tagName: 'BODY' }, { ctrlKey: true })).toBeNull();
    expect(press('t', { tagName: 'BODY' }, { metaKey: true })).toBeNull();
  });
});
