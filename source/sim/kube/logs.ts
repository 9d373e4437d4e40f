// GET /api/v1/namespaces/NS/pods/NAME/log: what the API server answers by proxying to the
// kubelet, with its query parameters (container, follow, tailLines, sinceSeconds, timestamps,
// limitBytes, previous) and its refusals. The lines come from the kubelet's synthesised logs
// (scheduler/container-logs.ts); `follow=true` keeps the response open and writes each new line
// as the container writes it, until the container ends, the pod goes or the client hangs up.
import type { ServerResponse } from 'node:http';
import type { Ctx } from '../context.js';
import { containerSpan, linesWritten, logLines, LOG_PERIOD_MS, MAX_LOG_LINES, type LogLine } from '../scheduler/container-logs.js';
import type { Obj } from './resources.js';
import { ApiError } from './status.js';

export interface LogQuery {
  container?: string;
  follow: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  timestamps: boolean;
  limitBytes?: number;
  previous: boolean;
}

export function logQuery(q: URLSearchParams): LogQuery {
  const num = (name: string): number | undefined => {
    const v = q.get(name);
    if (v === null || v === '') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n)) throw new ApiError(400, 'BadRequest', `${name}: Invalid value: "${v}": must be an integer`);
    return n;
  };
  const bool = (name: string) => q.get(name) === 'true' || q.get(name) === '1';
  return {
    container: q.get('container') || undefined,
    follow: bool('follow'),
    tailLines: num('tailLines'),
    sinceSeconds: num('sinceSeconds'),
    timestamps: bool('timestamps'),
    limitBytes: num('limitBytes'),
    previous: bool('previous'),
  };
}

/** The container the request is for, as the API server picks it (one container: that one). */
function pickContainer(pod: Obj, name: string, wanted: string | undefined): string {
  const names: string[] = (pod.spec?.containers ?? []).map((c: Obj) => String(c.name));
  const all = [...names, ...(pod.spec?.initContainers ?? []).map((c: Obj) => String(c.name))];
  if (wanted === undefined) {
    if (names.length === 1) return names[0]!;
    throw new ApiError(400, 'BadRequest', `a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`);
  }
  if (!all.includes(wanted)) throw new ApiError(400, 'BadRequest', `container ${wanted} is not valid for pod ${name}`);
  return wanted;
}

const stamp = (line: LogLine): string => `${new Date(line.at).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} `;

export function servePodLog(ctx: Ctx, res: ServerResponse, ns: string, name: string, query: LogQuery): void {
  const pod = ctx.api.get('pods', ns, name);
  const container = pickContainer(pod, name, query.container);
  if (!pod.spec?.nodeName) throw new ApiError(400, 'BadRequest', `pod ${name} does not have a host assigned`);
  if (query.previous) throw new ApiError(400, 'BadRequest', `previous terminated container "${container}" in pod "${name}" not found`);
  const span = containerSpan(pod, container);
  if (span === null) {
    const status = (pod.status?.containerStatuses ?? []).find((s: Obj) => s.name === container);
    const reason = String(status?.state?.waiting?.reason ?? 'ContainerCreating');
    throw new ApiError(400, 'BadRequest', `container "${container}" in pod "${name}" is waiting to start: ${reason}`);
  }

  const now = ctx.clock.now();
  const written = linesWritten(span.start, span.end, now);
  let first = Math.max(0, written - MAX_LOG_LINES);
  if (query.tailLines !== undefined && query.tailLines >= 0) first = Math.max(first, written - query.tailLines);
  let lines = logLines(pod, container, span.start, first, written);
  if (query.sinceSeconds !== undefined) lines = lines.filter((l) => l.at >= now - query.sinceSeconds! * 1000);

  let budget = query.limitBytes ?? Infinity;
  const format = (line: LogLine): string => `${query.timestamps ? stamp(line) : ''}${line.text}\n`;
  const send = (line: LogLine): boolean => {
    const text = format(line);
    if (Buffer.byteLength(text) > budget) {
      res.write(Buffer.from(text).subarray(0, budget));
      budget = 0;
      return false;
    }
    budget -= Buffer.byteLength(text);
    res.write(text);
    return true;
  };

  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
  let open = true;
  for (const line of lines) if (!(open = send(line))) break;
  if (!open || !query.follow || span.end !== null) {
    res.end();
    return;
  }

  // follow: the next line when the container writes it; the stream ends with the container or pod.
  const uid = pod.metadata.uid;
  let next = written;
  res.on('close', () => void (open = false));
  const tick = (): void => {
    if (!open || res.destroyed) return;
    const current = ctx.store.get('pods', ns, name);
    const currentSpan = current && current.metadata.uid === uid && current.metadata.deletionTimestamp === undefined ? containerSpan(current, container) : null;
    if (currentSpan === null) return void res.end();
    const upTo = linesWritten(currentSpan.start, currentSpan.end, ctx.clock.now());
    for (const line of logLines(current!, container, currentSpan.start, next, upTo)) {
      if (!send(line)) return void res.end();
    }
    next = Math.max(next, upTo);
    if (currentSpan.end !== null) return void res.end();
    ctx.clock.later(LOG_PERIOD_MS / 4, tick);
  };
  ctx.clock.later(LOG_PERIOD_MS / 4, tick);
}
