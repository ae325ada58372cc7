import type { Connection } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';

/** Hocuspocus's outer message type of the acknowledgement it sends for each sync step 2 and update. */
const MESSAGE_SYNC_STATUS = 8;

/**
 * Holds back the acknowledgements Hocuspocus sends one connection until what each acknowledges is
 * committed: Hocuspocus applies (and relays) a client's update as soon as `beforeHandleMessage`
 * returns and acknowledges it at once, so the update is shown without waiting for its row while its
 * writer is told it is saved only once it is. One apply per update: applying it in the hook and
 * holding the hook until the commit would have Hocuspocus apply it a second time (a no-op that still
 * decodes it and runs a transaction: a sixth of what the server allocates while people type).
 * Hocuspocus acknowledges a connection's messages in the order they came, so each acknowledgement
 * waits for the oldest barrier not yet used, and after the acknowledgements before it.
 */
export class HeldAcknowledgements {
  private readonly barriers: Promise<void>[] = [];
  private sent: Promise<void> = Promise.resolve();

  constructor(connection: Connection) {
    const send = connection.send.bind(connection);
    // Every acknowledgement is the document's name and two small integers, so its length tells it from
    // every other message Hocuspocus sends (a sync or awareness message is longer) without decoding.
    const name = encoding.createEncoder();
    encoding.writeVarString(name, connection.document.name);
    const acknowledgementLength = encoding.length(name) + 2;
    connection.send = (message: Uint8Array) => {
      if (message.length !== acknowledgementLength || message[message.length - 2] !== MESSAGE_SYNC_STATUS) {
        return send(message);
      }
      const barrier = this.barriers.shift();
      // A barrier that fails (the change was not saved) drops its acknowledgement and every later one:
      // the connection is being closed, and its client sends the change again on reconnecting.
      this.sent = Promise.all([this.sent, barrier]).then(() => send(message));
      this.sent.catch(() => undefined);
    };
  }

  /** The next acknowledgement this connection is sent waits for `barrier`. */
  holdNext(barrier: Promise<void>): void {
    // Handled here too: a connection can close before the acknowledgement it waits for is sent.
    barrier.catch(() => undefined);
    this.barriers.push(barrier);
  }
}
