import { describe, expect, it } from 'vitest';
import { readingUpdate } from './index.js';

const messages = (input: unknown) =>
  Object.fromEntries(
    (readingUpdate.safeParse(input).error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
  );

describe('fixing a reading’s details', () => {
  it('tells the instructor in words what is wrong with each field', () => {
    expect(
      messages({
        title: '   ',
        subtitle: 's'.repeat(501),
        authors: ['Aliya Karimova', '', 'a'.repeat(201)],
        publisher: 'p'.repeat(301),
        publishedAt: '13/05/2022',
      }),
    ).toEqual({
      title: 'Enter a title.',
      subtitle: 'Keep the subtitle under 500 characters.',
      'authors.1': 'Leave no author line empty.',
      'authors.2': 'Keep each author under 200 characters.',
      publisher: 'Keep the publisher under 300 characters.',
      publishedAt: 'Enter the date as a day, month and year.',
    });
    expect(messages({ authors: Array.from({ length: 51 }, (_, i) => `Author ${i}`) })).toEqual({
      authors: 'List at most 50 authors.',
    });
  });

  it('takes trimmed values and clears the optional ones with null', () => {
    expect(readingUpdate.parse({ title: '  Tracks and Treaties ', subtitle: null, publishedAt: '2022-05-13' })).toEqual(
      { title: 'Tracks and Treaties', subtitle: null, publishedAt: '2022-05-13' },
    );
  });
});
