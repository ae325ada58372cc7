import type { NotificationKind } from '@commonplace/contracts';

const WHAT: Record<NotificationKind, string> = {
  reply: 'replied to your annotation',
  mention: 'mentioned you',
  endorsement: 'endorsed your annotation',
};

/** "Ada Lovelace replied to your annotation": who did what, as the list says it. */
export const notificationSentence = (actor: string, kind: NotificationKind) => `${actor} ${WHAT[kind]}`;

/** The bell's accessible name, with the count a screen reader announces. */
export function bellLabel(unread: number | null): string {
  if (unread === null || unread === 0) return unread === 0 ? 'Notifications, none unread' : 'Notifications';
  return `Notifications, ${unread} unread`;
}

/** The badge's text: large counts are capped, the label keeps the exact number. */
export const badgeText = (unread: number) => (unread > 99 ? '99+' : String(unread));
