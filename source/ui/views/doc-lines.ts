// The lines of the YAML, describe and log screens, from what the API server sent (state/pod-doc).
// Describe follows `kubectl describe pod`'s layout: the fields a user knows where to look for.
import { ageText, NONE } from '../../view-model/words/pod.js';
import { seg, type Line } from '../components/lines.js';
import type { PodDoc } from '../state/pod-doc.js';
import type { Theme } from '../theme.js';
import type { PodDescription } from '../tui-actions.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- the API's JSON, read field by field */
type Json = any;

export function docLines(kind: 'yaml' | 'describe' | 'logs', doc: PodDoc | null, theme: Theme, now: number): Line[] {
  const t = theme;
  if (!doc || doc.status === 'loading') return [[seg(kind === 'logs' ? 'Reading the log…' : 'Reading the pod from the API server…', t.text.secondary)]];
  if (doc.status === 'error' && kind !== 'logs') return [[seg(doc.error ?? 'could not read the pod', t.status.error)], [], [seg('esc goes back.', t.text.secondary)]];
  if (kind === 'yaml') return yamlLines(doc.yaml ?? '', t);
  if (kind === 'describe') return doc.description ? describeLines(doc.description, t, now) : [];
  const lines: Line[] = (doc.lines ?? []).map((l) => [seg(l)]);
  if (lines.length === 0 && doc.status !== 'error') lines.push([seg('(no log lines yet)', t.text.secondary)]);
  if (doc.status === 'ended') lines.push([seg('— the log ended (the container stopped, or the server closed it) —', t.text.secondary)]);
  if (doc.status === 'error') lines.push([seg(doc.error ?? 'the log could not be read', t.status.error)]);
  return lines;
}

/** YAML with its keys coloured, like a pager would. */
function yamlLines(text: string, t: Theme): Line[] {
  return text.replace(/\n$/, '').split('\n').map((line) => {
    const m = /^(\s*(?:- )?)([^:\s][^:]*:)(\s.*|)$/.exec(line);
    return m ? [seg(m[1]!), seg(m[2]!, t.key), seg(m[3]!)] : [seg(line)];
  });
}

const kv = (obj: Json): string => {
  const entries = Object.entries(obj ?? {});
  return entries.length === 0 ? NONE : entries.map(([k, v]) => `${k}=${String(v)}`).join(', ');
};

/** kubectl describe leaves this one out: it repeats the whole manifest. */
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

export function describeLines({ pod, events, eventsError }: PodDescription, t: Theme, now: number): Line[] {
  const p = pod as Json;
  const lines: Line[] = [];
  const field = (name: string, value: string, indent = '') => lines.push([seg(`${indent}${`${name}:`.padEnd(18 - indent.length)}`, t.text.secondary), seg(` ${value}`)]);
  const heading = (name: string) => lines.push([seg(`${name}:`, t.text.title)]);
  // One entry per line under the field's name, as kubectl describe prints labels and annotations.
  const multiline = (name: string, entries: string[]) => {
    if (entries.length === 0) return field(name, NONE);
    entries.forEach((entry, i) => (i === 0 ? field(name, entry) : lines.push([seg(' '.repeat(18)), seg(` ${entry}`)])));
  };
  const meta = p.metadata ?? {};
  const spec = p.spec ?? {};
  const status = p.status ?? {};
  field('Name', String(meta.name ?? ''));
  field('Namespace', String(meta.namespace ?? ''));
  field('Priority', String(spec.priority ?? 0));
  field('Service Account', String(spec.serviceAccountName ?? 'default'));
  field('Node', spec.nodeName ? `${spec.nodeName}${status.hostIP ? `/${status.hostIP}` : ''}` : NONE);
  field('Start Time', String(status.startTime ?? '<unset>'));
  multiline('Labels', Object.entries(meta.labels ?? {}).map(([k, v]) => `${k}=${String(v)}`));
  multiline(
    'Annotations',
    Object.entries(meta.annotations ?? {})
      .filter(([k]) => !SKIPPED_ANNOTATIONS.has(k))
      .map(([k, v]) => `${k}: ${String(v).trim().replace(/\s*\n\s*/g, ' ')}`),
  );
  field('Status', `${meta.deletionTimestamp ? 'Terminating' : String(status.phase ?? 'Unknown')}`);
  field('IP', String(status.podIP ?? NONE));
  const owner = (meta.ownerReferences ?? []).find((o: Json) => o.controller) ?? (meta.ownerReferences ?? [])[0];
  field('Controlled By', owner ? `${owner.kind}/${owner.name}` : NONE);
  heading('Containers');
  const statuses: Json[] = status.containerStatuses ?? [];
  for (const c of spec.containers ?? []) {
    const s = statuses.find((x) => x.name === c.name) ?? {};
    lines.push([seg(`  ${c.name}:`, t.key)]);
    field('Image', String(c.image ?? ''), '    ');
    const state = s.state ?? {};
    if (state.running) field('State', `Running (since ${state.running.startedAt})`, '    ');
    else if (state.terminated) field('State', `Terminated: ${state.terminated.reason ?? ''} (exit ${state.terminated.exitCode ?? '?'})`, '    ');
    else if (state.waiting) field('State', `Waiting: ${state.waiting.reason ?? ''}`, '    ');
    else field('State', '<unknown>', '    ');
    field('Ready', s.ready ? 'True' : 'False', '    ');
    field('Restart Count', String(s.restartCount ?? 0), '    ');
    if (c.resources?.requests) field('Requests', kv(c.resources.requests), '    ');
    if (c.resources?.limits) field('Limits', kv(c.resources.limits), '    ');
  }
  heading('Conditions');
  for (const c of status.conditions ?? []) lines.push([seg(`  ${String(c.type).padEnd(28)}`), seg(String(c.status), c.status === 'True' ? t.status.ok : t.status.warn)]);
  heading('Volumes');
  const volumes: Json[] = spec.volumes ?? [];
  if (volumes.length === 0) lines.push([seg(`  ${NONE}`, t.text.secondary)]);
  for (const v of volumes) lines.push([seg(`  ${v.name}: `), seg(Object.keys(v).filter((k) => k !== 'name').join(', ') || '?', t.text.secondary)]);
  field('QoS Class', String(status.qosClass ?? '<unset>'));
  field('Node-Selectors', kv(spec.nodeSelector));
  field('Tolerations', (spec.tolerations ?? []).map((x: Json) => `${x.key ?? '*'}${x.operator === 'Exists' ? '' : `=${x.value ?? ''}`}:${x.effect ?? ''}`).join(', ') || NONE);
  heading('Events');
  if (eventsError) lines.push([seg(`  not shown: ${eventsError}`, t.status.warn)]);
  else if (events.length === 0) lines.push([seg(`  ${NONE}`, t.text.secondary)]);
  else {
    lines.push([seg(`  ${'Type'.padEnd(8)} ${'Reason'.padEnd(18)} ${'Age'.padEnd(5)} ${'From'.padEnd(18)} Message`, t.text.header)]);
    const sorted = [...(events as Json[])].sort((a, b) => Date.parse(a.lastTimestamp ?? a.eventTime ?? 0) - Date.parse(b.lastTimestamp ?? b.eventTime ?? 0));
    for (const e of sorted) {
      const when = Date.parse(e.lastTimestamp ?? e.eventTime ?? '');
      const age = Number.isNaN(when) ? '?' : ageText(now - when);
      const from = e.source?.component ?? e.reportingComponent ?? '';
      lines.push([
        seg(`  ${String(e.type ?? '').padEnd(8)} `, e.type === 'Warning' ? t.status.warn : t.text.secondary),
        seg(`${String(e.reason ?? '').padEnd(18)} ${age.padEnd(5)} ${String(from).padEnd(18)} `),
        seg(String(e.message ?? '')),
      ]);
    }
  }
  return lines;
}
