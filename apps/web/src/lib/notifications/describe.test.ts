import { describe, expect, it } from 'vitest';
import { badgeText, bellLabel, notificationSentence } from './describe';

describe('notification wording', () => {
  it('names the bell with its unread count, and says who did what', () => {
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
    expect(bellLabel(0)).toBe('Notifications, none unread');
    expect(bellLabel(null)).toBe('Notifications');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
    expect(notificationSentence('Ada', 'mention')).toBe('Ada mentioned you');
    expect(notificationSentence('Ada', 'reply')).toBe('Ada replied to your annotation');
    expect(notificationSentence('Ada', 'endorsement')).toBe('Ada endorsed your annotation');
  });
});
