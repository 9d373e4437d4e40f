import type { PodView } from '../../view-model/cluster-view.js';
import { useUIState } from '../app/contexts.js';
import { podRows } from '../app/list-rows.js';
import type { Column } from '../components/Table.js';
import { formatAge } from '../format.js';
import { podRowKey } from '../state/rows.js';
import { VERDICT_LABEL, type Theme } from '../theme.js';
import { ListTable } from './ListTable.js';

const NODE_LABEL = { fargate: 'Fargate', ec2: 'EC2', pending: 'pending' } as const;

/** Profiles that only exist in --profiles-file: a pod expected there is a what-if result. */
export function proposedNames(view: { profiles: ReadonlyArray<{ profile: { name: string }; proposed: boolean }> }): ReadonlySet<string> {
  const live = new Set(view.profiles.filter((p) => !p.proposed).map((p) => p.profile.name));
  return new Set(view.profiles.filter((p) => p.proposed && !live.has(p.profile.name)).map((p) => p.profile.name));
}

export function podColumns(theme: Theme, opts: { allNamespaces: boolean; profilesKnown: boolean; proposed: ReadonlySet<string>; now: number }): Column<PodView>[] {
  const expected = (r: PodView): string => {
    if (!opts.profilesKnown && r.placement.matchingProfiles === null) return '?';
    const name = r.placement.expectedProfile;
    if (name === null) return r.placement.verdict === 'completed' ? '-' : 'EC2';
    return opts.proposed.has(name) ? `${name}*` : name;
  };
  const cols: Column<PodView>[] = [
    { id: 'namespace', header: 'NAMESPACE', width: 14, priority: 2, cell: (r) => r.pod.namespace },
    { id: 'name', header: 'NAME', width: 20, flex: true, priority: 0, cell: (r) => r.pod.name },
    { id: 'status', header: 'STATUS', width: 12, priority: 2, cell: (r) => r.pod.status },
    { id: 'node', header: 'NODE', width: 7, priority: 1, cell: (r) => NODE_LABEL[r.placement.runsOn] },
    { id: 'current', header: 'CURRENT', width: 14, priority: 3, cell: (r) => r.placement.currentProfile ?? '-' },
    {
      id: 'expected',
      header: 'EXPECTED',
      width: 14,
      priority: 1,
      cell: expected,
      style: (r) => (r.placement.expectedProfile && opts.proposed.has(r.placement.expectedProfile) ? theme.proposed : undefined),
    },
    {
      id: 'verdict',
      header: 'VERDICT',
      width: 10,
      priority: 0,
      cell: (r) => VERDICT_LABEL[r.placement.verdict],
      style: (r) => theme.verdict[r.placement.verdict],
    },
    { id: 'reason', header: 'REASON', width: 24, flex: true, priority: 2, cell: (r) => r.placement.reasons.at(-1) ?? '', style: () => theme.text.secondary },
    { id: 'size', header: 'FARGATE SIZE', width: 14, priority: 4, cell: (r) => r.placement.size?.label ?? '-' },
    { id: 'age', header: 'AGE', width: 4, priority: 5, align: 'right', cell: (r) => formatAge(opts.now - r.pod.createdAt) },
  ];
  return opts.allNamespaces ? cols : cols.filter((c) => c.id !== 'namespace');
}

/** Pods of the selected namespace (or all): where each runs, where it should, and the verdict. */
export function PodsView() {
  const { view, nav, selectors, theme, now, snapshot } = useUIState();
  const columns = podColumns(theme, {
    allNamespaces: nav.namespace === null,
    profilesKnown: view.profilesKnown,
    proposed: proposedNames(view),
    now,
  });
  return (
    <ListTable
      list={podRows(view, nav, selectors)}
      columns={columns}
      rowKey={podRowKey}
      marks={nav.marks}
      changedAt={snapshot.changedAt}
      emptyText={nav.onlyReschedule ? 'No pods need a reschedule here.' : 'No pods.'}
    />
  );
}
