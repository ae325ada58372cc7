import { describe, expect, it } from 'vitest';
import { warningSentence } from './warning-sentences';

describe('warningSentence', () => {
  it('says in words what a known code means', () => {
    expect(warningSentence('BOILERPLATE_REMOVED')).toBe('Website or publisher boilerplate was removed.');
  });
  it('turns a code it does not know into words rather than showing the code', () => {
    expect(warningSentence('SOMETHING_NEW')).toBe('Something new.');
  });
});
