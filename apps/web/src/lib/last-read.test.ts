import { expect, it } from 'vitest';
import { lastReadOrFirst } from './last-read';

const reading = (id: string, lastReadAt?: string) => ({ id, myProgress: lastReadAt ? { lastReadAt } : null });

it('picks the reading read most recently, wherever it sits in the course', () => {
  const readings = [
    reading('first', '2027-02-01T09:00:00.000Z'),
    reading('unread'),
    reading('third', '2027-02-03T18:30:00.000Z'),
    reading('fourth', '2027-02-02T12:00:00.000Z'),
  ];
  expect(lastReadOrFirst(readings)?.id).toBe('third');
});

it("falls back to the course's first reading when none has been read", () => {
  expect(lastReadOrFirst([reading('first'), reading('second')])?.id).toBe('first');
});

it('has nothing to offer in a course without readings', () => {
  expect(lastReadOrFirst([])).toBeUndefined();
});
