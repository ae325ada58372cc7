import { describe, expect, it } from 'vitest';
import { announcement, endsAt, formatCountdown, secondsLeft, spokenCountdown } from './timer';

describe('countdown', () => {
  it('counts the server’s remaining time down on the monotonic clock', () => {
    const end = endsAt(90_000, 1_000);
    expect(secondsLeft(end, 1_000)).toBe(90);
    expect(secondsLeft(end, 31_500)).toBe(60);
    expect(secondsLeft(end, 90_999)).toBe(1);
    expect(secondsLeft(end, 91_000)).toBe(0);
    expect(secondsLeft(end, 500_000)).toBe(0);
  });

  it('treats a deadline already past as no time at all', () => {
    expect(secondsLeft(endsAt(-5_000, 10), 10)).toBe(0);
  });

  it('writes minutes and seconds, and hours past an hour', () => {
    expect(formatCountdown(725)).toBe('12:05');
    expect(formatCountdown(59)).toBe('0:59');
    expect(formatCountdown(3723)).toBe('1:02:03');
    expect(spokenCountdown(725)).toBe('12 minutes 5 seconds left');
    expect(spokenCountdown(3660)).toBe('1 hour 1 minute left');
    expect(spokenCountdown(0)).toBe('Time is up');
  });

  it('announces 5 minutes, 1 minute and the end once each, not every second', () => {
    expect(announcement(301, 300)).toBe('5 minutes left.');
    expect(announcement(300, 299)).toBeNull();
    expect(announcement(61, 60)).toBe('1 minute left.');
    expect(announcement(1, 0)).toBe('Time is up.');
    expect(announcement(120, 119)).toBeNull();
    // A tab asleep through both: the latest news only.
    expect(announcement(400, 30)).toBe('1 minute left.');
  });
});
