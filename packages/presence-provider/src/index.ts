import { HocuspocusProvider } from '@hocuspocus/provider';

interface PresenceChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * A HocuspocusProvider that sends the server presence of its own making only. The stock provider
 * also sends back every presence update it receives from the server (its handler ignores where an
 * update came from), which the server reads and drops: each renewal by one of n people in a
 * document reached the server n more times, 2,600 messages a second with 200 people in one.
 */
export class PresenceProvider extends HocuspocusProvider {
  override awarenessUpdateHandler(change: PresenceChange, origin: unknown): void {
    // The provider applies what the server sends with itself as the origin.
    if (origin === this) return;
    super.awarenessUpdateHandler(change, origin);
  }
}
