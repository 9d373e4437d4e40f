// A forward proxy on loopback for tests of HTTPS_PROXY / HTTP_PROXY: it tunnels CONNECT requests
// (and forwards absolute-form plain requests) and records where each one asked to go. Host names
// ending in `.test` resolve to 127.0.0.1 here only, so a client can reach the sim under such a
// name through the proxy and nowhere else.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TestProxy {
  /** http://127.0.0.1:PORT */
  url: string;
  /** `host:port` of each request it was asked to carry, oldest first. */
  targets: string[];
  close(): Promise<void>;
}

const resolve = (host: string): string => (host.toLowerCase().endsWith('.test') ? '127.0.0.1' : host);

export async function startTestProxy(): Promise<TestProxy> {
  const targets: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    // Absolute-form: GET http://host:port/path
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const port = Number(url.port || 80);
    targets.push(`${url.hostname}:${port}`);
    const upstream = http.request({ host: resolve(url.hostname), port, method: req.method, path: `${url.pathname}${url.search}`, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    targets.push(target);
    const at = target.lastIndexOf(':');
    const upstream = net.connect(Number(target.slice(at + 1)), resolve(target.slice(0, at).replace(/^\[|\]$/g, '')), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    targets,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
