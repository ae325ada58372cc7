import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@commonplace/db';

describe('the README', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const firstBlock = /```[a-z]*\n([\s\S]*?)```/.exec(readme)?.[1]?.trim().split('\n') ?? [];

  it('opens with exactly two commands: start everything, run every test', () => {
    expect(firstBlock).toHaveLength(2);
    expect(firstBlock[0]).toMatch(/ start$/);
    expect(firstBlock[1]).toMatch(/ test$/);
  });

  it('is what CI runs', () => {
    const ci = readFileSync(join(repoRoot, '.ci/run'), 'utf8').trim().split('\n').at(-1);
    expect(ci).toBe(firstBlock[1]);
  });
});
