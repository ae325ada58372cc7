import type { StatesArray } from '@hocuspocus/provider';

/** What the editor's status line says: the connection, and whether every change reached the server. */
export type CollabState = 'connecting' | 'online' | 'saved' | 'offline';

export function collabState(status: 'connecting' | 'connected' | 'disconnected', unsynced: number): CollabState {
  if (status === 'connecting') return 'connecting';
  if (status === 'disconnected') return 'offline';
  return unsynced === 0 ? 'saved' : 'online';
}

export const STATE_LABEL: Record<CollabState, string> = {
  connecting: 'Connecting…',
  online: 'Online · saving…',
  saved: 'Online · all changes saved',
  offline: 'Offline · changes are kept here and sent when the connection returns',
};

/** The names of everyone with the note open (from awareness), each once, in order. */
export function namesPresent(states: StatesArray): string[] {
  const names = states.map((s) => (s.user as { name?: unknown } | undefined)?.name);
  return [...new Set(names.filter((n): n is string => typeof n === 'string'))].sort();
}

/** A caret colour that stays the same for a person across visits (from their id). */
export function caretColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 70% 40%)`;
}
