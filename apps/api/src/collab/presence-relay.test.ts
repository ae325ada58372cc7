import { IncomingMessage, MessageType } from '@hocuspocus/server';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { courseWithCast } from '../testing/factories.js';
import { connectCollab, eventually, namesPresent, type CollabClient } from '../testing/collab-client.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { RENEWAL_BATCH_MS } from './presence-relay.js';

let t: TestApi;
const open: CollabClient[] = [];
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());
afterEach(() => open.splice(0).forEach((client) => client.close()));

/** Whether a message is presence (awareness): its type follows the document's name. */
function isPresence(data: ArrayBuffer | Uint8Array): boolean {
  const message = new IncomingMessage(new Uint8Array(data));
  message.readVarString();
  return message.readVarUint() === MessageType.Awareness;
}

/** A tab open on the note, showing `name` to the others, counting the presence messages it receives. */
function openTab(documentName: string, session: string | undefined, name: string) {
  const client = connectCollab(t.api.url, documentName, session);
  open.push(client);
  client.provider.setAwarenessField('user', { name });
  const tab = Object.assign(client, { presenceReceived: 0 });
  client.socket.on('message', ({ data }: { data: ArrayBuffer }) => {
    if (isPresence(data)) tab.presenceReceived += 1;
  });
  return tab;
}

/** A student with their personal note open in two tabs, each seeing the other. */
async function twoTabs() {
  const { courseId, student } = await courseWithCast(t);
  const note = (await student.call('createNote', { courseId }, { title: 'Week 3', scope: 'personal' })).body;
  const desk = openTab(note.documentName, student.session, 'Desk');
  const phone = openTab(note.documentName, student.session, 'Phone');
  await eventually(() => namesPresent(desk).includes('Phone') && namesPresent(phone).includes('Desk'));
  return { desk, phone };
}

it('shows a change of presence (a name, a caret) to the other tab at once', async () => {
  const { desk, phone } = await twoTabs();

  desk.provider.setAwarenessField('user', { name: 'Desk (away)' });

  // Well before a batch of renewals would go out: a change is not held back.
  await eventually(() => namesPresent(phone).includes('Desk (away)'), RENEWAL_BATCH_MS / 2);
});

it('sends renewals of an unchanged presence to the others together, once a second', async () => {
  const { desk, phone } = await twoTabs();
  const awareness = desk.provider.awareness!;
  await new Promise((resolve) => setTimeout(resolve, RENEWAL_BATCH_MS * 1.5));
  phone.presenceReceived = 0;

  for (let renewal = 0; renewal < 5; renewal += 1) {
    awareness.setLocalState(awareness.getLocalState());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  const deskClock = () => phone.provider.awareness!.meta.get(awareness.clientID)?.clock;
  await eventually(() => deskClock() === awareness.meta.get(awareness.clientID)!.clock);
  // Hocuspocus's own relay sends each of the five renewals on its own.
  expect(phone.presenceReceived).toBe(1);
  expect(namesPresent(phone)).toContain('Desk');
});

it('takes the presence of a tab whose connection drops away from the others at once', async () => {
  const { desk, phone } = await twoTabs();

  desk.socket.disconnect();

  // Providers drop a silent state only after 30 s: the server must remove it.
  await eventually(() => !namesPresent(phone).includes('Desk'), 3_000);
  expect(namesPresent(phone)).toContain('Phone');
});
