import { describe, expect, it } from 'vitest';
import { dueIn, isoToLocalInput, localInputToIso } from './dates';

describe('localInputToIso', () => {
  it('keeps the wall-clock time and writes the zone as an offset', () => {
    expect(localInputToIso('2027-03-01T23:59', -300)).toBe('2027-03-01T23:59:00+05:00');
    expect(localInputToIso('2027-03-01T09:30', 240)).toBe('2027-03-01T09:30:00-04:00');
    expect(localInputToIso('2027-03-01T09:30', 0)).toBe('2027-03-01T09:30:00+00:00');
    expect(localInputToIso('2027-03-01T09:30', -330)).toBe('2027-03-01T09:30:00+05:30');
  });

  it('refuses impossible dates, malformed values and absurd offsets', () => {
    expect(localInputToIso('2027-02-30T10:00', 0)).toBeNull();
    expect(localInputToIso('2027-02-10', 0)).toBeNull();
    expect(localInputToIso('2027-02-10T10:00', 2000)).toBeNull();
  });

  it('round-trips with isoToLocalInput', () => {
    const iso = localInputToIso('2027-03-01T23:59', -300)!;
    expect(isoToLocalInput(iso, -300)).toBe('2027-03-01T23:59');
    expect(isoToLocalInput(iso, 0)).toBe('2027-03-01T18:59');
  });
});

describe('dueIn', () => {
  const now = Date.parse('2027-03-01T12:00:00Z');
  it('says how long until, or how long overdue', () => {
    expect(dueIn('2027-03-01T12:30:00Z', now)).toEqual({ text: 'due in less than an hour', overdue: false });
    expect(dueIn('2027-03-01T13:00:00Z', now)).toEqual({ text: 'due in 1 hour', overdue: false });
    expect(dueIn('2027-03-05T12:00:00Z', now)).toEqual({ text: 'due in 4 days', overdue: false });
    expect(dueIn('2027-03-01T09:00:00Z', now)).toEqual({ text: 'overdue by 3 hours', overdue: true });
  });
});
