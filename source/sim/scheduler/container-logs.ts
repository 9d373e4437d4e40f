// The kubelet's container logs, synthesised: a running container writes one line every
// LOG_PERIOD_MS of simulated time from its start, worded after its image (nginx access lines,
// CoreDNS queries, a generic app's INFO lines). Deterministic per pod uid, container and line
// number, so two reads agree and a follow continues where the first read stopped.
import type { Obj } from '../kube/resources.js';

/** One line per this much simulated time while the container runs. */
export const LOG_PERIOD_MS = 2000;
/** The kubelet keeps at most this many lines per container (log rotation). */
export const MAX_LOG_LINES = 1000;

export interface LogLine {
  /** Epoch ms the line was written. */
  at: number;
  text: string;
}

/** When the container started and (if it ended) finished; null while it has not started. */
export function containerSpan(pod: Obj, container: string): { start: number; end: number | null } | null {
  const status = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s: Obj) => s.name === container);
  const running = status?.state?.running?.startedAt as string | undefined;
  const terminated = status?.state?.terminated as Obj | undefined;
  if (running) return { start: Date.parse(running), end: null };
  if (terminated?.startedAt) return { start: Date.parse(terminated.startedAt), end: Date.parse(terminated.finishedAt ?? terminated.startedAt) };
  return null;
}

/** Lines numbered `from` (inclusive) to `to` (exclusive) of a container started at `start`. */
export function logLines(pod: Obj, container: string, start: number, from: number, to: number): LogLine[] {
  const image = String((pod.spec?.containers ?? []).concat(pod.spec?.initContainers ?? []).find((c: Obj) => c.name === container)?.image ?? '');
  const seed = hash(`${pod.metadata?.uid ?? ''}/${container}`);
  const out: LogLine[] = [];
  for (let n = Math.max(0, from); n < to; n++) {
    const at = start + n * LOG_PERIOD_MS;
    out.push({ at, text: lineFor(image, container, n, seed, at) });
  }
  return out;
}

/** How many lines a container started at `start` has written by `now` (ended at `end`). */
export function linesWritten(start: number, end: number | null, now: number): number {
  const until = end === null ? now : Math.min(end, now);
  return until < start ? 0 : Math.floor((until - start) / LOG_PERIOD_MS) + 1;
}

function lineFor(image: string, container: string, n: number, seed: number, at: number): string {
  const r = (k: number) => hash(`${seed}:${n}:${k}`);
  const when = new Date(at);
  if (/(^|\/)nginx(:|@|$)/.test(image)) {
    if (n === 0) return `${when.toISOString()} [notice] 1#1: start worker processes`;
    const client = `10.0.${r(1) % 200}.${r(2) % 250}`;
    const path = ['/', '/healthz', '/index.html', '/api/items'][r(3) % 4];
    return `${client} - - [${nginxTime(when)}] "GET ${path} HTTP/1.1" 200 ${600 + (r(4) % 400)} "-" "kube-probe/1.32" "-"`;
  }
  if (/coredns/.test(image)) {
    if (n === 0) return '.:53';
    return `[INFO] 10.0.${r(1) % 200}.${r(2) % 250}:${30000 + (r(3) % 30000)} - ${r(4) % 65535} "A IN kubernetes.default.svc.cluster.local. udp 54 false 512" NOERROR qr,aa,rd 106 0.000${100 + (r(5) % 800)}s`;
  }
  if (n === 0) return `${when.toISOString()} INFO ${container}: started`;
  return `${when.toISOString()} INFO ${container}: handled request id=${r(1) % 100000} in ${1 + (r(2) % 90)}ms`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const nginxTime = (d: Date): string =>
  `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}
