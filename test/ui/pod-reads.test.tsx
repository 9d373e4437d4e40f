// y, d, l and c on a pod, and :ctx: each is a read handed in by the host (fakes here: the real
// ones are tested against the sim in test/sources/kube/pod-reads.sim.test.ts and
// test/cli/live-session.sim.test.ts). None is offered when RBAC (or the host) does not allow it.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { press, renderApp, type as typeText, waitForFrame, type AppHarness } from './helpers.js';
import { fakeActions } from './fake-actions.js';
import type { KubeContextInfo, LogListener, PodReadPermissions, TuiContexts, TuiReads } from '../../source/ui/tui-actions.js';

let tui: AppHarness | null = null;
afterEach(() => {
  tui?.unmount();
  tui = null;
});

interface FakeReads extends TuiReads {
  asked: string[];
  listener: LogListener | null;
  stopped: number;
}

function fakeReads(allow: Partial<Omit<PodReadPermissions, 'namespace'>> = {}): FakeReads {
  const fake: FakeReads = {
    asked: [],
    listener: null,
    stopped: 0,
    permissions: async (namespace) => ({ namespace, canGet: true, canLogs: true, canListEvents: true, ...allow }),
    yaml: async (namespace, name) => {
      fake.asked.push(`yaml ${namespace}/${name}`);
      return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n`;
    },
    describe: async (namespace, name) => {
      fake.asked.push(`describe ${namespace}/${name}`);
      return {
        pod: { metadata: { name, namespace }, spec: { nodeName: 'fargate-ip-1', containers: [{ name: 'app', image: 'nginx:1.27' }] }, status: { phase: 'Running' } },
        events: [{ type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned', count: 1 }],
      };
    },
    logs: (namespace, name, container, _options, listener) => {
      fake.asked.push(`logs ${namespace}/${name} ${container ?? '(default)'}`);
      fake.listener = listener;
      return { stop: () => void fake.stopped++ };
    },
  };
  return fake;
}

/** The pods of namespace test: its one pod `test` is selected. */
async function onTestPod(props: Parameters<typeof renderApp>[0], size: { rows?: number } = {}): Promise<AppHarness> {
  tui = await renderApp({ namespace: 'test', ...props }, size);
  await waitForFrame(tui, (f) => f.includes('Pods(test)'));
  return tui;
}

const footer = (frame: string) => frame.split('\n').at(-1) ?? '';

describe('y, d, l on a pod', () => {
  test("y shows the pod's YAML as read; esc goes back to the list", async () => {
    const reads = fakeReads();
    const t = await onTestPod({ reads });
    await waitForFrame(t, (f) => footer(f).includes('y yaml'));
    await press(t, 'y');
    const frame = await waitForFrame(t, (f) => f.includes('kind: Pod'));
    assert.match(frame, /YAML · test\/test/);
    assert.deepEqual(reads.asked, ['yaml test/test']);
    await press(t, 'esc');
    await waitForFrame(t, (f) => f.includes('Pods(test)'));
  });

  test('d describes the pod: its containers and its events', async () => {
    const reads = fakeReads();
    const t = await onTestPod({ reads }, { rows: 60 });
    await waitForFrame(t, (f) => footer(f).includes('d describe'));
    await press(t, 'd');
    const frame = await waitForFrame(t, (f) => f.includes('Successfully assigned'));
    assert.match(frame, /nginx:1\.27/);
    assert.deepEqual(reads.asked, ['describe test/test']);
  });

  test('l follows the log as lines arrive; tab reads the next container; esc stops the stream', async () => {
    const reads = fakeReads();
    const t = await onTestPod({ reads });
    await waitForFrame(t, (f) => footer(f).includes('l logs'));
    await press(t, 'l');
    await waitForFrame(t, () => reads.listener !== null);
    reads.listener!.containers(['app', 'sidecar'], 'app');
    reads.listener!.lines(['first line', 'second line']);
    let frame = await waitForFrame(t, (f) => f.includes('second line'));
    assert.match(frame, /container app/);
    await press(t, 'tab');
    await waitForFrame(t, () => reads.asked.includes('logs test/test sidecar'));
    assert.ok(reads.stopped >= 1, 'the first container\'s stream is stopped');
    await press(t, 'esc');
    frame = await waitForFrame(t, (f) => f.includes('Pods(test)'));
    assert.ok(reads.stopped >= 2, 'leaving the log stops its stream');
  });

  test('RBAC: without get pods, y and d are not bound (not in the footer, the key does nothing); without pods/log, l is not', async () => {
    const reads = fakeReads({ canGet: false, canLogs: false });
    const t = await onTestPod({ reads });
    await press(t, 'j');
    const frame = await waitForFrame(t, (f) => f.includes('Pods(test)'));
    assert.doesNotMatch(footer(frame), /yaml|describe|logs/);
    await press(t, 'y');
    await press(t, 'd');
    await press(t, 'l');
    await waitForFrame(t, (f) => f.includes('Pods(test)'));
    assert.deepEqual(reads.asked, []);
  });

  test('--read-only offers the reads too (none of them writes)', async () => {
    const reads = fakeReads();
    const t = await onTestPod({ reads, readOnly: true });
    await waitForFrame(t, (f) => footer(f).includes('y yaml') && footer(f).includes('l logs'));
    await press(t, 'y');
    await waitForFrame(t, (f) => f.includes('kind: Pod'));
  });

  test('without a host offering reads, y/d/l are not bound at all', async () => {
    const t = await onTestPod({});
    await press(t, 'y');
    const frame = await waitForFrame(t, (f) => f.includes('Pods(test)'));
    assert.doesNotMatch(frame, /YAML ·/);
  });
});

describe('c copies the name', () => {
  test("c puts the selected pod's name on the clipboard and says so", async () => {
    const copied: string[] = [];
    const t = await onTestPod({ copy: (text) => void copied.push(text) });
    await press(t, 'c');
    await waitForFrame(t, (f) => f.includes("Sent test to the terminal's clipboard"));
    assert.deepEqual(copied, ['test']);
  });
});

describe(':ctx', () => {
  function fakeContexts(): TuiContexts & { switched: string[] } {
    const list: KubeContextInfo[] = [
      { name: 'blue', cluster: 'blue-cluster', namespace: null, current: true },
      { name: 'green', cluster: 'green-cluster', namespace: 'apps', current: false },
    ];
    const fake = { switched: [] as string[], list: () => list, switchTo: async (name: string) => void fake.switched.push(name) };
    return fake;
  }

  test(':ctx lists the contexts; enter on one switches the live view to it', async () => {
    const contexts = fakeContexts();
    tui = await renderApp({ contexts });
    await press(tui, ':');
    await typeText(tui, 'ctx');
    await press(tui, 'enter');
    let frame = await waitForFrame(tui, (f) => f.includes('Contexts [2]'));
    assert.match(frame, /green-cluster/);
    await press(tui, 'j');
    await press(tui, 'enter');
    frame = await waitForFrame(tui, (f) => f.includes('Context green'));
    assert.deepEqual(contexts.switched, ['green']);
  });

  test(':ctx NAME switches at once; tab completes the name', async () => {
    const contexts = fakeContexts();
    tui = await renderApp({ contexts });
    await press(tui, ':');
    await typeText(tui, 'ctx gr');
    await press(tui, 'tab');
    await waitForFrame(tui, (f) => f.includes(':ctx green'));
    await press(tui, 'enter');
    await waitForFrame(tui, (f) => f.includes('Context green'));
    assert.deepEqual(contexts.switched, ['green']);
  });

  test('an unknown context is named in the prompt and nothing is switched', async () => {
    const contexts = fakeContexts();
    tui = await renderApp({ contexts });
    await press(tui, ':');
    await typeText(tui, 'ctx nope');
    await press(tui, 'enter');
    await waitForFrame(tui, (f) => /nope/.test(f) && /context/i.test(f));
    assert.deepEqual(contexts.switched, []);
  });

  test('not while a reschedule runs: it belongs to the cluster it started in', async () => {
    const contexts = fakeContexts();
    const fake = fakeActions();
    tui = await renderApp({ namespace: 'test', actions: fake.actions, contexts }, { columns: 140 });
    await waitForFrame(tui, (f) => f.includes('r reschedule'));
    await press(tui, 'r');
    await waitForFrame(tui, (f) => f.includes('Reschedule test/test?'));
    await press(tui, 'y');
    await waitForFrame(tui, () => fake.runs.length === 1);
    await press(tui, 'esc');
    await press(tui, ':');
    await typeText(tui, 'ctx green');
    await press(tui, 'enter');
    await waitForFrame(tui, (f) => f.includes('A reschedule is running in'));
    assert.deepEqual(contexts.switched, []);
  });
});
