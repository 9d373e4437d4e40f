// One pod, read on demand for the live view's `y` (its YAML), `d` (describe: the pod and its
// events) and `l` (a container's log, followed), and whether the user may: each is a read, asked
// of the API server with the user's own credentials. The log goes through client-node's Log.
// Nothing here writes.
import { Writable } from 'node:stream';
import { Log, type KubeConfig } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { describeError } from '../../errors.js';
import { kubeRequest } from './http.js';
import { allowed } from './permissions.js';

export interface PodReadPermissions {
  namespace: string;
  /** get pods: YAML and describe. */
  canGet: boolean;
  /** get pods/log. */
  canLogs: boolean;
  /** list events: describe's events. */
  canListEvents: boolean;
  /** The check itself failed (nothing is assumed allowed then). */
  error?: string;
}

/** A pod as the server sends it (JSON), and its events, for `describe`. */
export interface PodDescription {
  // The API's own JSON: describe shows what the server says, field by field.
  pod: Record<string, unknown>;
  events: Array<Record<string, unknown>>;
  /** The events could not be listed (why); the pod itself was read. */
  eventsError?: string;
}

export interface LogListener {
  /** The pod's containers and the one being read. */
  containers(names: readonly string[], chosen: string): void;
  /** Complete lines as they arrive. */
  lines(lines: readonly string[]): void;
  /** The stream is over: null when the server ended it, else why it could not be read. */
  end(error: string | null): void;
}

export interface LogOptions {
  follow: boolean;
  /** The last this many lines first (default 500). */
  tailLines?: number;
}

const path = (namespace: string, name: string) => `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`;

export async function readPodJson(kc: KubeConfig, namespace: string, name: string, timeoutMs?: number): Promise<Record<string, unknown>> {
  const res = await kubeRequest<Record<string, unknown>>(kc, { path: path(namespace, name), verb: 'get', ...(timeoutMs ? { timeoutMs } : {}) });
  return res.body;
}

/** The pod as `kubectl get pod -o yaml` prints it (managed fields left out, as kubectl does). */
export async function readPodYaml(kc: KubeConfig, namespace: string, name: string, timeoutMs?: number): Promise<string> {
  const pod = await readPodJson(kc, namespace, name, timeoutMs);
  const metadata = { ...(pod.metadata as Record<string, unknown> | undefined) };
  delete metadata.managedFields;
  return stringify({ ...pod, metadata }, { lineWidth: 0 });
}

/** The pod and the events about it (this uid), as `kubectl describe pod` reads them. */
export async function readPodDescription(kc: KubeConfig, namespace: string, name: string, timeoutMs?: number): Promise<PodDescription> {
  const pod = await readPodJson(kc, namespace, name, timeoutMs);
  const uid = String((pod.metadata as { uid?: string } | undefined)?.uid ?? '');
  const fieldSelector = [`involvedObject.name=${name}`, `involvedObject.namespace=${namespace}`, ...(uid ? [`involvedObject.uid=${uid}`] : [])].join(',');
  try {
    const res = await kubeRequest<{ items?: Array<Record<string, unknown>> }>(kc, {
      path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/events`,
      query: { fieldSelector },
      verb: 'list',
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    return { pod, events: res.body?.items ?? [] };
  } catch (error) {
    return { pod, events: [], eventsError: describeError(error) };
  }
}

interface ContainerState {
  waiting?: { reason?: string };
  running?: unknown;
  terminated?: unknown;
}

/** The container `kubectl logs` would pick: the default-container annotation, else the first. */
export function defaultContainer(pod: Record<string, unknown>): string | null {
  const annotations = ((pod.metadata as { annotations?: Record<string, string> } | undefined)?.annotations ?? {});
  const names = containerNames(pod);
  const annotated = annotations['kubectl.kubernetes.io/default-container'];
  return annotated && names.includes(annotated) ? annotated : (names[0] ?? null);
}

export function containerNames(pod: Record<string, unknown>): string[] {
  const spec = (pod.spec ?? {}) as { containers?: Array<{ name: string }> };
  return (spec.containers ?? []).map((c) => c.name);
}

/** Why a container has no log to read yet, or null when it has one. */
function notReadable(pod: Record<string, unknown>, container: string): string | null {
  const spec = (pod.spec ?? {}) as { nodeName?: string };
  const name = String((pod.metadata as { name?: string } | undefined)?.name ?? '');
  if (!spec.nodeName) return `pod ${name} is not on a node yet: it has no log`;
  const statuses = ((pod.status ?? {}) as { containerStatuses?: Array<{ name: string; state?: ContainerState }> }).containerStatuses ?? [];
  const state = statuses.find((s) => s.name === container)?.state;
  if (state?.waiting) return `container ${container} is waiting to start (${state.waiting.reason ?? 'waiting'}): it has no log yet`;
  return null;
}

/**
 * A container's log (null = the default container), the last `tailLines` then, with `follow`,
 * each new line as it is written. `stop()` ends it; the listener hears nothing after that.
 */
export function streamPodLog(kc: KubeConfig, namespace: string, name: string, container: string | null, options: LogOptions, listener: LogListener): { stop(): void } {
  let stopped = false;
  let controller: AbortController | null = null;
  let partial = '';
  let ended = false;
  const end = (error: string | null) => {
    if (stopped || ended) return;
    ended = true;
    if (partial !== '') listener.lines([partial]);
    partial = '';
    listener.end(error);
  };
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!stopped) {
        const parts = (partial + chunk.toString('utf8')).split('\n');
        partial = parts.pop() ?? '';
        if (parts.length > 0) listener.lines(parts);
      }
      done();
    },
    final(done) {
      end(null);
      done();
    },
  });
  // client-node pipes the response into the sink; a broken or aborted response errors the
  // response stream, which has no listener of its own (an abort would crash the process).
  sink.on('pipe', (source) => source.on('error', (error: Error) => end(stopped ? null : describeError(error))));

  void (async () => {
    try {
      const pod = await readPodJson(kc, namespace, name);
      const chosen = container ?? defaultContainer(pod);
      if (chosen === null) return end(`pod ${namespace}/${name} has no containers`);
      if (stopped) return;
      listener.containers(containerNames(pod), chosen);
      const why = notReadable(pod, chosen);
      if (why) return end(why);
      const c = await new Log(kc).log(namespace, name, chosen, sink, { follow: options.follow, tailLines: options.tailLines ?? 500 });
      controller = c;
      if (stopped) c.abort();
    } catch (error) {
      end(logError(error, namespace, name));
    }
  })();

  return {
    stop() {
      stopped = true;
      controller?.abort();
    },
  };
}

/** client-node's Log keeps only the status code of a refusal: say it in words. */
function logError(error: unknown, namespace: string, name: string): string {
  const code = (error as { code?: unknown }).code;
  if (code === 403) return `not allowed to read the log of ${namespace}/${name} (get pods/log in ${namespace})`;
  if (code === 404) return `pod ${namespace}/${name} is gone`;
  if (typeof code === 'number' && code >= 400) return `the API server refused the log of ${namespace}/${name} (HTTP ${code})`;
  return describeError(error);
}

interface Question {
  verb: 'get' | 'list';
  resource: 'pods' | 'events';
  subresource?: 'log';
}

const QUESTIONS: readonly Question[] = [{ verb: 'get', resource: 'pods' }, { verb: 'get', resource: 'pods', subresource: 'log' }, { verb: 'list', resource: 'events' }];

/** Permissions change rarely: a minute, like the reschedule permissions. */
const TTL_MS = 60_000;
const caches = new WeakMap<KubeConfig, Map<string, { at: number; answer: Promise<PodReadPermissions> }>>();

/** get pods, get pods/log and list events in `namespace`, asked as `kubectl auth can-i` asks; cached a minute. Never rejects. */
export function checkPodReadPermissions(kc: KubeConfig, namespace: string, options: { timeoutMs?: number; now?: () => number } = {}): Promise<PodReadPermissions> {
  const now = options.now ?? Date.now;
  let cache = caches.get(kc);
  if (!cache) caches.set(kc, (cache = new Map()));
  const hit = cache.get(namespace);
  if (hit && now() - hit.at < TTL_MS) return hit.answer;
  const answer = askReads(kc, namespace, options.timeoutMs);
  cache.set(namespace, { at: now(), answer });
  void answer.then((a) => {
    if (a.error !== undefined) cache.delete(namespace);
  });
  return answer;
}

async function askReads(kc: KubeConfig, namespace: string, timeoutMs: number | undefined): Promise<PodReadPermissions> {
  try {
    const [canGet, canLogs, canListEvents] = await Promise.all(QUESTIONS.map((q) => allowed(kc, namespace, q, timeoutMs)));
    return { namespace, canGet: canGet!, canLogs: canLogs!, canListEvents: canListEvents! };
  } catch (error) {
    return { namespace, canGet: false, canLogs: false, canListEvents: false, error: `could not check permissions: ${describeError(error)}` };
  }
}
