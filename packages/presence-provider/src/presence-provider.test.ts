import { HocuspocusProviderWebsocket, type HocuspocusProvider } from '@hocuspocus/provider';
import { IncomingMessage, MessageType, Server, type Extension } from '@hocuspocus/server';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { PresenceProvider } from './index.js';

const DOCUMENT = 'week-3-notes';

/** Whether a message is presence (awareness): its type follows the document's name. */
function isPresence(update: Uint8Array): boolean {
  const message = new IncomingMessage(update);
  message.readVarString();
  return message.readVarUint() === MessageType.Awareness;
}

let server: Server;
/** Presence messages the server received. */
let presenceReceived: number;
/** Stateless messages the server received: marks of how far it has read each socket. */
let marks: string[];
let people: HocuspocusProvider[];

beforeEach(async () => {
  presenceReceived = 0;
  marks = [];
  people = [];
  const counting: Extension = {
    async beforeHandleMessage({ update }) {
      if (isPresence(update)) presenceReceived += 1;
    },
    async onStateless({ payload }) {
      marks.push(payload);
    },
  };
  server = new Server({ port: 0, address: '127.0.0.1', quiet: true, extensions: [counting] });
  await server.listen();
});

afterEach(async () => {
  for (const person of people) person.destroy();
  await server.destroy();
});

function join(name: string): HocuspocusProvider {
  const provider = new PresenceProvider({
    websocketProvider: new HocuspocusProviderWebsocket({
      url: `ws://127.0.0.1:${server.address.port}`,
      WebSocketPolyfill: WebSocket,
    }),
    name: DOCUMENT,
    document: new Y.Doc(),
  });
  provider.attach();
  provider.setAwarenessField('user', { name });
  people.push(provider);
  return provider;
}

const until = (check: () => boolean) => vi.waitUntil(check, { timeout: 10_000, interval: 10 });

const seenBy = (provider: HocuspocusProvider, name: string) =>
  [...provider.awareness!.getStates().values()].some((state) => state.user?.name === name);

/** Resolves once the server has read everything each of `providers` sent so far (a socket keeps its order). */
async function serverCaughtUpWith(providers: HocuspocusProvider[]): Promise<void> {
  const sent = providers.map((provider, i) => {
    const mark = `mark ${i} ${marks.length}`;
    provider.sendStateless(mark);
    return mark;
  });
  await until(() => sent.every((mark) => marks.includes(mark)));
}

it('sends the server its own presence, and not back what the server sent it', async () => {
  const aigerim = join('Aigerim');
  const ben = join('Ben');
  const chloe = join('Chloe');
  await until(() => people.every((person) => ['Aigerim', 'Ben', 'Chloe'].every((name) => seenBy(person, name))));
  await serverCaughtUpWith(people);
  presenceReceived = 0;

  aigerim.setAwarenessField('user', { name: 'Aigerim (away)' });
  await until(() => seenBy(ben, 'Aigerim (away)') && seenBy(chloe, 'Aigerim (away)'));
  await serverCaughtUpWith(people);

  // The stock provider also sends Aigerim's new state back from Ben and from Chloe: 3.
  expect(presenceReceived).toBe(1);
});

it('still tells the others when someone leaves', async () => {
  const aigerim = join('Aigerim');
  const ben = join('Ben');
  await until(() => seenBy(ben, 'Aigerim') && seenBy(aigerim, 'Ben'));

  aigerim.destroy();

  await until(() => !seenBy(ben, 'Aigerim'));
  expect(seenBy(ben, 'Ben')).toBe(true);
});
