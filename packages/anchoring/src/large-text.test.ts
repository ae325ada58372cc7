import { MAX_PASSAGE_CHARS } from '@commonplace/contracts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describe as describePassage } from './describe.js';
import { reanchor } from './reanchor.js';
import { resolve } from './resolve.js';

const READINGS_DIR = join(import.meta.dirname, '../../../../shared/readings');
const LENGTH = 120_000;

/** The course's 118 KB thesis when the shared readings are here; otherwise made-up prose of that size. */
function largeText(): string {
  const thesis = existsSync(READINGS_DIR) && readdirSync(READINGS_DIR).find((name) => name.startsWith('004_'));
  if (thesis) return readFileSync(join(READINGS_DIR, thesis), 'utf8');
  const words = [
    'rail',
    'steppe',
    'border',
    'trade',
    'union',
    'treaty',
    'grain',
    'oil',
    'port',
    'loan',
    'Astana',
    'Khorgos',
  ];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  let text = '';
  while (text.length < LENGTH) {
    const sentence = Array.from({ length: 8 + (next() % 12) }, () => words[next() % words.length]).join(' ');
    text += `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.${next() % 5 === 0 ? '\n\n' : ' '}`;
  }
  return text;
}

const text = largeText();
/** A passage of about `length` characters two thirds of the way in, cut at word boundaries. */
function passageAt(length: number) {
  const start = text.indexOf(' ', Math.floor(text.length * 0.66)) + 1;
  const end = text.indexOf(' ', start + length);
  return describePassage(text, start, end);
}
// How fast these run is measured by the benchmark (tests/bench/anchoring-bench.ts), not asserted here.

describe(`a reading of ${Math.round(text.length / 1000)} KB`, () => {
  it('finds a lightly edited passage after text was added far before it', () => {
    const selectors = passageAt(300);
    const { start, end } = selectors.position;
    const middle = start + Math.floor((end - start) / 2);
    const wordAt = text.indexOf(' ', middle) + 1;
    const edited = `A new preface.\n\n${text.slice(0, wordAt)}changed ${text.slice(wordAt)}`;
    const result = resolve(edited, selectors);
    expect(result).toMatchObject({ orphaned: false, method: 'fuzzy', start: start + 16, end: end + 16 + 8 });
  });

  it('reports a deleted passage orphaned after searching the whole text', () => {
    const selectors = passageAt(300);
    const { start, end } = selectors.position;
    const deleted = text.slice(0, start) + text.slice(end);
    const result = resolve(deleted, selectors);
    expect(result).toMatchObject({ orphaned: true });
  });

  it('finds a passage of several pages with a few words changed', () => {
    const selectors = passageAt(6000);
    const { start, end } = selectors.position;
    const inside = text
      .slice(start, end)
      .replace(/\b(\w{5,})\b/g, (word, _, at: number) => (at % 7 === 0 ? word.toUpperCase() : word));
    const edited = `${text.slice(0, start)}${inside}${text.slice(end)}`;
    const result = resolve(edited, selectors);
    expect(result).toMatchObject({ orphaned: false, method: 'fuzzy', start, end });
  });

  it('reports the longest passage a selector may quote orphaned once deleted', () => {
    const start = text.indexOf(' ', Math.floor(text.length * 0.2)) + 1;
    const end = start + MAX_PASSAGE_CHARS;
    const selectors = describePassage(text, start, end);
    const result = resolve(text.slice(0, start) + text.slice(end), selectors);
    expect(result).toEqual({ orphaned: true, reason: 'not-found' });
  });

  it('re-anchors hundreds of passages of a new version, each described over the new text', () => {
    const passages = Array.from({ length: 300 }, (_, i) => {
      const start = text.indexOf(' ', Math.floor((text.length * i) / 300)) + 1;
      return describePassage(text, start, text.indexOf(' ', start + 40));
    });
    const next = `A new foreword by the editors.\n\n${text}`;
    const result = passages.map((selectors) => reanchor(text, next, selectors));
    result.forEach((moved, i) => {
      if (moved.orphaned) throw new Error(`passage ${i} was lost`);
      expect(moved.selectors.position.start).toBe(passages[i]!.position.start + 32);
      expect(moved.selectors.quote.exact).toBe(passages[i]!.quote.exact);
    });
  });
});
