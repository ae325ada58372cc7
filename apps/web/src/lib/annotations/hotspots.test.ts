import { describe, expect, it } from 'vitest';
import { densityStretches } from './hotspots';

describe('densityStretches', () => {
  it('keeps the server’s stretches when there are few, with levels against the busiest', () => {
    expect(densityStretches({ textLength: 400, density: [0, 2, 4, 1] }, 24)).toEqual([
      { start: 0, threads: 0, level: 0 },
      { start: 100, threads: 2, level: 0.5 },
      { start: 200, threads: 4, level: 1 },
      { start: 300, threads: 1, level: 0.25 },
    ]);
  });

  it('adds neighbouring stretches together down to the parts drawn, losing no thread', () => {
    const density = Array.from({ length: 100 }, (_, i) => i % 3);
    const stretches = densityStretches({ textLength: 10_000, density }, 24);
    expect(stretches).toHaveLength(24);
    expect(stretches.reduce((sum, s) => sum + s.threads, 0)).toBe(density.reduce((a, b) => a + b, 0));
    expect(stretches[1]!.start).toBe(Math.floor(10_000 / 24));
  });

  it('draws nothing for no density, and level 0 everywhere for no threads', () => {
    expect(densityStretches({ textLength: 10, density: [] }, 24)).toEqual([]);
    expect(densityStretches({ textLength: 10, density: [0, 0] }, 24).map((s) => s.level)).toEqual([0, 0]);
  });
});
