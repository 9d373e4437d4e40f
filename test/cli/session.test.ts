// Where the one-time kubeconfig warnings go: the live view shows them from the store (its status
// bar); one-shot faces print them to stderr before the first request (bad-input.cli.test.ts runs
// those through the built CLI).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseArgs } from '../../source/cli/flags.js';
import { openSession } from '../../source/cli/session.js';

describe('kubeconfig warnings reach the face', () => {
  let dir: string;
  let kubeconfig: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kf-session-'));
    kubeconfig = join(dir, 'config');
    writeFileSync(
      kubeconfig,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'c', cluster: { server: 'http://127.0.0.1:9' } }],
        users: [{ name: 'u', user: { token: 'kf-session-token' } }],
        contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'ctx',
      }),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the live view: once, in the store', async () => {
    const session = await openSession(parseArgs(['--kubeconfig', kubeconfig, '--no-aws']), { live: true });
    try {
      const warnings = session.store.flush().warnings.filter((w) => w.includes('plain http'));
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /^cluster "c" in kubeconfig \S+config is plain http \(http:\/\/127\.0\.0\.1:9\): connecting without user "u"'s credentials \(token\)/);
      assert.ok(!warnings[0]!.includes('kf-session-token'));
    } finally {
      await session.close();
    }
  });

  test('one-shot faces: on stderr at once, not in the store (it would print twice)', async () => {
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stderr.write;
    let session;
    try {
      session = await openSession(parseArgs(['--kubeconfig', kubeconfig, '--no-aws']));
    } finally {
      process.stderr.write = write;
    }
    try {
      assert.equal(written.filter((line) => /^warning: cluster "c" .* is plain http/.test(line)).length, 1, written.join(''));
      assert.equal(session.store.flush().warnings.filter((w) => w.includes('plain http')).length, 0);
    } finally {
      await session.close();
    }
  });
});
