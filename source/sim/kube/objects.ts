// Create / update / patch / delete with the API server's semantics: names, uids, defaults,
// admission (the Fargate webhook hooks in here), validation, graceful pod deletion and
// background garbage collection of dependents. HTTP handlers and controllers both use it.
// Longer than most files: every write path must share one validation and admission order.
import type { Ctx } from '../context.js';
import { randomSuffix } from '../ids.js';
import { k8sTime } from '../time.js';
import { defaultPod, defaultService, defaultWorkload } from './defaults.js';
import { jsonPatch, mergePatch, strategicMerge } from './patch.js';
import { apiVersionOf, resourceById } from './resources.js';
import type { Obj, ResourceDef } from './resources.js';
import { alreadyExists, ApiError, badRequest, invalid, notFound } from './status.js';
import { validateCreate, validateName, validatePodUpdate } from './validate.js';

export type AdmissionHook = (obj: Obj, info: { operation: 'CREATE'; dryRun: boolean }) => void;

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  dryRun?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export type PatchType = 'merge' | 'strategic' | 'json';

/** Resources whose main endpoint ignores status changes (they have a status subresource). */
const STATUS_SUBRESOURCE = new Set(['pods', 'deployments.apps', 'replicasets.apps', 'statefulsets.apps', 'daemonsets.apps', 'jobs.batch', 'poddisruptionbudgets.policy', 'namespaces', 'nodes', 'services', 'cronjobs.batch']);

export class ObjectApi {
  private readonly hooks = new Map<string, AdmissionHook[]>();
  /** Pending kubelet kills of gracefully deleted pods, by uid. */
  private readonly kills = new Set<string>();

  constructor(private readonly ctx: Ctx) {
    ctx.store.subscribe((c) => {
      if (c.type === 'DELETED' && c.entry.uid !== '') this.collectDependents(c.entry.uid);
    });
  }

  /** Register a mutating admission hook (runs on CREATE, also for dry runs). */
  onCreate(rid: string, hook: AdmissionHook): void {
    const list = this.hooks.get(rid) ?? [];
    list.push(hook);
    this.hooks.set(rid, list);
  }

  get(rid: string, ns: string, name: string): Obj {
    return this.ctx.store.mustGet(rid, ns, name);
  }

  create(rid: string, body: Obj, opts: { namespace?: string; dryRun?: boolean } = {}): Obj {
    const def = resourceById(rid);
    const { store, clock } = this.ctx;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('the body of the request was in an unknown format');
    const o = structuredClone(body);
    this.checkKind(def, o);
    o.apiVersion = apiVersionOf(def);
    o.kind = def.kind;
    o.metadata ??= {};
    const ns = this.namespaceFor(def, o, opts.namespace);
    if (o.metadata.name === undefined || o.metadata.name === '') {
      if (typeof o.metadata.generateName !== 'string' || o.metadata.generateName === '') {
        throw invalid(def.kind, def.group, '', [{ field: 'metadata.name', message: 'Required value: name or generateName is required' }]);
      }
      o.metadata.name = o.metadata.generateName + randomSuffix(this.ctx.rand);
    }
    const name = String(o.metadata.name);
    validateName(def.kind, def.group, name, def.id === 'namespaces');
    if (def.namespaced) {
      const nsObj = store.get('namespaces', '', ns);
      if (nsObj === undefined) throw notFound('namespaces', '', ns);
      if (nsObj.status?.phase === 'Terminating') {
        throw new ApiError(403, 'Forbidden', `${def.plural} "${name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`);
      }
    }
    o.metadata.uid = this.ctx.uid();
    o.metadata.creationTimestamp = k8sTime(clock.now());
    delete o.metadata.resourceVersion;
    delete o.metadata.deletionTimestamp;
    delete o.metadata.deletionGracePeriodSeconds;
    delete o.metadata.managedFields;
    if (def.id !== 'pods' && def.id !== 'events' && def.id !== 'namespaces' && def.id !== 'nodes') o.metadata.generation = 1;
    this.prepare(def, o);
    validateCreate(def.kind, def.group, o);
    for (const hook of this.hooks.get(rid) ?? []) hook(o, { operation: 'CREATE', dryRun: opts.dryRun === true });
    if (opts.dryRun === true) {
      if (store.entry(rid, ns, name) !== undefined) throw alreadyExists(def.plural, def.group, name);
      return o;
    }
    store.create(rid, o);
    return o;
  }

  /** Kind-specific fields the server fills in on create. */
  private prepare(def: ResourceDef, o: Obj): void {
    switch (def.id) {
      case 'pods':
        o.spec ??= {};
        defaultPod(o, this.ctx.rand);
        break;
      case 'namespaces':
        o.metadata.labels = { ...o.metadata.labels, 'kubernetes.io/metadata.name': o.metadata.name };
        o.spec = { finalizers: ['kubernetes'] };
        o.status = { phase: 'Active' };
        break;
      case 'jobs.batch': {
        o.spec ??= {};
        defaultWorkload(def.kind, o);
        if (o.spec.manualSelector !== true) {
          const uid = o.metadata.uid;
          const name = o.metadata.name;
          o.spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
          o.spec.template.metadata.labels = {
            ...o.spec.template.metadata.labels,
            'batch.kubernetes.io/controller-uid': uid,
            'batch.kubernetes.io/job-name': name,
            'controller-uid': uid,
            'job-name': name,
          };
        }
        break;
      }
      case 'events':
        o.count ??= 1;
        break;
      case 'services': {
        const taken = new Set<string>();
        for (const e of this.ctx.store.entries('services')) taken.add(e.fields['spec.clusterIP'] ?? '');
        defaultService(o, this.ctx.rand, taken);
        break;
      }
      case 'secrets':
        o.type ??= 'Opaque';
        // stringData is write-only: the server folds it into data.
        for (const [k, v] of Object.entries(o.stringData ?? {})) o.data = { ...o.data, [k]: Buffer.from(String(v)).toString('base64') };
        delete o.stringData;
        break;
      case 'cronjobs.batch':
        defaultWorkload(def.kind, o);
        break;
      default:
        if (def.group === 'apps' || def.group === 'policy') defaultWorkload(def.kind, o);
    }
  }

  private checkKind(def: ResourceDef, o: Obj): void {
    if (o.kind !== undefined && o.kind !== def.kind) {
      throw badRequest(`the API version in the data (${String(o.apiVersion)}) does not match the expected API version (${apiVersionOf(def)})`);
    }
  }

  private namespaceFor(def: ResourceDef, o: Obj, urlNs: string | undefined): string {
    if (!def.namespaced) {
      delete o.metadata.namespace;
      return '';
    }
    const bodyNs = o.metadata.namespace;
    if (urlNs !== undefined && bodyNs !== undefined && bodyNs !== '' && bodyNs !== urlNs) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    const ns = String(urlNs ?? bodyNs ?? 'default');
    o.metadata.namespace = ns;
    return ns;
  }

  /** PUT: replace. Identity fields are kept; status only changes through the status subresource. */
  update(rid: string, ns: string, name: string, body: Obj, opts: { dryRun?: boolean; subresource?: string } = {}): Obj {
    const def = resourceById(rid);
    const old = this.get(rid, ns, name);
    if (body === null || typeof body !== 'object') throw badRequest('the body of the request was in an unknown format');
    this.checkKind(def, body);
    if (body.metadata?.name !== undefined && body.metadata.name !== name) {
      throw badRequest(`the name of the object (${String(body.metadata.name)}) does not match the name on the URL (${name})`);
    }
    let next: Obj;
    if (opts.subresource === 'status') {
      next = { ...old, status: body.status };
    } else {
      next = structuredClone(body);
      next.apiVersion = old.apiVersion;
      next.kind = old.kind;
      next.metadata = { ...next.metadata };
      for (const k of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'namespace', 'name', 'generation']) {
        if (old.metadata[k] === undefined) delete next.metadata[k];
        else next.metadata[k] = old.metadata[k];
      }
      delete next.metadata.managedFields;
      if (STATUS_SUBRESOURCE.has(rid)) next.status = old.status;
      if (rid === 'pods') validatePodUpdate(old, next);
      if (old.metadata.generation !== undefined && JSON.stringify(old.spec) !== JSON.stringify(next.spec)) {
        next.metadata.generation = Number(old.metadata.generation) + 1;
      }
    }
    const expectRv = body.metadata?.resourceVersion;
    if (opts.dryRun === true) {
      if (expectRv !== undefined && expectRv !== old.metadata.resourceVersion) this.ctx.store.update(rid, { ...old }, String(expectRv));
      return next;
    }
    this.ctx.store.update(rid, next, expectRv === undefined ? undefined : String(expectRv));
    return next;
  }

  patch(rid: string, ns: string, name: string, patch: unknown, type: PatchType, opts: { dryRun?: boolean; subresource?: string } = {}): Obj {
    const old = this.get(rid, ns, name);
    let next: Obj;
    if (type === 'json') next = jsonPatch(old, patch);
    else if (type === 'strategic') next = strategicMerge(old, patch);
    else next = mergePatch(old, patch);
    if (next === null || typeof next !== 'object') throw badRequest('the patch produced an invalid object');
    // A patch that names a resourceVersion is a precondition; otherwise last write wins.
    const patchRv = (patch as Obj)?.metadata?.resourceVersion;
    next.metadata = { ...next.metadata, resourceVersion: patchRv ?? old.metadata.resourceVersion };
    return this.update(rid, ns, name, next, opts);
  }

  /**
   * DELETE. Pods that are bound and not finished get a graceful deletion: deletionTimestamp is
   * set now, the object disappears after the (scaled-down) grace period. Everything else goes at
   * once. Returns the object as the server answers it.
   */
  delete(rid: string, ns: string, name: string, opts: DeleteOptions = {}): Obj {
    const def = resourceById(rid);
    const { store, clock, timing } = this.ctx;
    const old = this.get(rid, ns, name);
    const pre = opts.preconditions;
    if (pre?.uid !== undefined && pre.uid !== old.metadata.uid) {
      throw new ApiError(409, 'Conflict', `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${String(old.metadata.uid)}`);
    }
    if (pre?.resourceVersion !== undefined && pre.resourceVersion !== old.metadata.resourceVersion) {
      throw new ApiError(409, 'Conflict', `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${String(old.metadata.resourceVersion)}`);
    }
    if (opts.dryRun === true) return old;
    if (opts.propagationPolicy === 'Orphan') this.orphan(old.metadata.uid);

    if (rid === 'namespaces') return this.deleteNamespace(old);

    if (rid === 'pods') {
      const terminal = old.status?.phase === 'Succeeded' || old.status?.phase === 'Failed';
      let grace = opts.gracePeriodSeconds ?? Number(old.spec?.terminationGracePeriodSeconds ?? 30);
      if (old.spec?.nodeName === undefined || old.spec?.nodeName === '' || terminal) grace = 0;
      if (grace > 0) {
        const alreadyUntil = old.metadata.deletionTimestamp === undefined ? Infinity : Date.parse(old.metadata.deletionTimestamp);
        const until = clock.now() + grace * 1000;
        if (until >= alreadyUntil) return old; // a second, longer delete changes nothing
        old.metadata.deletionTimestamp = k8sTime(until);
        old.metadata.deletionGracePeriodSeconds = grace;
        store.update(rid, old);
        const uid = String(old.metadata.uid);
        const ms = Math.min(grace * timing.graceMsPerSecond, timing.maxGraceMs);
        this.kills.add(uid);
        clock.later(ms, () => {
          const cur = store.entry(rid, ns, name);
          if (cur !== undefined && cur.uid === uid) store.remove(rid, ns, name);
        });
        return old;
      }
    }
    const gone = store.remove(rid, def.namespaced ? ns : '', name);
    return gone === undefined ? old : JSON.parse(gone.json);
  }

  private deleteNamespace(old: Obj): Obj {
    const { store, clock, timing } = this.ctx;
    const name = String(old.metadata.name);
    if (old.status?.phase === 'Terminating') return old;
    old.metadata.deletionTimestamp = k8sTime(clock.now());
    old.metadata.deletionGracePeriodSeconds = 0;
    old.status = { phase: 'Terminating' };
    store.update('namespaces', old);
    // The namespace controller empties the namespace, then drops the `kubernetes` finalizer.
    const sweep = (): void => {
      let left = 0;
      for (const rid of ['cronjobs.batch', 'deployments.apps', 'statefulsets.apps', 'daemonsets.apps', 'jobs.batch', 'replicasets.apps', 'poddisruptionbudgets.policy', 'persistentvolumeclaims', 'pods', 'services', 'configmaps', 'secrets', 'serviceaccounts', 'events']) {
        for (const e of [...store.entriesIn(rid, name)]) {
          left++;
          if (!e.deleting) {
            try {
              this.delete(rid, name, e.name, { propagationPolicy: 'Background' });
            } catch (err) {
              if (!(err instanceof ApiError && err.code === 404)) throw err;
            }
          }
        }
      }
      if (left === 0) store.remove('namespaces', '', name);
      else clock.later(Math.max(timing.controllerMs, 20), sweep);
    };
    clock.later(timing.controllerMs, sweep);
    return old;
  }

  private orphan(ownerUid: string): void {
    const { store } = this.ctx;
    for (const d of store.dependents(ownerUid)) {
      const o = store.get(d.rid, d.ns, d.name);
      if (o === undefined) continue;
      o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter((r: Obj) => r.uid !== ownerUid);
      if (o.metadata.ownerReferences.length === 0) delete o.metadata.ownerReferences;
      store.update(d.rid, o);
    }
  }

  /** The garbage collector: dependents of a deleted owner are deleted in the background. */
  private collectDependents(ownerUid: string): void {
    const { store, clock, timing } = this.ctx;
    if (store.dependents(ownerUid).length === 0) return;
    clock.later(timing.controllerMs, () => {
      for (const d of store.dependents(ownerUid)) {
        const e = store.entry(d.rid, d.ns, d.name);
        if (e === undefined || e.deleting) continue;
        // Only if no other owner is still alive (the real GC's rule, simplified to "any owner left").
        const o = JSON.parse(e.json);
        const others = (o.metadata.ownerReferences ?? []).filter((r: Obj) => r.uid !== ownerUid);
        if (others.length > 0) continue;
        try {
          this.delete(d.rid, d.ns, d.name, { propagationPolicy: 'Background' });
        } catch (err) {
          if (!(err instanceof ApiError && err.code === 404)) throw err;
        }
      }
    });
  }

  /**
   * Store an object exactly as given (scenario pre-state: already-bound pods, finished jobs).
   * Fills in identity fields if missing; no defaults beyond those, no admission.
   * Takes ownership of `obj` (callers pass fresh objects; the generator inserts thousands).
   */
  insert(rid: string, obj: Obj): Obj {
    const def = resourceById(rid);
    const o = obj;
    o.apiVersion = apiVersionOf(def);
    o.kind = def.kind;
    o.metadata.uid ??= this.ctx.uid();
    o.metadata.creationTimestamp ??= k8sTime(this.ctx.clock.now());
    if (!def.namespaced) delete o.metadata.namespace;
    this.ctx.store.create(rid, o);
    return o;
  }

  /** Controllers' writes: replace the stored object as is (status included). */
  write(rid: string, obj: Obj): Obj {
    this.ctx.store.update(rid, obj);
    return obj;
  }
}
