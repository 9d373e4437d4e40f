// The kubeconfig the sim writes: named like `aws eks update-kubeconfig` does (cluster, user and
// context are all the cluster ARN, spec §6.3). Over https it carries the sim's certificate and a
// static token instead of an exec plugin; over plain http no credentials at all, since kubectl
// (and the tool) would never send them there.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export function writeKubeconfig(opts: { dir?: string; contextName: string; server: string; token?: string; caPem?: string }): { path: string; dir: string } {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'kubectl-fargate-sim-'));
  mkdirSync(dir, { recursive: true });
  const name = opts.contextName;
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name,
        cluster: opts.caPem
          ? { server: opts.server, 'certificate-authority-data': Buffer.from(opts.caPem).toString('base64') }
          : // Meaningless for http, but raw @kubernetes/client-node refuses http:// without it.
            { server: opts.server, 'insecure-skip-tls-verify': true },
      },
    ],
    contexts: [{ name, context: { cluster: name, user: name } }],
    'current-context': name,
    users: [{ name, user: opts.token ? { token: opts.token } : {} }],
    preferences: {},
  };
  const path = join(dir, 'kubeconfig');
  writeFileSync(path, stringify(doc), { mode: 0o600 });
  return { path, dir };
}
