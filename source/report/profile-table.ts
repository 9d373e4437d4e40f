// `kubectl fargate profile list`: the profiles table (like `eksctl get fargateprofile`) with the
// pods each runs now and would capture if they were created now, and its --json/-o yaml document.
import type { ClusterView, ProfileSummary } from '../view-model/cluster-view.js';
import { NONE } from '../view-model/words/pod.js';
import { selectorsWords } from '../view-model/words/profile.js';
import { renderColumns, type Column } from './columns.js';

const tagsText = (tags: Record<string, string> | undefined): string => Object.entries(tags ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || NONE;

export function profileTable(view: ClusterView, options: { wide?: boolean; headers?: boolean } = {}): string {
  const columns: Column<ProfileSummary>[] = [
    { header: 'NAME', value: (r) => (r.proposed ? `${r.profile.name}*` : r.profile.name) },
    { header: 'STATUS', value: (r) => r.profile.status },
    { header: 'SELECTORS', value: (r) => selectorsWords(r.profile.selectors) },
    { header: 'RUNNING', value: (r) => String(r.running) },
    { header: 'CAPTURES', value: (r) => String(r.wouldCapture) },
  ];
  if (options.wide) {
    columns.push(
      { header: 'SUBNETS', value: (r) => r.profile.subnets.join(',') || NONE },
      { header: 'POD-EXECUTION-ROLE', value: (r) => r.profile.podExecutionRoleArn ?? NONE },
      { header: 'TAGS', value: (r) => tagsText(r.profile.tags) },
    );
  }
  return renderColumns(view.profiles, columns, options.headers !== false);
}

/** --json / -o yaml: each profile as EKS describes it, plus its pods. */
export function profileListDocument(view: ClusterView, apiVersion: string): Record<string, unknown> {
  return {
    apiVersion,
    kind: 'FargateProfileList',
    context: view.identity.context,
    cluster: { name: view.identity.clusterName, region: view.identity.region },
    profiles: view.profiles.map((r) => ({
      name: r.profile.name,
      status: r.profile.status,
      selectors: r.profile.selectors.map((s) => ({ namespace: s.namespace, labels: s.labels ?? {} })),
      subnets: r.profile.subnets,
      podExecutionRoleArn: r.profile.podExecutionRoleArn,
      tags: r.profile.tags ?? {},
      source: r.profile.source,
      effect: r.effect,
      running: r.running,
      captures: r.wouldCapture,
    })),
  };
}
