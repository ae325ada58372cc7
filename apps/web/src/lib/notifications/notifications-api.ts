import {
  notificationList,
  notificationUnread,
  routePath,
  type NotificationList,
  type NotificationsReadMark,
} from '@commonplace/contracts';

/** The browser's calls for the bell, on the page's origin with its session cookie. */
export async function fetchNotifications(): Promise<NotificationList> {
  const response = await fetch(routePath('listNotifications'), {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error('Your notifications could not be loaded. Try again in a moment.');
  return notificationList.parse(await response.json());
}

export async function markNotificationsRead(mark: NotificationsReadMark): Promise<void> {
  const response = await fetch(routePath('markNotificationsRead'), {
    method: 'POST',
    credentials: 'same-origin',
    // Sent even when the click that marked it goes on to leave the page.
    keepalive: true,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(mark),
  });
  if (!response.ok) throw new Error('Marking as read did not work. Try again in a moment.');
}

/**
 * Follows the live unread count; EventSource reconnects by itself after a drop. Returns the
 * function that stops following.
 */
export function followUnreadCount(onCount: (unread: number) => void): () => void {
  const source = new EventSource(routePath('notificationEvents'));
  source.addEventListener('unread', (event) => {
    let data: unknown = null;
    try {
      data = JSON.parse((event as MessageEvent<string>).data);
    } catch {
      return;
    }
    const parsed = notificationUnread.safeParse(data);
    if (parsed.success) onCount(parsed.data.unreadCount);
  });
  return () => source.close();
}
