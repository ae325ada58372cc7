import { describe, expect, it } from 'vitest';
import { caretColor, collabState, namesPresent } from './collab-state';

describe('the note editor’s status line', () => {
  it('says saved only when connected with nothing waiting for the server', () => {
    expect(collabState('connecting', 0)).toBe('connecting');
    expect(collabState('connected', 2)).toBe('online');
    expect(collabState('connected', 0)).toBe('saved');
    // Disconnected with changes kept here: offline, never "saved".
    expect(collabState('disconnected', 0)).toBe('offline');
    expect(collabState('disconnected', 3)).toBe('offline');
  });

  it('names each person here once, whatever number of tabs they have open, and skips clients without a name', () => {
    const states = [
      { clientId: 1, user: { name: 'Bolat Serik' } },
      { clientId: 2, user: { name: 'Aliya Karimova' } },
      { clientId: 3, user: { name: 'Bolat Serik' } },
      { clientId: 4 },
    ];
    expect(namesPresent(states)).toEqual(['Aliya Karimova', 'Bolat Serik']);
  });

  it('gives a person the same caret colour on every visit, and two people different ones', () => {
    const id = '6f1c2d3e-0000-4000-8000-000000000001';
    expect(caretColor(id)).toBe(caretColor(id));
    expect(caretColor(id)).not.toBe(caretColor('6f1c2d3e-0000-4000-8000-000000000002'));
  });
});
