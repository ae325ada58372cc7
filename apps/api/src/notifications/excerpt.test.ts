import { describe, expect, it } from 'vitest';
import { plainExcerpt } from './excerpt.js';

describe('plainExcerpt', () => {
  it('reads Markdown as the words a person sees, mentions as @Name', () => {
    const body =
      '## Why?\n\n> the tide\n\n**Really**, @[Ada Lovelace](user:0a0b0c0d-0000-4000-8000-000000000001) — see [the table](https://example.test) and `code`.\n- one\n- two';
    expect(plainExcerpt(body)).toBe('Why? the tide Really, @Ada Lovelace — see the table and code. one two');
  });

  it('cuts a long body at a word, within the limit, with an ellipsis', () => {
    const body = 'word '.repeat(100);
    const excerpt = plainExcerpt(body, 140);
    expect(excerpt.length).toBeLessThanOrEqual(140);
    expect(excerpt).toMatch(/word…$/);
    expect(plainExcerpt('short and sweet', 140)).toBe('short and sweet');
  });
});
