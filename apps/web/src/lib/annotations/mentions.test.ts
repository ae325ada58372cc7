import { describe, expect, it } from 'vitest';
import { MENTION_PATTERN, mentionedUserIds } from '@commonplace/contracts';
import { insertMention, mentionQueryAt } from './mentions';

const BOLAT = { id: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b', name: 'Bolat Serik' };

describe('mentionQueryAt', () => {
  it('finds the name being typed after an @ at the start or after a space', () => {
    expect(mentionQueryAt('@Bo', 3)).toEqual({ start: 0, query: 'Bo' });
    expect(mentionQueryAt('Ask @bol', 8)).toEqual({ start: 4, query: 'bol' });
    expect(mentionQueryAt('Ask @', 5)).toEqual({ start: 4, query: '' });
    expect(mentionQueryAt('Ask @Bolat Se', 13)).toEqual({ start: 4, query: 'Bolat Se' });
  });

  it('is not in an e-mail address, after a finished mention, or once the caret moved past a second space', () => {
    expect(mentionQueryAt('mail a@b.org', 12)).toBeNull();
    expect(mentionQueryAt(`@[Bolat](user:${BOLAT.id}) and`, 44)).toBeNull();
    expect(mentionQueryAt('@Bolat Serik is', 15)).toBeNull();
    expect(mentionQueryAt('no at sign', 10)).toBeNull();
  });
});

describe('insertMention', () => {
  it('writes the mention in the form the server reads, with the caret after it', () => {
    const text = 'Ask @bol about it';
    const { text: written, caret } = insertMention(text, { start: 4, query: 'bol' }, BOLAT);
    expect(written).toBe(`Ask @[Bolat Serik](user:${BOLAT.id}) about it`);
    expect(written.slice(0, caret)).toBe(`Ask @[Bolat Serik](user:${BOLAT.id}) `);
    expect(mentionedUserIds(written)).toEqual([BOLAT.id]);
    expect([...written.matchAll(MENTION_PATTERN)]).toHaveLength(1);
  });

  it('keeps a name with a bracket from breaking the mention', () => {
    const { text } = insertMention('@x', { start: 0, query: 'x' }, { id: BOLAT.id, name: 'A ] B' });
    expect(mentionedUserIds(text)).toEqual([BOLAT.id]);
  });
});
