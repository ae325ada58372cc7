import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalText, importReading } from './index.js';

describe('canonicalText', () => {
  it('joins blocks with blank lines and gives each block its span and a stable hash', async () => {
    const doc = await importReading({
      data: '# Tide Tables\n\n## High water\n\nThe tide rises twice a day.\n\n## Low water\n\nAt low water the sandbar shows.',
    });
    const c = canonicalText(doc);
    expect(c.text).toBe('High water\n\nThe tide rises twice a day.\n\nLow water\n\nAt low water the sandbar shows.');
    for (const span of c.blocks) expect(c.text.slice(span.start, span.end)).toBe(doc.blocks[span.index]!.text);
    expect(c.hash).toBe(createHash('sha256').update(c.text).digest('hex'));
    expect(
      canonicalText(
        await importReading({
          data: '# Tide Tables\n\n## High water\n\nThe tide rises twice a day.\n\n## Low water\n\nAt low water the sandbar shows.',
        }),
      ).hash,
    ).toBe(c.hash);
  });
});
