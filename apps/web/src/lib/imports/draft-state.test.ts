import { describe, expect, it } from 'vitest';
import { draftState } from './draft-state';

describe('draftState', () => {
  it('gives a waiting draft its place in the queue, and a running one its progress', () => {
    const waiting = (ahead: number) => draftState({ status: 'PROCESSING', progress: 0, queuePosition: ahead });
    expect(waiting(2)).toBe('Waiting in the queue: 2 imports ahead of yours');
    expect(waiting(1)).toBe('Waiting in the queue: 1 import ahead of yours');
    expect(waiting(0)).toBe('Waiting for a free worker: yours is next');
    expect(draftState({ status: 'PROCESSING', progress: 0.42, queuePosition: null })).toBe('Importing, 42%');
  });

  it('says how a draft ended', () => {
    expect(draftState({ status: 'READY', progress: 1, queuePosition: null })).toBe('Ready to review');
    expect(draftState({ status: 'FAILED', progress: 0.3, queuePosition: null })).toBe('Failed');
  });
});
