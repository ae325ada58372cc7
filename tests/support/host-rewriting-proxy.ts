import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

const withHost = (headers: IncomingHttpHeaders, host: string) => ({ ...headers, host });

/**
 * A reverse proxy in front of `target` that, misconfigured, passes on the app's own address as the
 * Host rather than the one people use (and no forwarded headers): pages load through it, but the
 * app cannot tell it is being reached there.
 */
export async function hostRewritingProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const to = new URL(target);
  // Closed, it drops every connection still open, kept alive or upgraded, on both sides.
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = createServer((request, response) => {
    const upstream = httpRequest(
      {
        host: to.hostname,
        port: to.port,
        method: request.method,
        path: request.url,
        headers: withHost(request.headers, to.host),
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  server.on('upgrade', (request, socket, head) => {
    const upstream = connect(Number(to.port), to.hostname, () => {
      const headers = Object.entries(withHost(request.headers, to.host)).map(
        ([name, value]) => `${name}: ${String(value)}`,
      );
      upstream.write(`${request.method} ${request.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  server.on('connection', track);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
