import { describe, expect, it } from 'vitest';
import { attemptsCounted } from './attempts-counted.js';
import { choiceCounts } from './choice-counts.js';

// Ann: 4 then 9 then 6. Ben: 7 then a submission awaiting a grader. Cy: awaiting a grader only.
const attempts = [
  { userId: 'ann', number: 2, score: 9 },
  { userId: 'ann', number: 1, score: 4 },
  { userId: 'ann', number: 3, score: 6 },
  { userId: 'ben', number: 1, score: 7 },
  { userId: 'ben', number: 2, score: null },
  { userId: 'cy', number: 1, score: null },
];
const scores = (list: { userId: string; score: number | null }[]) => list.map((a) => `${a.userId}:${a.score}`);

describe('the attempts statistics count', () => {
  it('counts, by default, the attempt that makes each grade', () => {
    expect(scores(attemptsCounted(attempts, 'highest', 'graded'))).toEqual(['ann:9', 'ben:7']);
    expect(scores(attemptsCounted(attempts, 'first', 'graded'))).toEqual(['ann:4', 'ben:7']);
    // Ben's last attempt awaits a grader: he is left out until it is graded.
    expect(scores(attemptsCounted(attempts, 'last', 'graded'))).toEqual(['ann:6']);
    expect(scores(attemptsCounted(attempts, 'average', 'graded'))).toEqual(['ann:4', 'ann:9', 'ann:6', 'ben:7']);
  });

  it('counts first attempts, or every scored attempt, when asked', () => {
    expect(scores(attemptsCounted(attempts, 'highest', 'first'))).toEqual(['ann:4', 'ben:7']);
    expect(scores(attemptsCounted(attempts, 'last', 'all'))).toEqual(['ann:4', 'ann:9', 'ann:6', 'ben:7']);
  });
});

describe('option counts', () => {
  it('counts each option once per attempt that chose it, over the attempts counted', () => {
    const options = [
      { id: 'a', text: 'A', correct: true },
      { id: 'b', text: 'B', correct: false },
      { id: 'c', text: 'C', correct: false },
    ];
    // Four attempts: one chose a twice over (a forged response), one chose a and b, one b, one nothing.
    const counts = choiceCounts(options, [['a', 'a'], ['a', 'b'], 'b'], 4);
    expect(counts.map(({ id, count, share }) => [id, count, share])).toEqual([
      ['a', 2, 0.5],
      ['b', 2, 0.5],
      ['c', 0, 0],
    ]);
  });
});
