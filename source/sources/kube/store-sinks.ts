// How each resource's list/watch results land in the store.
import type { ClusterStore } from '../../store/cluster-store.js';
import { podKey } from '../../store/snapshot.js';
import type { RawMeta } from './json.js';
import { templateKey } from '../../domain/replacement.js';
import type { PodRecord, TemplateOwnerKind } from '../../domain/types.js';
import type { ResourceKind } from './resources.js';
import {
  toClaimRecord,
  toEventRecord,
  toNamespaceRecord,
  toNodeRecord,
  toPersistentVolumeRecord,
  toStorageClassRecord,
  toTemplateRecord,
} from './projection.js';
import { toPodRecord } from './pod-projection.js';

/** Gathers one (re)list, projecting each item as it arrives so raw pages can be dropped. */
export interface Collector {
  add(item: unknown): void;
  /** The list restarted (expired continue token): forget what was added. */
  reset(): void;
  /** Replace the store's collection: rows deleted during a watch gap vanish. */
  commit(): void;
}

export interface Sink {
  collect(): Collector;
  upsert(item: unknown): void;
  remove(item: unknown): void;
}

function collector<T>(project: (item: unknown) => T | null, commit: (records: T[]) => void): Collector {
  let records: T[] = [];
  return {
    add: (item) => {
      const record = project(item);
      if (record !== null) records.push(record);
    },
    reset: () => void (records = []),
    commit: () => commit(records),
  };
}

const metaOf = (item: unknown): RawMeta => (item as { metadata?: RawMeta }).metadata ?? {};
const nsKey = (item: unknown) => podKey(metaOf(item).namespace ?? 'default', metaOf(item).name ?? '');

/** `onPod` sees every pod record on its way into the store (the reflector starts lists pods need). */
export function sinkFor(kind: ResourceKind, store: ClusterStore, onPod?: (pod: PodRecord) => void): Sink {
  switch (kind) {
    case 'pods': {
      const project = onPod
        ? (item: unknown) => {
            const pod = toPodRecord(item);
            onPod(pod);
            return pod;
          }
        : toPodRecord;
      return {
        collect: () => collector(project, (records) => store.replaceAll('pods', records)),
        upsert: (item) => store.upsert('pods', project(item)),
        remove: (item) => store.remove('pods', nsKey(item)),
      };
    }
    case 'namespaces':
      return {
        collect: () => collector(toNamespaceRecord, (records) => store.replaceAll('namespaces', records)),
        upsert: (item) => store.upsert('namespaces', toNamespaceRecord(item)),
        remove: (item) => store.remove('namespaces', metaOf(item).name ?? ''),
      };
    case 'nodes':
      return {
        collect: () => collector(toNodeRecord, (records) => store.replaceAll('nodes', records)),
        upsert: (item) => store.upsert('nodes', toNodeRecord(item)),
        remove: (item) => store.remove('nodes', metaOf(item).name ?? ''),
      };
    case 'claims':
      return {
        collect: () => collector(toClaimRecord, (records) => store.replaceAll('claims', records)),
        upsert: (item) => store.upsert('claims', toClaimRecord(item)),
        remove: (item) => store.remove('claims', nsKey(item)),
      };
    case 'volumes':
      return {
        collect: () => collector(toPersistentVolumeRecord, (records) => store.replaceAll('volumes', records)),
        upsert: (item) => store.upsert('volumes', toPersistentVolumeRecord(item)),
        remove: (item) => store.remove('volumes', metaOf(item).name ?? ''),
      };
    case 'storageClasses':
      return {
        collect: () => collector(toStorageClassRecord, (records) => store.replaceAll('storageClasses', records)),
        upsert: (item) => store.upsert('storageClasses', toStorageClassRecord(item)),
        remove: (item) => store.remove('storageClasses', metaOf(item).name ?? ''),
      };
    case 'replicasets':
      return templateSink('ReplicaSet', store);
    case 'statefulsets':
      return templateSink('StatefulSet', store);
    case 'jobs':
      return templateSink('Job', store);
    case 'events':
      return {
        collect: () => collector(toEventRecord, (records) => store.replaceEvents(records)),
        upsert: (item) => {
          const event = toEventRecord(item);
          if (event) store.addEvent(event);
        },
        // Events expire after an hour; the store keeps the last few per pod anyway.
        remove: () => {},
      };
  }
}

function templateSink(kind: TemplateOwnerKind, store: ClusterStore): Sink {
  const project = toTemplateRecord(kind);
  return {
    collect: () => collector(project, (records) => store.replaceTemplates(kind, records)),
    upsert: (item) => store.upsert('templates', project(item)),
    remove: (item) => store.remove('templates', templateKey(metaOf(item).namespace ?? 'default', kind, metaOf(item).name ?? '')),
  };
}
