import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Hocuspocus's outer message type for Yjs sync messages, and y-protocols' sync step types. */
const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** A well-formed Yjs update that changes nothing (no structs, no deletions). */
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0;

/** Thrown for a message that must close its connection; `reason` is sent in the close frame. */
export class RefusedMessage extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** A client's sync message that can change the document. */
export interface SyncUpdate {
  /**
   * A sync step 2: the client's reply to the server's state, which completes its (re)connection.
   * Acknowledged, it tells the client that the server holds everything the client holds.
   */
  completesSync: boolean;
  /** The update it carries; null when it changes nothing. */
  update: Uint8Array | null;
}

/**
 * The document update a client message carries (sync step 2 or an update), checked to be a
 * complete Yjs update; null for every other message. A truncated or garbled update throws.
 */
export function syncUpdateIn(message: Uint8Array): SyncUpdate | null {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null;
    const step = decoding.readVarUint(decoder);
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
    const update = decoding.readVarUint8Array(decoder);
    // Decoding reads every struct and deletion: what cannot be decoded is never stored.
    Y.decodeUpdate(update);
    return { completesSync: step === SYNC_STEP_2, update: isEmptyUpdate(update) ? null : update };
  } catch {
    throw new RefusedMessage(4400, 'Malformed update');
  }
}

/** The document name a message starts with, or null when it does not start with one. */
export function documentNameIn(message: Uint8Array): string | null {
  try {
    return decoding.readVarString(decoding.createDecoder(message));
  } catch {
    return null;
  }
}
