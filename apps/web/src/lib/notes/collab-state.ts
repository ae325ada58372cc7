import type { StatesArray } from '@hocuspocus/provider';

/** The provider's connection status, as HocuspocusProvider reports it. */
export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

/** Why the server refused this note: its access rules, or a session that is no longer valid. */
export type Refusal = 'forbidden' | 'signed-out';

/** What the editor's status line says. */
export type CollabState =
  'connecting' | 'syncing' | 'saved' | 'offline' | 'offline-tab-only' | 'forbidden' | 'signed-out';

export interface CollabInputs {
  status: ConnectionStatus;
  /** The server's copy has reached this tab since the (re)connection. */
  synced: boolean;
  /** Changes sent and not yet acknowledged by the server. */
  unsynced: number;
  refusal: Refusal | null;
  /** Changes are stored in this device's IndexedDB, so they outlive the tab. */
  keptOnDevice: boolean;
}

export function collabState({ status, synced, unsynced, refusal, keptOnDevice }: CollabInputs): CollabState {
  // A refusal outranks the socket: the socket may be open while this note is refused on it.
  if (refusal) return refusal;
  if (status === 'disconnected') return keptOnDevice ? 'offline' : 'offline-tab-only';
  if (status === 'connecting') return 'connecting';
  return synced && unsynced === 0 ? 'saved' : 'syncing';
}

/**
 * The status to show after the provider reports `next`. While offline, the provider keeps trying to
 * reconnect: each try is "connecting" then "disconnected" again, so the line stays "offline" until a
 * try succeeds instead of flickering.
 */
export function nextStatus(previous: ConnectionStatus, next: ConnectionStatus): ConnectionStatus {
  return previous === 'disconnected' && next === 'connecting' ? 'disconnected' : next;
}

/** The status line: a short state, and what it means for the writer's changes. */
export const STATE_TEXT: Record<CollabState, { label: string; detail: string }> = {
  connecting: { label: 'Connecting…', detail: '' },
  syncing: { label: 'Syncing…', detail: 'sending changes to the server' },
  saved: { label: 'Saved', detail: 'all changes saved' },
  offline: { label: 'Offline — changes kept on this device', detail: 'they are sent when the connection returns' },
  'offline-tab-only': {
    label: 'Offline — changes kept in this tab only',
    detail: 'keep it open until the connection returns',
  },
  forbidden: { label: 'You can’t open this note', detail: 'you may no longer have access; changes here are not sent' },
  'signed-out': {
    label: 'Signed out — sign in again',
    detail: 'changes made here are kept on this device until you do',
  },
};

/** Someone with the note open, as the "Here now" list and their caret show them. */
export interface PersonPresent {
  name: string;
  color: string;
  /** Every tab of theirs is hidden or untouched for a while: shown faded. */
  idle: boolean;
}

interface AwarenessUser {
  id?: unknown;
  name?: unknown;
  color?: unknown;
  idle?: unknown;
}

/**
 * Everyone with the note open (from awareness), each once whatever number of tabs they have, in
 * name order. A person is idle only when all their tabs are.
 */
export function peoplePresent(states: StatesArray): PersonPresent[] {
  const people = new Map<string, PersonPresent>();
  for (const state of states) {
    const user = state.user as AwarenessUser | undefined;
    if (typeof user?.name !== 'string') continue;
    const key = typeof user.id === 'string' ? user.id : user.name;
    const idle = user.idle === true;
    const known = people.get(key);
    if (known) known.idle &&= idle;
    else people.set(key, { name: user.name, color: typeof user.color === 'string' ? user.color : 'gray', idle });
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The ids of the people whose tab says they are idle, whose carets fade. */
export function idleUserIds(states: StatesArray): Set<string> {
  const idle = new Set<string>();
  for (const state of states) {
    const user = state.user as AwarenessUser | undefined;
    if (user?.idle === true && typeof user.id === 'string') idle.add(user.id);
  }
  return idle;
}

/**
 * A caret colour that stays the same for a person across visits (from their id), dark enough for
 * white text. As #rrggbb: CollaborationCaret draws no caret in any other notation.
 */
export function caretColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hslToHex(hash % 360, 0.7, 0.4);
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
