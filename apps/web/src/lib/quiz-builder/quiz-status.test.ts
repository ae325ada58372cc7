import { describe, expect, it } from 'vitest';
import type { QuestionPassage } from '@commonplace/contracts';
import { attemptsUsed, availability, passageQuery, passageQuote, scoreText, timeLimitText } from './quiz-status';

const NOW = Date.parse('2027-02-05T12:00:00Z');

describe('quiz status for the list', () => {
  it('is open between its dates, and open-ended without them', () => {
    expect(availability({ opensAt: null, closesAt: null }, NOW)).toBe('open');
    expect(availability({ opensAt: '2027-02-06T00:00:00Z', closesAt: null }, NOW)).toBe('not-open');
    expect(availability({ opensAt: null, closesAt: '2027-02-05T12:00:00Z' }, NOW)).toBe('closed');
    expect(availability({ opensAt: '2027-02-01T00:00:00Z', closesAt: '2027-02-08T00:00:00Z' }, NOW)).toBe('open');
  });

  it('says how many attempts are used', () => {
    const attempt = {} as never;
    expect(attemptsUsed({ attempts: [attempt], attemptsAllowed: 3 })).toBe('1 of 3 attempts used');
    expect(attemptsUsed({ attempts: [], attemptsAllowed: 1 })).toBe('0 of 1 attempt used');
    expect(attemptsUsed({ attempts: [attempt], attemptsAllowed: null })).toBe('1 attempt used (no limit)');
  });

  it('words time limits and scores', () => {
    expect(timeLimitText(null)).toBe('No time limit');
    expect(timeLimitText(1)).toBe('1 minute');
    expect(timeLimitText(45)).toBe('45 minutes');
    expect(timeLimitText(120)).toBe('2 hours');
    expect(scoreText(7.3333, 16)).toBe('7.33 / 16');
  });
});

describe('a question’s passage', () => {
  const passage: QuestionPassage = {
    readingId: '33333333-3333-4333-8333-333333333333',
    selector: [
      { type: 'TextQuoteSelector', exact: 'kept\n  logbooks', prefix: 'They ', suffix: ' of' },
      { type: 'TextPositionSelector', start: 120, end: 135 },
    ],
  };
  it('quotes its words on one line and opens the reader on them', () => {
    expect(passageQuote(passage)).toBe('kept logbooks');
    expect(passageQuery(passage)).toBe('?passage=120-135');
    expect(passageQuery(passage, 2)).toBe('?passage=120-135&version=2');
  });
});
