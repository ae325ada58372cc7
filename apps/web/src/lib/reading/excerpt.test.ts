import { describe, expect, it } from 'vitest';
import { excerptOf } from './excerpt';

describe('excerptOf', () => {
  it('finds the source’s address in the importer’s excerpt warning', () => {
    const message =
      'This source is only an excerpt: it tells the reader to read the rest of the article elsewhere (https://example.org/benches). Import the full text if you can.';
    expect(excerptOf([{ code: 'EXCERPT_ONLY', message }])).toEqual({ source: 'https://example.org/benches' });
  });
  it('says excerpt without a link when the source named none, and nothing for a whole text', () => {
    expect(excerptOf([{ code: 'EXCERPT_ONLY', message: 'Only an excerpt.' }])).toEqual({ source: null });
    expect(excerptOf([{ code: 'DUPLICATE_REMOVED', message: 'see https://example.org' }])).toBeNull();
  });
});
