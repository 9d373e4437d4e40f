// core/v1 Events about pods, with the API server's de-duplication: the same reason + message
// from the same component on the same object bumps `count` and `lastTimestamp`.
import type { Ctx } from '../context.js';
import type { Obj } from './resources.js';
import { k8sTime } from '../time.js';

export interface EventInput {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  component: string;
  host?: string;
}

export class EventRecorder {
  private readonly seen = new Map<string, string>();
  /** Events in creation order, for the TTL (kube-apiserver's --event-ttl). */
  private readonly expiry: { at: number; ns: string; name: string; dedupe: string }[] = [];
  private expiryHead = 0;
  constructor(private readonly ctx: Pick<Ctx, 'store' | 'clock' | 'uid' | 'rand' | 'timing'>) {}

  /**
   * Drop events older than the TTL, as the API server does: a long-running sim with churn
   * (`npm run soak`) must not grow without bound. Run on each record, so no timers are needed.
   */
  private expire(now: number): void {
    const ttl = this.ctx.timing.eventTtlMs;
    while (this.expiryHead < this.expiry.length && this.expiry[this.expiryHead]!.at + ttl <= now) {
      const old = this.expiry[this.expiryHead++]!;
      if (this.seen.get(old.dedupe) === old.name) this.seen.delete(old.dedupe);
      if (this.ctx.store.get('events', old.ns, old.name) !== undefined) this.ctx.store.remove('events', old.ns, old.name);
    }
    if (this.expiryHead > 1024 && this.expiryHead * 2 > this.expiry.length) {
      this.expiry.splice(0, this.expiryHead);
      this.expiryHead = 0;
    }
  }

  /** Record an event about `obj` (any namespaced or cluster object). */
  record(obj: Obj, e: EventInput): void {
    const { store, clock } = this.ctx;
    this.expire(Date.now());
    const ns = String(obj.metadata.namespace ?? 'default');
    const now = k8sTime(clock.now());
    const dedupe = `${obj.metadata.uid}\u0000${e.reason}\u0000${e.message}\u0000${e.component}`;
    const existing = this.seen.get(dedupe);
    if (existing !== undefined) {
      const ev = store.get('events', ns, existing);
      if (ev !== undefined) {
        ev.count = (ev.count ?? 1) + 1;
        ev.lastTimestamp = now;
        store.update('events', ev);
        return;
      }
    }
    // Real event names: <object>.<16 hex digits of a nanosecond timestamp>.
    const hex = Math.floor(clock.now() * 1e3 + this.ctx.rand() * 1e6).toString(16).padStart(16, '0').slice(-16);
    const name = `${obj.metadata.name}.${hex}`;
    const kind = obj.kind ?? 'Pod';
    const ev: Obj = {
      kind: 'Event',
      apiVersion: 'v1',
      metadata: { name, namespace: ns, uid: this.ctx.uid(), creationTimestamp: now },
      involvedObject: {
        kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        uid: obj.metadata.uid,
        apiVersion: obj.apiVersion ?? 'v1',
        resourceVersion: obj.metadata.resourceVersion,
      },
      reason: e.reason,
      message: e.message,
      source: e.host === undefined ? { component: e.component } : { component: e.component, host: e.host },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type: e.type,
      eventTime: null,
      reportingComponent: e.component,
      reportingInstance: e.host ?? '',
    };
    if (ev.involvedObject.namespace === undefined) delete ev.involvedObject.namespace;
    store.create('events', ev);
    this.seen.set(dedupe, name);
    this.expiry.push({ at: Date.now(), ns, name, dedupe });
  }
}
