import { describe, expect, it } from 'vitest';
import { readingSentences, splitSentences } from './sentences.js';

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at full stops, question and exclamation marks followed by a capital', () => {
    expect(texts('The pipeline closed. Oil stopped! Why? Prices rose.')).toEqual([
      'The pipeline closed.',
      'Oil stopped!',
      'Why?',
      'Prices rose.',
    ]);
  });

  it('keeps abbreviations, initials and decimals inside their sentence', () => {
    expect(texts('Dr. Jones met the U.S. envoy on Jan. 5 and J. Smith agreed. Growth was 3.5 percent.')).toEqual([
      'Dr. Jones met the U.S. envoy on Jan. 5 and J. Smith agreed.',
      'Growth was 3.5 percent.',
    ]);
  });

  it('keeps closing quotes with the sentence they close', () => {
    expect(texts('He said “no.” Then he left.')).toEqual(['He said “no.”', 'Then he left.']);
  });
});

describe('readingSentences', () => {
  it('takes paragraphs and list items, never headings, captions or quotations, with offsets in the whole text', () => {
    const text = 'Title\n\nFirst one. Second one.\n\nFigure 1. A map.\n\nQuoted words.\n\nAn item.';
    const blocks = [
      { type: 'heading', start: 0, end: 5 },
      { type: 'paragraph', start: 7, end: 29 },
      { type: 'caption', start: 31, end: 47 },
      { type: 'quote', start: 49, end: 62 },
      { type: 'list-item', start: 64, end: 72 },
    ];
    const sentences = readingSentences(text, blocks);
    expect(sentences.map((s) => s.text)).toEqual(['First one.', 'Second one.', 'An item.']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.block)).toEqual([1, 1, 4]);
  });
});
