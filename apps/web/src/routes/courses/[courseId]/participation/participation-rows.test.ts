import { describe, expect, it } from 'vitest';
import type { StudentParticipation } from '@commonplace/contracts';
import { activitySummary, sortedStudents, sparklinePoints } from './participation-rows';

const student = (name: string, annotations: number, group: string | null = null): StudentParticipation => ({
  id: crypto.randomUUID(),
  name,
  email: `${name}@example.test`,
  group,
  annotations,
  repliesGiven: 0,
  repliesReceived: 0,
  words: 0,
  hidden: 0,
  coverage: 0,
  firstActivityAt: null,
  lastActivityAt: null,
  activeDays: 0,
  perDay: [],
});

describe('sortedStudents', () => {
  const students = [student('Ada', 2, 'Steppe'), student('bo', 5), student('Cy', 2, 'Caspian')];

  it('sorts by a count, most first, ties in name order', () => {
    expect(sortedStudents(students, 'annotations', true).map((s) => s.name)).toEqual(['bo', 'Ada', 'Cy']);
  });

  it('sorts names and groups regardless of case', () => {
    expect(sortedStudents(students, 'name', false).map((s) => s.name)).toEqual(['Ada', 'bo', 'Cy']);
    expect(sortedStudents(students, 'group', false).map((s) => s.name)).toEqual(['bo', 'Cy', 'Ada']);
  });
});

describe('sparklinePoints', () => {
  it('puts the busiest day at the top and quiet days at the bottom', () => {
    expect(sparklinePoints([0, 2, 1], 100, 22, 2)).toBe('0.0,21.0 50.0,1.0 100.0,11.0');
  });

  it('draws one day across the box, and nothing for no days', () => {
    expect(sparklinePoints([3], 100, 22, 3)).toBe('0.0,1.0 100.0,1.0');
    expect(sparklinePoints([], 100, 22, 0)).toBe('');
  });
});

describe('activitySummary', () => {
  it('says in words what the sparkline shows', () => {
    expect(activitySummary([0, 3, 1], ['2027-02-01', '2027-02-02', '2027-02-03'])).toBe(
      '4 annotations and replies on 2 days of 3; busiest 2027-02-02, with 3.',
    );
    expect(activitySummary([1], ['2027-02-01'])).toBe(
      '1 annotation or reply on 1 day of 1; busiest 2027-02-01, with 1.',
    );
    expect(activitySummary([0, 0], ['2027-02-01', '2027-02-02'])).toBe('No annotations or replies in this period.');
  });
});
