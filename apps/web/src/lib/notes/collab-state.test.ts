import { describe, expect, it } from 'vitest';
import { caretColor, collabState, nextStatus, peoplePresent, type CollabInputs } from './collab-state';

const base: CollabInputs = { status: 'connected', synced: true, unsynced: 0, refusal: null, keptOnDevice: true };

describe('the note editor’s status line', () => {
  it('says saved only when connected, synced, with nothing waiting for the server', () => {
    expect(collabState({ ...base, status: 'connecting' })).toBe('connecting');
    expect(collabState({ ...base, unsynced: 2 })).toBe('syncing');
    expect(collabState({ ...base, synced: false })).toBe('syncing');
    expect(collabState(base)).toBe('saved');
  });

  it('says offline, never saved, when disconnected, and where the changes are kept', () => {
    expect(collabState({ ...base, status: 'disconnected' })).toBe('offline');
    expect(collabState({ ...base, status: 'disconnected', unsynced: 3 })).toBe('offline');
    expect(collabState({ ...base, status: 'disconnected', keptOnDevice: false })).toBe('offline-tab-only');
  });

  it('says the note was refused, not offline, whatever the socket does', () => {
    expect(collabState({ ...base, refusal: 'forbidden' })).toBe('forbidden');
    expect(collabState({ ...base, status: 'disconnected', refusal: 'signed-out' })).toBe('signed-out');
  });

  it('stays offline while the provider retries, until a try connects', () => {
    expect(nextStatus('disconnected', 'connecting')).toBe('disconnected');
    expect(nextStatus('disconnected', 'connected')).toBe('connected');
    expect(nextStatus('connected', 'disconnected')).toBe('disconnected');
    expect(nextStatus('connecting', 'connected')).toBe('connected');
  });
});

describe('who is here', () => {
  it('names each person once, whatever number of tabs they have open, and skips clients without a name', () => {
    const states = [
      { clientId: 1, user: { id: 'b', name: 'Bolat Serik', color: 'red' } },
      { clientId: 2, user: { id: 'a', name: 'Aliya Karimova', color: 'blue' } },
      { clientId: 3, user: { id: 'b', name: 'Bolat Serik', color: 'red' } },
      { clientId: 4 },
    ];
    expect(peoplePresent(states).map((p) => p.name)).toEqual(['Aliya Karimova', 'Bolat Serik']);
    expect(peoplePresent(states)[0]?.color).toBe('blue');
  });

  it('fades a person only when every tab of theirs is idle', () => {
    const oneActive = [
      { clientId: 1, user: { id: 'b', name: 'Bolat Serik', idle: true } },
      { clientId: 2, user: { id: 'b', name: 'Bolat Serik', idle: false } },
    ];
    expect(peoplePresent(oneActive)[0]?.idle).toBe(false);
    const allIdle = oneActive.map((s) => ({ ...s, user: { ...s.user, idle: true } }));
    expect(peoplePresent(allIdle)[0]?.idle).toBe(true);
  });

  it('gives a person the same caret colour on every visit, and two people different ones', () => {
    const id = '6f1c2d3e-0000-4000-8000-000000000001';
    expect(caretColor(id)).toBe(caretColor(id));
    expect(caretColor(id)).not.toBe(caretColor('6f1c2d3e-0000-4000-8000-000000000002'));
    // The only notation CollaborationCaret draws a caret in.
    expect(caretColor(id)).toMatch(/^#[0-9a-f]{6}$/);
  });
});
