import { describe, expect, it } from 'vitest';
import { canonicalTextOf } from '../citations/canonical';
import {
  formatReference,
  paragraphBlocks,
  paragraphNumbering,
  parseReference,
  passageOfReference,
  referenceAt,
  sentenceSpans,
} from './references';

const sentences = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end));

describe('sentenceSpans', () => {
  it('splits at full stops, question and exclamation marks followed by a capital', () => {
    expect(sentences('The ferries were old. Were they? Yes! 2023 was busier.')).toEqual([
      'The ferries were old.',
      'Were they?',
      'Yes!',
      '2023 was busier.',
    ]);
  });

  it('keeps abbreviations, initials and decimals inside their sentence', () => {
    expect(sentences('Dr. Smith met J. R. Tolkien in St. Andrews, e.g. at 3.5 p.m. daily. Then he left.')).toEqual([
      'Dr. Smith met J. R. Tolkien in St. Andrews, e.g. at 3.5 p.m. daily.',
      'Then he left.',
    ]);
  });

  it('takes closing quotes and brackets with the sentence they end', () => {
    expect(sentences('He said “go.” She went. (It rained.) Later, calm.')).toEqual([
      'He said “go.”',
      'She went.',
      '(It rained.)',
      'Later, calm.',
    ]);
  });

  it('does not split before a lower-case word, and keeps a last sentence without a stop', () => {
    expect(sentences('Freight moved slowly. and then not at all')).toEqual([
      'Freight moved slowly. and then not at all',
    ]);
    expect(sentences('  Spaces around.  Trimmed  ')).toEqual(['Spaces around.', 'Trimmed']);
    expect(sentences('')).toEqual([]);
    expect(sentences('   ')).toEqual([]);
  });

  it('gives offsets into the text itself', () => {
    const text = 'One. Two.';
    expect(sentenceSpans(text)).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 9 },
    ]);
  });
});

describe('parseReference', () => {
  const ok = (input: string) => {
    const parsed = parseReference(input);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.value;
  };

  it('reads a paragraph, a sentence, a sentence range and a range across paragraphs', () => {
    expect(ok('¶4')).toEqual({ from: { paragraph: 4, sentence: null }, to: { paragraph: 4, sentence: null } });
    expect(ok('¶4 s2')).toEqual({ from: { paragraph: 4, sentence: 2 }, to: { paragraph: 4, sentence: 2 } });
    expect(ok('¶4 s2-s3')).toEqual({ from: { paragraph: 4, sentence: 2 }, to: { paragraph: 4, sentence: 3 } });
    expect(ok('¶4 s2-¶5 s1')).toEqual({ from: { paragraph: 4, sentence: 2 }, to: { paragraph: 5, sentence: 1 } });
    expect(ok('¶4-¶6')).toEqual({ from: { paragraph: 4, sentence: null }, to: { paragraph: 6, sentence: null } });
  });

  it('forgives the ways people type it: no ¶, p or para, spaces, dashes, capitals', () => {
    expect(formatReference(ok(' 4 '))).toBe('¶4');
    expect(formatReference(ok('p4s2'))).toBe('¶4 s2');
    expect(formatReference(ok('Para 4, S2 – S3'))).toBe('¶4 s2-s3');
    expect(formatReference(ok('¶ 4 sentence 2 — paragraph 5 s1'))).toBe('¶4 s2-¶5 s1');
  });

  it('refuses what is not a reference, with a message that shows the form', () => {
    for (const bad of ['', 'four', '¶', 's2', '¶4 s', '¶4-', '¶4 s2-s3-s4', '¶4 x2', '<script>']) {
      const parsed = parseReference(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/¶4 s2-s3/);
    }
  });

  it('refuses zero and a passage that ends before it starts', () => {
    expect(parseReference('¶0')).toEqual({ ok: false, error: 'Paragraphs and sentences are counted from 1.' });
    expect(parseReference('¶4 s0')).toMatchObject({ ok: false });
    expect(parseReference('¶5-¶4')).toMatchObject({ ok: false, error: expect.stringMatching(/ends before it starts/) });
    expect(parseReference('¶4 s3-s2')).toMatchObject({ ok: false, error: expect.stringMatching(/ends before/) });
  });
});

describe('passageOfReference', () => {
  const blocks = [
    { type: 'heading', text: 'The Ports' },
    { type: 'paragraph', text: 'Aktau grew. Kuryk grew faster. Both were full.' },
    { type: 'heading', text: 'The Railways' },
    { type: 'paragraph', text: 'The line was single. Doubling it came first.' },
    { type: 'list-item', text: 'One agreement.' },
  ];
  const blockOffsets: Array<[number, number]> = [];
  let at = 0;
  for (const block of blocks) {
    blockOffsets.push([at, at + block.text.length]);
    at += block.text.length + 2;
  }
  const canonical = canonicalTextOf(blocks, blockOffsets);
  const words = (input: string) => {
    const found = passageOfReference(input, blocks, blockOffsets);
    if (!found.ok) throw new Error(found.error);
    return canonical.slice(found.value.passage.start, found.value.passage.end);
  };

  it('numbers every block but headings as a paragraph', () => {
    expect(paragraphBlocks(blocks)).toEqual([1, 3, 4]);
    expect(paragraphNumbering(blocks)).toEqual(
      new Map([
        [1, { paragraph: 1, sentenceStarts: [0, 12, 31] }],
        [3, { paragraph: 2, sentenceStarts: [0, 21] }],
        [4, { paragraph: 3, sentenceStarts: [0] }],
      ]),
    );
  });

  it('gives the canonical-text span of a paragraph, a sentence, sentences and a stretch across paragraphs', () => {
    expect(words('¶1')).toBe('Aktau grew. Kuryk grew faster. Both were full.');
    expect(words('¶1 s2')).toBe('Kuryk grew faster.');
    expect(words('¶1 s2-s3')).toBe('Kuryk grew faster. Both were full.');
    expect(words('¶1 s3-¶2 s1')).toBe('Both were full.\n\nThe Railways\n\nThe line was single.');
    expect(words('¶3')).toBe('One agreement.');
  });

  it('labels the passage as the reference is usually written', () => {
    const found = passageOfReference('p1 S2 - s3', blocks, blockOffsets);
    expect(found).toMatchObject({ ok: true, value: { label: '¶1 s2-s3' } });
  });

  it('says which paragraph or sentence is missing', () => {
    expect(passageOfReference('¶9', blocks, blockOffsets)).toEqual({
      ok: false,
      error: 'There is no ¶9: this reading has 3 paragraphs.',
    });
    expect(passageOfReference('¶2 s3', blocks, blockOffsets)).toEqual({
      ok: false,
      error: '¶2 has 2 sentences: there is no s3.',
    });
  });

  it('finds the reference of an offset, and none in a heading', () => {
    const offset = canonical.indexOf('faster');
    expect(referenceAt(offset, blocks, blockOffsets)).toEqual({ paragraph: 1, sentence: 2 });
    expect(referenceAt(canonical.indexOf('Railways'), blocks, blockOffsets)).toBeNull();
  });
});
