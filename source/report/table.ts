import type { PodView } from '../view-model/cluster-view.js';
import { paintVerdict } from './colors.js';
import { renderColumns, type Column } from './columns.js';

export interface TableOptions {
  wide: boolean;
  headers: boolean;
  color: boolean;
  /** Hide the NAMESPACE column when one namespace was asked for, as kubectl does. */
  showNamespace: boolean;
}

const none = (value: string | null | undefined) => (value === null || value === undefined || value === '' ? '<none>' : value);

export const NODE_TYPE: Record<string, string> = { fargate: 'Fargate', ec2: 'EC2', pending: 'pending' };

/** The conclusion: the placement engine states its verdict's reason last. */
export const mainReason = (view: PodView): string => view.placement.reasons.at(-1) ?? '';

/** The profile EKS would pick, `EC2` for none, `?` when profiles are unknown. */
export function expectedText(view: PodView): string {
  const { placement } = view;
  if (placement.matchingProfiles === null) return '?';
  return placement.expectedProfile ?? 'EC2';
}

export function podTable(pods: readonly PodView[], options: TableOptions): string {
  const paint = paintVerdict(options.color);
  const columns: Column<PodView>[] = [];
  if (options.showNamespace) columns.push({ header: 'NAMESPACE', value: (v) => v.pod.namespace });
  columns.push(
    { header: 'NAME', value: (v) => v.pod.name },
    { header: 'STATUS', value: (v) => v.pod.status },
    { header: 'NODE-TYPE', value: (v) => NODE_TYPE[v.placement.runsOn] ?? v.placement.runsOn },
    { header: 'CURRENT', value: (v) => none(v.placement.currentProfile) },
    { header: 'EXPECTED', value: expectedText },
    { header: 'VERDICT', value: (v) => v.placement.verdict, paint: (v, text) => paint(v.placement.verdict, text) },
  );
  if (options.wide) {
    columns.push(
      { header: 'NODE', value: (v) => none(v.pod.nodeName) },
      { header: 'OWNER', value: (v) => (v.pod.owner ? `${v.pod.owner.kind}/${v.pod.owner.name}` : '<none>') },
      { header: 'SIZE', value: (v) => v.placement.size?.label ?? '<none>' },
      { header: 'USD/H', value: (v) => (v.placement.size ? v.placement.size.hourlyUsd.toFixed(4) : '<none>') },
      { header: 'REASON', value: mainReason },
    );
  }
  return renderColumns(pods, columns, options.headers);
}
