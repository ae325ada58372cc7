import { describe, expect, it } from 'vitest';
import { itemStatistics, testStatistics } from './item-analysis.js';

/*
 * A worked example, computed by hand. Three questions: Q1 and Q2 worth 1 point, Q3 worth 2.
 *
 *   student   Q1  Q2  Q3   total
 *   A          1   1   2     4
 *   B          1   0   2     3
 *   C          0   1   1     2
 *   D          0   0   0     0
 *
 * Test: mean 9/4 = 2.25; median (2 + 3) / 2 = 2.5; deviations 1.75, 0.75, −0.25, −2.25, squares
 * 3.0625 + 0.5625 + 0.0625 + 5.0625 = 8.75, sd = √(8.75 / 3) = 1.707825.
 *
 * Q1: x = 1,1,0,0 (mean 0.5), facility 0.5/1 = 0.5. Rest of test X − x = 3,2,2,0 (mean 1.75).
 *   Σdx·dr = .5·1.25 + .5·.25 − .5·.25 − .5·(−1.75) = 1.5; Σdx² = 1; Σdr² = 1.5625 + .0625 +
 *   .0625 + 3.0625 = 4.75. r = 1.5 / √(1 · 4.75) = 0.688247. sd = √(1/3) / 1 = 0.577350.
 *   Cmax: x sorted 0,0,1,1 against rest sorted 0,2,2,3: Σ = .875 − .125 + .125 + .625 = 1.5, so
 *   efficiency 1.5 / 1.5 = 1.
 * Q2: x = 1,0,1,0 (mean 0.5), facility 0.5. Rest = 3,3,1,0 (mean 1.75), deviations 1.25, 1.25,
 *   −.75, −1.75. Σdx·dr = .625 − .625 − .375 + .875 = 0.5; Σdr² = 1.5625·2 + .5625 + 3.0625 =
 *   6.75. r = 0.5 / √6.75 = 0.192450. Cmax: x sorted 0,0,1,1 against rest sorted 0,1,3,3
 *   (deviations −1.75, −.75, 1.25, 1.25): Σ = .875 + .375 + .625 + .625 = 2.5; efficiency
 *   0.5 / 2.5 = 0.2: B (who knew less of the rest) got it right and A missed it, so it
 *   discriminates weakly.
 * Q3: x = 2,2,1,0 (mean 1.25), facility 1.25/2 = 0.625. Rest = 2,1,1,0 (mean 1), deviations
 *   1,0,0,−1. Σdx·dr = .75 + 1.25 = 2; Σdx² = .5625·2 + .0625 + 1.5625 = 2.75; Σdr² = 2.
 *   r = 2 / √5.5 = 0.852803. sd = √(2.75/3) / 2 = 0.478714. Cmax: 0,1,2,2 against 0,1,1,2:
 *   Σ = 1.25 + 0 + 0 + .75 = 2; efficiency 1.
 */
const rows = [
  [1, 1, 2],
  [1, 0, 2],
  [0, 1, 1],
  [0, 0, 0],
];
const points = [1, 1, 2];

describe('item analysis, on a worked example', () => {
  it('gives the test mean, median and sample standard deviation', () => {
    const test = testStatistics(rows.map((row) => row.reduce((a, b) => a + b)));
    expect(test.mean).toBe(2.25);
    expect(test.median).toBe(2.5);
    expect(test.sd).toBeCloseTo(1.707825, 6);
  });

  it('gives each question its facility, sd, discrimination and discriminative efficiency', () => {
    const q1 = itemStatistics(rows, points, 0);
    expect(q1.facility).toBe(0.5);
    expect(q1.sd).toBeCloseTo(0.57735, 5);
    expect(q1.discrimination).toBeCloseTo(0.688247, 6);
    expect(q1.discriminativeEfficiency).toBeCloseTo(1, 9);

    const q2 = itemStatistics(rows, points, 1);
    expect(q2.facility).toBe(0.5);
    expect(q2.discrimination).toBeCloseTo(0.19245, 5);
    expect(q2.discriminativeEfficiency).toBeCloseTo(0.2, 9);

    const q3 = itemStatistics(rows, points, 2);
    expect(q3.facility).toBe(0.625);
    expect(q3.sd).toBeCloseTo(0.478714, 6);
    expect(q3.discrimination).toBeCloseTo(0.852803, 6);
    expect(q3.discriminativeEfficiency).toBeCloseTo(1, 9);
  });

  it('says a question everyone got right (no variance) discriminates nothing, rather than dividing by zero', () => {
    const easy = itemStatistics(
      [
        [1, 1],
        [1, 0],
        [1, 1],
      ],
      [1, 1],
      0,
    );
    expect(easy).toEqual({ facility: 1, sd: 0, discrimination: null, discriminativeEfficiency: null });
  });

  it('gives a negative discrimination to a question the weaker students got right', () => {
    // The two who did best on the rest missed it; the two who did worst got it.
    const upside = itemStatistics(
      [
        [0, 1, 1],
        [0, 1, 0],
        [1, 0, 1],
        [1, 0, 0],
      ],
      [1, 1, 1],
      0,
    );
    expect(upside.discrimination).toBeLessThan(0);
  });

  it('leaves everything but the facility undefined with a single attempt, and everything with none', () => {
    expect(itemStatistics([[1, 0]], [1, 1], 0)).toEqual({
      facility: 1,
      sd: null,
      discrimination: null,
      discriminativeEfficiency: null,
    });
    expect(itemStatistics([], [1], 0).facility).toBeNull();
    expect(testStatistics([])).toEqual({ mean: null, median: null, sd: null });
  });
});
