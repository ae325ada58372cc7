import { describe, expect, it } from 'vitest';
import { describe as describePassage } from './describe.js';
import { ORPHAN_THRESHOLD, resolve, TRIAGE_THRESHOLD, type Anchor } from './resolve.js';
import { find, READING } from './testing/reading.js';

const passage = (text: string, words: string, occurrence = 0) =>
  describePassage(text, ...find(text, words, occurrence));
/** The words an anchor lands on, or why it did not land. */
const landedOn = (text: string, anchor: Anchor) =>
  anchor.orphaned ? `orphaned: ${anchor.reason}` : text.slice(anchor.start, anchor.end);

const CITED = 'trade between the two countries began to move by land rather than by sea';

describe('resolve: the reading unchanged or moved around the passage', () => {
  it('finds the passage at its stored position', () => {
    const [start, end] = find(READING, CITED);
    expect(resolve(READING, describePassage(READING, start, end))).toEqual({
      orphaned: false,
      start,
      end,
      confidence: 1,
      method: 'position',
    });
  });

  it('follows the passage when text is inserted before it', () => {
    const selectors = passage(READING, CITED);
    const edited = READING.replace(
      'The Steppe Railway',
      'The Steppe Railway\n\nA new preface of several sentences. It moves everything.',
    );
    const anchor = resolve(edited, selectors);
    expect(landedOn(edited, anchor)).toBe(CITED);
    expect(anchor).toMatchObject({ method: 'quote', start: edited.indexOf(CITED) });
    expect(anchor.orphaned || anchor.confidence).toBeGreaterThanOrEqual(TRIAGE_THRESHOLD);
  });

  it('stays put when text is inserted after it, even right after its last word', () => {
    const selectors = passage(READING, CITED);
    const farAfter = `${READING}\n\nAn afterword.`;
    expect(resolve(farAfter, selectors)).toMatchObject({ method: 'position', confidence: 1 });
    const rightAfter = READING.replace(`${CITED}.`, `${CITED}, and by air for the most valuable goods.`);
    const anchor = resolve(rightAfter, selectors);
    expect(landedOn(rightAfter, anchor)).toBe(CITED);
    expect(anchor).toMatchObject({ method: 'quote', start: READING.indexOf(CITED) });
    // The quote is whole, but half its context is new: placed, and listed for a look.
    expect(anchor.orphaned || anchor.confidence).toBeGreaterThanOrEqual(ORPHAN_THRESHOLD);
    expect(anchor.orphaned || anchor.confidence).toBeLessThan(TRIAGE_THRESHOLD);
  });

  it('covers words inserted inside the passage, and asks for a look', () => {
    const selectors = passage(READING, CITED);
    const edited = READING.replace('began to move', 'began, slowly, to move');
    const anchor = resolve(edited, selectors);
    expect(landedOn(edited, anchor)).toBe(
      'trade between the two countries began, slowly, to move by land rather than by sea',
    );
    expect(anchor).toMatchObject({ method: 'fuzzy' });
    expect(anchor.orphaned || anchor.confidence).toBeLessThan(TRIAGE_THRESHOLD);
  });
});

describe('resolve: the passage itself edited', () => {
  it('lands on a passage with one word changed, below the triage threshold', () => {
    const selectors = passage(READING, CITED);
    const edited = READING.replace('by land rather than by sea', 'by rail rather than by sea');
    const anchor = resolve(edited, selectors);
    expect(landedOn(edited, anchor)).toBe('trade between the two countries began to move by rail rather than by sea');
    expect(anchor).toMatchObject({ method: 'fuzzy' });
    expect(anchor.orphaned || anchor.confidence).toBeGreaterThanOrEqual(ORPHAN_THRESHOLD);
    expect(anchor.orphaned || anchor.confidence).toBeLessThan(TRIAGE_THRESHOLD);
  });

  it('lands on a passage whose punctuation changed', () => {
    const words = 'Freight trains crossed the steppe every day, and the dry port at Khorgos became one of the largest';
    const selectors = passage(READING, words);
    const edited = READING.replace('every day, and the dry port', 'every day; the dry port');
    const anchor = resolve(edited, selectors);
    expect(landedOn(edited, anchor)).toBe(
      'Freight trains crossed the steppe every day; the dry port at Khorgos became one of the largest',
    );
    expect(anchor).toMatchObject({ method: 'fuzzy' });
  });

  it('reports a deleted passage orphaned instead of placing it on other words', () => {
    const selectors = passage(READING, 'Officials in Astana spoke of a new Silk Road.');
    const deleted = READING.replace('Officials in Astana spoke of a new Silk Road. ', '');
    expect(resolve(deleted, selectors)).toEqual({ orphaned: true, reason: 'not-found' });
  });

  it('reports a passage replaced by other words orphaned, not placed on the words now in its place', () => {
    const words = 'Officials in Astana spoke of a new Silk Road.';
    const selectors = passage(READING, words);
    for (const replacement of ['The ministry published no figures that year.', 'Some said it was a new era.']) {
      expect(resolve(READING.replace(words, replacement), selectors)).toMatchObject({ orphaned: true });
    }
  });

  it('does not move a deleted passage onto a similar sentence elsewhere', () => {
    const withLookalike = READING.replace(
      'Critics asked',
      'Officials in Almaty spoke of a new Steel Road. Critics asked',
    );
    const selectors = passage(withLookalike, 'Officials in Astana spoke of a new Silk Road.');
    const deleted = withLookalike.replace('Officials in Astana spoke of a new Silk Road. ', '');
    // The look-alike was weighed (within the fuzzy error bound) and refused for its other context.
    expect(resolve(deleted, selectors)).toEqual({ orphaned: true, reason: 'too-different' });
  });
});

describe('resolve: repeated passages', () => {
  it('tells identical passages apart by their context after the text moved', () => {
    const second = passage(READING, 'Trade grew quickly.', 1);
    const first = passage(READING, 'Trade grew quickly.', 0);
    const edited = `Foreword added by the editors.\n\n${READING}`;
    expect(resolve(edited, second)).toMatchObject({
      method: 'quote',
      start: find(edited, 'Trade grew quickly.', 1)[0],
    });
    expect(resolve(edited, first)).toMatchObject({ method: 'quote', start: find(edited, 'Trade grew quickly.', 0)[0] });
    // With no stored position at all, the context alone decides.
    expect(resolve(edited, { quote: second.quote })).toMatchObject({
      start: find(edited, 'Trade grew quickly.', 1)[0],
    });
  });

  it('lands on the cited copy whose words changed, not on an untouched copy of the old words elsewhere', () => {
    const second = passage(READING, 'Trade grew quickly.', 1);
    const edited = READING.replace('changed again. Trade grew quickly.', 'changed again. Trade grew very quickly.');
    const anchor = resolve(edited, second);
    expect(landedOn(edited, anchor)).toBe('Trade grew very quickly.');
    expect(anchor).toMatchObject({ method: 'fuzzy', start: find(edited, 'Trade grew very quickly.')[0] });
  });

  it('reports a short quote orphaned when its context is gone and copies of it are everywhere', () => {
    const quote = passage(READING, 'the', 3).quote;
    // A version where every word around it was rewritten.
    const gone = { ...quote, prefix: 'Minutes of the seventh ', suffix: ' committee, as recorded' };
    expect(resolve(READING, { quote: gone })).toEqual({ orphaned: true, reason: 'ambiguous' });
  });

  it('picks the copy nearest the old position when the contexts cannot tell, and asks for a look', () => {
    const text = 'Chorus. Trade grew quickly. Chorus. Trade grew quickly. Chorus.';
    const selectors = passage(text, 'Trade grew quickly.', 1);
    const edited = `Intro. ${text}`;
    const anchor = resolve(edited, {
      quote: { ...selectors.quote, prefix: '', suffix: '' },
      position: selectors.position,
    });
    expect(anchor).toMatchObject({ method: 'quote', start: find(edited, 'Trade grew quickly.', 1)[0] });
    expect(anchor.orphaned || anchor.confidence).toBeLessThan(TRIAGE_THRESHOLD);
  });
});

describe('resolve: whitespace and Unicode', () => {
  it('follows a passage across a paragraph break that became a space, and doubled spaces', () => {
    const words = 'Trade grew quickly.\n\nOfficials in Astana';
    const selectors = passage(READING, words);
    const edited = READING.replace(
      'Trade grew quickly.\n\nOfficials in Astana',
      'Trade grew  quickly. Officials in\nAstana',
    );
    const anchor = resolve(edited, selectors);
    expect(landedOn(edited, anchor)).toBe('Trade grew  quickly. Officials in\nAstana');
    expect(anchor).toMatchObject({ method: 'quote' });
    expect(anchor.orphaned || anchor.confidence).toBeGreaterThanOrEqual(TRIAGE_THRESHOLD);
  });

  it('follows a passage whose straight quotes and dashes became typographic ones', () => {
    const text = `Before. The minister said "we are neutral" - and meant it. After that, nothing was said.`;
    const selectors = passage(text, 'said "we are neutral" - and meant it');
    const edited = `A new first line.\n\nBefore. The minister said \u201Cwe are neutral\u201D \u2014 and meant it. After that, nothing was said.`;
    const anchor = resolve(edited, selectors);
    expect(landedOn(edited, anchor)).toBe('said \u201Cwe are neutral\u201D \u2014 and meant it');
    expect(anchor).toMatchObject({ method: 'quote' });
  });

  it('follows a passage whose accents changed from precomposed to combining marks, keeping the marks', () => {
    const text = 'The delegation met at the Caf\u00E9 Zh\u00E9tysu near the station before the talks.';
    const selectors = passage(text, 'Caf\u00E9 Zh\u00E9tysu');
    const edited = `Note. ${text.normalize('NFD')}`;
    const anchor = resolve(edited, selectors);
    expect(landedOn(edited, anchor)).toBe('Cafe\u0301 Zhe\u0301tysu');
  });

  it('follows a passage in a script whose letters decompose into several (Hangul)', () => {
    const text =
      '카자흐스탄의 외교 정책은 2022년 이후 크게 달라졌다. 철도는 호르고스까지 이어졌다. 무역이 빠르게 늘었다.';
    const selectors = passage(text, '철도는 호르고스까지 이어졌다.');
    const edited = `머리말. ${text}`;
    const anchor = resolve(edited, selectors);
    expect(landedOn(edited, anchor)).toBe('철도는 호르고스까지 이어졌다.');
    expect(anchor).toMatchObject({ method: 'quote', confidence: 1 });
  });

  it('counts offsets in UTF-16 code units, so emoji before a passage shift it by two each', () => {
    const selectors = passage(READING, CITED);
    const edited = `🐎🐪🚂 ${READING}`;
    const anchor = resolve(edited, selectors);
    expect(anchor).toMatchObject({ start: selectors.position.start + 7, end: selectors.position.end + 7 });
    expect(landedOn(edited, anchor)).toBe(CITED);
  });

  it('reports a quote of only a combining mark or a soft hyphen orphaned once it moved, instead of searching for nothing', () => {
    for (const exact of ['\u0301', '\u00AD']) {
      const selectors = {
        quote: { type: 'TextQuoteSelector' as const, exact, prefix: 'caf', suffix: '' },
        position: { type: 'TextPositionSelector' as const, start: 4, end: 5 },
      };
      expect(resolve(READING, selectors)).toEqual({ orphaned: true, reason: 'not-found' });
    }
  });
});
