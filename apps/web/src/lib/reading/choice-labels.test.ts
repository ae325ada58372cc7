import { describe, expect, it } from 'vitest';
import { choiceLabels } from './choice-labels';

const reading = (id: string, title: string, authors: string[], publishedAt: string | null, version = 1) => ({
  id,
  title,
  authors,
  publishedAt,
  version,
  originalFilename: `${id}.pdf`,
});

describe('choiceLabels', () => {
  it('names a reading by its title alone when no other shares it', () => {
    expect(choiceLabels([reading('a', 'Neutrality', ['A. Karimova'], null)]).get('a')).toBe('Neutrality');
  });
  it('adds the author and year to equal titles, and the version and file when those are equal too', () => {
    const labels = choiceLabels([
      reading('a', 'Neutrality', ['A. Karimova'], '2023-04-01'),
      reading('b', 'Neutrality', ['N. Seitkali'], null),
      reading('c', 'Ports', ['S. Omarova'], '2022-01-01', 1),
      reading('d', 'Ports', ['S. Omarova'], '2022-01-01', 2),
    ]);
    expect([...labels.values()]).toEqual([
      'Neutrality — A. Karimova, 2023',
      'Neutrality — N. Seitkali',
      'Ports — S. Omarova, 2022, version 1, c.pdf',
      'Ports — S. Omarova, 2022, version 2, d.pdf',
    ]);
  });
});
