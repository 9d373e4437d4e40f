// A kubeconfig holding several contexts, each pointing at a server (a sim, a proxy, a closed
// port), for the --contexts / --all-contexts tests. Anonymous users over plain http, as the sims are.
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { tempDir } from './files.js';

export function multiContextKubeconfig(contexts: ReadonlyArray<{ name: string; server: string }>): string {
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: contexts.map(({ name, server }) => ({ name, cluster: { server } })),
    users: [{ name: 'anonymous', user: {} }],
    contexts: contexts.map(({ name }) => ({ name, context: { cluster: name, user: 'anonymous' } })),
    'current-context': contexts[0]?.name ?? '',
  };
  const file = join(tempDir('kf-contexts-'), 'config');
  writeFileSync(file, stringify(doc));
  return file;
}

/** http://127.0.0.1:PORT where nothing listens (connections are refused). */
export async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
