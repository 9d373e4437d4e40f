// `:ctx` under the hood: the live view's session moves from one kubeconfig context to another
// over real HTTP (two sims, one kubeconfig): the feed shows the second cluster's pods and
// identity, the UI's reads go to it, and the first cluster's watches stop.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { RunningSim } from '../../source/sim/index.js';
import { parseArgs } from '../../source/cli/flags.js';
import { openLiveSession, type LiveSession } from '../../source/cli/live-session.js';
import { fastSim } from '../helpers/sim.js';
import { waitUntil } from '../helpers/waiting.js';

/** One kubeconfig holding both sims' contexts, the first one current. */
function mergedKubeconfig(a: RunningSim, b: RunningSim): string {
  const docs = [a, b].map((s) => parse(readFileSync(s.kubeconfigPath, 'utf8')) as Record<string, unknown[]>);
  const merged = { ...docs[0], clusters: docs.flatMap((d) => d.clusters), contexts: docs.flatMap((d) => d.contexts), users: docs.flatMap((d) => d.users), 'current-context': a.contextName };
  const file = join(mkdtempSync(join(tmpdir(), 'kf-ctx-')), 'config');
  writeFileSync(file, stringify(merged));
  return file;
}

describe(':ctx switches the live session between two clusters', () => {
  let first: RunningSim;
  let second: RunningSim;
  let live: LiveSession;
  before(async () => {
    first = await fastSim({ scenario: 'walkthrough', clusterName: 'blue' });
    second = await fastSim({ scenario: 'edge-cases', clusterName: 'green' });
    live = await openLiveSession(parseArgs(['--kubeconfig', mergedKubeconfig(first, second), '--no-aws']));
  });
  after(async () => {
    await live?.close();
    await first?.close();
    await second?.close();
  });

  test('the contexts are listed from the kubeconfig, the one shown marked current', () => {
    assert.deepEqual(
      live.contexts.list().map((c) => [c.name, c.current]),
      [
        [first.contextName, true],
        [second.contextName, false],
      ],
    );
  });

  test('after the switch the feed shows the other cluster, and reads go to it', async () => {
    const podsOf = (sim: RunningSim) => new Set(sim.cluster.listPods().map((p) => `${(p.metadata as { namespace: string }).namespace}/${(p.metadata as { name: string }).name}`));
    await waitUntil('the first cluster\'s pods', () => live.feed.getSnapshot().pods.size > 0);
    const onlySecond = [...podsOf(second)].find((key) => !podsOf(first).has(key));
    assert.ok(onlySecond, 'the edge-cases scenario has a pod the walkthrough has not');
    let heard = 0;
    const off = live.feed.subscribe(() => void heard++);
    await live.contexts.switchTo(second.contextName);
    assert.ok(heard > 0, 'the UI is told at once');
    assert.equal(live.feed.getSnapshot().identity.context, second.contextName);
    await waitUntil('the second cluster\'s pod', () => live.feed.getSnapshot().pods.has(onlySecond));
    assert.equal(live.contexts.list().find((c) => c.current)?.name, second.contextName);
    const [namespace, name] = onlySecond.split('/') as [string, string];
    assert.match(await live.reads.yaml(namespace, name), new RegExp(`name: ${name}`));
    off();
  });

  test('a context the kubeconfig does not have is refused and nothing changes', async () => {
    const before = live.feed.getSnapshot().identity.context;
    await assert.rejects(live.contexts.switchTo('no-such-context'));
    assert.equal(live.feed.getSnapshot().identity.context, before);
  });
});
