import { describe, expect, it } from 'vitest';
import { MAX_PASSAGE_CHARS, passageSelector } from './index.js';

const fieldErrors = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

const valid = {
  quote: { type: 'TextQuoteSelector', exact: 'dry port', prefix: 'the ', suffix: ' at Khorgos' },
  position: { type: 'TextPositionSelector', start: 40, end: 48 },
};

describe('passageSelector', () => {
  it('accepts a W3C quote and position pair, and a quote stored without context', () => {
    expect(passageSelector.parse(valid)).toEqual(valid);
    const { prefix: _prefix, suffix: _suffix, ...bare } = valid.quote;
    expect(passageSelector.parse({ ...valid, quote: bare }).quote).toMatchObject({ prefix: '', suffix: '' });
  });

  it('names the field of an empty, oversized or unstorable quote', () => {
    expect(fieldErrors(passageSelector.safeParse({ ...valid, quote: { ...valid.quote, exact: '' } }))).toEqual({
      'quote.exact': 'Select at least one character of the reading.',
    });
    const long = 'a'.repeat(MAX_PASSAGE_CHARS + 1);
    const tooLong = { quote: { ...valid.quote, exact: long }, position: { ...valid.position, end: 40 + long.length } };
    expect(fieldErrors(passageSelector.safeParse(tooLong))).toEqual({
      'quote.exact': `A passage can quote at most ${MAX_PASSAGE_CHARS} characters.`,
    });
    expect(
      fieldErrors(passageSelector.safeParse({ ...valid, quote: { ...valid.quote, prefix: 'x\ud800' } })),
    ).toHaveProperty('quote.prefix');
  });

  it('refuses positions that are backwards, negative, beyond a database integer, or not the quote’s length', () => {
    expect(fieldErrors(passageSelector.safeParse({ ...valid, position: { ...valid.position, end: 30 } }))).toEqual({
      'position.end': 'The end of a passage must come after its start.',
    });
    expect(
      fieldErrors(passageSelector.safeParse({ ...valid, position: { ...valid.position, start: -1 } })),
    ).toHaveProperty('position.start');
    expect(
      fieldErrors(passageSelector.safeParse({ ...valid, position: { ...valid.position, end: 2147483648 } })),
    ).toHaveProperty('position.end');
    expect(fieldErrors(passageSelector.safeParse({ ...valid, position: { ...valid.position, end: 50 } }))).toEqual({
      'position.end': 'The position must span exactly the quoted words.',
    });
  });

  it('refuses a selector of another kind', () => {
    expect(
      fieldErrors(passageSelector.safeParse({ ...valid, quote: { ...valid.quote, type: 'CssSelector' } })),
    ).toHaveProperty('quote.type');
  });
});
