// Fault injection: make the next matching requests fail, deny RBAC, cut watches, expire
// resourceVersions, take the whole endpoint down for a while.
import type { Store } from './kube/storage.js';
import type { WatchHub } from './kube/watch.js';

export type EksOperation =
  | 'ListFargateProfiles'
  | 'DescribeFargateProfile'
  | 'DescribeCluster'
  | 'ListClusters'
  | 'CreateFargateProfile'
  | 'DeleteFargateProfile'
  | 'UpdateClusterVersion'
  | 'DescribeUpdate'
  | 'ListUpdates'
  | '*';

export type EksErrorName =
  | 'AccessDeniedException'
  | 'ThrottlingException'
  | 'ResourceNotFoundException'
  | 'ServerException'
  | 'ServiceUnavailableException'
  | 'ExpiredTokenException'
  | 'UnrecognizedClientException'
  | 'InvalidSignatureException'
  | 'InvalidParameterException'
  | 'ClientException';

export interface KubeFailure {
  /** GET, POST, ... (any when absent). */
  method?: string;
  /** Tested against the request path including the query string. */
  path: RegExp;
  status: number;
  /** How many matching requests fail (default 1; Infinity = until reset). */
  count?: number;
  /** Answer body; default a Kubernetes Status with the given code. */
  body?: unknown;
}

export interface EksFailure {
  operation: EksOperation;
  error: EksErrorName;
  count?: number;
  message?: string;
}

/** RBAC denial: requests (and SelfSubjectAccessReviews) matching every given field are forbidden. */
export interface DenyRule {
  verb?: string;
  resource?: string;
  namespace?: string;
  group?: string;
  subresource?: string;
}

export interface SimFaults {
  failNext(f: KubeFailure): void;
  eksFail(f: EksFailure): void;
  deny(rule: DenyRule): void;
  /** End every open watch stream now (the client sees the stream close and must re-watch). */
  dropWatches(): void;
  /** Make every resourceVersion older than now answer 410 on watch / continue. */
  expireResourceVersions(): void;
  /** For `ms`: 'refuse' resets every connection (default), '503' answers 503 to every request. */
  down(ms: number, mode?: 'refuse' | '503'): void;
  reset(): void;
}

interface Counted<T> {
  rule: T;
  left: number;
}

export class Faults implements SimFaults {
  private kube: Counted<KubeFailure>[] = [];
  private eks: Counted<EksFailure>[] = [];
  private denies: DenyRule[] = [];
  private downUntil = 0;
  private downMode: 'refuse' | '503' = 'refuse';
  /** Called when the endpoint goes down (closes open connections). */
  onDown: (mode: 'refuse' | '503') => void = () => {};

  constructor(private readonly deps: { store: Store; hub: () => WatchHub }) {}

  failNext(f: KubeFailure): void {
    this.kube.push({ rule: f, left: f.count ?? 1 });
  }

  eksFail(f: EksFailure): void {
    this.eks.push({ rule: f, left: f.count ?? 1 });
  }

  deny(rule: DenyRule): void {
    this.denies.push(rule);
  }

  dropWatches(): void {
    this.deps.hub().dropAll();
  }

  expireResourceVersions(): void {
    this.deps.store.compact();
  }

  down(ms: number, mode: 'refuse' | '503' = 'refuse'): void {
    this.downUntil = Date.now() + ms;
    this.downMode = mode;
    this.deps.hub().dropAll();
    this.onDown(mode);
  }

  reset(): void {
    this.kube = [];
    this.eks = [];
    this.denies = [];
    this.downUntil = 0;
  }

  /** null when up. */
  isDown(): 'refuse' | '503' | null {
    return Date.now() < this.downUntil ? this.downMode : null;
  }

  takeKube(method: string, url: string): KubeFailure | undefined {
    const i = this.kube.findIndex((k) => (k.rule.method === undefined || k.rule.method.toUpperCase() === method) && k.rule.path.test(url));
    if (i < 0) return undefined;
    const k = this.kube[i]!;
    if (--k.left <= 0) this.kube.splice(i, 1);
    return k.rule;
  }

  takeEks(operation: string): EksFailure | undefined {
    const i = this.eks.findIndex((k) => k.rule.operation === '*' || k.rule.operation === operation);
    if (i < 0) return undefined;
    const k = this.eks[i]!;
    if (--k.left <= 0) this.eks.splice(i, 1);
    return k.rule;
  }

  isDenied(a: { verb: string; resource: string; namespace: string; group: string; subresource: string }): boolean {
    return this.denies.some(
      (d) =>
        (d.verb === undefined || d.verb === a.verb) &&
        (d.resource === undefined || d.resource === a.resource) &&
        (d.namespace === undefined || d.namespace === a.namespace) &&
        (d.group === undefined || d.group === a.group) &&
        (d.subresource === undefined || d.subresource === a.subresource),
    );
  }
}
