import type { WebSocket } from 'ws';
import { MAX_DOCUMENTS_PER_SOCKET } from './collab-limits.js';
import { documentIdOf } from './document-name.js';
import { documentNameIn } from './sync-message.js';

/**
 * Screens every frame of one socket before Hocuspocus reads it: a text frame, bytes that do not
 * start with a document name of ours, or one document too many close this socket only, with a
 * reason. (Oversized frames are closed by the websocket server's `maxPayload`; a malformed update
 * by the persistence extension.)
 */
export function guardFrames(socket: WebSocket): void {
  const documents = new Set<string>();
  const emit = socket.emit.bind(socket) as (event: string | symbol, ...args: unknown[]) => boolean;
  const refuse = (code: number, reason: string) => {
    socket.close(code, reason);
    return false;
  };
  socket.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event !== 'message') return emit(event, ...args);
    if (socket.readyState !== socket.OPEN) return false;
    const [data, isBinary] = args as [Uint8Array, boolean | undefined];
    // Hocuspocus re-emits queued frames itself, without `isBinary`: those were screened already.
    if (isBinary === false) return refuse(1003, 'Text frames are not accepted');
    const name = documentNameIn(data);
    if (name === null || !documentIdOf(name)) return refuse(1008, 'Unknown document name');
    documents.add(name);
    if (documents.size > MAX_DOCUMENTS_PER_SOCKET) return refuse(1008, 'Too many documents on one connection');
    return emit(event, ...args);
  }) as typeof socket.emit;
}
