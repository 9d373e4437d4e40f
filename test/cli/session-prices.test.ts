// Which prices a session gives its store, and its one warning, read from the kubeconfig's region
// (no request is sent: openSession contacts nothing).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseArgs } from '../../source/cli/flags.js';
import { openSession } from '../../source/cli/session.js';

describe('a session prices its cluster by region', () => {
  let dir: string;
  let kubeconfig: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kf-prices-'));
    kubeconfig = join(dir, 'config');
    writeFileSync(
      kubeconfig,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:9' } }],
        users: [{ name: 'u', user: { token: 't' } }],
        contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'ctx',
      }),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: { rule: string; args: string[]; origin: string; vcpuHour: number | null; warning: RegExp | null }[] = [
    { rule: 'a region the context cannot tell: unknown, no price warning of its own', args: [], origin: 'unknown', vcpuHour: null, warning: null },
    { rule: '--region in the table: the table', args: ['--region', 'us-east-1'], origin: 'table', vcpuHour: 0.04048, warning: null },
    { rule: '--region not in the table: unknown, one warning naming --price-file', args: ['--region', 'eu-west-1'], origin: 'unknown', vcpuHour: null, warning: /^no Fargate prices for region eu-west-1 .*--price-file FILE/ },
    { rule: 'a region-less price file prices any region, also an unknown one', args: ['--price-file', 'ANY'], origin: 'file', vcpuHour: 0.2, warning: null },
  ];
  for (const c of cases) {
    test(c.rule, async () => {
      const file = join(dir, 'any.yaml');
      writeFileSync(file, 'vcpuHour: 0.2\ngbHour: 0.02\n');
      const args = c.args.map((a) => (a === 'ANY' ? file : a));
      const session = await openSession(parseArgs(['--kubeconfig', kubeconfig, '--no-aws', ...args]), { live: true });
      try {
        const snapshot = session.store.flush();
        assert.equal(snapshot.prices?.origin, c.origin);
        assert.equal(snapshot.prices?.rates?.vcpuHour ?? null, c.vcpuHour);
        const warnings = snapshot.warnings.filter((w) => /price/.test(w));
        if (c.warning === null) assert.deepEqual(warnings, []);
        else {
          assert.equal(warnings.length, 1);
          assert.match(warnings[0]!, c.warning);
        }
      } finally {
        await session.close();
      }
    });
  }
});
