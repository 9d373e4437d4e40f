// Scenarios are data: a cluster described by the history that produced it. Each step happens
// `ago` before now and goes through the same admission, schedulers and controllers as live
// requests, so the resulting state follows the EKS rules instead of being hand-written.
import type { ProfileInput } from '../cluster.js';
import type { Ec2NodeSpec } from '../eks/nodes.js';
import type { Component } from '../gates.js';
import type { Obj } from '../kube/resources.js';

export interface ScenarioStep {
  /** When this step happened: "60d", "3h", "90s" before now (default: now). */
  ago?: string;
  /** Why the step exists (documentation only). */
  note?: string;
  namespaces?: string[];
  /**
   * Fargate profiles created in this step (ACTIVE unless `status` says otherwise). A CREATING one
   * may say when EKS finishes creating it, counted from the sim's start (`finishesIn: '60s'`);
   * without it, it stays CREATING until a test moves it.
   */
  profiles?: (ProfileInput & { finishesIn?: string })[];
  /** Profiles deleted in this step; the pods they launched are stopped (spec §2.4). */
  deleteProfiles?: string[];
  /** Objects created (or replaced) through admission, like `kubectl apply`. */
  apply?: Obj[];
  /** Merge patches: {kind, namespace, name, patch}, e.g. a `kubectl rollout restart`. */
  patch?: { kind: string; apiVersion?: string; namespace: string; name: string; patch: Obj }[];
  /** Objects stored exactly as given (no admission, no defaults): pre-existing state. */
  insert?: Obj[];
  /** Static pods a node's kubelet runs from its manifest directory; each shows as a mirror pod. */
  staticPods?: { node: string; pod: Obj }[];
  pause?: Component[];
  resume?: Component[];
  /**
   * Upgrade the control plane to this minor version at the end of the step ("1.33"), under EKS's
   * rules (one minor up, no Fargate pod on an older kubelet). Pods already running keep their
   * nodes; later pods get the new kubelet.
   */
  upgrade?: string;
}

export interface Scenario {
  name: string;
  description?: string;
  /** The control plane's Kubernetes minor version when the history starts (default DEFAULT_VERSION). */
  version?: string;
  /** EC2 worker nodes (a managed node group). */
  nodes?: (Ec2NodeSpec & { ago?: string })[];
  steps: ScenarioStep[];
}
