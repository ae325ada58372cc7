import { Injectable } from '@nestjs/common';
import { OutgoingMessage, type Document, type Extension, type afterLoadDocumentPayload } from '@hocuspocus/server';
import type { Awareness } from 'y-protocols/awareness';

/** How long renewals of presence wait to go out together. Providers renew every 15 s and drop a state after 30 s. */
export const RENEWAL_BATCH_MS = 1000;

interface PresenceChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** The listener Hocuspocus's `Document` binds in its constructor to relay presence itself. */
const HOCUSPOCUS_RELAY = 'bound handleAwarenessUpdate';

type ObservedAwareness = Awareness & { _observers: Map<string, Set<(...args: unknown[]) => void>> };

/** Takes Hocuspocus's own presence relay off `document`; fails loudly if a new Hocuspocus no longer has it. */
function takeOverRelay(document: Document): void {
  const awareness = document.awareness as ObservedAwareness;
  const relay = [...(awareness._observers.get('update') ?? [])].find((listener) => listener.name === HOCUSPOCUS_RELAY);
  if (!relay) throw new Error('PresenceRelay: Hocuspocus no longer relays presence as expected; check its Document');
  awareness.off('update', relay);
}

/**
 * Relays presence (awareness) between the connections of a document, in place of Hocuspocus's own
 * relay, which encodes the same update again for every connection and sends every renewal at once.
 * With n people in a document, each of them renews their presence every 15 s, and each renewal
 * went to all n: with 200 people, 2,600 messages a second that change nothing anyone sees.
 *
 * Here an update is encoded once for all connections. A change (someone joins, leaves, moves their
 * caret) still goes out at once; a renewal (the same state under the next clock) waits up to
 * `RENEWAL_BATCH_MS` and goes out with the others of that second, as one message.
 *
 * Like Hocuspocus, it keeps the clients each connection brought, so that a connection that drops
 * takes its people's presence with it.
 */
@Injectable()
export class PresenceRelay implements Extension {
  async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
    takeOverRelay(document);
    const renewed = new Set<number>();
    let renewalTimer: NodeJS.Timeout | undefined;
    // Awareness emits 'change' (only when a state really changed) just before 'update' (on any update).
    let changing = false;

    const broadcast = (clients: number[]) => {
      if (document.isDestroyed || clients.length === 0) return;
      const message = new OutgoingMessage(document.name)
        .createAwarenessUpdateMessage(document.awareness, clients)
        .toUint8Array();
      for (const connection of document.getConnections()) connection.send(message);
    };
    const sendRenewals = () => {
      renewalTimer = undefined;
      const clients = [...renewed];
      renewed.clear();
      broadcast(clients);
    };

    document.awareness.on('change', () => (changing = true));
    document.awareness.on('update', ({ added, updated, removed }: PresenceChange, origin: unknown) => {
      const own = document.connections.get(origin as never);
      if (own) {
        for (const client of added) own.clients.add(client);
        for (const client of removed) own.clients.delete(client);
      }
      const clients = added.concat(updated, removed);
      if (changing) {
        changing = false;
        for (const client of clients) renewed.delete(client);
        broadcast(clients);
        return;
      }
      for (const client of clients) renewed.add(client);
      renewalTimer ??= setTimeout(sendRenewals, RENEWAL_BATCH_MS);
    });
    document.on('destroy', () => clearTimeout(renewalTimer));
  }
}
