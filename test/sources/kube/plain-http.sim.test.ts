// Like kubectl, no credential is ever sent to a plain http:// API server, and no exec credential
// plugin runs for one: every path that talks to Kubernetes (requests, paged lists, the live
// watches, the permission check, the reschedule actions' requests and waits, client-node's own
// API clients and Watch) connects without them. The user is warned once. Against the sim over
// plain http, which serves anonymous requests and records any token it is shown.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, KubeConfig, Watch } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { getPod } from '../../../source/actions/kube-pods.js';
import { waitForGone } from '../../../source/actions/pod-waits.js';
import { startSim, type RunningSim } from '../../../source/sim/index.js';
import { kubeGet } from '../../../source/sources/kube/http.js';
import { inferClusterIdentity } from '../../../source/sources/kube/identity.js';
import { loadKubeConfig } from '../../../source/sources/kube/kubeconfig.js';
import { listAll } from '../../../source/sources/kube/list.js';
import { checkPodPermissions } from '../../../source/sources/kube/permissions.js';
import { Reflector } from '../../../source/sources/kube/reflector.js';
import { ClusterStore } from '../../../source/store/cluster-store.js';
import { podManifest } from '../../helpers/sim.js';
import { waitForSnapshot } from '../../helpers/waiting.js';

const TOKEN = 'static-token-over-http';
const EXEC_TOKEN = 'exec-token-over-http';

describe('no credentials over plain http', () => {
  let sim: RunningSim;
  let dir: string;
  /** Every bearer token the sim was shown (none may arrive). */
  const shown: string[] = [];
  let marker: string;
  let tokenConfig: string;
  let execConfig: string;

  before(async () => {
    sim = await startSim({ scenario: 'walkthrough', acceptTokens: (token) => (shown.push(token), true) });
    dir = mkdtempSync(join(tmpdir(), 'kf-plain-http-'));
    marker = join(dir, 'plugin-ran');
    const plugin = join(dir, 'plugin.mjs');
    const credential = { apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: EXEC_TOKEN } };
    writeFileSync(plugin, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nprocess.stdout.write(${JSON.stringify(JSON.stringify(credential))});\n`);
    const write = (name: string, user: Record<string, unknown>, server = sim.url) => {
      const file = join(dir, name);
      writeFileSync(
        file,
        stringify({
          apiVersion: 'v1',
          kind: 'Config',
          // No insecure-skip-tls-verify: kubectl does not ask for it on http://, and neither do we.
          clusters: [{ name: 'plain', cluster: { server } }],
          users: [{ name: 'dev', user }],
          contexts: [{ name: 'ctx', context: { cluster: 'plain', user: 'dev' } }],
          'current-context': 'ctx',
        }),
      );
      return file;
    };
    tokenConfig = write('token.yaml', { token: TOKEN, username: 'admin', password: 'hunter2-secret' });
    execConfig = write('exec.yaml', { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: process.execPath, args: [plugin] } });
  });
  after(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const assertNothingSent = () => {
    assert.deepEqual(shown, [], 'the sim was shown a token');
    assert.ok(!existsSync(marker), 'the exec credential plugin ran');
  };

  for (const which of ['token', 'exec'] as const) {
    const kubeconfig = () => (which === 'token' ? tokenConfig : execConfig);

    test(`${which}: one warning names the cluster, the server, the user and what is not used`, () => {
      const { warnings } = loadKubeConfig({ kubeconfig: kubeconfig(), env: {} });
      const what = which === 'token' ? 'token, username and password' : `exec credential plugin \`${process.execPath}\``;
      assert.deepEqual(warnings, [
        `cluster "plain" in kubeconfig ${kubeconfig()} is plain http (${sim.url}): connecting without user "dev"'s credentials (${what}), ` +
          "as kubectl does, so they never cross the network unencrypted; use the cluster's https:// address to authenticate",
      ]);
    });

    test(`${which}: requests, lists, the permission check and the actions' requests send none`, async () => {
      const { kc } = loadKubeConfig({ kubeconfig: kubeconfig(), env: {} });
      await kubeGet(kc, '/api/v1/namespaces');
      let pods = 0;
      await listAll(kc, '/api/v1/pods', { limit: 5 }, () => pods++);
      assert.ok(pods > 5, 'the list went through, anonymously');
      const permissions = await checkPodPermissions(kc, 'test');
      assert.equal(permissions.error ?? null, null);
      assert.ok(await getPod(kc, 'test', 'test'));
      assertNothingSent();
    });

    test(`${which}: the live watches and the actions' waits send none`, async () => {
      const { kc, contextName } = loadKubeConfig({ kubeconfig: kubeconfig(), env: {} });
      const store = new ClusterStore(inferClusterIdentity(kc, contextName), 5);
      const unsubscribe = store.subscribe(() => {});
      const reflector = new Reflector(kc, store, { backoff: { initialMs: 50, maxMs: 400 } }).start();
      try {
        await waitForSnapshot(store, 'the first list', (s) => s.connection.state === 'live');
        const name = `plain-${which}`;
        const created = sim.cluster.createPod(podManifest('default', name));
        await waitForSnapshot(store, 'the watch to bring the new pod', (s) => s.pods.has(`default/${name}`));
        sim.cluster.deletePod('default', name, { gracePeriodSeconds: 0 });
        await waitForGone(kc, { namespace: 'default', name, uid: String(created.metadata.uid) }, { timeoutMs: 10_000 });
      } finally {
        await reflector.stop();
        unsubscribe();
        store.dispose();
      }
      assertNothingSent();
    });

    test(`${which}: client-node's own API clients and Watch send none either`, async () => {
      const { kc } = loadKubeConfig({ kubeconfig: kubeconfig(), env: {} });
      const namespaces = await kc.makeApiClient(CoreV1Api).listNamespace();
      assert.ok(namespaces.items.length > 0);
      const controller = await new Promise<AbortController>((resolve, reject) => {
        new Watch(kc).watch('/api/v1/namespaces', {}, () => {}, () => {}).then(resolve, reject);
      });
      controller.abort();
      assertNothingSent();
    });
  }

  test('a KubeConfig made without loadKubeConfig gets the same rule on its first request', async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'plain', server: sim.url, skipTLSVerify: false }],
      users: [{ name: 'dev', token: TOKEN }],
      contexts: [{ name: 'ctx', cluster: 'plain', user: 'dev' }],
      currentContext: 'ctx',
    });
    await kubeGet(kc, '/api/v1/namespaces');
    assertNothingSent();
  });

  test('the sim counts a token when one is sent (the check above can fail)', async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'plain', server: sim.url, skipTLSVerify: true }],
      users: [{ name: 'dev', token: TOKEN }],
      contexts: [{ name: 'ctx', cluster: 'plain', user: 'dev' }],
      currentContext: 'ctx',
    });
    // client-node on its own sends the token over http (with insecure-skip-tls-verify).
    await kc.makeApiClient(CoreV1Api).listNamespace();
    assert.deepEqual(shown.splice(0), [TOKEN]);
  });

  test('no warning when the user has no credentials (the sim, --demo)', () => {
    assert.deepEqual(loadKubeConfig({ kubeconfig: sim.kubeconfigPath, env: {} }).warnings, []);
  });
});
