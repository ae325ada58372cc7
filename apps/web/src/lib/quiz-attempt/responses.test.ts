import { describe, expect, it } from 'vitest';
import type { StudentQuestion } from '@commonplace/contracts';
import {
  clozePieces,
  clozeResponse,
  describeResponse,
  isAnswered,
  matchedResponse,
  numericResponse,
  toggledChoice,
} from './responses';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const question = (type: StudentQuestion['type'], more: Partial<StudentQuestion> = {}): StudentQuestion => ({
  id: id(0),
  type,
  prompt: 'Q',
  points: 1,
  options: [
    { id: id(1), text: 'Logbooks' },
    { id: id(2), text: 'Sheep' },
    { id: id(3), text: 'Lamps' },
  ],
  ...more,
});

describe('responses by type', () => {
  it('keeps multiple-choice picks in the options’ order, without repeats', () => {
    const q = question('multiple-choice');
    let picked = toggledChoice(q, undefined, id(3), true);
    picked = toggledChoice(q, picked, id(1), true);
    picked = toggledChoice(q, picked, id(1), true);
    expect(picked).toEqual([id(1), id(3)]);
    expect(toggledChoice(q, picked, id(3), false)).toEqual([id(1)]);
  });

  it('reads numbers as typed, a decimal comma included, and nothing half-typed', () => {
    expect(numericResponse('42')).toBe(42);
    expect(numericResponse(' -3,5 ')).toBe(-3.5);
    expect(numericResponse('1e3')).toBe(1000);
    expect(numericResponse('.5')).toBe(0.5);
    for (const partial of ['', '-', '1e', 'abc', '1.2.3', '1e20']) expect(numericResponse(partial)).toBeNull();
  });

  it('cuts a cloze at its blanks and fills one blank at a time', () => {
    expect(clozePieces('The {{1}} kept the {{2}}.')).toEqual([
      { kind: 'text', text: 'The ' },
      { kind: 'blank', index: 0 },
      { kind: 'text', text: ' kept the ' },
      { kind: 'blank', index: 1 },
      { kind: 'text', text: '.' },
    ]);
    expect(clozePieces('{{2}} and {{1}}').filter((p) => p.kind === 'blank')).toEqual([
      { kind: 'blank', index: 1 },
      { kind: 'blank', index: 0 },
    ]);
    expect(clozeResponse(2, undefined, 1, 'harbour')).toEqual(['', 'harbour']);
    expect(clozeResponse(2, ['guild', 'x'], 1, 'harbour')).toEqual(['guild', 'harbour']);
  });

  it('matches items and forgets one whose choice is cleared', () => {
    const one = matchedResponse(undefined, id(4), id(1));
    expect(matchedResponse(one, id(5), id(2))).toEqual({ [id(4)]: id(1), [id(5)]: id(2) });
    expect(matchedResponse(one, id(4), '')).toEqual({});
  });

  it('counts as answered only what says something', () => {
    expect(isAnswered(question('single-choice'), undefined)).toBe(false);
    expect(isAnswered(question('single-choice'), id(1))).toBe(true);
    expect(isAnswered(question('multiple-choice'), [])).toBe(false);
    expect(isAnswered(question('short-answer'), '   ')).toBe(false);
    expect(isAnswered(question('numeric'), 0)).toBe(true);
    expect(isAnswered(question('cloze'), ['', ' '])).toBe(false);
    expect(isAnswered(question('cloze'), ['', 'guild'])).toBe(true);
    expect(isAnswered(question('matching'), {})).toBe(false);
    expect(isAnswered(question('essay'), 'Because.')).toBe(true);
  });

  it('writes answers out with their options’ text', () => {
    expect(describeResponse(question('single-choice'), id(2))).toBe('Sheep');
    expect(describeResponse(question('multiple-choice'), [id(1), id(3)])).toBe('Logbooks; Lamps');
    expect(describeResponse(question('cloze'), ['guild', ''])).toBe('(1) guild  (2) —');
    const matching = question('matching', { items: [{ id: id(4), text: 'North' }] });
    expect(describeResponse(matching, { [id(4)]: id(3) })).toBe('North → Lamps');
    expect(describeResponse(question('numeric'), null)).toBe('No answer');
  });
});
