// The collaboration bench's reference: a bare Hocuspocus server (no auth, no persistence) in a
// process of its own, as the API is, so both are measured across the same process boundary and
// neither shares an event loop with the bench's clients. Prints its port, then serves until SIGTERM.
import { Server } from '@hocuspocus/server';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
await server.listen();
process.stdout.write(`${server.address.port}\n`);
