// SimCluster: the simulated control plane (store, Fargate webhook + scheduler, default scheduler,
// kubelet, controllers, EKS profiles) and the controls tests and the demo drive it with.
// Longer than most files: it is the sim's one facade, mostly one-line delegations.
import type { ProfileStatus, Selector } from '../domain/types.js';
import { Clock } from './clock.js';
import { DEFAULT_TIMING } from './context.js';
import type { ClusterInfo, Ctx, Timing } from './context.js';
import { installDaemonSetController } from './controllers/daemonset.js';
import { installDeploymentController } from './controllers/deployment.js';
import { installDisruptionController } from './controllers/disruption.js';
import { installJobController } from './controllers/job.js';
import { installReplicaSetController } from './controllers/replicaset.js';
import { installStatefulSetController } from './controllers/statefulset.js';
import { newProfile } from './eks/new-profile.js';
import { stopProfilePods } from './eks/lifecycle.js';
import { ec2Node } from './eks/nodes.js';
import type { Ec2NodeSpec } from './eks/nodes.js';
import { ProfileStore } from './eks/profiles.js';
import { PodExecutionRoles } from './eks/roles.js';
import type { ProfileIssue } from './eks/roles.js';
import { upgradeRefusal } from './eks/upgrade.js';
import { DEFAULT_VERSION, eksVersion } from './eks/versions.js';
import type { SimProfile } from './eks/profiles.js';
import { installFargateWebhook } from './eks/webhook.js';
import { Gates } from './gates.js';
import type { Component } from './gates.js';
import { IpAllocator, seededRandom, uuid } from './ids.js';
import { EventRecorder } from './kube/events.js';
import { ObjectApi } from './kube/objects.js';
import type { DeleteOptions } from './kube/objects.js';
import { resourceByKind, resourceById } from './kube/resources.js';
import type { Obj } from './kube/resources.js';
import { ApiError } from './kube/status.js';
import { Store } from './kube/storage.js';
import type { Change } from './kube/storage.js';
import { installDefaultScheduler } from './scheduler/default.js';
import { installFargateScheduler } from './scheduler/fargate.js';
import { installKubelet } from './scheduler/kubelet.js';
import { installStaticPodKubelet, mirrorPod } from './scheduler/static-pods.js';

export interface ClusterOptions {
  clusterName?: string;
  region?: string;
  accountId?: string;
  /** The control plane's Kubernetes minor version, e.g. "1.32" (default DEFAULT_VERSION, eks/versions.ts). */
  version?: string;
  /** Seeds names, uids and addresses: the same scenario gives the same pod names. */
  seed?: number;
  timing?: Partial<Timing>;
  /** Run the webhook, schedulers, kubelet and controllers (default true). */
  controllers?: boolean;
  watchWindow?: number;
}

export interface ProfileInput {
  name: string;
  selectors: Selector[];
  /** Default ACTIVE (at once; the EKS API's CreateFargateProfile goes through CREATING). */
  status?: ProfileStatus;
  subnets?: string[];
  podExecutionRoleArn?: string;
  tags?: Record<string, string>;
  createdAt?: number;
}

export class SimCluster {
  readonly ctx: Ctx;

  constructor(opts: ClusterOptions = {}) {
    if (opts.version !== undefined) eksVersion(opts.version);
    const rand = seededRandom(opts.seed ?? 20240601);
    const clock = new Clock();
    const info: ClusterInfo = {
      clusterName: opts.clusterName ?? 'demo',
      region: opts.region ?? 'us-east-1',
      accountId: opts.accountId ?? '111122223333',
      version: opts.version ?? DEFAULT_VERSION,
      status: 'ACTIVE',
      updates: [],
      url: '',
      createdAt: Date.now() - 90 * 86_400_000,
    };
    const ctx = {
      store: new Store({ watchWindow: opts.watchWindow }),
      clock,
      rand,
      ips: new IpAllocator(rand),
      timing: { ...DEFAULT_TIMING, ...opts.timing },
      info,
      profiles: new ProfileStore(),
      roles: new PodExecutionRoles(),
      gates: new Gates(),
      uid: () => uuid(rand),
    } as Partial<Ctx> as Ctx;
    ctx.api = new ObjectApi(ctx);
    ctx.events = new EventRecorder(ctx);
    this.ctx = ctx;
    if (opts.controllers !== false) {
      installFargateWebhook(ctx);
      installFargateScheduler(ctx);
      installDefaultScheduler(ctx);
      installKubelet(ctx);
      installStaticPodKubelet(ctx);
      installReplicaSetController(ctx);
      installDeploymentController(ctx);
      installStatefulSetController(ctx);
      installDaemonSetController(ctx);
      installJobController(ctx);
      installDisruptionController(ctx);
    }
  }

  get info(): ClusterInfo {
    return this.ctx.info;
  }

  /** Internal errors of controllers (should stay empty; tests assert on it). */
  get errors(): readonly Error[] {
    return this.ctx.clock.errors;
  }

  // ---- pods ----

  /** Create a pod through admission (the Fargate webhook runs), like `kubectl create`. */
  createPod(manifest: Obj): Obj {
    return this.ctx.api.create('pods', manifest, { namespace: manifest?.metadata?.namespace ?? 'default' });
  }

  deletePod(ns: string, name: string, opts: DeleteOptions = {}): Obj {
    return this.ctx.api.delete('pods', ns, name, opts);
  }

  getPod(ns: string, name: string): Obj | undefined {
    return this.ctx.store.get('pods', ns, name);
  }

  listPods(ns = ''): Obj[] {
    return this.list('pods', ns);
  }

  // ---- any resource ----

  get(rid: string, ns: string, name: string): Obj | undefined {
    return this.ctx.store.get(rid, resourceById(rid).namespaced ? ns : '', name);
  }

  /** Objects of a resource ("pods", "deployments.apps", "events", ...), in key order. */
  list(rid: string, ns = ''): Obj[] {
    return [...this.ctx.store.entriesIn(rid, ns)].map((e) => JSON.parse(e.json));
  }

  /** Create-or-replace any supported kind (Namespace, Deployment, PodDisruptionBudget, ...). */
  apply(objects: Obj | Obj[]): Obj[] {
    const list = Array.isArray(objects) ? objects : [objects];
    return list.map((o) => {
      const def = resourceByKind(String(o.apiVersion ?? 'v1'), String(o.kind));
      if (def === undefined) throw new Error(`sim: unsupported kind ${String(o.apiVersion)}/${String(o.kind)}`);
      const ns = def.namespaced ? String(o.metadata?.namespace ?? 'default') : '';
      if (this.ctx.store.entry(def.id, ns, String(o.metadata?.name)) !== undefined) {
        const body = { ...o, metadata: { ...o.metadata } };
        delete body.metadata.resourceVersion;
        return this.ctx.api.update(def.id, ns, String(o.metadata.name), body);
      }
      return this.ctx.api.create(def.id, o, { namespace: def.namespaced ? ns : undefined });
    });
  }

  /** Delete any object (graceful for pods). */
  delete(rid: string, ns: string, name: string, opts: DeleteOptions = {}): Obj {
    return this.ctx.api.delete(rid, ns, name, opts);
  }

  /** Events about one pod (or all events of a namespace / the cluster). */
  events(ns = '', podName?: string): Obj[] {
    return this.list('events', ns).filter((e) => podName === undefined || e.involvedObject?.name === podName);
  }

  addNode(spec: Ec2NodeSpec): Obj {
    this.ctx.ips.reserve(spec.ip);
    return this.ctx.api.insert('nodes', ec2Node(this.ctx, spec));
  }

  /** The kubelet of `nodeName` runs `manifest` as a static pod: its mirror pod appears, Running on that node. */
  addStaticPod(nodeName: string, manifest: Obj): Obj {
    const node = this.ctx.store.get('nodes', '', nodeName);
    if (node === undefined) throw new Error(`sim: no node ${nodeName}`);
    return this.ctx.api.insert('pods', mirrorPod(this.ctx, node, manifest));
  }

  // ---- Fargate profiles ----

  profiles(): SimProfile[] {
    return this.ctx.profiles.list();
  }

  /** Create a profile in its final state at once (a test's or scenario's shortcut past CREATING). */
  createProfile(p: ProfileInput): SimProfile {
    if (this.ctx.profiles.get(p.name) !== undefined) throw new Error(`sim: profile ${p.name} exists`);
    const profile = newProfile(this.ctx, p);
    this.ctx.profiles.add(profile);
    return profile;
  }

  /** Remove a profile now and stop the pods it launched (the end state of DeleteFargateProfile). */
  deleteProfile(name: string): void {
    if (this.ctx.profiles.get(name) === undefined) throw new Error(`sim: no profile ${name}`);
    this.ctx.profiles.setStatus(name, 'DELETING');
    stopProfilePods(this.ctx, name);
    this.ctx.profiles.remove(name);
  }

  setProfileStatus(name: string, status: ProfileStatus): void {
    if (this.ctx.profiles.setStatus(name, status) === undefined) throw new Error(`sim: no profile ${name}`);
  }

  /**
   * From now on, a profile created (through the EKS API) with this pod execution role ends
   * CREATE_FAILED with the given health issue (default AccessDenied) instead of ACTIVE.
   */
  breakPodExecutionRole(arn: string, issue?: Partial<ProfileIssue>): void {
    this.ctx.roles.break(arn, issue);
  }

  repairPodExecutionRole(arn: string): void {
    this.ctx.roles.repair(arn);
  }

  // ---- the control plane ----

  /**
   * Upgrade the control plane at once (what UpdateClusterVersion ends with), under EKS's rules:
   * one minor up, and only when no Fargate pod runs an older kubelet than the current version.
   * A refusal throws with EKS's message. Running pods keep their nodes and kubelets; pods created
   * from now on get Fargate nodes of the new version.
   */
  upgradeControlPlane(version: string): void {
    const refusal = upgradeRefusal(this.ctx, version);
    if (refusal !== null) throw new Error(`sim: ${refusal.type}: ${refusal.message}`);
    this.ctx.info.version = version;
  }

  /** Hold a scheduler's work (pods stay Pending) until `resume`. */
  pause(component: Component): void {
    this.ctx.gates.pause(component);
  }

  resume(component: Component): void {
    this.ctx.gates.resume(component);
  }

  // ---- observing ----

  /** Every stored change (the same stream watches see). Returns an unsubscribe function. */
  onChange(fn: (c: Change) => void): () => void {
    return this.ctx.store.subscribe(fn);
  }

  /** Resolve once `check` returns a truthy value (polled), or reject after `timeoutMs`. */
  async waitFor<T>(check: () => T | undefined | null | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      let v: T | undefined | null | false;
      try {
        v = check();
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        v = undefined;
      }
      if (v) return v;
      if (Date.now() > until) throw new Error(`sim: timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  close(): void {
    this.ctx.clock.close();
  }
}
