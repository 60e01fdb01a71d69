/**
 * The one door out of the test browser: Firefox is pointed at this local proxy for every http(s)
 * request, so whatever is not answered inside the browser (by the harness's request interception,
 * which serves the saved pages) arrives here, is written down, and is refused. The extension's
 * background page is not a target the harness can intercept on, so this is how a request from it
 * would be seen. Nothing is forwarded: no DNS lookup, no connection leaves the machine.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NetworkWatch {
  port: number;
  /** Every request that tried to leave the browser: `GET http://…` or `CONNECT host:443`. */
  escaped: string[];
  close(): Promise<void>;
}

export async function watchNetwork(): Promise<NetworkWatch> {
  const escaped: string[] = [];
  const server: Server = createServer((request, response) => {
    escaped.push(`${request.method} ${request.url}`);
    response.writeHead(403, { 'content-type': 'text/plain' }).end('offline test: nothing leaves the browser');
  });
  server.on('connect', (request, socket) => {
    escaped.push(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    escaped,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
