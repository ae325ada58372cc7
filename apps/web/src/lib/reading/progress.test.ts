import { describe, expect, it } from 'vitest';
import { ActiveTime, IDLE_AFTER_MS, ReadingPosition } from './progress';

const s = (seconds: number) => seconds * 1000;

describe('ActiveTime', () => {
  it('counts time while the reader keeps interacting', () => {
    const time = new ActiveTime(0);
    time.activity(s(20));
    time.activity(s(40));
    expect(time.takeSeconds(s(50))).toBe(50);
    expect(time.takeSeconds(s(50))).toBe(0);
  });

  it('stops counting a minute after the last interaction', () => {
    const time = new ActiveTime(0);
    time.activity(s(10));
    expect(time.takeSeconds(s(600))).toBe((s(10) + IDLE_AFTER_MS) / 1000);
  });

  it('does not count while the tab is hidden, and counts again on return', () => {
    const time = new ActiveTime(0);
    time.setVisible(false, s(5));
    time.activity(s(100));
    time.setVisible(true, s(200));
    expect(time.takeSeconds(s(230))).toBe(5 + 30);
  });

  it('keeps the part of a second it did not report and caps one report at 300 seconds', () => {
    const time = new ActiveTime(0);
    time.activity(1500);
    expect(time.takeSeconds(1500)).toBe(1);
    expect(time.takeSeconds(2000)).toBe(1);
    const long = new ActiveTime(0);
    for (let t = 0; t <= s(900); t += s(30)) long.activity(t);
    expect(long.takeSeconds(s(900))).toBe(300);
  });
});

describe('ReadingPosition', () => {
  const offsets: Array<[number, number]> = [
    [0, 10],
    [12, 50],
    [52, 100],
  ];

  it('reports the furthest point on screen and the top block, only when they change', () => {
    const position = new ReadingPosition(offsets, null);
    expect(position.payload(0)).toBeNull();
    position.seen(0, true);
    position.seen(1, true);
    expect(position.payload(4)).toEqual({ furthest: 0.5, lastBlock: 0, activeSecondsDelta: 4 });
    expect(position.payload(0)).toBeNull();
    position.seen(0, false);
    position.seen(2, true);
    expect(position.payload(0)).toEqual({ furthest: 1, lastBlock: 1, activeSecondsDelta: 0 });
  });

  it('never reports less than was already recorded when scrolling back up', () => {
    const position = new ReadingPosition(offsets, { furthest: 0.8, lastBlock: 2 });
    position.seen(0, true);
    expect(position.payload(0)).toEqual({ furthest: 0.8, lastBlock: 0, activeSecondsDelta: 0 });
  });
});
