// The collaboration bench's observers, in a process of their own: one client per document that
// types nothing and notes when each keystroke reaches it. In the bench's own process it would wait
// behind the messages of every typing client there (7,500 a second with 200 on one document), and
// the figure would be the load generator's backlog rather than the server's delivery.
// Driven over the IPC channel of `fork` by `collab-bench.ts`.
import * as Y from 'yjs';
import { connectCollab, eventually, type CollabClient } from '../../apps/api/src/testing/collab-client.js';

export type ObserverRequest =
  | { type: 'observe'; url: string; session?: string; names: string[] }
  | { type: 'clock' }
  /** What was seen since the last report. */
  | { type: 'report' }
  | { type: 'close' };

export type ObserverReply =
  | { type: 'observing' }
  | { type: 'clock'; now: number }
  /** Each keystroke seen, as `client:clock`, and when (this process's `performance.now()`). */
  | { type: 'report'; seen: Array<[string, number]> }
  | { type: 'closed' };

let observers: CollabClient[] = [];
let seen: Array<[string, number]> = [];
let reported = 0;

const reply = (message: ObserverReply) => process.send!(message);

async function observe({ url, session, names }: Extract<ObserverRequest, { type: 'observe' }>) {
  seen = [];
  reported = 0;
  observers = names.map((name) => connectCollab(url, name, session));
  for (const observer of observers) {
    observer.doc.on('update', (update: Uint8Array) => {
      const now = performance.now();
      for (const struct of Y.decodeUpdate(update).structs)
        for (let clock = struct.id.clock; clock < struct.id.clock + struct.length; clock++)
          seen.push([`${struct.id.client}:${clock}`, now]);
    });
  }
  await eventually(() => observers.every((o) => o.provider.isSynced), 180_000);
  reply({ type: 'observing' });
}

// It never outlives the bench, even one that stopped on an error.
process.on('disconnect', () => process.exit(0));

process.on('message', (request: ObserverRequest) => {
  if (request.type === 'observe') void observe(request);
  else if (request.type === 'clock') reply({ type: 'clock', now: performance.now() });
  else if (request.type === 'report') {
    reply({ type: 'report', seen: seen.slice(reported) });
    reported = seen.length;
  } else {
    for (const observer of observers) observer.close();
    observers = [];
    reply({ type: 'closed' });
  }
});
