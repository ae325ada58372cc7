import { HocuspocusProviderWebsocket, type HocuspocusProvider } from '@hocuspocus/provider';
import { SESSION_COOKIE } from '@commonplace/contracts';
import { PresenceProvider } from '@commonplace/presence-provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

/**
 * A real Hocuspocus client on `/collab` (the web app's provider), sending the given session with the
 * upgrade as a browser would.
 */
export interface CollabClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** The text of the editor's content (the XmlFragment `default`). */
  text(): string;
  /** Appends `words` as a paragraph, as the editor would. */
  write(words: string): void;
  /** Resolves once the server has acknowledged every change made so far. */
  synced(): Promise<void>;
  /** How the server answered authentication. */
  authenticated: Promise<{ readOnly: boolean } | { refused: string }>;
  close(): void;
}

/** The editor content's text (the XmlFragment `default`), a line per paragraph. */
export function editorText(doc: Y.Doc): string {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((node) => (node as Y.XmlElement).toArray().join(''))
    .join('\n');
}

/** The names of the people a client sees present (their presence's `user.name`), itself included. */
export function namesPresent(client: Pick<CollabClient, 'provider'>): string[] {
  return [...client.provider.awareness!.getStates().values()].map((state) => state.user?.name as string);
}

export function collabUrl(apiUrl: string): string {
  return `${apiUrl.replace(/^http/, 'ws')}/collab`;
}

/** `session` is sent as the cookie; `ticket`, a token from POST /api/collab/token, as the provider's token. */
export function connectCollab(apiUrl: string, documentName: string, session?: string, ticket?: string): CollabClient {
  const headers = session ? { cookie: `${SESSION_COOKIE}=${session}` } : {};
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: collabUrl(apiUrl),
    WebSocketPolyfill: CookieWebSocket,
    delay: 50,
    minDelay: 50,
    maxDelay: 200,
    jitter: false,
  });
  let settle!: (outcome: { readOnly: boolean } | { refused: string }) => void;
  const authenticated = new Promise<{ readOnly: boolean } | { refused: string }>((resolve) => (settle = resolve));
  const provider = new PresenceProvider({
    websocketProvider: socket,
    name: documentName,
    document: doc,
    token: ticket ?? null,
    onAuthenticated: ({ scope }) => settle({ readOnly: scope === 'readonly' }),
    onAuthenticationFailed: ({ reason }) => settle({ refused: reason }),
  });
  provider.attach();
  const fragment = doc.getXmlFragment('default');
  return {
    doc,
    provider,
    socket,
    authenticated,
    text: () => editorText(doc),
    write(words) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(words)]);
      fragment.insert(fragment.length, [paragraph]);
    },
    synced: () =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (provider.isSynced && provider.unsyncedChanges === 0) {
            provider.off('unsyncedChanges', check);
            provider.off('synced', check);
            resolve();
          }
        };
        provider.on('unsyncedChanges', check);
        provider.on('synced', check);
        check();
      }),
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Polls `check` until it holds (or fails after `timeoutMs`). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
