// Legacy discovery documents (/api, /api/v1, /apis, /apis/<group>/<version>) and /version.
// kubectl asks for aggregated discovery first and falls back to these when the answer is plain JSON.
import { RESOURCES } from './resources.js';
import type { ResourceDef } from './resources.js';
import { eksVersion, minorOf } from '../eks/versions.js';

const GROUP_ORDER = ['apps', 'batch', 'policy', 'storage.k8s.io', 'authorization.k8s.io'];

function resourceEntries(defs: ResourceDef[]): object[] {
  const out: object[] = [];
  for (const r of defs) {
    const entry: Record<string, unknown> = { name: r.plural, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs };
    if (r.shortNames.length > 0) entry.shortNames = r.shortNames;
    if (r.categories !== undefined) entry.categories = r.categories;
    out.push(entry);
    for (const s of r.subresources ?? []) {
      const sub: Record<string, unknown> = { name: `${r.plural}/${s.name}`, singularName: '', namespaced: r.namespaced, kind: s.kind, verbs: s.verbs };
      if (s.group !== undefined) {
        sub.group = s.group;
        sub.version = s.version;
      }
      out.push(sub);
    }
  }
  return out;
}

export function apiVersions(serverAddress: string): object {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

export function resourceList(group: string, version: string): object | undefined {
  const defs = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (defs.length === 0) return undefined;
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group === '' ? version : `${group}/${version}`, resources: resourceEntries(defs) };
}

function groupDoc(name: string): object {
  const gv = { groupVersion: `${name}/v1`, version: 'v1' };
  return { name, versions: [gv], preferredVersion: gv };
}

export function groupList(): object {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: GROUP_ORDER.map(groupDoc) };
}

export function group(name: string): object | undefined {
  return GROUP_ORDER.includes(name) ? { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(name) } : undefined;
}

/** GET /version: what kube-apiserver reports, with the EKS build string of `version` ("1.33"). */
export function versionInfo(version: string): object {
  return {
    major: '1',
    minor: String(minorOf(version)),
    gitVersion: eksVersion(version).apiServer,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.23.0',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
